package dev.missioncontrol.agent.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.agent.Entry;
import dev.missioncontrol.agent.SessionFacts;
import dev.missioncontrol.agent.Step;
import dev.missioncontrol.agent.ToolResult;
import dev.missioncontrol.store.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The playbook run against the real log tools in memory, with the timeline kept in a list. */
class AnalystBrainTest {
    static final String LOGS = """
            2026-01-01T10:00:00Z INFO  api - GET /orders 200
            2026-01-01T10:00:05Z INFO  api - GET /orders 200
            2026-01-01T10:00:10Z ERROR api - upstream call failed: dial tcp 10.0.0.5:6379: connect: connection refused
            2026-01-01T10:00:15Z ERROR api - upstream call failed: dial tcp 10.0.0.5:6379: connect: connection refused
            """;

    private final Playbook playbook = new Playbook();

    private static SessionFacts facts(String prompt, String logs) {
        return Playbook.facts(prompt, logs);
    }

    private Step.Finish run(SessionFacts facts) {
        return playbook.run(facts);
    }

    private Step.Finish run(SessionFacts facts, ToolResult deployments) {
        return playbook.run(facts, deployments);
    }

    @Test
    void runs_the_playbook_and_reports_the_cause_with_quoted_evidence() {
        Step.Finish done = run(facts("Why is the api failing with 'connection refused'?", LOGS));

        assertThat(playbook.calls()).containsSubsequence("analyze_logs", "search_logs", "match_known_issues",
                "list_deployments");
        String md = done.report().markdown();
        ReportAssertions.hasSectionsInOrder(md);
        assertThat(md).contains("Most likely cause (high confidence): Connection refused")
                .contains("'connection refused' appears in 2 lines")
                .contains("context.logs line 3, 2026-01-01T10:00:10Z: `2026-01-01T10:00:10Z ERROR api - upstream");
        assertThat(done.report().outcome()).isEqualTo("Likely cause: Connection refused");
        assertThat(playbook.timeline).filteredOn(e -> e.is("finding")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.data().path("evidence").isArray()).isTrue());
    }

    @Test
    void the_timeline_says_when_log_times_named_no_zone_and_were_read_as_utc() {
        String local = LOGS.replace("Z ", " ");

        String zoneless = run(facts("Why is the api failing?", local)).report().markdown();
        String zoned = new Playbook().run(facts("Why is the api failing?", LOGS)).report().markdown();

        assertThat(zoneless).contains("context.logs holds 4 events from 2026-01-01T10:00:00Z to 2026-01-01T10:00:15Z"
                + " (its times name no zone, so they are read as UTC).");
        assertThat(zoned).contains("to 2026-01-01T10:00:15Z.").doesNotContain("read as UTC");
    }

    @Test
    void log_lines_with_backticks_cannot_put_live_links_images_or_html_into_the_report() {
        String hostile = "2026-01-01T10:00:%02dZ ERROR api - login ``failed`` ![pixel](https://attacker.example/p.png)"
                + " <img src=https://attacker.example/i> [Re-login here](https://attacker.example/login) `x\n";
        StringBuilder logs = new StringBuilder("2026-01-01T10:00:00Z INFO  api - GET /orders 200\n");
        for (int i = 1; i < 5; i++) {
            logs.append(String.format(hostile, i));
        }
        dev.missioncontrol.agent.Report report = run(facts("Why does login fail?", logs.toString())).report();
        List<String> texts = new ArrayList<>(List.of(report.markdown(), report.description(), report.outcome()));
        texts.addAll(report.keyActions());
        assertThat(texts).allSatisfy(text -> assertThat(liveMarkup(text)).as(text).isEmpty());
        assertThat(report.markdown()).contains("[Re-login here](https://attacker.example/login)");
    }

    /** Links, images and raw HTML that a CommonMark renderer would make of the text. */
    static List<String> liveMarkup(String markdown) {
        List<String> live = new ArrayList<>();
        org.commonmark.parser.Parser.builder().build().parse(markdown).accept(new org.commonmark.node.AbstractVisitor() {
            @Override
            public void visit(org.commonmark.node.Link link) {
                live.add("link " + link.getDestination());
            }

            @Override
            public void visit(org.commonmark.node.Image image) {
                live.add("image " + image.getDestination());
            }

            @Override
            public void visit(org.commonmark.node.HtmlInline html) {
                live.add("html " + html.getLiteral());
            }

            @Override
            public void visit(org.commonmark.node.HtmlBlock html) {
                live.add("html " + html.getLiteral());
            }
        });
        return live;
    }

    @Test
    void a_failure_the_catalogue_says_another_brings_about_reads_as_that_ones_consequence_when_it_came_after() {
        String spikeThen429 = """
                2026-01-01T10:00:00Z INFO  limiter - POST /ingest 200 from 10.0.3.7
                2026-01-01T10:00:05Z WARN  limiter - Traffic spike detected from 10.0.50.123: 1000 requests/second
                2026-01-01T10:00:06Z ERROR limiter - 429 Too Many Requests for 10.0.50.123: rate limit exceeded
                2026-01-01T10:00:07Z ERROR limiter - 429 Too Many Requests for 10.0.50.123: rate limit exceeded
                """;
        String md = run(facts("Why is the limiter failing?", spikeThen429)).report().markdown();
        assertThat(md).contains("Most likely cause (high confidence): Traffic spike, which led to Rate limit "
                + "exceeded (HTTP 429).").contains("Both name 10.0.50.123.").doesNotContain("Several problems");

        playbook.timeline.clear();
        String spikeAfter429 = """
                2026-01-01T10:00:00Z INFO  limiter - POST /ingest 200 from 10.0.3.7
                2026-01-01T10:00:05Z ERROR limiter - 429 Too Many Requests for 10.0.50.123: rate limit exceeded
                2026-01-01T10:00:06Z ERROR limiter - 429 Too Many Requests for 10.0.50.123: rate limit exceeded
                2026-01-01T10:00:07Z WARN  limiter - Traffic spike detected from 10.0.9.9: 1000 requests/second
                """;
        assertThat(run(facts("Why is the limiter failing now?", spikeAfter429)).report().markdown())
                .contains("Several problems at once").doesNotContain("which led to");
    }

    @Test
    void one_line_matching_a_signature_beside_hundreds_that_match_none_is_no_high_confidence_cause() {
        StringBuilder logs = new StringBuilder("2026-01-01T10:00:00Z INFO  sshd - Server listening on 0.0.0.0 port 22\n");
        for (int i = 0; i < 120; i++) {
            // closed logins match no signature, unlike failed passwords, which read as a brute force
            logs.append(String.format("2026-01-01T10:%02d:%02dZ ERROR sshd - Connection closed by authenticating "
                    + "user root 10.0.7.%d port 22 [preauth]%n", 1 + i / 60, i % 60, i % 200));
        }
        logs.append("2026-01-01T10:03:00Z ERROR sshd - Connection reset by peer\n");
        String md = run(facts("Why are there so many sshd errors?", logs.toString())).report().markdown();
        assertThat(md).contains("Connection reset or broken pipe").doesNotContain("(high confidence): Connection reset");
    }

    @Test
    void one_matching_line_even_the_first_is_no_high_confidence_cause_beside_several_that_match_nothing() {
        StringBuilder logs = new StringBuilder("2026-01-01T10:00:00Z INFO  api - ok\n"
                + "2026-01-01T10:00:01Z ERROR api - payments answered HTTP 429\n");
        for (int i = 2; i < 8; i++) {
            logs.append(String.format("2026-01-01T10:00:%02dZ ERROR api - failed to process order %d: validation error "
                    + "on field zip%n", i, 400 + i));
        }
        String md = run(facts("Why did order processing fail?", logs.toString())).report().markdown();
        assertThat(md).contains("Rate limit exceeded (HTTP 429)").doesNotContain("(confidence: high)");
    }

    @Test
    void failures_seconds_apart_in_two_components_are_not_called_a_cascade_and_minutes_apart_are_ordered() {
        String together = """
                2026-01-01T10:00:00Z INFO  orders - started
                2026-01-01T10:05:00Z ERROR orders - SQL syntax error near SELCT
                2026-01-01T10:05:04Z ERROR billing - duplicate key value violates unique constraint
                2026-01-01T10:05:06Z ERROR orders - SQL syntax error near SELCT
                2026-01-01T10:09:00Z INFO  orders - still running
                """;
        assertThat(run(facts("What is failing?", together)).report().markdown())
                .contains("Errors began in orders and billing within 4.0 s of each other")
                .doesNotContain("the other components failed after it");

        playbook.timeline.clear();
        String later = together.replace("10:05:04Z ERROR billing", "10:08:04Z ERROR billing");
        assertThat(run(facts("What is failing now?", later)).report().markdown())
                .contains("Start with orders, where errors began; the other components began failing 3m 4s or more");
    }

    @Test
    void the_5xx_lines_of_an_access_log_set_the_incidents_start_and_end_not_the_2xx_around_them() {
        String access = """
                10.0.0.1 - - [01/Jan/2026:10:00:00 +0000] "GET /api/cart HTTP/1.1" 200 157 "-" "curl/8"
                10.0.0.2 - - [01/Jan/2026:10:05:00 +0000] "GET /api/cart HTTP/1.1" 200 157 "-" "curl/8"
                10.0.0.3 - - [01/Jan/2026:10:10:00 +0000] "GET /api/cart HTTP/1.1" 502 157 "-" "curl/8"
                10.0.0.4 - - [01/Jan/2026:10:11:00 +0000] "GET /api/cart HTTP/1.1" 504 157 "-" "curl/8"
                10.0.0.5 - - [01/Jan/2026:10:15:00 +0000] "GET /api/cart HTTP/1.1" 200 157 "-" "curl/8"
                10.0.0.6 - - [01/Jan/2026:10:20:00 +0000] "GET /api/cart HTTP/1.1" 200 157 "-" "curl/8"
                """;
        String md = run(facts("Users get 502 and 504, what is going on?", access)).report().markdown();
        assertThat(md).contains("The first bad line (2026-01-01T10:10:00Z)")
                .contains("2 problem lines of 1 kind in all; it stopped: the last bad line is at 2026-01-01T10:11:00Z");
    }

    @Test
    void a_timeline_leaves_out_deployments_that_landed_after_the_logs_end() {
        var listed = Json.MAPPER.createArrayNode();
        listed.addObject().put("id", "d-during").put("created_at", "2026-01-01T10:00:12Z").put("status", "success");
        listed.addObject().put("id", "d-later").put("created_at", "2026-01-01T10:20:00Z").put("status", "success");
        String report = run(facts("Why is the api failing?", LOGS), ToolResult.ok("2 deployments", listed))
                .report().markdown();
        assertThat(report).contains("deployment d-during recorded as deployed")
                .doesNotContain("d-later");
    }

    /** Pool timeouts in checkout after two deployments a second apart: checkout's own, then billing's. */
    static final String POOL_LOGS = """
            2026-01-01T10:00:00Z INFO  checkout - POST /api/orders 201
            2026-01-01T10:01:00Z INFO  checkout - POST /api/orders 201
            2026-01-01T10:05:00Z ERROR checkout - Order placement failed: HikariPool-1 - Connection is not available
            2026-01-01T10:05:05Z ERROR checkout - Order placement failed: HikariPool-1 - Connection is not available
            2026-01-01T10:05:09Z ERROR checkout - Order placement failed: HikariPool-1 - Connection is not available
            """;

    static ToolResult twoDeployments() {
        var listed = Json.MAPPER.createArrayNode();
        listed.addObject().put("id", "d-checkout").put("repository_full_name", "acme/checkout")
                .put("created_at", "2026-01-01T10:03:51Z").put("status", "success")
                .put("commit_sha", "a1b2c3d4e5f6").put("commit_message", "Lower HikariCP maximumPoolSize to 5");
        listed.addObject().put("id", "d-billing").put("repository_full_name", "acme/billing")
                .put("created_at", "2026-01-01T10:03:52Z").put("status", "success")
                .put("commit_sha", "ffee0011aabb").put("commit_message", "Billing: new invoice template");
        return ToolResult.ok("2 deployments", listed);
    }

    @Test
    void blames_the_named_services_deployment_and_names_another_services_later_one_only_as_context() {
        var context = Json.object().put("service", "checkout").put("logs", POOL_LOGS);
        String md = run(Playbook.facts("checkout fails to place orders", context), twoDeployments()).report()
                .markdown();
        assertThat(md).contains("Most likely cause (high confidence): The deployment d-checkout of acme/checkout")
                .contains("Also deployed around then, of another service than checkout and so only context: "
                        + "deployment d-billing of acme/billing")
                .contains("deployment d-billing of acme/billing, commit ffee0011aabb (\"Billing: new invoice "
                        + "template\") landed (another service than checkout)")
                .contains("Roll back deployment d-checkout").doesNotContain("Check whether deployment d-billing")
                .doesNotContain("Roll back deployment d-billing").doesNotContain("**The deployment d-billing");
    }

    /** The brain's next step once the report on LOGS is written and the question asked. */
    private Step answerAfterReport(String question) {
        SessionFacts facts = facts("What is wrong with the api?", LOGS);
        run(facts);
        playbook.append("report", Json.object());
        playbook.say(question);
        return playbook.next(facts);
    }

    @Test
    void answers_follow_up_questions_from_the_same_analysis() {
        SessionFacts facts = facts("What is wrong with the api?", LOGS);
        run(facts);
        playbook.append("report", Json.object());
        playbook.say("when did it start?");

        Step answer = playbook.next(facts);
        assertThat(answer).isInstanceOf(Step.Say.class);
        assertThat(((Step.Say) answer).text()).contains("2026-01-01T10:00:10Z: first bad line");
        playbook.append("message", Json.object().put("role", "agent"));
        assertThat(playbook.next(facts)).isEqualTo(new Step.Finish(null));
    }

    @Test
    void a_follow_up_that_names_a_term_searches_the_logs_again() {
        SessionFacts facts = facts("What is wrong with the api?", LOGS);
        run(facts);
        playbook.append("report", Json.object());
        playbook.say("any lines with '6379'?");

        Step search = playbook.next(facts);
        assertThat(search).isInstanceOf(Step.CallTool.class);
        Step.CallTool call = (Step.CallTool) search;
        assertThat(call.tool()).isEqualTo("search_logs");
        assertThat(call.args().path("query").asText()).isEqualTo("6379");
        playbook.perform(facts, call);

        Step answer = playbook.next(facts);
        assertThat(answer).isInstanceOf(Step.Say.class);
        assertThat(((Step.Say) answer).text()).startsWith("2 lines mention '6379' as a whole number")
                .contains("2026-01-01T10:00:15Z");
    }

    /** A search would say no line holds a masked secret, which is false, and repeat it in the timeline. */
    @Test
    void a_follow_up_asking_to_search_for_a_secret_is_told_why_not_rather_than_searched() {
        Step answer = answerAfterReport("search for 'ghp_1234567890abcdefghijklmnopqrstuvwxyzAB'");

        assertThat(answer).isInstanceOf(Step.Say.class);
        assertThat(((Step.Say) answer).text()).isEqualTo(FollowUpSearch.SECRET);
    }

    @Test
    void names_a_search_term_only_when_the_question_asks_for_one_and_says_when_nothing_matches() {
        assertThat(FollowUpSearch.term("search for OOMKilled please")).contains("OOMKilled");
        assertThat(FollowUpSearch.term("mentions of deadlock?")).contains("deadlock");
        assertThat(FollowUpSearch.term("show me the errors")).isEmpty();
        assertThat(FollowUpSearch.term("what changed before?")).isEmpty();
        assertThat(FollowUpSearch.term("where should I look for the cause?")).isEmpty();
        assertThat(FollowUpSearch.term("Should I roll back? It's urgent, we're losing orders")).isEmpty();
        assertThat(FollowUpSearch.term("What's the root cause, and why isn't it fixed?")).isEmpty();
        assertThat(FollowUpSearch.term("any lines with 'pool exhausted'?")).contains("pool exhausted");
        assertThat(FollowUpSearch.term("it's \"disk full\" again, isn't it?")).contains("disk full");
        assertThat(FollowUpSearch.term("search for \" 502 \"")).as("as typed").contains(" 502 ");
        var nothing = Json.object().put("status", "ok");
        nothing.putObject("data").put("total_matches", 0).put("lines_searched", 4);
        assertThat(FollowUpSearch.answer("deadlock", new Entry(9, "tool_result", "", nothing, Instant.now())))
                .isEqualTo("No line mentions 'deadlock' (4 lines searched; values masked as secrets are not searched).");
    }

    /**
     * search_logs never matches inside a masked secret, so a search for a key the person pasted in the question would
     * say no line holds it, while the report and the timeline repeated the key in the clear.
     */
    @Test
    void a_secret_asked_about_is_neither_searched_nor_repeated() {
        String key = "sk_live_51HqLyjWDarjtT1zdp7dcXYZabc123456789";
        Step.Finish done = run(facts("Find '" + key + "' in the payments logs",
                "2026-01-01T10:00:00Z ERROR payments - stripe refused key " + key + "\n"));

        assertThat(done.report().markdown()).doesNotContain(key).doesNotContain("No '")
                .contains("A term of the question that reads as a secret");
        assertThat(playbook.timeline).allSatisfy(e -> assertThat(e.text() + e.data()).doesNotContain(key));
    }

    /** Logs rarely say "slow": the finding that none does comes after what they show, and stays out of the summary. */
    @Test
    void a_describing_word_no_line_holds_comes_after_the_problem_found() {
        Step.Finish done = run(facts("Why is the api so slow?", LOGS));
        String md = done.report().markdown();

        assertThat(md).contains("### 1. Connection refused").contains("No 'slow' log lines found");
        assertThat(md.substring(0, md.indexOf("## Findings"))).doesNotContain("'slow'");
        Step.Finish quoted = new Playbook().run(facts("Any lines with 'slow' in them?", LOGS));
        assertThat(quoted.report().markdown()).contains("### 1. No 'slow' log lines found");
    }

    /** "job 42 failed" says nothing of the cause; the exception its traceback ends in does. */
    @Test
    void a_logged_error_is_described_with_what_its_traceback_raised() {
        Step.Finish done = run(facts("Why do charges fail?", """
                2026-01-01 10:00:00,001 INFO [worker] processing job 41
                2026-01-01 10:00:01,002 ERROR [worker] job 42 failed
                Traceback (most recent call last):
                  File "/app/worker/tasks.py", line 88, in charge
                    resp = client.post(url, json=payload, timeout=5)
                requests.exceptions.ConnectTimeout: HTTPSConnectionPool(host='api.stripe.com', port=443)
                2026-01-01 10:00:05,002 INFO [worker] processing job 43
                """));

        assertThat(done.report().markdown()).contains("It raised `requests.exceptions.ConnectTimeout: "
                + "HTTPSConnectionPool(host='api.stripe.com', port=443)`.");
    }

    /** Asked without logs why a project is down, the analyst still has its deployments to say something with. */
    @Test
    void without_logs_the_projects_latest_deployment_before_the_question_is_named() {
        var listed = Json.MAPPER.createArrayNode();
        listed.addObject().put("id", "d-checkout").put("repository_full_name", "acme/checkout")
                .put("created_at", "2026-01-01T10:22:57Z").put("status", "success")
                .put("commit_sha", "a1b2c3d4e5f6").put("commit_message", "Switch payment client to new pool settings");
        SessionFacts facts = new SessionFacts("s-nologs", "o", "p-checkout", "root_cause_analysis",
                "Why is checkout down?", Json.object().put("repository_full_name", "acme/checkout"),
                Instant.parse("2026-01-01T11:00:00Z"));
        Step.Finish done = run(facts, ToolResult.ok("1 deployment", listed));

        assertThat(done.report().markdown()).startsWith("## Summary\n\nNothing analysed: the request carried no logs. "
                + "The latest deployment: deployment d-checkout of acme/checkout, commit a1b2c3d4e5f6 (\"Switch payment "
                + "client to new pool settings\") landed at 2026-01-01T10:22:57Z, 37m 3s before the question was asked.")
                .contains("### 1. The latest deployment landed 37m 3s before the question was asked")
                .contains("1. If the problem began after deployment d-checkout");
        assertThat(done.report().outcome()).isEqualTo("No logs to analyse");
    }

    @Test
    void says_there_is_no_problem_when_the_logs_are_healthy() {
        Step.Finish done = run(facts("Is the api healthy?", "2026-01-01T10:00:00Z INFO api - GET /orders 200\n"
                + "2026-01-01T10:00:05Z INFO api - GET /orders 200\n"));
        assertThat(done.report().outcome()).isEqualTo("No problem found in the logs");
        assertThat(done.report().markdown()).contains("No problem found").contains("No cause to rank");
    }
}
