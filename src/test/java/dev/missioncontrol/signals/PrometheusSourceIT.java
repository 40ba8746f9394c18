package dev.missioncontrol.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.missioncontrol.net.AddressPolicy;
import dev.missioncontrol.net.Destinations;
import dev.missioncontrol.net.HostResolver;
import dev.missioncontrol.net.OutboundHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** How a failing Prometheus is described: what it answered or did, in one short line, never a client's dump. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrometheusSourceIT {
    private static final Instant TO = Instant.parse("2026-01-15T10:30:00Z");
    PrometheusStub stub;
    OutboundHttp http;
    PrometheusSource source;

    @BeforeAll
    void start() throws Exception {
        stub = new PrometheusStub();
        http = new OutboundHttp(new Destinations(AddressPolicy.allowing(List.of("127.0.0.0/8")),
                HostResolver.system()), new OutboundHttp.Caps(Duration.ofSeconds(3), Duration.ofSeconds(3), 1 << 20));
        source = new PrometheusSource(http);
    }

    @AfterAll
    void stop() throws Exception {
        http.close();
        stub.close();
    }

    @Test
    void a_proxys_html_502_is_told_by_its_status() {
        failure(stub.url("502")).hasMessage("Prometheus " + stub.url("502") + " answered 502");
    }

    @Test
    void prometheus_refusing_a_query_is_told_with_its_own_error() {
        failure(stub.url("bad")).hasMessage("Prometheus " + stub.url("bad")
                + " answered 400: invalid parameter \"query\": 1:5: parse error: unexpected end of input");
    }

    @Test
    void a_200_that_is_not_prometheus_json_says_so() {
        failure(stub.url("html")).hasMessage("Prometheus " + stub.url("html")
                + " answered 200 with something other than Prometheus JSON: <html>Sign in</html>");
    }

    @Test
    void a_dropped_connection_a_refused_one_and_a_timeout_are_one_short_line_each() throws Exception {
        failure(stub.dropping()).hasMessage("Prometheus " + stub.dropping()
                + ": closed the connection without answering");
        String refusing = PrometheusStub.refusing();
        failure(refusing).hasMessage("Prometheus " + refusing + ": connection refused");
        failure(stub.url("slow")).hasMessage("Prometheus " + stub.url("slow") + ": timed out after 3 s");
    }

    @Test
    void a_redirect_is_not_followed_and_says_where_it_leads_without_its_query() {
        failure(stub.url("moved")).hasMessage("Prometheus " + stub.url("moved") + " answered 302, a redirect to "
                + "https://sso.example.com/login, which is not followed: set the Prometheus URL to the address that "
                + "answers the query itself");
    }

    @Test
    void an_answer_over_the_size_cap_is_told_as_too_large_with_what_to_do() {
        failure(stub.url("huge")).hasMessage("Prometheus " + stub.url("huge") + ": answered more than 1 MiB, more "
                + "than is read: a query that returns a series per pod or per label value must aggregate them to "
                + "one, e.g. sum(...) or avg(...)");
    }

    @Test
    void a_base_url_with_its_own_query_parameters_keeps_them_after_the_api_path() {
        assertThat(source.query(stub.url("empty") + "/?org=1#graph", Map.of(), "error_rate", "up", TO.minusSeconds(60), TO,
                Duration.ofSeconds(15))).isEmpty();
        assertThat(PrometheusSource.url("http://prom:9090/prefix/?org=1", "query=up"))
                .isEqualTo("http://prom:9090/prefix/api/v1/query_range?org=1&query=up");
    }

    private AbstractThrowableAssert<?, ? extends Throwable> failure(String baseUrl) {
        return assertThatThrownBy(() -> source.query(baseUrl, Map.of(), "error_rate", "up", TO.minusSeconds(60), TO,
                Duration.ofSeconds(15))).isInstanceOf(QueryFailure.class);
    }
}
