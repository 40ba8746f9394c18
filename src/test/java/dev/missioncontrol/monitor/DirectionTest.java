package dev.missioncontrol.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which way is worse, guessed from the words of a metric's name, and names whose words alone would mislead. */
class DirectionTest {

    @Test
    void a_budgets_burn_rate_is_worse_when_it_rises_though_a_budget_left_is_worse_when_it_falls() {
        assertThat(Direction.forMetric("error_budget_burn_rate")).isEqualTo(Direction.INCREASE);
        assertThat(Direction.forMetric("slo_budget_burn")).isEqualTo(Direction.INCREASE);
        assertThat(Direction.forMetric("error_budget_remaining")).isEqualTo(Direction.DECREASE);
    }

    @Test
    void a_histograms_count_is_how_many_were_timed_so_traffic_that_is_worse_when_it_falls() {
        assertThat(Direction.forMetric("rate(http_request_duration_seconds_count)")).isEqualTo(Direction.DECREASE);
        assertThat(Direction.forMetric("http_request_duration_seconds_count")).isEqualTo(Direction.DECREASE);
        assertThat(Direction.forMetric("rpc_latency_ms_count")).isEqualTo(Direction.DECREASE);
    }

    @Test
    void a_count_of_failures_is_still_worse_when_it_rises() {
        assertThat(Direction.forMetric("rate(jobs_failed_count)")).isEqualTo(Direction.INCREASE);
        assertThat(Direction.forMetric("db_query_errors_duration_seconds_count")).isEqualTo(Direction.INCREASE);
    }

    @Test
    void a_histograms_sum_keeps_its_names_direction_since_its_count_judges_the_traffic() {
        assertThat(Direction.forMetric("rate(http_request_duration_seconds_sum)")).isEqualTo(Direction.INCREASE);
        assertThat(Direction.forMetric("rate(response_size_bytes_sum)")).isEqualTo(Direction.EITHER);
    }

    @Test
    void guesses_direction_from_the_metric_name() {
        assertThat(Direction.forMetric("http_5xx_total")).isEqualTo(Direction.INCREASE);
        assertThat(Direction.forMetric("request_duration_seconds")).isEqualTo(Direction.INCREASE);
        assertThat(Direction.forMetric("requests_failed_total")).isEqualTo(Direction.INCREASE);
        assertThat(Direction.forMetric("checkout_success")).isEqualTo(Direction.DECREASE);
        assertThat(Direction.forMetric("ingress_rps")).isEqualTo(Direction.DECREASE);
        assertThat(Direction.forMetric("memory_bytes")).isEqualTo(Direction.EITHER);
    }

    @Test
    void times_percentiles_and_what_is_left_are_read_from_the_names_words() {
        assertThat(Direction.forMetric("response_time_ms")).isEqualTo(Direction.INCREASE);
        assertThat(Direction.forMetric("checkoutResponseTime")).isEqualTo(Direction.INCREASE);
        assertThat(Direction.forMetric("api_p95")).isEqualTo(Direction.INCREASE);
        assertThat(Direction.forMetric("upstream_timeouts_total")).isEqualTo(Direction.INCREASE);
        assertThat(Direction.forMetric("error_budget_remaining")).isEqualTo(Direction.DECREASE);
        assertThat(Direction.forMetric("uptime_seconds")).isEqualTo(Direction.DECREASE);
        assertThat(Direction.forMetric("uptime_check_failures_total")).as("failures of a check")
                .isEqualTo(Direction.INCREASE);
        assertThat(Direction.forMetric("availability_probe_errors_total")).isEqualTo(Direction.INCREASE);
        assertThat(Direction.forMetric("login_errors_remaining")).as("attempts left").isEqualTo(Direction.DECREASE);
        assertThat(Direction.forMetric("cache_hit_ratio")).isEqualTo(Direction.DECREASE);
        assertThat(Direction.forMetric("msgs_sent")).as("no millisecond").isEqualTo(Direction.EITHER);
        assertThat(Direction.forMetric("records_retrieved")).as("no retry").isEqualTo(Direction.EITHER);
        assertThat(Direction.forMetric("tokens_used")).as("no ok").isEqualTo(Direction.EITHER);
    }
}
