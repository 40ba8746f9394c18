package dev.missioncontrol.agent.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentTest {
    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    static final LogSourceStats SOURCE = new LogSourceStats("context.logs", 1000, 1000, 50, 10, T0,
            T0.plusSeconds(640), true, false, T0.getEpochSecond(), 10);

    static LogTemplate problem(String id, String component, long firstSec, long lastSec, long[] histogram) {
        return new LogTemplate(id, "context.logs", id + " failed", id + " failed", 10, 10, 0, "ERROR", "level ERROR",
                T0.plusSeconds(firstSec), T0.plusSeconds(lastSec), firstSec + 1, "line of " + id, List.of(component),
                null, null, List.of(), histogram);
    }

    static long[] from(int bucket, long perBucket) {
        long[] h = new long[64];
        for (int i = bucket; i < 64; i++) {
            h[i] = perBucket;
        }
        return h;
    }

    @Test
    void the_onset_is_the_earliest_new_problem_and_steady_noise_is_background() {
        LogTemplate noise = problem("cache", "web", 0, 630, from(0, 1));
        LogTemplate db = problem("db", "db", 300, 640, from(30, 5));
        LogTemplate api = problem("api", "api", 305, 640, from(30, 8));
        Incident incident = Incident.of(List.of(api, noise, db), List.of(SOURCE));

        assertThat(incident.background()).containsExactly(noise);
        assertThat(incident.first()).isEqualTo(db);
        assertThat(incident.onset()).isEqualTo(T0.plusSeconds(300));
        assertThat(incident.chain()).extracting(Incident.Link::component).containsExactly("db", "api");
        assertThat(incident.chain().get(1).after()).isEqualTo(Duration.ofSeconds(5));
        assertThat(incident.stillHappening()).isTrue();
    }

    @Test
    void a_log_that_covers_only_the_outage_is_no_background_beside_a_longer_one() {
        LogSourceStats errorLog = new LogSourceStats("context.logs.error.log", 80, 80, 80, 0, T0.plusSeconds(300),
                T0.plusSeconds(420), true, false, T0.getEpochSecond() + 300, 2);
        LogTemplate refused = new LogTemplate("refused", errorLog.name(), "connect() failed", "connect() failed", 80,
                80, 0, "ERROR", "level ERROR", T0.plusSeconds(300), T0.plusSeconds(420), 1, "connect() failed",
                List.of("nginx"), null, null, List.of(), from(0, 1));
        LogTemplate noise = problem("cache", "web", 0, 630, from(0, 1));
        LogTemplate gateway = problem("gateway", "web", 302, 420, from(30, 5));
        Incident incident = Incident.of(List.of(gateway, refused, noise), List.of(SOURCE, errorLog));

        assertThat(incident.background()).containsExactly(noise);
        assertThat(incident.involved()).containsExactly(refused, gateway);
        assertThat(incident.onset()).isEqualTo(T0.plusSeconds(300));
    }

    @Test
    void a_log_that_starts_inside_the_incident_counts_everything_as_the_incident() {
        LogTemplate a = problem("a", "x", 0, 640, from(0, 3));
        LogTemplate b = problem("b", "y", 2, 640, from(0, 3));
        Incident incident = Incident.of(List.of(b, a), List.of(SOURCE));
        assertThat(incident.involved()).containsExactly(a, b);
        assertThat(incident.background()).isEmpty();
    }

    @Test
    void a_burst_at_the_start_of_the_logs_that_stopped_is_the_incident_not_background() {
        long[] early = new long[64];
        java.util.Arrays.fill(early, 0, 8, 6); // the first eighth of the logs, then never again
        LogTemplate oom = problem("oom", "jvm", 0, 80, early);
        long[] once = new long[64];
        once[44] = 1;
        LogTemplate slow = new LogTemplate("slow", "context.logs", "slow request", "slow request", 1, 0, 1, "WARN",
                "level WARN", T0.plusSeconds(440), T0.plusSeconds(440), 900, "WARN slow request", List.of("web"), null, null, List.of(),
                once);
        Incident incident = Incident.of(List.of(slow, oom), List.of(SOURCE));
        assertThat(incident.background()).isEmpty();
        assertThat(incident.first()).isEqualTo(oom);
        assertThat(incident.stillHappening()).isFalse();
    }

    @Test
    void an_isolated_line_long_before_the_outage_does_not_set_its_start() {
        LogSourceStats hour = new LogSourceStats("context.logs", 2000, 2000, 80, 0, T0, T0.plusSeconds(3600), true,
                false, T0.getEpochSecond(), 57);
        long[] one = new long[64];
        one[1] = 1;
        LogTemplate stray = new LogTemplate("key", "context.logs", "failed to parse key material", "failed to parse "
                + "key material", 1, 1, 0, "ERROR", "level ERROR", T0.plusSeconds(60), T0.plusSeconds(60), 40,
                "ERROR failed to parse key material", List.of("tls"), null, null, List.of(), one);
        LogTemplate pool = problem("pool", "db", 1500, 3600, from(27, 3));
        Incident incident = Incident.of(List.of(pool, stray), List.of(hour));
        assertThat(incident.strays()).containsExactly(stray);
        assertThat(incident.onset()).isEqualTo(T0.plusSeconds(1500));

        LogTemplate close = new LogTemplate("key", "context.logs", "failed to parse key material", "failed to parse "
                + "key material", 1, 1, 0, "ERROR", "level ERROR", T0.plusSeconds(1300), T0.plusSeconds(1300), 40,
                "ERROR failed to parse key material", List.of("tls"), null, null, List.of(), one);
        assertThat(Incident.of(List.of(pool, close), List.of(hour)).onset()).as("minutes before: it may be the start")
                .isEqualTo(T0.plusSeconds(1300));
    }

    /** One line at WARN, {@code atSec} after T0, in a background job. */
    static LogTemplate warning(long atSec) {
        long[] once = new long[64];
        once[(int) (atSec / 10)] = 1;
        return new LogTemplate("warm", "context.logs", "cache warm took <*> (threshold <*>)", "cache warm took 2100ms "
                + "(threshold 2000ms)", 1, 0, 1, "WARN", "level WARN", T0.plusSeconds(atSec), T0.plusSeconds(atSec),
                4, "WARN c.a.checkout.CacheWarmer - cache warm took 2100ms (threshold 2000ms)",
                List.of("c.a.checkout.CacheWarmer"), null, null, List.of(), once);
    }

    @Test
    void a_lone_warning_minutes_ahead_of_the_errors_does_not_set_their_start() {
        LogTemplate npe = problem("npe", "checkout", 300, 640, from(30, 1));
        Incident incident = Incident.of(List.of(npe, warning(100)), List.of(SOURCE));
        assertThat(incident.first()).isEqualTo(npe);
        assertThat(incident.onset()).isEqualTo(T0.plusSeconds(300));
        assertThat(incident.strays()).extracting(LogTemplate::id).containsExactly("warm");

        assertThat(Incident.of(List.of(npe, warning(290)), List.of(SOURCE)).first().id())
                .as("seconds before the errors: it may be their first sign").isEqualTo("warm");
        LogTemplate slow = new LogTemplate("slow", "context.logs", "slow request", "slow request", 10, 0, 10, "WARN",
                "level WARN", T0.plusSeconds(300), T0.plusSeconds(640), 301, "WARN slow request", List.of("web"), null, null, List.of(),
                from(30, 1));
        assertThat(Incident.of(List.of(slow, warning(100)), List.of(SOURCE)).first().id())
                .as("no errors follow: the warning is where it starts").isEqualTo("warm");
    }

    @Test
    void a_log_of_seconds_cannot_tell_whether_it_goes_on_and_hours_of_quiet_in_a_weeks_log_end_it() {
        LogSourceStats seconds = new LogSourceStats("context.logs", 50, 50, 5, 0, T0, T0.plusSeconds(10), true, false,
                T0.getEpochSecond(), 1);
        LogTemplate burst = problem("burst", "x", 0, 9, new long[] {5, 5, 0, 0, 0, 0, 0, 0, 0, 0});
        Incident quick = Incident.of(List.of(burst), List.of(seconds));
        assertThat(quick.stillHappening()).isNull();
        assertThat(quick.logsEnd()).isNotNull();

        long week = Duration.ofDays(7).toSeconds();
        LogSourceStats weekLog = new LogSourceStats("context.logs", 9000, 9000, 100, 0, T0, T0.plusSeconds(week),
                true, false, T0.getEpochSecond(), week / 64);
        LogTemplate ended = problem("ended", "x", week - 12_000, week - 3 * 3600, from(62, 4));
        assertThat(Incident.of(List.of(ended), List.of(weekLog)).stillHappening()).as("three quiet hours")
                .isFalse();
    }

    @Test
    void a_problem_that_stopped_well_before_the_end_is_over() {
        LogTemplate burst = problem("burst", "x", 100, 200, new long[] {0, 0, 9, 9, 0, 0, 0, 0, 0, 0});
        Incident incident = Incident.of(List.of(burst), List.of(SOURCE));
        assertThat(incident.stillHappening()).isFalse();
        assertThat(incident.lastBad()).isEqualTo(T0.plusSeconds(200));
    }

    @Test
    void without_timestamps_the_first_bad_line_comes_from_the_request_logs_and_the_end_is_unknown() {
        LogSourceStats untimed = new LogSourceStats("context.logs", 100, 100, 0, 0, null, null, false, false, 0, 1);
        LogSourceStats tool = new LogSourceStats("context.tool_outputs.fetch", 1, 1, 0, 0, null, null, false, false,
                0, 1);
        LogTemplate inTool = new LogTemplate("t", tool.name(), "Peer down", "Peer down", 1, 0, 0, null,
                "words: down", null, null, 1, "Peer down", List.of(), null, null, List.of(), new long[0]);
        LogTemplate inLogs = new LogTemplate("l", untimed.name(), "Peer down", "Peer down", 1, 0, 0, null,
                "words: down", null, null, 50, "Peer down", List.of(), null, null, List.of(), new long[0]);
        Incident incident = Incident.of(List.of(inTool, inLogs), List.of(untimed, tool));
        assertThat(incident.first()).isEqualTo(inLogs);
        assertThat(incident.stillHappening()).isNull();
        assertThat(incident.chain()).hasSize(1);
    }
}
