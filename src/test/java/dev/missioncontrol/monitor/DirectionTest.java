package dev.missioncontrol.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Names whose words misled the guess: a word in them is not the whole story of which way is worse. */
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
}
