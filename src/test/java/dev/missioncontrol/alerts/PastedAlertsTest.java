package dev.missioncontrol.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.missioncontrol.store.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The alerts a person pastes into a context, in each shape Alertmanager and Prometheus give them. */
class PastedAlertsTest {
    static final String WEBHOOK = """
            {"receiver":"sre-pager","status":"firing","alerts":[{"status":"firing","labels":{"alertname":"HighErrorRate",
            "service":"checkout","severity":"critical","namespace":"prod"},"annotations":{"summary":"checkout 5xx rate \
            above 5%","description":"5.3% of checkout requests failed over 5m"},"startsAt":"2026-12-01T01:52:00Z",
            "endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://prometheus:9090/graph?g0.expr=x"}],
            "groupLabels":{"alertname":"HighErrorRate"},"commonLabels":{"alertname":"HighErrorRate","service":"checkout"},
            "commonAnnotations":{},"externalURL":"http://alertmanager:9093","version":"4"}
            """;
    static final String PROMETHEUS = """
            {"status":"success","data":{"alerts":[{"labels":{"alertname":"HighLatency","app":"payments",
            "env":"staging"},"annotations":{"description":"p99 above 2s"},"state":"firing",
            "activeAt":"2026-12-01T01:40:12.5Z","value":"2.4e+00"}]}}
            """;

    @Test
    void reads_alertmanagers_webhook_body() {
        PastedAlerts found = PastedAlerts.in(Json.object().set("alert", Json.read(WEBHOOK)));

        assertThat(found.alerts()).hasSize(1);
        Alert a = found.alerts().get(0);
        assertThat(a.name()).isEqualTo("HighErrorRate");
        assertThat(a.status()).isEqualTo("firing");
        assertThat(a.severity()).isEqualTo("critical");
        assertThat(a.labels()).containsEntry("service", "checkout").containsEntry("namespace", "prod");
        assertThat(a.summary()).isEqualTo("checkout 5xx rate above 5%");
        assertThat(a.description()).isEqualTo("5.3% of checkout requests failed over 5m");
        assertThat(a.start()).isEqualTo(Instant.parse("2026-12-01T01:52:00Z"));
        assertThat(a.end()).as("Alertmanager's zero time means none").isNull();
        assertThat(found.places()).containsExactly("context.alert.alerts");
        assertThat(found.service()).contains(new AlertLabel("service", "checkout"));
    }

    @Test
    void reads_the_alerts_array_alone_with_a_resolved_alert_and_its_end() {
        ArrayNode alerts = (ArrayNode) Json.read(WEBHOOK).get("alerts");
        alerts.addObject().put("status", "resolved").put("startsAt", "2026-12-01T01:30:00Z")
                .put("endsAt", "2026-12-01T01:45:00Z").putObject("labels").put("alertname", "PodRestarts")
                .put("service", "checkout");

        PastedAlerts found = PastedAlerts.in(Json.object().set("alerts", alerts));

        assertThat(found.alerts()).extracting(Alert::name).containsExactly("HighErrorRate", "PodRestarts");
        Alert resolved = found.alerts().get(1);
        assertThat(resolved.resolved()).isTrue();
        assertThat(resolved.end()).isEqualTo(Instant.parse("2026-12-01T01:45:00Z"));
        assertThat(found.lead()).as("the alert still firing, though the resolved one started first")
                .contains(found.alerts().get(0));
        assertThat(found.start()).isEqualTo(Instant.parse("2026-12-01T01:52:00Z"));
        assertThat(PastedAlerts.in(Json.object().set("alert", alerts.get(1))).lead()).as("none fires").contains(resolved);
        assertThat(found.service()).map(AlertLabel::value).contains("checkout");
    }

    @Test
    void reads_one_alert_object() {
        JsonNode one = Json.read(WEBHOOK).get("alerts").get(0);

        PastedAlerts found = PastedAlerts.in(Json.object().put("logs", "x").set("firing", one));

        assertThat(found.alerts()).extracting(Alert::name).containsExactly("HighErrorRate");
        assertThat(found.places()).containsExactly("context.firing");
    }

    @Test
    void reads_prometheus_alerts_answer_with_its_state_and_active_at() {
        PastedAlerts found = PastedAlerts.in(Json.object().set("alert", Json.read(PROMETHEUS)));

        Alert a = found.alerts().get(0);
        assertThat(a.name()).isEqualTo("HighLatency");
        assertThat(a.status()).isEqualTo("firing");
        assertThat(a.start()).isEqualTo(Instant.parse("2026-12-01T01:40:12.5Z"));
        assertThat(a.headline()).isEqualTo("p99 above 2s");
        assertThat(a.started()).as("activeAt is when the rule began to hold, before its for: ran out")
                .isEqualTo("became active");
        assertThat(PastedAlerts.in(Json.read(WEBHOOK)).alerts().getFirst().started()).isEqualTo("fired");
        assertThat(found.service()).contains(new AlertLabel("app", "payments"));
    }

    @Test
    void reads_a_webhook_body_pasted_as_a_json_string_a_few_levels_down() {
        ObjectNode context = Json.object();
        context.putObject("incident").put("payload", WEBHOOK);

        PastedAlerts found = PastedAlerts.in(context);

        assertThat(found.alerts()).extracting(Alert::name).containsExactly("HighErrorRate");
        assertThat(found.places()).containsExactly("context.incident.payload.alerts");
    }

    @Test
    void the_same_alert_pasted_twice_counts_once() {
        ObjectNode context = Json.object().put("raw", WEBHOOK);
        context.set("alert", Json.read(WEBHOOK));

        assertThat(PastedAlerts.in(context).alerts()).hasSize(1);
    }

    @Test
    void finds_nothing_in_what_only_looks_like_alerts() {
        ObjectNode context = Json.object().put("alerts", "none firing, the pager went off anyway")
                .put("logs", "{\"level\":\"error\",\"msg\":\"boom\"}\n{\"level\":\"info\"}")
                .put("note", "{not json");
        context.putObject("groupLabels").put("alertname", "HighErrorRate");
        context.putArray("events").addObject().putObject("labels").put("app", "checkout");

        PastedAlerts found = PastedAlerts.in(context);

        assertThat(found.isEmpty()).isTrue();
        assertThat(found.service()).isEmpty();
        assertThat(found.start()).isNull();
        assertThat(PastedAlerts.in(null).isEmpty()).isTrue();
    }

    @Test
    void does_not_look_deeper_than_a_few_levels() {
        ObjectNode deep = Json.object();
        deep.putObject("a").putObject("b").putObject("c").set("alert", Json.read(WEBHOOK).get("alerts").get(0));

        assertThat(PastedAlerts.in(deep).isEmpty()).isTrue();
    }

    @Test
    void a_storm_of_thousands_is_read_up_to_a_bound_and_counted_in_full() {
        ArrayNode alerts = Json.MAPPER.createArrayNode();
        for (int i = 0; i < 3000; i++) {
            alerts.addObject().put("startsAt", Instant.parse("2026-12-01T01:00:00Z").plusSeconds(i).toString())
                    .putObject("labels").put("alertname", "PodNotReady").put("pod", "web-" + i);
        }

        PastedAlerts found = PastedAlerts.in(Json.object().set("alerts", alerts));

        assertThat(found.alerts()).hasSize(AlertSearch.MAX_READ);
        assertThat(found.total()).isEqualTo(3000);
        assertThat(found.leftOut()).isEqualTo(3000 - AlertSearch.MAX_READ);
    }

    @Test
    void labels_that_disagree_name_no_service() {
        ArrayNode alerts = (ArrayNode) Json.read(WEBHOOK).get("alerts");
        alerts.addObject().putObject("labels").put("alertname", "HighLatency").put("service", "payments");
        alerts.addObject().putObject("labels").put("alertname", "Watchdog");

        PastedAlerts found = PastedAlerts.in(Json.object().set("alerts", alerts));

        assertThat(found.alerts()).hasSize(3);
        assertThat(found.service()).isEmpty();
    }

    @Test
    void a_label_value_that_is_no_name_is_passed_over_for_the_next_label() {
        ObjectNode context = Json.object();
        context.putObject("alert").put("status", "firing").putObject("labels").put("alertname", "Down")
                .put("service", "checkout](http://evil.example)").put("job", "checkout-api");

        assertThat(PastedAlerts.in(context).service()).contains(new AlertLabel("job", "checkout-api"));
    }

    @Test
    void an_alert_with_more_labels_than_are_kept_keeps_its_name() {
        ObjectNode labels = Json.object();
        for (int i = 0; i < Alert.MAX_LABELS + 5; i++) {
            labels.put("label_" + i, "v" + i);
        }
        labels.put("alertname", "KubePodCrashLooping");
        ObjectNode context = Json.object();
        context.putObject("alert").set("labels", labels);

        Alert read = PastedAlerts.in(context).alerts().getFirst();
        assertThat(read.name()).isEqualTo("KubePodCrashLooping");
        assertThat(read.labels()).hasSize(Alert.MAX_LABELS + 1);
    }

    /** The search runs at every analyst step: JSON strings past its budget are not parsed, however many. */
    @Test
    void json_strings_past_the_budget_of_one_search_are_left_unparsed() {
        String filler = "[" + "1,".repeat(AlertSearch.MAX_JSON_TEXT / 2 - 4) + "1]";
        ObjectNode context = Json.object();
        int strings = AlertSearch.MAX_PARSED / filler.length() + 1;
        for (int i = 0; i < strings; i++) {
            context.put("dump_" + i, filler);
        }
        context.put("late_alert", Json.write(Json.read(WEBHOOK)));

        assertThat(PastedAlerts.in(context).isEmpty()).as("the budget went on the dumps before it").isTrue();
        assertThat(PastedAlerts.in(Json.object().put("alert", Json.write(Json.read(WEBHOOK)))).isEmpty()).isFalse();
    }
}
