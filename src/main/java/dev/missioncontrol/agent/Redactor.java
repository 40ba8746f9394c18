package dev.missioncontrol.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in text a tool returns or a brain sends out. Tool results are shown in the UI and go to an LLM when
 * one is configured, so a key pasted into a log must not travel further than the log itself. What stays (the key
 * name, the URL's host, the auth scheme) is what a person needs to recognise the line; ids, counts, timestamps,
 * hashes and UUIDs stay readable. Masking is idempotent: redacting redacted text changes nothing.
 */
public final class Redactor {
    public static final String MASK = "[REDACTED]";

    /** Secrets recognisable by their own shape, masked whole. */
    private static final List<Pattern> WHOLE = List.of(
            Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"),
            // an AWS secret access key: 40 characters of base64 mixing upper and lower case and digits
            Pattern.compile("(?<![A-Za-z0-9/+])(?=[A-Za-z0-9/+]{0,39}[0-9])(?=[A-Za-z0-9/+]{0,39}[a-z])"
                    + "(?=[A-Za-z0-9/+]{0,39}[A-Z])[A-Za-z0-9+][A-Za-z0-9/+]{39}(?![A-Za-z0-9/+=])"),
            // a JWT, also an unsigned one whose signature is empty, and one whose claims are only {} ("e30")
            Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{3,}\\.[A-Za-z0-9_-]*"),
            Pattern.compile("\\b(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{10,}\\b"),
            Pattern.compile("\\bsk-(?:ant-|proj-)?[A-Za-z0-9_-]{20,}"),
            Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{30,}\\b"),
            Pattern.compile("\\bgithub_pat_[A-Za-z0-9_]{22,}"),
            Pattern.compile("\\bglpat-[A-Za-z0-9_-]{20,}"),
            Pattern.compile("\\bnpm_[A-Za-z0-9]{36}\\b"),
            Pattern.compile("\\bya29\\.[A-Za-z0-9_-]{20,}"),
            Pattern.compile("\\bSG\\.[A-Za-z0-9_-]{16,}\\.[A-Za-z0-9_-]{16,}"),
            Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}"),
            Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}"),
            Pattern.compile("\\bhf_[A-Za-z0-9]{30,}\\b"),
            // a PyPI upload token: a macaroon whose first bytes always read "pypi.org" in base64
            Pattern.compile("\\bpypi-AgE[A-Za-z0-9_-]{50,}"),
            Pattern.compile("\\bdop_v1_[a-f0-9]{64}\\b"),
            // this server's own API keys and webhook signing secrets
            Pattern.compile("\\bmc_[A-Za-z0-9]{8}_[A-Za-z0-9]{38}\\b"),
            Pattern.compile("\\bwhsec_[A-Za-z0-9_-]{20,}"));

    /** Each rule keeps group 1 (what names the secret) and masks the rest of the match. */
    private static final List<Pattern> KEEP_PREFIX = List.of(
            // scheme://user:password@host, also with no user; the password may hold @ and /, so it runs to the
            // last @ before the query (a host:port is no password). Bounded, so a long line is read in linear time.
            Pattern.compile("(\\b[a-zA-Z][a-zA-Z0-9+.-]{0,31}://[^/\\s:@\"']{0,256}:)(?!\\d{1,5}(?:[/?#\"']|$))"
                    + "[^\\s?#\"']{1,256}(?=@)"),
            // a Go (MySQL) DSN has no scheme: user:password@tcp(host:3306)/db, @unix(/socket)/db or @/db
            Pattern.compile("((?<![\\w.%+:/@-])[A-Za-z_][\\w.%+-]{0,63}:)[^\\s\"']{1,256}?(?=@(?:tcp6?|udp|unix)?\\(|@/)"),
            // Oracle's user/password@database, in a JDBC URL or on the command line of its tools
            Pattern.compile("((?i:\\bjdbc:oracle:(?:thin|oci8?):|\\b(?:sqlplus|connect|conn|rman|expdp|impdp|sqlldr)"
                    + "\\s+(?:-\\w+\\s+){0,3}|\\buserid=)[\\w$#.-]{1,64}/)[^\\s@\"']{1,256}(?=@)"),
            // a Sentry DSN's key is the URL's user, with no password after it: https://<32 hex>@o1.ingest.sentry.io/2
            Pattern.compile("(\\bhttps?://)[0-9a-f]{32}(?=@)"),
            Pattern.compile("(\\bhttps://hooks\\.slack\\.com/(?:services|workflows|triggers)/)[A-Za-z0-9/_-]+"));

    /** Bearer xyz, Basic xyz, Token xyz: masked when xyz looks generated, so "token expired" stays readable. */
    private static final Pattern SCHEME_TOKEN = Pattern.compile(
            "(?i)(\\b(?:bearer|basic|token)\\s+)([A-Za-z0-9._~+/=-]{7,}[A-Za-z0-9_~+/=-])");
    private static final Pattern GENERATED = Pattern.compile(".{16,}|.*(?:[0-9_~+/=]|[a-z][A-Z]).*");

    private Redactor() {
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String keys = text.contains("-----END ") ? PrivateKeyLines.BLOCK.matcher(text).replaceAll(MASK) : text;
        return inLine(String.join("\n", acrossLines(Arrays.asList(keys.split("\n", -1)))));
    }

    /** Lines in the order they were written (a hit and its neighbours): a key's body is masked across them. */
    public static List<String> redactLines(List<String> lines) {
        return redactLines(lines, 0, lines.size());
    }

    /**
     * Lines {@code from} (inclusive) to {@code to} of {@code lines}, redacted as they read among the others: a value
     * is a secret by the name on the line above it, a key's short last line by the END marker below it. Only those
     * lines are read for secrets within a line, so a caller can show the redactor a hit's neighbours cheaply.
     */
    public static List<String> redactLines(List<String> lines, int from, int to) {
        List<String> whole = lines.stream().map(l -> l == null ? "" : PrivateKeyLines.BLOCK.matcher(l)
                .replaceAll(MASK)).toList();
        return acrossLines(whole).subList(from, to).stream().map(Redactor::redact).toList();
    }

    /** The secrets that span lines: private keys, and names with their values on the next line. */
    private static List<String> acrossLines(List<String> lines) {
        return NameValueLines.mask(PrivateKeyLines.mask(lines));
    }

    /**
     * A copy of a JSON tree with every string redacted, before it is written out (written JSON escapes quotes, which
     * would hide a password="…" from the text rules). A value whose field name says it is a secret is masked whole.
     */
    public static JsonNode redact(JsonNode node) {
        if (node == null || node.isValueNode() && !node.isTextual()) {
            return node;
        }
        if (node.isTextual()) {
            return TextNode.valueOf(redact(node.asText()));
        }
        if (node.isArray()) {
            return redactArray(node);
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        boolean secretPair = namesSecret(node);
        node.properties().forEach(f -> out.set(f.getKey(), (SecretNames.named(f.getKey())
                || secretPair && f.getKey().equalsIgnoreCase("value")) && holdsSecret(f.getValue())
                ? TextNode.valueOf(MASK) : redact(f.getValue())));
        return out;
    }

    /** {"name": "DB_PASSWORD", "value": "…"}: the environment format of Kubernetes, ECS and CloudFormation. */
    private static boolean namesSecret(JsonNode object) {
        for (String field : List.of("name", "Name", "key", "Key")) {
            JsonNode name = object.get(field);
            if (name != null && name.isTextual() && SecretNames.named(name.asText())) {
                return true;
            }
        }
        return false;
    }

    private static ArrayNode redactArray(JsonNode array) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        if (items.size() == 2 && items.stream().allMatch(JsonNode::isTextual)
                && SecretPairs.loosePair(items.get(0).asText(), items.get(1).asText())) {
            out.add(redact(items.get(0).asText())).add(MASK); // ["DB_PASSWORD", "…"]
        } else if (!items.isEmpty() && items.stream().allMatch(JsonNode::isTextual)) {
            redactLines(items.stream().map(JsonNode::asText).toList()).forEach(out::add);
        } else {
            items.forEach(i -> out.add(redact(i)));
        }
        return out;
    }

    /** "password": null or "token": false tells nothing away; any other value under a secret's name is masked. */
    private static boolean holdsSecret(JsonNode value) {
        return !value.isNull() && !value.isBoolean() && !(value.isTextual() && value.asText().isEmpty());
    }

    private static String inLine(String text) {
        String out = text;
        for (Pattern p : WHOLE) {
            out = p.matcher(out).replaceAll(MASK);
        }
        Set<String> masked = new HashSet<>();
        for (Pattern p : KEEP_PREFIX) {
            out = p.matcher(out).replaceAll(r -> {
                masked.add(r.group().substring(r.group(1).length()));
                return Matcher.quoteReplacement(r.group(1) + MASK);
            });
        }
        out = SecretWords.mask(SecretPairs.mask(SecretValues.mask(out, masked)));
        out = SCHEME_TOKEN.matcher(out).replaceAll(r -> Matcher.quoteReplacement(
                generated(r.group(2)) ? r.group(1) + MASK : r.group(0)));
        return echoes(out, masked);
    }

    /**
     * A password masked in a URL or after its name is masked wherever else the same text repeats it: "login failed
     * for admin/Adm1nPw2026 on https://admin:Adm1nPw2026@console" must not show the password the URL hid. Only values
     * that look generated and have six characters or more, so that "password=changeme" masks no ordinary word.
     */
    private static String echoes(String text, Set<String> masked) {
        String out = text;
        for (String value : masked.stream().filter(v -> v.length() >= 6 && generated(v) && !v.contains(MASK))
                .sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            out = out.replace(value, MASK);
        }
        return out;
    }

    /** Whether a word looks generated rather than written: long, or holding digits, symbols or a camel hump. */
    static boolean generated(String word) {
        return GENERATED.matcher(word).matches();
    }
}
