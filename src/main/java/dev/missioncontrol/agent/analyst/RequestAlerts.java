package dev.missioncontrol.agent.analyst;

import dev.missioncontrol.alerts.AlertLabel;
import dev.missioncontrol.alerts.PastedAlerts;

/**
 * The alerts the request carried, and the labels its service and environment were taken from when nothing else in
 * the request named them: the report says so, since "checkout" read off a label is a guess the person did not make.
 *
 * @param service     the label the request's service came from, or null when the context or prompt named it
 * @param environment the label the request's environment came from, or null when the context named it
 */
record RequestAlerts(PastedAlerts pasted, AlertLabel service, AlertLabel environment) {
    static final RequestAlerts NONE = new RequestAlerts(PastedAlerts.NONE, null, null);

    /** The alerts, and what their labels name where {@code service} and {@code environment} (either null) do not. */
    static RequestAlerts of(PastedAlerts pasted, String service, String environment) {
        return new RequestAlerts(pasted, service == null ? pasted.service().orElse(null) : null,
                environment == null ? pasted.environment().orElse(null) : null);
    }

    String service(String named) {
        return service == null ? named : service.value();
    }

    String environment(String named) {
        return environment == null ? named : environment.value();
    }
}
