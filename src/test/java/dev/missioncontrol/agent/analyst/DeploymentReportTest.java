package dev.missioncontrol.agent.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.missioncontrol.agent.SessionFacts;
import dev.missioncontrol.agent.ToolResult;
import dev.missioncontrol.store.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Reports and follow-ups that tie an incident to the deployments around it, as an SRE reading the logs would. */
class DeploymentReportTest {
    /** A checkout release at 23:48:33, then null pointers from 23:51:31; one slow cache warm-up before both. */
    static final String CHECKOUT_LOGS = """
            2026-11-29 23:44:30.112 INFO  [main] c.a.checkout.Application - Started Application in 8.214 seconds
            2026-11-29 23:45:41.442 INFO  [http-nio-8080-exec-3] c.a.checkout.OrderController - POST /api/orders 201 in 43ms
            2026-11-29 23:46:59.019 INFO  [http-nio-8080-exec-5] c.a.checkout.OrderController - POST /api/orders 201 in 51ms
            2026-11-29 23:48:13.870 WARN  [scheduling-1] c.a.checkout.CacheWarmer - cache warm took 2100ms (threshold 2000ms)
            2026-11-29 23:48:34.001 INFO  [main] c.a.checkout.Application - Starting Application v2.14.0 using Java 17.0.9
            2026-11-29 23:48:42.350 INFO  [main] c.a.checkout.Application - Started Application in 8.349 seconds
            2026-11-29 23:49:39.221 INFO  [http-nio-8080-exec-1] c.a.checkout.OrderController - POST /api/orders 201 in 48ms
            %s
            2026-11-29 23:52:09.101 INFO  [http-nio-8080-exec-7] c.a.checkout.OrderController - POST /api/orders 201 in 47ms
            %s
            2026-11-29 23:53:30.000 INFO  [http-nio-8080-exec-9] c.a.checkout.OrderController - POST /api/orders 201 in 44ms
            """.formatted(npe("23:51:31.317") + "\n" + npe("23:51:38.551"), npe("23:52:44.778"));

    private final Playbook playbook = new Playbook();

    /**
     * Invoices render every 30 s until billing v7.3.0 starts at 23:53:03; from 23:53:28 every render fails, a minute
     * before CI records the deploy at 23:54:28.
     */
    static String billingLogs() {
        StringBuilder b = new StringBuilder();
        Instant from = Instant.parse("2026-11-29T23:44:28.036Z");
        for (int s = 0; s <= 8 * 60; s += 30) {
            b.append(from.plusSeconds(s)).append(" INFO  [main] c.a.billing.InvoiceService - invoice rendered in ")
                    .append("120ms\n");
        }
        b.append("""
                2026-11-29T23:53:03.036Z INFO  [main] c.a.billing.Application - Starting Application v7.3.0
                2026-11-29T23:53:13.036Z INFO  [main] c.a.billing.Application - Started Application in 9.8 seconds
                """);
        for (int s = 0; s <= 180; s += 7) {
            b.append(Instant.parse("2026-11-29T23:53:28.036Z").plusSeconds(s)).append(" ERROR [http-nio-8080-exec-2] "
                    + "c.a.billing.InvoiceService - render failed: java.lang.NoSuchMethodError: "
                    + "'void com.lowagie.text.Document.open(boolean)'\n");
        }
        return b.toString();
    }

    /** Two other services' deploys five minutes before billing's errors, and billing's own, recorded after them. */
    static ArrayNode billingDeployments() {
        ArrayNode listed = Json.MAPPER.createArrayNode();
        deployment(listed, "d-ca11", "acme/checkout", "2026-11-29T23:48:33.804Z",
                "Compute tax from shipping address country instead of billing address");
        deployment(listed, "d-5ea4", "acme/search", "2026-11-29T23:48:53.941Z", "Bump elasticsearch client");
        return deployment(listed, "d-b111", "acme/billing", "2026-11-29T23:54:28.036Z",
                "Switch invoice renderer to new PDF library");
    }


    private static String npe(String at) {
        return "2026-11-29 " + at + " ERROR [http-nio-8080-exec-4] o.a.c.c.C.[.[.[/].[dispatcherServlet] - "
                + "Servlet.service() for servlet [dispatcherServlet] threw exception\n"
                + "java.lang.NullPointerException: Cannot invoke \"com.acme.checkout.model.Address.getCountry()\" "
                + "because the return value of \"com.acme.checkout.model.Customer.getShippingAddress()\" is null\n"
                + "\tat com.acme.checkout.tax.TaxCalculator.rateFor(TaxCalculator.java:57)\n"
                + "\tat com.acme.checkout.OrderController.create(OrderController.java:42)";
    }

    static ArrayNode deployment(ArrayNode listed, String id, String repository, String at, String message) {
        listed.addObject().put("id", id).put("repository_full_name", repository).put("created_at", at)
                .put("status", "success").put("commit_sha", id.replace("d-", "") + "1234abcd")
                .put("commit_message", message);
        return listed;
    }

    private SessionFacts facts(String service, String prompt, String logs) {
        return Playbook.facts(prompt, Json.object().put("service", service).put("environment", "production")
                .put("logs", logs));
    }

    @Test
    void a_lone_slow_warning_before_the_deploy_does_not_clear_the_deploy_that_brought_the_errors() {
        ArrayNode listed = deployment(Json.MAPPER.createArrayNode(), "d-ca11", "acme/checkout",
                "2026-11-29T23:48:33.804Z", "Compute tax from shipping address country instead of billing address");
        SessionFacts facts = facts("checkout", "Checkout returns 500 on POST /api/orders", CHECKOUT_LOGS);
        String md = playbook.run(facts, ToolResult.ok("1 deployment", listed)).report().markdown();

        assertThat(md).contains("The first bad line (2026-11-29T23:51:31.317Z)")
                .contains("Most likely cause (high confidence): The deployment d-ca11 of acme/checkout")
                .contains("Isolated lines before the incident began at 2026-11-29T23:51:31.317Z, each either followed "
                        + "by at least 10m 0s without any problem line or a warning more than 30.0 s ahead of its first "
                        + "error, so they are not taken as its start; check whether they set it off: `cache warm took")
                .doesNotContain("after the problem began")
                .doesNotContain("no recorded deployment precedes the first error");
        assertThat(playbook.ask(facts, "did the checkout deploy cause this?"))
                .contains("2m 57s before the first error").contains("the report's leading deployment suspect")
                .doesNotContain("cannot have caused it");
    }

    @Test
    void a_deploy_recorded_when_its_rollout_ended_a_minute_after_the_first_error_is_the_prime_suspect() {
        SessionFacts facts = facts("billing", "invoices fail to render in production", billingLogs());
        String md = playbook.run(facts, ToolResult.ok("3 deployments", billingDeployments())).report().markdown();

        assertThat(md).contains("Most likely cause (high confidence): The deployment d-b111 of acme/billing")
                .contains("which was recorded 1m 0s after the first error")
                .contains("CI records success when the rollout ends, so the new version may already have been serving")
                .contains("The logs show the application starting: `Starting Application v7.3.0` at "
                        + "2026-11-29T23:53:03.036Z, 25.0 s before the first error")
                .contains("Roll back deployment d-b111").doesNotContain("landed after the problem began");
        assertThat(playbook.ask(facts, "what changed before?")).startsWith("The deployment the report ties to the "
                + "first error: deployment d-b111 of acme/billing").contains("(\"Switch invoice renderer to new PDF "
                + "library\") at 2026-11-29T23:54:28.036Z, which was recorded 1m 0s after the first error; CI records")
                .doesNotContain("cannot have caused it");
    }

    /** Two minutes of checkout's healthy requests, then its calls to payments-svc time out. */
    private static String paymentsTimeoutLogs() {
        StringBuilder logs = new StringBuilder();
        for (int s = 0; s < 120; s += 5) {
            logs.append(Instant.parse("2026-11-30T20:10:00Z").plusSeconds(s))
                    .append(" INFO  [http-1] c.s.checkout.Http - POST /checkout 200 in 240ms\n");
        }
        for (int s = 0; s < 90; s += 3) {
            logs.append(Instant.parse("2026-11-30T20:13:27Z").plusSeconds(s)).append(" ERROR [http-2] "
                    + "c.s.checkout.PaymentsClient - upstream timeout calling payments-svc POST /v1/charges after "
                    + "5000ms\n");
        }
        return logs.toString();
    }

    /**
     * Checkout's errors all name payments-svc, and payments and checkout deployed at the same moment: the payments
     * deployment, which a list narrowed to checkout's repository never showed, is the suspect; checkout's button copy
     * change ranks below it instead of being the high-confidence cause whose rollback comes first.
     */
    @Test
    void a_deploy_of_the_service_the_errors_name_outranks_the_named_services_unrelated_one() {
        String logs = paymentsTimeoutLogs();
        ArrayNode listed = deployment(Json.MAPPER.createArrayNode(), "d-c0ff", "shop/checkout",
                "2026-11-30T20:11:54.156Z", "Update button copy on the order summary page");
        deployment(listed, "d-dead", "shop/payments", "2026-11-30T20:11:54.276Z",
                "Look up refunds by merchant reference (new query)");
        deployment(listed, "d-0de5", "shop/search", "2026-11-30T20:05:00Z", "Tune search ranking");
        SessionFacts facts = Playbook.facts("Checkout is failing with 503s. What broke?", Json.object()
                .put("repository_full_name", "shop/checkout").put("logs", logs));

        String md = playbook.run(facts, ToolResult.ok("3 deployments", listed)).report().markdown();
        String causes = md.substring(md.indexOf("## Likely cause"), md.indexOf("## Timeline"));

        assertThat(causes.indexOf("d-dead")).as(causes).isNotNegative().isLessThan(causes.indexOf("d-c0ff"));
        assertThat(causes).contains("but the problem lines name payments-svc: shop/checkout's errors may follow "
                        + "from it")
                .contains("It ranks below the deployment d-dead of shop/payments")
                .contains("because the problem lines name payments-svc, and the commit message of the other shares "
                        + "no words with them");
        assertThat(md).contains("Roll back deployment d-dead").doesNotContain("Roll back deployment d-c0ff")
                .doesNotContain("Most likely cause (high confidence): The deployment d-c0ff")
                .contains("Also deployed around then, of another service than shop/checkout and so only context: "
                        + "deployment d-0de5 of acme/search".replace("acme", "shop"));
    }

    /**
     * Both deployments are tied to the problem lines: checkout's own commit names what times out, and the errors name
     * payments-svc, which deployed a moment later. Checkout's was left out of the report altogether; it stays listed.
     */
    @Test
    void the_named_services_own_deploy_tied_to_the_lines_stays_listed_below_the_named_upstream() {
        String logs = paymentsTimeoutLogs();
        ArrayNode listed = deployment(Json.MAPPER.createArrayNode(), "d-c0ff", "shop/checkout",
                "2026-11-30T20:11:54.156Z", "Lower the charges client timeout to 5000ms");
        deployment(listed, "d-dead", "shop/payments", "2026-11-30T20:11:54.276Z",
                "Look up refunds by merchant reference (new query)");
        SessionFacts facts = Playbook.facts("Checkout is failing with 503s. What broke?", Json.object()
                .put("repository_full_name", "shop/checkout").put("logs", logs));

        String md = playbook.run(facts, ToolResult.ok("2 deployments", listed)).report().markdown();
        String causes = md.substring(md.indexOf("## Likely cause"), md.indexOf("## Timeline"));

        assertThat(causes).contains("d-dead").contains("It ranks below the deployment d-dead of shop/payments")
                .contains("d-c0ff").contains("though the other is tied to them too (its commit message shares");
    }

    /**
     * Without a deployment of its own, a repository's request listed every service's deployments and took another's
     * for the cause at high confidence, its rollback first: it is a weak suspect, as for a request naming a service.
     */
    @Test
    void another_services_deploy_is_a_weak_suspect_when_the_named_repository_did_not_deploy() {
        ArrayNode listed = deployment(Json.MAPPER.createArrayNode(), "d-0de5", "shop/search",
                "2026-11-29T23:49:00Z", "Tune search ranking");
        SessionFacts facts = Playbook.facts("Checkout returns 500 on POST /api/orders", Json.object()
                .put("repository_full_name", "shop/checkout").put("logs", CHECKOUT_LOGS));

        String md = playbook.run(facts, ToolResult.ok("1 deployment", listed)).report().markdown();

        assertThat(md).doesNotContain("(high confidence): The deployment d-0de5")
                .doesNotContain("Roll back deployment d-0de5")
                .contains("It is a deployment of shop/search, and the problem is with shop/checkout.");
    }

    /**
     * A path in a request line names a resource of the service called, not a service: `/api/orders` is no sign that
     * a deployment of shop/api or shop/orders broke checkout, whose own deployment stays the suspect.
     */
    @Test
    void a_url_path_in_the_errors_does_not_name_another_service() {
        ArrayNode listed = deployment(Json.MAPPER.createArrayNode(), "d-ca11", "shop/checkout",
                "2026-11-29T23:48:33.804Z", "Refactor cart totals");
        deployment(listed, "d-a111", "shop/api", "2026-11-29T23:48:40Z", "Bump gateway image");
        deployment(listed, "d-0123", "shop/orders", "2026-11-29T23:48:45Z", "Add an index");
        SessionFacts facts = Playbook.facts("Checkout returns 500 on POST /api/orders", Json.object()
                .put("repository_full_name", "shop/checkout").put("logs", CHECKOUT_LOGS.replace(
                        "Servlet.service() for servlet [dispatcherServlet] threw exception",
                        "POST /api/orders failed")));

        String md = playbook.run(facts, ToolResult.ok("3 deployments", listed)).report().markdown();

        assertThat(md).contains("Most likely cause (high confidence): The deployment d-ca11 of shop/checkout")
                .doesNotContain("the problem lines name");
    }

    @Test
    void other_services_deploys_are_context_marked_as_such_not_causes_when_the_named_service_deployed() {
        SessionFacts facts = facts("billing", "invoices fail to render in production", billingLogs());
        String md = playbook.run(facts, ToolResult.ok("3 deployments", billingDeployments())).report().markdown();
        String causes = md.substring(md.indexOf("## Likely cause"), md.indexOf("## Timeline"));

        assertThat(causes).contains("d-b111").doesNotContain("d-ca11").doesNotContain("d-5ea4");
        assertThat(md).doesNotContain("Check whether deployment").doesNotContain("Other candidates: The deployment")
                .contains("Also deployed around then, of another service than billing and so only context: "
                        + "deployment d-5ea4 of acme/search, commit 5ea41234abcd (\"Bump elasticsearch client\"), "
                        + "which landed 4m 34s before the first error; deployment d-ca11 of acme/checkout")
                .contains("(\"Bump elasticsearch client\") landed (another service than billing)");
        assertThat(playbook.ask(facts, "what changed before?")).contains("Also deployed around then, of another "
                + "service than billing and so only context: deployment d-5ea4 of acme/search");
    }
}
