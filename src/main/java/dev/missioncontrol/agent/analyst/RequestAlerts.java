package dev.missioncontrol.agent.analyst;

import dev.missioncontrol.alerts.AlertLabel;
import dev.missioncontrol.alerts.PastedAlerts;

/**
 * The alerts the request carried, and the label its service was taken from when nothing else in the request named
 * it: the report says so, since "checkout" read off a label is a guess the person did not make.
 *
 * @param service the label the request's service came from, or null when the context named it
 */
record RequestAlerts(PastedAlerts pasted, AlertLabel service) {
    static final RequestAlerts NONE = new RequestAlerts(PastedAlerts.NONE, null);

    /** The alerts, and the service their labels name where {@code service} (null) does not. */
    static RequestAlerts of(PastedAlerts pasted, String service) {
        return new RequestAlerts(pasted, service == null ? pasted.service().orElse(null) : null);
    }

    String service(String named) {
        return service == null ? named : service.value();
    }
}
