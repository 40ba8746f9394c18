package dev.missioncontrol.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonitorScheduleTest {

    @Test
    void default_schedule_checks_at_10s_30s_1m_5m_then_every_5m_until_the_bake_ends() {
        var s = new MonitorSchedule(List.of(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1),
                Duration.ofMinutes(5)), Duration.ofMinutes(30));
        assertThat(s.checkOffsets()).extracting(Duration::toSeconds)
                .containsExactly(10L, 30L, 60L, 300L, 600L, 900L, 1200L, 1500L, 1800L);
        assertThat(s.isLast(7)).isFalse();
        assertThat(s.isLast(8)).isTrue();
        Instant t = Instant.parse("2026-01-15T10:30:00Z");
        assertThat(s.due(t, 0)).contains(t.plusSeconds(10));
        assertThat(s.due(t, 9)).isEmpty();
    }

    @Test
    void fast_test_schedule_ends_exactly_at_the_bake_time() {
        var s = new MonitorSchedule(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)),
                Duration.ofSeconds(10));
        assertThat(s.checkOffsets()).extracting(Duration::toSeconds).containsExactly(1L, 2L, 4L, 8L, 10L);
    }

    @Test
    void offsets_beyond_the_bake_are_dropped_and_a_tiny_interval_is_spread_out() {
        var s = new MonitorSchedule(List.of(Duration.ofSeconds(1), Duration.ofHours(2)), Duration.ofHours(1));
        assertThat(s.checkOffsets()).hasSizeLessThanOrEqualTo(MonitorSchedule.MAX_CHECKS + 1);
        assertThat(s.checkOffsets().getLast()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void a_project_setting_its_own_bake_time_keeps_the_servers_offsets_and_survives_the_sessions_context() {
        var server = new MonitorSchedule(List.of(Duration.ofSeconds(10), Duration.ofMinutes(5)), Duration.ofMinutes(30));
        var project = server.forProject(dev.missioncontrol.store.Json.object().put("bake_time", "15m"));
        assertThat(project).isEqualTo(new MonitorSchedule(server.offsets(), Duration.ofMinutes(15)));
        assertThat(MonitorSchedule.fromJson(project.toJson())).contains(project);
        assertThat(server.forProject(dev.missioncontrol.store.Json.object())).isEqualTo(server);
        assertThat(server.forProject(dev.missioncontrol.store.Json.object().put("bake_time", "soon"))).isEqualTo(server);
        assertThat(MonitorSchedule.fromJson(null)).isEmpty();
    }

    @Test
    void a_warm_up_drops_the_checks_due_before_it_ends_and_keeps_the_cadence_after() {
        var s = new MonitorSchedule(List.of(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1),
                Duration.ofMinutes(5)), Duration.ofMinutes(30), Duration.ofSeconds(45));
        assertThat(s.checkOffsets()).extracting(Duration::toSeconds)
                .containsExactly(60L, 300L, 600L, 900L, 1200L, 1500L, 1800L);
        var longer = new MonitorSchedule(s.offsets(), s.bake(), Duration.ofMinutes(12));
        assertThat(longer.checkOffsets()).extracting(Duration::toSeconds).containsExactly(900L, 1200L, 1500L, 1800L);
        assertThat(longer.isLast(3)).isTrue();
        Instant t = Instant.parse("2026-01-15T10:30:00Z");
        assertThat(longer.due(t, 0)).contains(t.plusSeconds(900));
    }

    @Test
    void a_projects_warm_up_is_kept_in_the_sessions_context_and_one_as_long_as_the_bake_is_refused() {
        var server = new MonitorSchedule(List.of(Duration.ofSeconds(10), Duration.ofMinutes(5)),
                Duration.ofMinutes(30));
        var project = server.forProject(dev.missioncontrol.store.Json.object().put("warmup", "2m"));
        assertThat(project).isEqualTo(new MonitorSchedule(server.offsets(), server.bake(), Duration.ofMinutes(2)));
        assertThat(project.toJson().path("warmup").asText()).isEqualTo("2m");
        assertThat(MonitorSchedule.fromJson(project.toJson())).contains(project);
        assertThat(server.toJson().has("warmup")).isFalse();
        assertThat(server.forProject(dev.missioncontrol.store.Json.object().put("warmup", "30m"))).isEqualTo(server);
        assertThatThrownBy(() -> new MonitorSchedule(server.offsets(), Duration.ofMinutes(5), Duration.ofMinutes(5)))
                .hasMessageContaining("warm-up");
    }
}
