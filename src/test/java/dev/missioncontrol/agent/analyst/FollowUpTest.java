package dev.missioncontrol.agent.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.agent.SessionFacts;
import dev.missioncontrol.agent.Step;
import dev.missioncontrol.agent.ToolResult;
import dev.missioncontrol.store.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Questions after the report get the answer they ask for, not the one their first keyword happens to pick. */
class FollowUpTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final String TIMEOUT = " ERROR checkout - Order placement failed "
            + "org.springframework.jdbc.CannotGetJdbcConnectionException: Failed to obtain JDBC Connection; nested "
            + "exception is java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available\n";

    private final Playbook playbook = new Playbook();

    /**
     * Ten minutes of checkout: orders every 10 s, pool timeouts from 10:04 (every 6 s), at their worst through
     * 10:05 (every 2 s), then every 10 s to the end of the logs.
     */
    static String poolStorm() {
        StringBuilder b = new StringBuilder();
        for (int s = 0; s <= 600; s++) {
            if (s % 10 == 0) {
                b.append(T0.plusSeconds(s)).append(" INFO  checkout - POST /api/orders 201\n");
            }
            int every = s < 240 ? 0 : s < 300 ? 6 : s < 360 ? 2 : 10;
            if (every > 0 && s % every == 0 && s < 600) {
                b.append(T0.plusSeconds(s).plusMillis(500)).append(TIMEOUT);
            }
        }
        return b.toString();
    }

    private SessionFacts reported(String logs, ToolResult deployments) {
        // a prompt of its own per log: the log tools keep what they mined by session
        SessionFacts facts = Playbook.facts("checkout fails to place orders " + logs.hashCode(),
                Json.object().put("service", "checkout").put("logs", logs));
        playbook.run(facts, deployments);
        return facts;
    }

    @Test
    void a_question_about_rate_answers_with_the_peak_per_minute_and_whether_it_still_happens() {
        SessionFacts facts = reported(poolStorm(), ToolResult.noData("none"));
        assertThat(playbook.ask(facts, "How many errors per minute at the peak, and is it still happening?"))
                .startsWith("At the peak, 29 error lines in the 1m 4s from 2026-01-01T10:05:04Z: about 27 a minute.")
                .contains("still happening: the last bad line (2026-01-01T10:09:50.500Z) is at the end of the logs");
    }

    @Test
    void a_question_about_the_root_cause_exception_names_it_and_quotes_a_line() {
        SessionFacts facts = reported(poolStorm(), ToolResult.noData("none"));
        assertThat(playbook.ask(facts, "What is the root cause exception?"))
                .contains("The exception most problem lines name: "
                        + "`org.springframework.jdbc.CannotGetJdbcConnectionException` (")
                .contains("the innermost cause its first line names is `java.sql.SQLTransientConnectionException`")
                .containsPattern("\n- context.logs line \\d+, 2026-01-01T10:04:00.500Z: `");
    }

    @Test
    void a_question_asked_while_the_playbook_ran_is_answered_after_the_report() {
        SessionFacts facts = Playbook.facts("checkout fails to place orders", Json.object().put("service", "checkout")
                .put("logs", poolStorm()));
        playbook.say("What is the root cause exception?");
        playbook.run(facts, ToolResult.noData("none"));
        playbook.append("report", Json.object());
        assertThat(playbook.next(facts)).isInstanceOfSatisfying(Step.Say.class, s -> assertThat(s.text())
                .contains("The exception most problem lines name: "));
    }

    @Test
    void a_question_naming_a_deployment_by_commit_answers_about_that_one() {
        SessionFacts facts = reported(AnalystBrainTest.POOL_LOGS, AnalystBrainTest.twoDeployments());
        String answer = playbook.ask(facts, "Was it the checkout deploy a1b2c3d4?");
        assertThat(answer).startsWith("The deployment d-checkout of acme/checkout, commit a1b2c3d4e5f6")
                .contains("landed at 2026-01-01T10:03:51Z, 1m 9s before the first error (2026-01-01T10:05:00Z)")
                .contains("It is the report's leading deployment suspect (high confidence).");
        assertThat(playbook.ask(facts, "and the billing deploy?")).startsWith("The deployment d-billing")
                .contains("It is a deployment of another service than checkout, so the report names it only as "
                        + "context. The report's leading deployment suspect is the deployment d-checkout");
    }

    @Test
    void a_question_naming_a_deployment_by_time_says_it_landed_after_the_errors_began() {
        var listed = Json.MAPPER.createArrayNode();
        listed.addObject().put("id", "d-late").put("repository_full_name", "acme/checkout")
                .put("created_at", "2026-01-01T10:09:30Z").put("status", "success").put("commit_sha", "c0ffee12");
        SessionFacts facts = reported(poolStorm(), ToolResult.ok("1 deployment", listed));
        assertThat(playbook.ask(facts, "Did the deploy at 10:09 cause this?")).startsWith("The deployment d-late")
                .contains("landed at 2026-01-01T10:09:30Z, 5m 29s after the first error (2026-01-01T10:04:00.500Z), "
                        + "longer than a rollout takes, so it cannot have caused it")
                .contains("Problem lines went on after it");
        assertThat(playbook.ask(facts, "Was it the deploy?")).contains("No recorded deployment precedes the first "
                + "error").contains("d-late of acme/checkout, commit c0ffee12 landed at 2026-01-01T10:09:30Z, 5m 29s "
                + "after the first error, longer than a rollout takes, so it cannot have caused it.");
    }

    @Test
    void showing_the_errors_says_when_lines_were_found_by_their_words_or_only_by_a_search() {
        SessionFacts worded = reported("""
                2026-01-01T10:00:00Z api - started
                2026-01-01T10:00:10Z api - upstream connection refused by 10.0.0.5
                """, ToolResult.noData("none"));
        assertThat(playbook.ask(worded, "show me the errors")).startsWith("1 kind of problem line; none carries an "
                + "ERROR or WARN level: all were found by their words (refused):");

        playbook.timeline.clear();
        SessionFacts levelled = reported("""
                2026-01-01T10:00:00Z INFO api - started
                2026-01-01T10:00:10Z INFO api - cart upstream said ECONNREFUSED
                """, ToolResult.noData("none"));
        assertThat(playbook.ask(levelled, "search for ECONNREFUSED")).startsWith("1 lines mention 'ECONNREFUSED'");
        assertThat(playbook.ask(levelled, "show me the errors")).startsWith("No line was read as an error or warning")
                .contains("But searches in this session found lines:\n- 'ECONNREFUSED' in 1 line")
                .contains("context.logs line 2");
    }
}
