package dev.missioncontrol.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.net.AddressPolicy;
import dev.missioncontrol.net.Destinations;
import dev.missioncontrol.net.HostResolver;
import dev.missioncontrol.net.OutboundHttp;
import dev.missioncontrol.orgs.OrgStore;
import dev.missioncontrol.store.Database;
import dev.missioncontrol.store.DatabaseUrl;
import dev.missioncontrol.store.Json;
import dev.missioncontrol.testing.LogCapture;
import dev.missioncontrol.testing.TestDatabases;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** One delivery round on a real database, to a real receiver. */
class DeliveryRoundIT {
    private static final Clock CLOCK = Clock.systemUTC();

    /**
     * A receiver on a free port of this machine answering as the test's routes say, a fresh database with one
     * organization and its webhook to the receiver's /hook, and the outbox.
     */
    private record Rig(Javalin receiver, Database db, OutboundHttp http, String org, Webhook hook, OutboxStore outbox)
            implements AutoCloseable {
        static Rig open(String hookName, Consumer<RoutesConfig> routes) throws Exception {
            Javalin receiver = Javalin.create(c -> {
                c.startup.showJavalinBanner = false;
                routes.accept(c.routes);
            }).start(0);
            Database db = Database.open(DatabaseUrl.resolve(null, Files.createTempDirectory("mc-outbox")), "NORMAL");
            OutboundHttp http = new OutboundHttp(new Destinations(AddressPolicy.allowing(List.of("127.0.0.0/8")),
                    HostResolver.system()), OutboundHttp.Caps.defaults());
            String org = new OrgStore(db.jdbi(), CLOCK).createOrg("outbox").id();
            Webhook hook = new WebhookStore(db.jdbi(), CLOCK).create(org, Webhook.GENERIC, hookName,
                    "http://127.0.0.1:" + receiver.port() + "/hook", "whsec_" + "s".repeat(32));
            return new Rig(receiver, db, http, org, hook, new OutboxStore(db.jdbi(), db.dialect(), CLOCK));
        }

        /** The receiver's address for a path, such as {@code /fast}. */
        String url(String path) {
            return "http://127.0.0.1:" + receiver.port() + path;
        }

        DeliverNotifications deliver() {
            return new DeliverNotifications(outbox, http, Duration.ofSeconds(30), CLOCK,
                    new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        }

        @Override
        public void close() {
            http.close();
            db.close();
            receiver.stop();
        }
    }

    @Test
    void a_round_claims_a_few_at_a_time_for_a_short_lease_and_still_sends_everything_due() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        try (Rig rig = Rig.open("receiver", routes -> {
            routes.post("/hook", ctx -> received.add(ctx.body()));
        })) {
            for (int i = 0; i < 19; i++) {
                rig.outbox().enqueue(rig.hook(), "verdict:" + i, "{\"n\":" + i + "}", null);
            }
            rig.deliver().deliverDue();

            assertThat(received).hasSize(19);
            assertThat(rig.outbox().claimDue(10, Duration.ofSeconds(30))).as("nothing left due").isEmpty();
        }
    }

    /**
     * A verdict that listed the webhook just before an admin removed it queues its alert after the removal cancelled
     * the rest; the removed webhook is still not called, and the alert is cancelled.
     */
    @Test
    void a_notification_queued_for_a_webhook_removed_meanwhile_is_cancelled_not_sent() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        try (Rig rig = Rig.open("receiver", routes -> {
            routes.post("/hook", ctx -> received.add(ctx.body()));
        })) {
            assertThat(new WebhookStore(rig.db().jdbi(), CLOCK).delete(rig.org(), rig.hook().id())).isTrue();
            rig.outbox().enqueue(rig.hook(), "verdict:late", "{}", null);
            rig.deliver().deliverDue();

            assertThat(received).isEmpty();
            String state = rig.db().jdbi().withHandle(h -> h.createQuery("SELECT state FROM notification_outbox")
                    .mapTo(String.class).one());
            assertThat(state).isEqualTo(OutboxStore.CANCELLED);
        }
    }

    /**
     * A node stalled past its lease (a long pause, a slow pool) while another took the notification over and
     * delivered it: the stalled node's late failure is logged as its attempt, but does not put the delivered
     * notification back in line to be sent again.
     */
    @Test
    void a_node_that_lost_its_lease_does_not_undo_what_the_node_that_took_over_recorded() throws Exception {
        try (Rig rig = Rig.open("receiver", routes -> { })) {
            rig.outbox().enqueue(rig.hook(), "verdict:1", "{}", null);
            OutboxStore.Pending stalled = rig.outbox().claimDue(1, Duration.ofMillis(200)).getFirst();
            Thread.sleep(300);
            OutboxStore.Pending takenOver = rig.outbox().claimDue(1, Duration.ofSeconds(30)).getFirst();

            rig.outbox().attempted(takenOver, 204, null, 5, true, null);
            rig.outbox().attempted(stalled, null, "timed out", 10_000, false, Instant.now().minusSeconds(1));

            assertThat(rig.outbox().claimDue(1, Duration.ofSeconds(30))).as("delivered, not due again").isEmpty();
            String state = rig.db().jdbi().withHandle(h -> h.createQuery("SELECT state FROM notification_outbox")
                    .mapTo(String.class).one());
            assertThat(state).isEqualTo("delivered");
        }
    }

    /** A database that refuses every round at once (read-only after a failover, a full disk) gets a round a poll. */
    @Test
    void a_round_that_fails_at_once_is_followed_by_a_pause_not_another_round() throws Exception {
        try (Rig rig = Rig.open("receiver", routes -> { }); LogCapture log = new LogCapture()) {
            rig.db().jdbi().useHandle(h -> h.execute("ALTER TABLE notification_outbox RENAME TO outbox_away"));
            DeliverNotifications deliver = rig.deliver().start();
            try {
                Thread.sleep(1_500);
            } finally {
                deliver.close();
            }
            long rounds = log.text().lines().filter(l -> l.contains("delivering notifications failed")).count();
            assertThat(rounds).as("failed rounds in 1.5 s with a 1 s poll").isBetween(1L, 3L);
        }
    }

    /**
     * Two nodes on one PostgreSQL database deliver side by side, each a batch at a time: every notification is sent
     * once, neither lost nor sent by both.
     */
    @Test
    void two_nodes_on_postgresql_send_each_notification_once() throws Exception {
        String url = TestDatabases.freshPostgres();
        List<String> received = new CopyOnWriteArrayList<>();
        try (Rig rig = Rig.open("shared", routes -> routes.post("/hook", ctx -> {
                    received.add(ctx.header("X-MissionControl-Delivery"));
                    Thread.sleep(20); // long enough for the other node's claim to meet this one's lease
                }));
                Database one = Database.open(DatabaseUrl.resolve(url, Files.createTempDirectory("mc-a")), "NORMAL");
                Database two = Database.open(DatabaseUrl.resolve(url, Files.createTempDirectory("mc-b")), "NORMAL")) {
            queueOnSharedDatabase(one, rig, 30);
            List<Thread> nodes = Stream.of(one, two).map(db -> Thread.ofVirtual().start(() -> new DeliverNotifications(
                    new OutboxStore(db.jdbi(), db.dialect(), CLOCK), rig.http(), Duration.ofSeconds(30), CLOCK,
                    new io.micrometer.core.instrument.simple.SimpleMeterRegistry()).deliverDue())).toList();
            for (Thread node : nodes) {
                node.join(Duration.ofSeconds(30));
            }

            assertThat(received).hasSize(30).doesNotHaveDuplicates();
        } finally {
            TestDatabases.dropPostgres(url);
        }
    }

    /**
     * Two running nodes on one PostgreSQL database, each claiming again as soon as a slot frees, without waiting for
     * its other attempts: still every notification is sent once, and no node has more attempts in flight than its
     * bound.
     */
    @Test
    void two_running_nodes_on_postgresql_send_each_notification_once_with_bounded_attempts_in_flight()
            throws Exception {
        String url = TestDatabases.freshPostgres();
        List<String> received = new CopyOnWriteArrayList<>();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        try (Rig rig = Rig.open("shared", routes -> routes.post("/hook", ctx -> {
                    most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    received.add(ctx.header("X-MissionControl-Delivery"));
                    Thread.sleep(50); // attempts overlap, on each node and across both
                    inFlight.decrementAndGet();
                }));
                Database one = Database.open(DatabaseUrl.resolve(url, Files.createTempDirectory("mc-a")), "NORMAL");
                Database two = Database.open(DatabaseUrl.resolve(url, Files.createTempDirectory("mc-b")), "NORMAL")) {
            int queued = 3 * DeliverNotifications.IN_FLIGHT;
            queueOnSharedDatabase(one, rig, queued);
            List<DeliverNotifications> nodes = Stream.of(one, two).map(db -> new DeliverNotifications(
                    new OutboxStore(db.jdbi(), db.dialect(), CLOCK), rig.http(), Duration.ofMillis(100), CLOCK,
                    new io.micrometer.core.instrument.simple.SimpleMeterRegistry()).start()).toList();
            try {
                await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= queued);
            } finally {
                nodes.forEach(DeliverNotifications::close);
            }

            assertThat(received).hasSize(queued).doesNotHaveDuplicates();
            assertThat(most.get()).isGreaterThan(8).isLessThanOrEqualTo(2 * DeliverNotifications.IN_FLIGHT);
        } finally {
            TestDatabases.dropPostgres(url);
        }
    }

    /** Queues {@code count} notifications to the rig's receiver in a new organization of a shared database. */
    private static void queueOnSharedDatabase(Database db, Rig rig, int count) {
        String org = new OrgStore(db.jdbi(), CLOCK).createOrg("cluster").id();
        Webhook hook = new WebhookStore(db.jdbi(), CLOCK).create(org, Webhook.GENERIC, "shared", rig.url("/hook"),
                "whsec_" + "c".repeat(32));
        OutboxStore outbox = new OutboxStore(db.jdbi(), db.dialect(), CLOCK);
        for (int i = 0; i < count; i++) {
            outbox.enqueue(hook, "verdict:" + i, "{\"n\":" + i + "}", null);
        }
    }

    /** A receiver that hangs until the timeout holds up no other webhook's alert: each claimed one is sent at once. */
    @Test
    void a_hanging_receiver_does_not_hold_up_another_webhooks_alert() throws Exception {
        CountDownLatch fastArrived = new CountDownLatch(1);
        AtomicBoolean fastCameFirst = new AtomicBoolean();
        try (Rig rig = Rig.open("hanging", routes -> {
            routes.post("/hook", ctx -> fastCameFirst.set(fastArrived.await(5, TimeUnit.SECONDS)));
            routes.post("/fast", ctx -> fastArrived.countDown());
        })) {
            Webhook fast = new WebhookStore(rig.db().jdbi(), CLOCK).create(rig.org(), Webhook.SLACK, "fast",
                    rig.url("/fast"), null);
            rig.outbox().enqueue(rig.hook(), "verdict:degraded", "{}", null);
            Thread.sleep(5); // the hanging receiver's notification is due first
            rig.outbox().enqueue(fast, "verdict:degraded", "{}", null);
            rig.deliver().deliverDue();

            assertThat(fastCameFirst).as("the other webhook got its alert while the first still hung").isTrue();
        }
    }

    /**
     * An admin removes a webhook to stop what is sent there: a retry due after the removal is never made, nor one
     * scheduled by an attempt that was in flight when the webhook was removed.
     */
    @Test
    void removing_a_webhook_cancels_its_retries_even_one_in_flight() throws Exception {
        List<String> calls = new CopyOnWriteArrayList<>();
        AtomicReference<Runnable> onCall = new AtomicReference<>(() -> { });
        try (Rig rig = Rig.open("hook", routes -> {
            routes.post("/{name}", ctx -> {
                calls.add(ctx.pathParam("name"));
                onCall.get().run();
                ctx.status(500);
            });
        })) {
            WebhookStore hooks = new WebhookStore(rig.db().jdbi(), CLOCK);
            Webhook inFlight = hooks.create(rig.org(), Webhook.GENERIC, "in-flight",
                    rig.url("/in-flight"), "whsec_" + "t".repeat(32));
            rig.outbox().enqueue(rig.hook(), "verdict:degraded", "{\"state\":\"degraded\"}", null);
            DeliverNotifications deliver = new DeliverNotifications(rig.outbox(), rig.http(), Duration.ofMillis(1),
                    CLOCK, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
            deliver.deliverDue();
            assertThat(hooks.delete(rig.org(), rig.hook().id())).isTrue();

            onCall.set(() -> hooks.delete(rig.org(), inFlight.id()));
            rig.outbox().enqueue(inFlight, "verdict:degraded", "{\"state\":\"degraded\"}", null);
            deliver.deliverDue();
            Thread.sleep(5); // past both retries' backoff
            deliver.deliverDue();

            assertThat(calls).containsExactly("hook", "in-flight");
            assertThat(rig.outbox().deliveries(rig.org(), 10)).hasSize(2).allSatisfy(d -> {
                assertThat(d.state()).isEqualTo("cancelled");
                assertThat(d.outcome()).isEqualTo("cancelled");
                assertThat(d.nextRetryAt()).as("no retry is due").isNull();
            });
        }
    }

    /**
     * What an admin reads in the log when a receiver keeps failing: the receiver's own reason (Slack's
     * "no_service"), an error page's text, or what the connection did, each in one line, not a client's state dump.
     */
    @Test
    void a_failed_attempt_says_in_one_line_what_the_receiver_did() throws Exception {
        try (ServerSocket hangUp = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
                Rig rig = Rig.open("gone", routes -> {
            routes.post("/hook", ctx -> ctx.status(404).result("no_service"));
            routes.post("/proxy", ctx -> ctx.status(502).html("<html><head><title>502 Bad Gateway</title></head>"
                    + "\r\n<body><h1>502 Bad Gateway</h1><hr>nginx</body></html>"));
        })) {
            Thread.ofVirtual().start(() -> {
                while (!hangUp.isClosed()) {
                    try (Socket s = hangUp.accept()) {
                        s.getInputStream().read(new byte[8192]);
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            WebhookStore hooks = new WebhookStore(rig.db().jdbi(), CLOCK);
            rig.outbox().enqueue(rig.hook(), "a", "{}", null);
            rig.outbox().enqueue(hooks.create(rig.org(), Webhook.SLACK, "proxy", rig.url("/proxy"), null), "b", "{}",
                    null);
            rig.outbox().enqueue(hooks.create(rig.org(), Webhook.SLACK, "hang-up", "http://127.0.0.1:"
                    + hangUp.getLocalPort() + "/", null), "c", "{}", null);
            rig.deliver().deliverDue();

            assertThat(rig.outbox().deliveries(rig.org(), 10)).extracting(OutboxStore.Delivery::error)
                    .containsExactlyInAnyOrder("answered 404: no_service", "answered 502: 502 Bad Gateway 502 Bad "
                            + "Gateway nginx", "closed the connection without answering");
        }
    }

    /**
     * An answer over the 4 MiB read is still an answer: a 500 is logged with its status, and a 200 took the alert,
     * so it is delivered, not posted again.
     */
    @Test
    void an_answer_too_large_to_read_is_logged_with_its_status() throws Exception {
        byte[] huge = new byte[5 << 20];
        java.util.Arrays.fill(huge, (byte) 'x');
        try (Rig rig = Rig.open("huge-error", routes -> {
            routes.post("/hook", ctx -> ctx.status(500).result(huge));
            routes.post("/took-it", ctx -> ctx.status(200).result(huge));
        })) {
            rig.outbox().enqueue(rig.hook(), "a", "{}", null);
            rig.outbox().enqueue(new WebhookStore(rig.db().jdbi(), CLOCK).create(rig.org(), Webhook.SLACK,
                    "huge-ok", rig.url("/took-it"), null), "b", "{}", null);
            rig.deliver().deliverDue();

            Map<String, OutboxStore.Delivery> logged = new java.util.HashMap<>();
            rig.outbox().deliveries(rig.org(), 10).forEach(d -> logged.put(d.webhookName(), d));
            assertThat(logged.get("huge-error")).satisfies(d -> {
                assertThat(d.statusCode()).isEqualTo(500);
                assertThat(d.error()).isEqualTo("answered 500: the answer was larger than 4194304 bytes, so not read");
                assertThat(d.outcome()).isEqualTo("will_retry");
            });
            assertThat(logged.get("huge-ok")).satisfies(d -> {
                assertThat(d.statusCode()).isEqualTo(200);
                assertThat(d.error()).isNull();
                assertThat(d.state()).isEqualTo("delivered");
            });
        }
    }

    /**
     * A receiver that keeps failing stands out beside its name: its last error, what waits and what was given up;
     * once it is fixed, what was given up is sent once more on the admin's word.
     */
    @Test
    void each_webhook_shows_whether_its_last_attempt_failed_and_what_waits_or_was_given_up() throws Exception {
        AtomicBoolean fixed = new AtomicBoolean();
        try (Rig rig = Rig.open("gone", routes -> {
            routes.post("/hook", ctx -> ctx.status(fixed.get() ? 200 : 404).result(fixed.get() ? "ok" : "no_service"));
            routes.post("/ok", ctx -> ctx.status(200));
        })) {
            WebhookStore store = new WebhookStore(rig.db().jdbi(), CLOCK);
            Webhooks webhooks = new Webhooks(store, rig.outbox(), rig.http().destinations(), CLOCK);
                        Webhook ok = store.create(rig.org(), Webhook.SLACK, "ok", rig.url("/ok"), null);
            Webhook idle = store.create(rig.org(), Webhook.SLACK, "idle", rig.url("/idle"), null);
            rig.outbox().enqueue(rig.hook(), "verdict:degraded", "{}", "d-1");
            rig.outbox().enqueue(ok, "verdict:degraded", "{}", null);
            DeliverNotifications deliver = new DeliverNotifications(rig.outbox(), rig.http(), Duration.ofMillis(1),
                    CLOCK, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
            deliver.deliverDue();

            Map<String, WebhookHealth> health = webhooks.health(rig.org());
            assertThat(health.get(rig.hook().id())).satisfies(h -> {
                assertThat(h.failing()).isTrue();
                assertThat(h.lastError()).isEqualTo("answered 404: no_service");
                assertThat(h.retrying()).isEqualTo(1);
            });
            assertThat(health.get(ok.id()).failing()).isFalse();
            assertThat(health.get(ok.id()).lastAttemptAt()).isNotNull();
            assertThat(health.get(idle.id())).isEqualTo(WebhookHealth.NEVER_CALLED);

            try (LogCapture log = new LogCapture()) {
                for (int round = 0; round < 40 && webhooks.health(rig.org()).get(rig.hook().id()).gaveUp() == 0;
                        round++) {
                    Thread.sleep(70); // past the doubling backoff, up to its last attempt
                    deliver.deliverDue();
                }
                assertThat(log.text()).as("a lost alert is an error that says what was lost and what to do")
                        .contains("ERROR DeliverNotifications - notification ")
                        .contains("to webhook gone failed (answered 404: no_service) and is given up after 8 attempts: "
                                + "the verdict of deployment d-1 was not delivered; fix the receiver, then send it again");
            }
            assertThat(webhooks.health(rig.org()).get(rig.hook().id())).satisfies(h -> {
                assertThat(h.retrying()).isZero();
                assertThat(h.gaveUp()).isEqualTo(1);
            });

            fixed.set(true);
            assertThat(webhooks.retryGivenUp(rig.org(), rig.hook().id())).hasValue(1);
            assertThat(webhooks.retryGivenUp(rig.org(), "no-such-webhook")).isEmpty();
            deliver.deliverDue();
            assertThat(webhooks.health(rig.org()).get(rig.hook().id())).satisfies(h -> {
                assertThat(h.failing()).isFalse();
                assertThat(h.gaveUp()).isZero();
            });
        }
    }

    /**
     * Redirects are not followed; the log says where one pointed, so the admin can set that URL, but not its query,
     * which a login page's redirect fills with a token for every member who reads the log to see.
     */
    @Test
    void a_redirect_is_logged_with_where_it_points_and_the_retry_it_scheduled() throws Exception {
        try (Rig rig = Rig.open("moved", routes -> {
            routes.post("/hook", ctx -> ctx.status(302).header("Location",
                    "https://hooks.example.com/hook?token=s3cret#frag"));
        })) {
            rig.outbox().enqueue(rig.hook(), "test:1", "{\"event\":\"test\"}", null);
            rig.deliver().deliverDue();

            assertThat(rig.outbox().deliveries(rig.org(), 10)).singleElement().satisfies(d -> {
                assertThat(d.error()).startsWith("answered 302 redirecting to https://hooks.example.com/hook (")
                        .doesNotContain("s3cret");
                assertThat(d.outcome()).isEqualTo("will_retry");
                assertThat(d.nextRetryAt()).isAfter(d.at());
                assertThat(d.deploymentId()).as("a test names no deployment").isNull();
            });
        }
    }

    /**
     * A receiver that says when to come back (Slack's rate limit, a proxy's 503 during a restart) is tried again no
     * sooner, in seconds or as a date; a shorter ask keeps the backoff, and no ask holds an alert past an hour.
     */
    @Test
    void a_retry_waits_as_long_as_the_receivers_retry_after_asks_up_to_an_hour() throws Exception {
        java.time.Instant back = CLOCK.instant().plusSeconds(180).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String inThreeMinutes = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(back.atZone(java.time.ZoneOffset.UTC));
        try (Rig rig = Rig.open("limited", routes -> {
            routes.post("/hook", ctx -> ctx.status(429).header("Retry-After", "120").result("rate_limited"));
            routes.post("/restarting", ctx -> ctx.status(503).header("Retry-After", inThreeMinutes));
            routes.post("/brief", ctx -> ctx.status(429).header("Retry-After", "1"));
            routes.post("/forever", ctx -> ctx.status(503).header("Retry-After", "86400"));
        })) {
            WebhookStore hooks = new WebhookStore(rig.db().jdbi(), CLOCK);
            rig.outbox().enqueue(rig.hook(), "a", "{}", null);
            for (String path : List.of("/restarting", "/brief", "/forever")) {
                rig.outbox().enqueue(hooks.create(rig.org(), Webhook.SLACK, path.substring(1), rig.url(path), null),
                        path, "{}", null);
            }
            rig.deliver().deliverDue(); // a backoff of 30 s

            Map<String, Duration> waits = new java.util.HashMap<>();
            Map<String, java.time.Instant> retries = new java.util.HashMap<>();
            rig.outbox().deliveries(rig.org(), 10).forEach(d -> {
                waits.put(d.webhookName(), Duration.between(d.at(), d.nextRetryAt()));
                retries.put(d.webhookName(), d.nextRetryAt());
            });
            assertThat(waits.get("limited")).isBetween(Duration.ofSeconds(119), Duration.ofSeconds(121));
            assertThat(retries.get("restarting")).isBetween(back.minusSeconds(1), back.plusSeconds(1));
            assertThat(waits.get("brief")).isBetween(Duration.ofSeconds(29), Duration.ofSeconds(31));
            assertThat(waits.get("forever")).isBetween(Duration.ofMinutes(59), Duration.ofMinutes(60));
        }
    }

    /** A graceful stop during a slow webhook's answer: one send, recorded, so no other node sends it again. */
    @Test
    void a_stop_lets_the_attempt_in_flight_finish_and_records_it() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        List<String> received = new CopyOnWriteArrayList<>();
        try (Rig rig = Rig.open("slow", routes -> {
            routes.post("/hook", ctx -> {
                received.add(ctx.body());
                arrived.countDown();
                Thread.sleep(1_500);
            });
        })) {
            rig.outbox().enqueue(rig.hook(), "verdict:degraded", "{\"state\":\"degraded\"}", null);
            DeliverNotifications deliver = rig.deliver().start();
            assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
            deliver.close();

            assertThat(rig.outbox().deliveries(rig.org(), 10)).singleElement().satisfies(d -> {
                assertThat(d.statusCode()).as("the answer the receiver gave, not an interruption").isEqualTo(200);
                assertThat(d.error()).isNull();
            });
            assertThat(rig.outbox().claimDue(10, Duration.ofSeconds(30))).as("delivered, so due nowhere").isEmpty();
            assertThat(received).hasSize(1);
        }
    }

    /**
     * A receiver refuses a replay by the timestamp and the delivery id, and can trust both only when the signature
     * covers them: the body names its delivery, the same id as the header, under the signature.
     */
    @Test
    void the_signed_body_names_its_delivery_so_a_receiver_can_refuse_a_replay() throws Exception {
        List<Map<String, String>> received = new CopyOnWriteArrayList<>();
        try (Rig rig = Rig.open("signed", routes -> routes.post("/hook", ctx -> received.add(Map.of("body", ctx.body(),
                "delivery", ctx.header("X-MissionControl-Delivery"), "ts", ctx.header(Signature.TIMESTAMP_HEADER),
                "signature", ctx.header(Signature.HEADER)))))) {
            rig.outbox().enqueue(rig.hook(), "verdict:degraded", "{\"event\":\"deployment.verdict\"}", null);
            rig.deliver().deliverDue();

            Map<String, String> got = received.getFirst();
            assertThat(Signature.verify(rig.hook().secret(), Long.parseLong(got.get("ts")), got.get("body"),
                    got.get("signature"))).isTrue();
            JsonNode body = Json.read(got.get("body"));
            assertThat(body.get("delivery_id").asText()).isEqualTo(got.get("delivery"));
            assertThat(body.get("event").asText()).isEqualTo("deployment.verdict");
        }
    }

    /**
     * Delivery is at least once: a node that dies after its webhook answered, before it recorded the attempt, leaves
     * the notification to another node, which sends it again. The receiver needs one id to recognise it by, the same
     * on every attempt of one notification and on no other.
     */
    @Test
    void every_attempt_of_one_notification_carries_its_delivery_id() throws Exception {
        List<String> ids = new CopyOnWriteArrayList<>();
        try (Rig rig = Rig.open("flaky", routes -> {
            routes.post("/hook", ctx -> {
                ids.add(String.valueOf(ctx.header("X-MissionControl-Delivery")));
                ctx.status(ids.size() == 1 ? 500 : 200);
            });
        })) {
            rig.outbox().enqueue(rig.hook(), "verdict:degraded", "{\"state\":\"degraded\"}", null);
            DeliverNotifications deliver = new DeliverNotifications(rig.outbox(), rig.http(), Duration.ofMillis(1),
                    CLOCK, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
            deliver.deliverDue();
            Thread.sleep(5); // the retry's backoff
            deliver.deliverDue();
            rig.outbox().enqueue(rig.hook(), "verdict:failed", "{\"state\":\"failed\"}", null);
            deliver.deliverDue();

            assertThat(ids).hasSize(3);
            assertThat(ids.get(0)).isNotEqualTo("null").isEqualTo(ids.get(1)).isNotEqualTo(ids.get(2));
        }
    }
}
