package dev.missioncontrol.agent.analyst;

import static dev.missioncontrol.agent.analyst.IncidentTest.SOURCE;
import static dev.missioncontrol.agent.analyst.IncidentTest.T0;
import static dev.missioncontrol.agent.analyst.IncidentTest.from;
import static dev.missioncontrol.agent.analyst.IncidentTest.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeployLinkTest {
    /** Errors in acme/db from 300 s after T0. */
    private static final Incident INCIDENT = Incident.of(List.of(problem("db", "db", 300, 640, from(30, 5))),
            List.of(SOURCE));
    private static final Request FOR_DB = request("db", null, null);

    private static Request request(String service, String repository, String environment) {
        return new Request("why does db fail?", service, repository, environment, List.of(), 0);
    }

    private static DeploymentSeen deploy(String id, String repository, String status, long secondsAfterT0,
            String environment) {
        return new DeploymentSeen(id, repository, status, T0.plusSeconds(secondsAfterT0), "aaaa1111" + id, "change",
                null, environment);
    }

    @Test
    void a_deployment_shortly_before_the_onset_is_linked_with_the_gap() {
        DeploymentSeen early = deploy("d1", "acme/db", "success", -7200, null);
        DeploymentSeen close = deploy("d2", "acme/db", "success", 120, null);
        DeploymentSeen later = deploy("d3", "acme/db", "success", 620, null);
        DeployLink link = DeployLink.of(List.of(early, close, later), INCIDENT, FOR_DB);
        assertThat(link.deployment()).isEqualTo(close);
        assertThat(link.before()).isEqualTo(Duration.ofMinutes(3));
        assertThat(link.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(link.caveat()).isNull();
        assertThat(DeployLink.after(List.of(early, close, later), INCIDENT, FOR_DB)).containsExactly(later);
        assertThat(DeployLink.of(List.of(early), INCIDENT, FOR_DB).confidence()).isEqualTo(Confidence.LOW);
    }

    @Test
    void a_deployment_recorded_within_a_rollouts_length_after_the_onset_is_still_a_suspect() {
        DeploymentSeen rolledOut = deploy("d1", "acme/db", "success", 360, null);
        DeployLink link = DeployLink.of(List.of(rolledOut), INCIDENT, FOR_DB);
        assertThat(link.deployment()).isEqualTo(rolledOut);
        assertThat(link.recordedAfter()).isTrue();
        assertThat(link.when()).isEqualTo("was recorded 1m 0s after the first error");
        assertThat(link.confidence()).as("nothing in the logs shows the new version starting")
                .isEqualTo(Confidence.MEDIUM);
        assertThat(DeployLink.after(List.of(rolledOut), INCIDENT, FOR_DB)).isEmpty();
        assertThat(hypothesis(link).supports()).contains("It was recorded at 2026-01-01T10:06:00Z, 1m 0s after the "
                + "first bad line").contains("CI records success when the rollout ends, so the new version may "
                + "already have been serving");

        long[] once = new long[64];
        once[27] = 1;
        LogTemplate starting = new LogTemplate("start", "context.logs", "Starting Application v<*>", "Starting "
                + "Application v7.3.0", 1, 0, 0, "INFO", null, T0.plusSeconds(275), T0.plusSeconds(275), 270,
                "INFO Starting Application v7.3.0", List.of("app"), null, null, List.of(), once);
        Startup started = Startup.before(List.of(starting), INCIDENT.onset());
        DeployLink supported = DeployLink.ranked(List.of(rolledOut), INCIDENT, FOR_DB, started).get(0);
        assertThat(supported.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(hypothesis(supported).supports()).contains("The logs show the application starting: `Starting "
                + "Application v7.3.0` at 2026-01-01T10:04:35Z, 25.0 s before the first error.");

        DeploymentSeen late = deploy("d2", "acme/db", "success", 300 + DeployLink.ROLLOUT.toSeconds() + 1, null);
        assertThat(DeployLink.of(List.of(late), INCIDENT, FOR_DB)).as("longer than a rollout takes").isNull();
        assertThat(DeployLink.after(List.of(late), INCIDENT, FOR_DB)).containsExactly(late);
    }

    /** A rollout explains a deployment recorded after the errors began; one that landed before them needs nothing. */
    @Test
    void a_deployment_that_landed_before_the_onset_ranks_above_one_recorded_during_it() {
        DeploymentSeen before = deploy("d1", "acme/db", "success", 120, null);
        DeploymentSeen during = deploy("d2", "acme/db", "success", 330, null);
        List<DeployLink> ranked = DeployLink.ranked(List.of(before, during), INCIDENT, FOR_DB, null);

        assertThat(ranked).extracting(DeployLink::deployment).containsExactly(before, during);
        assertThat(ranked.get(0).ranking()).contains("because the earlier one landed before the first error, while "
                + "the later one was recorded 30.0 s after it");
    }

    @Test
    void a_deployment_that_never_rolled_out_or_went_to_another_environment_is_no_suspect() {
        DeploymentSeen rolledOut = deploy("d1", "acme/db", "success", 0, "production");
        DeploymentSeen cancelled = deploy("d2", "acme/db", "cancelled", 100, "production");
        DeploymentSeen pending = deploy("d3", "acme/db", "pending", 150, "production");
        DeploymentSeen staging = deploy("d4", "acme/db", "success", 200, "staging");
        List<DeploymentSeen> all = List.of(rolledOut, cancelled, pending, staging);
        assertThat(DeployLink.of(all, INCIDENT, request("db", null, "Production")).deployment()).isEqualTo(rolledOut);
        assertThat(DeployLink.of(all, INCIDENT, FOR_DB).deployment()).as("no environment named: any counts")
                .isEqualTo(staging);
        assertThat(DeployLink.after(List.of(deploy("d5", "acme/db", "cancelled", 620, null)), INCIDENT, FOR_DB))
                .isEmpty();
    }

    @Test
    void another_services_deployment_is_a_weak_suspect_that_is_checked_rather_than_rolled_back() {
        DeploymentSeen billing = deploy("d1", "acme/billing", "success", 120, null);
        DeployLink link = DeployLink.of(List.of(billing), INCIDENT, request("checkout", null, null));
        assertThat(link.confidence()).isEqualTo(Confidence.LOW);
        assertThat(link.caveat()).isEqualTo("It is a deployment of acme/billing, and the problem is with checkout.");
        Hypothesis h = hypothesis(link);
        assertThat(h.action()).startsWith("Check whether deployment d1 of acme/billing");
        assertThat(h.weakens()).startsWith(link.caveat());
    }

    @Test
    void a_failed_deployment_or_one_of_several_projects_when_none_is_named_is_at_most_medium() {
        DeploymentSeen failed = deploy("d1", "acme/db", "failure", 120, null);
        assertThat(DeployLink.of(List.of(failed), INCIDENT, FOR_DB).confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(hypothesis(DeployLink.of(List.of(failed), INCIDENT, FOR_DB)).action()).startsWith("Roll back");

        Request unnamed = request(null, null, null);
        DeploymentSeen web = deploy("d2", "acme/web", "success", 60, null);
        DeploymentSeen db = deploy("d3", "acme/db", "success", 120, null);
        assertThat(DeployLink.of(List.of(web, db), INCIDENT, unnamed).confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(DeployLink.of(List.of(db), INCIDENT, unnamed).confidence()).as("the only project deployed")
                .isEqualTo(Confidence.HIGH);
        assertThat(DeployLink.of(List.of(web, db), INCIDENT, request(null, "ACME/db", null)).confidence())
                .isEqualTo(Confidence.HIGH);
    }

    /** Pool timeouts in checkout from 300 s after T0, as a Hikari pool that is too small writes them. */
    private static final Incident POOL = Incident.of(List.of(new LogTemplate("pool", "context.logs",
            "Order placement failed for cart <*>", "Order placement failed for cart 98468", 10, 10, 0, "ERROR",
            "level ERROR", T0.plusSeconds(300), T0.plusSeconds(640), 301, "ERROR c.a.checkout.OrderController - Order "
            + "placement failed for cart 98468: HikariPool-1 - Connection is not available", List.of("checkout"), null, null, List.of(),
            from(30, 5))), List.of(SOURCE));

    private static DeploymentSeen commit(String id, String repository, long secondsAfterT0, String message) {
        return new DeploymentSeen(id, repository, "success", T0.plusSeconds(secondsAfterT0), "a1b2c3d4" + id, message,
                null, null);
    }

    @Test
    void the_named_services_deployment_is_the_only_suspect_and_another_services_later_one_only_context() {
        DeploymentSeen checkout = commit("d1", "acme/checkout", 231, "Lower HikariCP maximumPoolSize to 5");
        DeploymentSeen billing = commit("d2", "acme/billing", 232, "Billing: new invoice template");
        Request forCheckout = request("checkout", null, null);
        List<DeployLink> ranked = DeployLink.ranked(List.of(billing, checkout), POOL, forCheckout, null);

        assertThat(ranked).extracting(DeployLink::deployment).containsExactly(checkout);
        assertThat(ranked.get(0).confidence()).isEqualTo(Confidence.HIGH);
        assertThat(ranked.get(0).caveat()).isNull();
        assertThat(ranked.get(0).ranking()).isNull();
        assertThat(OtherServices.around(List.of(billing, checkout), POOL, forCheckout)).containsExactly(billing);
        assertThat(OtherServices.label(forCheckout)).isEqualTo("another service than checkout");
        assertThat(OtherServices.around(List.of(billing), POOL, forCheckout))
                .as("with none of its own, another service's deployment is a weak suspect, not context").isEmpty();

        DeploymentSeen quiet = commit("d3", "acme/checkout", 200, "Bump version");
        DeploymentSeen pooled = commit("d4", "acme/billing", 232, "Shrink the HikariCP pool");
        assertThat(DeployLink.of(List.of(quiet, pooled), POOL, request(null, "acme/checkout", null)).deployment())
                .as("the named repository wins even when only another's commit names what fails").isEqualTo(quiet);
    }

    @Test
    void with_no_service_named_a_commit_naming_what_fails_outranks_an_unrelated_one_seconds_newer() {
        DeploymentSeen pool = commit("d1", "acme/checkout", 231, "Lower HikariCP maximumPoolSize to 5");
        DeploymentSeen invoice = commit("d2", "acme/billing", 232, "Billing: new invoice template");
        List<DeployLink> ranked = DeployLink.ranked(List.of(invoice, pool), POOL, request(null, null, null), null);

        assertThat(ranked).extracting(DeployLink::deployment).containsExactly(pool, invoice);
        assertThat(ranked.get(0).ranking()).contains("the commit message of the earlier one shares words with the "
                + "problem lines (hikari, pool) and that of the later one shares none");
        assertThat(ranked).extracting(DeployLink::confidence).containsExactly(Confidence.MEDIUM, Confidence.LOW);

        DeploymentSeen longAgo = commit("d3", "acme/checkout", -7200, "Lower HikariCP maximumPoolSize to 5");
        assertThat(DeployLink.ranked(List.of(longAgo, invoice), POOL, request(null, null, null), null))
                .as("words do not outrank a deployment hours closer to the first error")
                .extracting(DeployLink::deployment).containsExactly(invoice);
    }

    private static Hypothesis hypothesis(DeployLink link) {
        return Hypotheses.deployment(link, INCIDENT);
    }
}
