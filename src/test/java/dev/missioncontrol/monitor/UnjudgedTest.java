package dev.missioncontrol.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnjudgedTest {

    @Test
    void a_restart_clock_is_not_judged_since_every_deploy_resets_it() {
        assertThat(Unjudged.reason("process_uptime_seconds")).contains(Unjudged.RESTART_CLOCK_REASON);
        assertThat(Unjudged.reason("uptime_seconds")).contains(Unjudged.RESTART_CLOCK_REASON);
        assertThat(Unjudged.reason("process_start_time_seconds")).contains(Unjudged.RESTART_CLOCK_REASON);
    }

    @Test
    void a_histograms_buckets_are_not_judged_as_their_running_counts() {
        assertThat(Unjudged.reason("http_request_duration_seconds_bucket")).get().asString()
                .startsWith("histogram buckets are not judged").contains("push a quantile");
    }

    @Test
    void an_availability_and_other_metrics_are_judged() {
        assertThat(Unjudged.reason("uptime_ratio")).isEmpty();
        assertThat(Unjudged.reason("error_rate")).isEmpty();
        assertThat(Unjudged.reason("rate(http_request_duration_seconds_count)")).isEmpty();
    }
}
