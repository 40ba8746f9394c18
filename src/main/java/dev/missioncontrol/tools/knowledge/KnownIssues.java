package dev.missioncontrol.tools.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.missioncontrol.store.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalogue of failure signatures: the built-in {@code knowledge/known-issues.json}, then the user's
 * {@code <data-dir>/known-issues.json} in the same format, whose entries add to or replace built-in ones by id.
 */
public final class KnownIssues {
    private static final Logger LOG = LoggerFactory.getLogger(KnownIssues.class);
    static final String FILE = "known-issues.json";

    private final List<KnownIssue> issues;

    KnownIssues(List<KnownIssue> issues) {
        this.issues = List.copyOf(issues);
    }

    public static KnownIssues builtIn() {
        try (InputStream in = KnownIssues.class.getResourceAsStream("/knowledge/" + FILE)) {
            return new KnownIssues(parse(Json.MAPPER.readTree(in), "built-in"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The built-in catalogue extended by the data directory's file when there is one. */
    public static KnownIssues load(Path dataDir) {
        KnownIssues builtIn = builtIn();
        Path user = dataDir == null ? null : dataDir.resolve(FILE);
        if (user == null || !Files.isRegularFile(user)) {
            return builtIn;
        }
        try {
            List<KnownIssue> extra = parse(Json.MAPPER.readTree(user.toFile()), user.toString());
            Map<String, KnownIssue> byId = new LinkedHashMap<>();
            builtIn.issues.forEach(i -> byId.put(i.id(), i));
            extra.forEach(i -> byId.put(i.id(), i));
            LOG.info("loaded {} known issues from {}", extra.size(), user);
            return new KnownIssues(new ArrayList<>(byId.values()));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("ignoring {}: {}; only the built-in known issues are used", user, e.getMessage());
            return builtIn;
        }
    }

    public List<KnownIssue> all() {
        return issues;
    }

    static List<KnownIssue> parse(JsonNode root, String origin) {
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException(origin + " must hold a JSON array of issues");
        }
        List<KnownIssue> out = new ArrayList<>();
        for (JsonNode n : root) {
            String id = required(n, "id", origin);
            List<Pattern> patterns = new ArrayList<>();
            for (JsonNode p : n.path("patterns")) {
                try {
                    patterns.add(Pattern.compile(p.asText(), Pattern.CASE_INSENSITIVE));
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException(origin + ": issue " + id + " has a bad pattern: "
                            + e.getDescription());
                }
            }
            if (patterns.isEmpty()) {
                throw new IllegalArgumentException(origin + ": issue " + id + " has no patterns");
            }
            List<String> causedBy = new ArrayList<>();
            n.path("caused_by").forEach(c -> causedBy.add(c.asText()));
            out.add(new KnownIssue(id, required(n, "title", origin), patterns, required(n, "diagnosis", origin),
                    required(n, "remediation", origin), causedBy));
        }
        return out;
    }

    private static String required(JsonNode n, String field, String origin) {
        String v = n.path(field).asText("");
        if (v.isBlank()) {
            throw new IllegalArgumentException(origin + ": an issue lacks " + field);
        }
        return v;
    }
}
