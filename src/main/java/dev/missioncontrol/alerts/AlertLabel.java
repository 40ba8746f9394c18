package dev.missioncontrol.alerts;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** A label the alerts agree on, by name and value: {@code service=checkout}. */
public record AlertLabel(String name, String value) {
    /**
     * What a service's or an environment's name looks like. A value that does not (a sentence, a URL) names neither:
     * it would find no project, and shown in the report it would be markup.
     */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    /**
     * The value the alerts agree on, each read under the first of {@code names} it holds as a name: empty when none
     * holds one, or two hold different ones (alerts of checkout and of payments name no one service). Alerts that
     * hold none of the names (a Watchdog) have no say.
     */
    static Optional<AlertLabel> agreed(List<Alert> alerts, List<String> names) {
        AlertLabel found = null;
        for (Alert a : alerts) {
            Optional<AlertLabel> own = names.stream().filter(n -> named(a.labels().get(n))).findFirst()
                    .map(n -> new AlertLabel(n, a.labels().get(n)));
            if (own.isEmpty()) {
                continue;
            }
            if (found != null && !found.value.equalsIgnoreCase(own.get().value)) {
                return Optional.empty();
            }
            found = found == null ? own.get() : found;
        }
        return Optional.ofNullable(found);
    }

    private static boolean named(String value) {
        return value != null && NAME.matcher(value).matches();
    }
}
