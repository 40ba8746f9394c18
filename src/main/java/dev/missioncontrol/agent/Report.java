package dev.missioncontrol.agent;

import java.util.List;

/**
 * A finished session's report: markdown for people, and the summary the Cased CLI shows.
 *
 * @param outcome one line, e.g. "Likely cause: connection pool exhaustion after deploy abc123"
 */
public record Report(String markdown, String description, String outcome, List<String> keyActions) {
}
