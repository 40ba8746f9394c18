package dev.missioncontrol.agent.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reports on logs where the catalogue of failure signatures decides the cause, read as the person would. */
class KnownIssueReportTest {
    private final Playbook playbook = new Playbook();

    private String report(String question, String logs) {
        return playbook.run(Playbook.facts(question, logs)).report().markdown();
    }

    @Test
    void a_java_class_name_that_holds_an_error_code_is_not_that_error() {
        StringBuilder logs = new StringBuilder("2026-01-01T10:00:00Z INFO  api - GET /orders 200\n");
        for (int i = 1; i <= 4; i++) {
            logs.append(String.format("2026-01-01T10:00:%02dZ ERROR api - InventoryClient - stock lookup failed: "
                    + "org.springframework.web.client.ResourceAccessException: I/O error on GET request for "
                    + "\"http://inventory:8080/items/42\": Unexpected end of file from server%n", i));
        }
        assertThat(report("Why does the stock lookup fail?", logs.toString()))
                .doesNotContain("Permission denied").contains("Connection reset or broken pipe");
    }

    @Test
    void a_node_process_without_levels_fails_from_its_first_refused_connection_to_its_heap_running_out() {
        String stdout = """
                > api@1.4.2 start
                > node server.js
                Server listening on port 3000
                Connected to MongoDB at 10.0.7.12:27017
                GET /api/users 200 12ms
                GET /api/users 200 15ms
                (node:1) UnhandledPromiseRejectionWarning: MongoServerSelectionError: connect ECONNREFUSED 10.0.7.12:27017
                GET /api/users 500 30012ms
                GET /api/users 500 30008ms
                GET /api/users 500 30010ms
                <--- Last few GCs --->
                FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory
                npm ERR! code ELIFECYCLE
                npm ERR! errno 134
                """;
        String md = report("Why did the api go down?", stdout);
        assertThat(md).contains("first bad line (line 7 of context.logs) is `(node:1) UnhandledPromiseRejectionWarning: "
                + "MongoServerSelectionError: connect ECONNREFUSED 10.0.7.12:27017`")
                .contains("Connection refused").contains("`GET /api/users 500 30012ms` ×3")
                .contains("JavaScript heap out of memory").doesNotContain("in ERROR")
                .as("the refused connection came first and names an error class, so it leads the heap's end")
                .contains("Most likely cause (medium confidence): Connection refused.");
    }

    /**
     * A proxy's 502s, stamped to the whole second, in the same second as the expired certificate that caused them,
     * logged at .392 of it: the 502s are the certificate's consequence, not a cause beside it or ahead of it.
     */
    @Test
    void a_proxys_502s_in_the_same_second_as_an_expired_certificate_follow_from_it() {
        StringBuilder logs = new StringBuilder();
        for (int s = 0; s < 5; s++) {
            logs.append(String.format("10.0.4.124 - - [30/Nov/2026:20:04:%02d +0000] \"POST /api/quote HTTP/1.1\" "
                    + "200 512 \"-\" \"shop-web/5.0\"%n", 50 + s));
        }
        for (int s = 0; s < 6; s++) {
            logs.append(String.format("10.0.4.124 - - [30/Nov/2026:20:05:%02d +0000] \"POST /api/quote HTTP/1.1\" "
                    + "502 260 \"-\" \"shop-web/5.0\"%n", s));
            logs.append(String.format("2026-11-30T20:05:%02d.392Z ERROR gateway.proxy - TLS handshake with "
                    + "quotes.internal:443 failed: x509: certificate has expired or is not yet valid%n", s));
        }
        String md = report("Why does the partner quote API return 502?", logs.toString());
        assertThat(md).contains("TLS certificate expired or invalid, which led to Upstream returns 5xx");
    }

    /**
     * A batch's slow queries hold the pool's connections until requests find none: the pool running out is their
     * consequence. The slow queries were read as "Slow responses", a cause of its own beside the pool.
     */
    @Test
    void slow_queries_that_hold_the_pools_connections_lead_to_its_exhaustion() {
        String logs = PrecursorReportTest.batchLogs(java.time.Instant.parse("2026-11-30T19:21:00Z"));
        String md = report("Why do orders fail?", logs);
        assertThat(md).contains("Slow database queries, which led to Database connection pool exhausted")
                .doesNotContain("Slow responses");
    }

    @Test
    void a_signature_spread_over_many_kinds_of_line_counts_them_all() {
        String[] kinds = {"Invalid user admin from 5.36.59.76", "input_userauth_request: invalid user admin [preauth]",
            "pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=5.36.59.76",
            "Failed password for invalid user admin from 5.36.59.76 port 4000 ssh2",
            "Failed password for root from 5.36.59.76 port 4000 ssh2",
            "message repeated 5 times: [ Failed password for root from 5.36.59.76 port 4000 ssh2]",
            "Disconnecting: Too many authentication failures for root [preauth]"};
        StringBuilder logs = new StringBuilder("Dec 10 06:55:00 host sshd[1]: Server listening on 0.0.0.0 port 22.\n");
        for (int i = 0; i < 70; i++) {
            // every fifth attempt from a second source, so each kind of line names both
            String line = kinds[i % kinds.length].replace("5.36.59.76", i % 5 == 4 ? "61.197.203.243" : "5.36.59.76");
            logs.append(String.format("Dec 10 07:%02d:%02d host sshd[%d]: %s%n", i / 60, i % 60, 100 + i / 7, line));
        }
        assertThat(report("Why are there so many sshd errors?", logs.toString()))
                .contains("Most likely cause (high confidence): Repeated failed logins (brute force)")
                .contains("Repeated failed logins (brute force): 70 problem lines")
                .contains("Addresses these lines name most: `5.36.59.76` ×40, `61.197.203.243` ×10.");
    }

    @Test
    void a_pasted_pod_description_shows_its_container_killed_for_memory() {
        String describe = """
                Name:             checkout-7d9f8b6c4-x2k8p
                Namespace:        prod
                Status:           Running
                Containers:
                  checkout:
                    Image:          registry.acme.io/checkout:2.14.0
                    State:          Running
                    Last State:     Terminated
                      Reason:       OOMKilled
                      Exit Code:    137
                    Restart Count:  7
                    Limits:
                      memory:  512Mi
                Events:
                  Type     Reason   Age                From     Message
                  ----     ------   ----               ----     -------
                  Normal   Pulled   12m (x8 over 72m)  kubelet  Container image "registry.acme.io/checkout:2.14.0" \
                already present on machine
                  Warning  BackOff  2m (x25 over 60m)  kubelet  Back-off restarting failed container checkout in pod \
                checkout-7d9f8b6c4-x2k8p_prod(5c1e)
                """;
        assertThat(report("Why does checkout keep restarting?", describe))
                .contains("Most likely cause (high confidence): Container OOMKilled, which led to Crash loop")
                .contains("`      Reason:       OOMKilled`");
    }

    @Test
    void a_leak_warning_before_the_pool_runs_out_is_named_as_its_cause() {
        String logs = """
                2026-11-29T22:11:15.310Z INFO  [exec-3] c.a.orders.ReportJob - starting nightly export of 1200000 rows
                2026-11-29T22:11:45.872Z WARN  [exec-4] com.zaxxer.hikari.pool.ProxyLeakTask - Connection leak \
                detection triggered for org.postgresql.jdbc.PgConnection@5b1f29a on thread exec-3, stack trace follows
                java.lang.Exception: Apparent connection leak detected
                \tat com.zaxxer.hikari.HikariDataSource.getConnection(HikariDataSource.java:128)
                \tat com.acme.orders.ReportJob.export(ReportJob.java:77)
                2026-11-29T22:12:01.220Z ERROR [exec-5] o.h.e.j.s.SqlExceptionHelper - HikariPool-1 - Connection is \
                not available, request timed out after 30000ms.
                2026-11-29T22:12:05.100Z ERROR [exec-6] o.h.e.j.s.SqlExceptionHelper - HikariPool-1 - Connection is \
                not available, request timed out after 30000ms.
                """;
        assertThat(report("Why do orders fail?", logs))
                .contains("Most likely cause (high confidence): Database connection leak, which led to Database "
                        + "connection pool exhausted")
                .contains("the leak warning's stack trace names it")
                .contains("The stack trace's first frame in your own code: "
                        + "`com.acme.orders.ReportJob.export(ReportJob.java:77)`")
                .doesNotContain("Investigate com.zaxxer.hikari.pool.ProxyLeakTask first");
    }
}
