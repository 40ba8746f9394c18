package dev.missioncontrol.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.missioncontrol.net.AddressPolicy;
import dev.missioncontrol.net.Destinations;
import dev.missioncontrol.net.HostResolver;
import dev.missioncontrol.net.OutboundHttp;
import dev.missioncontrol.orgs.OrgStore;
import dev.missioncontrol.orgs.Project;
import dev.missioncontrol.store.Database;
import dev.missioncontrol.store.DatabaseUrl;
import dev.missioncontrol.store.Json;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pushed metrics as the judge gets them from the embedded database. */
class SignalsIT {
    private static final Instant FROM = Instant.parse("2026-03-02T12:00:00Z");
    private static final Instant TO = FROM.plus(Duration.ofMinutes(10));

    @Test
    void restart_clocks_and_histogram_buckets_are_left_out_saying_why_unless_the_settings_name_them()
            throws Exception {
        try (Database db = Database.open(DatabaseUrl.resolve(null, Files.createTempDirectory("mc-signals")),
                "NORMAL")) {
            SignalStore store = new SignalStore(db.jdbi());
            Project project = pushed(db, store);
            Signals signals = new Signals(store, null, null, Duration.ofSeconds(15));

            Signals.Fetched plain = signals.fetch(new SignalScope(project, null), FROM, TO, Deadline.in(Duration.ofSeconds(5), Clock.systemUTC()));
            Project configured = new Project(project.id(), project.orgId(), project.repositoryFullName(),
                    project.serviceName(), Json.read("{\"metrics\": {\"process_uptime_seconds\": "
                            + "{\"direction\": \"either\"}}}"), project.createdAt());
            Signals.Fetched asked = signals.fetch(new SignalScope(configured, null), FROM, TO, Deadline.in(Duration.ofSeconds(5), Clock.systemUTC()));

            assertThat(plain.series()).extracting(Series::name).containsExactly("latency_p95_seconds");
            assertThat(plain.problems()).containsExactlyInAnyOrder(
                    "process_start_time_seconds, process_uptime_seconds not checked: a restart clock, which every "
                            + "deploy resets, says nothing of the service's health after it (its restarts and errors do)",
                    "http_request_duration_seconds_bucket not checked: histogram buckets are not judged (each is a "
                            + "running count of the samples under one bound); push a quantile, such as "
                            + "latency_p95_seconds, or ask Prometheus for histogram_quantile(0.95, sum by (le) "
                            + "(rate(…_bucket[1m])))");
            assertThat(asked.series()).extracting(Series::name)
                    .containsExactlyInAnyOrder("latency_p95_seconds", "process_uptime_seconds");
        }
    }

    @Test
    void a_query_that_selects_no_series_says_so_and_pushed_samples_of_its_name_stand_in() throws Exception {
        try (PrometheusStub prometheus = new PrometheusStub()) {
            Signals.Fetched fetched = fetchWith(prometheus.url("empty"));

            assertThat(fetched.series()).extracting(Series::name).containsExactly("latency_p95_seconds");
            assertThat(fetched.problems()).contains("requests_per_second, error_rate not checked: Prometheus "
                    + prometheus.url("empty") + " returned no series for the query: check its label values (such as "
                    + "the service name) against the series Prometheus holds");
            assertThat(fetched.unread()).as("a young service's empty history is no problem")
                    .noneMatch(u -> u.reason().contains("no series"));
        }
    }

    @Test
    void pushed_samples_do_not_stand_in_for_a_query_prometheus_failed_to_answer() throws Exception {
        try (PrometheusStub prometheus = new PrometheusStub()) {
            Signals.Fetched fetched = fetchWith(prometheus.url("502"));

            assertThat(fetched.series()).as("latency_p95_seconds is a query of Prometheus' that failed").isEmpty();
            assertThat(fetched.unreadForNow()).contains("latency_p95_seconds");
        }
    }

    @Test
    void a_fleets_samples_past_the_bound_are_thinned_and_keep_their_rates_and_levels() throws Exception {
        try (Database db = Database.open(DatabaseUrl.resolve(null, Files.createTempDirectory("mc-signals")),
                "NORMAL")) {
            SignalStore store = new SignalStore(db.jdbi(), 2_000);
            OrgStore orgs = new OrgStore(db.jdbi(), Clock.systemUTC());
            String org = orgs.createOrg("fleet").id();
            Project project = db.jdbi().withHandle(h -> OrgStore.insertProject(h, org, "acme/fleet", Instant.now()));
            List<Sample> samples = new ArrayList<>();
            for (int pod = 0; pod < 20; pod++) { // 20 pods, each 2 requests and 0.2 s latency a second, every second
                for (int s = 0; s < 600; s++) {
                    Map<String, String> labels = Map.of("pod", "p" + pod);
                    samples.add(new Sample("http_requests_total", 2.0 * (s + 1000), FROM.plusSeconds(s), labels));
                    samples.add(new Sample("latency_seconds", 0.2, FROM.plusSeconds(s), labels));
                }
            }
            db.jdbi().useTransaction(h -> store.insert(h, org, project.id(), PushedSeries.of(samples), Instant.now()));

            List<Series> read = store.series(new SignalScope(project, "production"), FROM.plusSeconds(60), TO);

            Series rate = read.stream().filter(s -> s.name().equals("rate(http_requests_total)")).findFirst()
                    .orElseThrow();
            Series latency = read.stream().filter(s -> s.name().equals("latency_seconds")).findFirst().orElseThrow();
            assertThat(rate.points().size() + latency.points().size()).isLessThan(2_000);
            assertThat(latency.points()).isNotEmpty().allMatch(p -> p.value() == 0.2);
            assertThat(rate.points()).isNotEmpty().allSatisfy(p -> assertThat(p.value()).isCloseTo(40.0, within(1e-6)));
        }
    }

    /** The hourly purge deletes in parts, so SQLite's one writer is free between them; all of the old ones go. */
    @Test
    void the_purge_deletes_every_old_sample_part_by_part_and_keeps_the_newer_ones() throws Exception {
        try (Database db = Database.open(DatabaseUrl.resolve(null, Files.createTempDirectory("mc-signals")),
                "NORMAL")) {
            SignalStore store = new SignalStore(db.jdbi());
            String org = new OrgStore(db.jdbi(), Clock.systemUTC()).createOrg("purge").id();
            Project project = db.jdbi().withHandle(h -> OrgStore.insertProject(h, org, "acme/purge", Instant.now()));
            int old = 2 * SignalStore.PURGED_PER_TRANSACTION + 5;
            List<Sample> samples = new ArrayList<>();
            for (int i = 0; i < old + 10; i++) {
                samples.add(new Sample("queue_depth", i, (i < old ? FROM : TO).plusMillis(i), Map.of()));
            }
            db.jdbi().useTransaction(h -> store.insert(h, org, project.id(), PushedSeries.of(samples), Instant.now()));

            assertThat(store.purgeBefore(TO)).isEqualTo(old);
            assertThat(store.series(project.id(), FROM, TO.plusSeconds(60))).flatExtracting(Series::points)
                    .hasSize(10);
        }
    }

    /** The pushed project's signals with the RED default queries asked of this Prometheus. */
    private static Signals.Fetched fetchWith(String prometheusUrl) throws Exception {
        try (Database db = Database.open(DatabaseUrl.resolve(null, Files.createTempDirectory("mc-signals")),
                "NORMAL");
                OutboundHttp http = new OutboundHttp(new Destinations(AddressPolicy.allowing(List.of("127.0.0.0/8")),
                        HostResolver.system()), new OutboundHttp.Caps(Duration.ofSeconds(3), Duration.ofSeconds(3),
                        1 << 20))) {
            SignalStore store = new SignalStore(db.jdbi());
            Project project = pushed(db, store);
            Signals signals = new Signals(store, http, prometheusUrl, Duration.ofSeconds(15));
            return signals.fetch(new SignalScope(project, null), FROM, TO,
                    Deadline.in(Duration.ofSeconds(5), Clock.systemUTC()));
        }
    }

    /** Ten minutes of each metric, every 15 s; the buckets at two bounds. */
    private static Project pushed(Database db, SignalStore store) {
        OrgStore orgs = new OrgStore(db.jdbi(), Clock.systemUTC());
        String org = orgs.createOrg("signals").id();
        Project project = db.jdbi().withHandle(h -> OrgStore.insertProject(h, org, "acme/clocks", Instant.now()));
        List<Sample> samples = new ArrayList<>();
        for (Instant at = FROM; at.isBefore(TO); at = at.plusSeconds(15)) {
            long s = at.getEpochSecond() - FROM.getEpochSecond();
            samples.add(new Sample("process_uptime_seconds", 3600 + s, at, Map.of("pod", "a")));
            samples.add(new Sample("process_start_time_seconds", FROM.getEpochSecond() - 3600, at, Map.of("pod", "a")));
            samples.add(new Sample("latency_p95_seconds", 0.2, at, Map.of("pod", "a")));
            samples.add(new Sample("http_request_duration_seconds_bucket", 1_500_000 + 40 * s, at, Map.of("le", "0.5")));
            samples.add(new Sample("http_request_duration_seconds_bucket", 1_592_000 + 50 * s, at, Map.of("le", "+Inf")));
        }
        db.jdbi().useTransaction(h -> store.insert(h, org, project.id(), PushedSeries.of(samples), Instant.now()));
        return project;
    }
}
