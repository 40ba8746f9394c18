package dev.missioncontrol.logs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code kubectl describe} or {@code kubectl get events} output pasted among the logs. A description's values are
 * aligned under {@code Name:} and nested by indentation: a container's {@code Last State: Terminated} holds
 * {@code Reason: OOMKilled} three levels down, and read as stack-trace continuations the whole container block
 * became one event named {@code Containers:}, its reason never a line of its own. So from such a first line every
 * line is an event, until a line of another shape ({@link #continues}) or with a timestamp shows ordinary logs again.
 */
final class KubectlOutput {
    /** kubectl pads every key to the longest one of the block, so the name stands well clear of its key. */
    private static final Pattern OPENS = Pattern.compile("^(?:Name:\\s{2,}\\S|LAST SEEN\\s+TYPE\\s+REASON\\b)");
    /**
     * An event row: {@code Warning  BackOff  2m (x25 over 60m)  kubelet  Back-off ...} in a description, or
     * {@code 2m  Warning  BackOff  pod/checkout-...  Back-off ...} from get events, after its LAST SEEN column.
     */
    private static final Pattern EVENT = Pattern.compile("^(?:\\s+|\\S+\\s{2,})(Normal|Warning)\\s{2,}\\S");

    /** A name as a description trimmed of kubectl's padding writes it: one word, alone after its key. */
    private static final Pattern NAMED = Pattern.compile("^Name:\\s\\S+\\s*$");

    /** A description's own line at the margin: a key such as {@code Name:}, {@code Start Time:} or {@code Events:}. */
    private static final Pattern KEY = Pattern.compile("[A-Z][\\w ./-]{0,40}:(?:\\s|$)");

    private KubectlOutput() {
    }

    /**
     * Whether a line still belongs to the kubectl output: indented, a key, or an event row. Logs pasted after it
     * ({@code kubectl logs --previous}) end it at their first line, timestamped or not, so their traces join again.
     */
    static boolean continues(String line) {
        return line.startsWith(" ") || line.startsWith("\t") || KEY.matcher(line).lookingAt()
                || EVENT.matcher(line).lookingAt();
    }

    static boolean opens(String line) {
        // a cheap look first: every event's first line is asked
        return (line.startsWith("Name:") || line.startsWith("LAST SEEN")) && OPENS.matcher(line).lookingAt();
    }

    /**
     * Whether a {@code Name:} line without kubectl's padding opens a description: pasted by hand, or trimmed by a
     * tool, its name stands one space from its key, and only the key at the margin under it ({@code Namespace:},
     * {@code Containers:}) tells it from a log line that names something.
     */
    static boolean opens(String line, String next) {
        return opens(line) || next != null && NAMED.matcher(line).matches() && KEY.matcher(next).lookingAt();
    }

    /** The line's fields, an event row taking its level from its type, as kubectl's own table says it. */
    static LineFields fields(String line, LineFields header) {
        Matcher row = EVENT.matcher(line);
        if (header.level() != null || !row.find()) {
            return header;
        }
        return new LineFields(header.timestamp(), row.group(1).equals("Warning") ? "WARN" : "INFO",
                header.component(), header.message(), header.zoneAssumed(), header.zone());
    }
}
