package dev.missioncontrol.tools;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in text a tool returns. Tool results are shown in the UI and may later be sent to an LLM, so a key
 * pasted into a log must not travel further than the log itself. What stays (the key name, the URL's host) is
 * what a person needs to recognise the line.
 */
public final class Redactor {
    public static final String MASK = "[REDACTED]";

    /** Each rule keeps group 1 (what names the secret) and masks the rest of the match. */
    private static final List<Pattern> KEEP_PREFIX = List.of(
            // Authorization: Bearer xyz, Basic xyz, Token xyz
            // (a digit must be in it, so "token expired" stays readable)
            Pattern.compile("(?i)(\\b(?:bearer|basic|token)\\s+)(?=[A-Za-z._~+/=-]*\\d)[A-Za-z0-9._~+/=-]{8,}"),
            // password=..., api_key: "...", secret=..., access_token=...
            Pattern.compile("(?i)(\\b[\\w.-]*(?:password|passwd|pwd|secret|api[_-]?key|apikey|access[_-]?token"
                    + "|refresh[_-]?token|auth[_-]?token|client[_-]?secret|private[_-]?key)[\"']?\\s*[:=]\\s*[\"']?)"
                    + "[^\\s\"',;&}]{3,}"),
            // scheme://user:password@host
            Pattern.compile("(\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^/\\s:@]+:)[^@\\s/]+(?=@)"));

    /** Secrets recognisable by their own shape, masked whole. */
    private static final List<Pattern> WHOLE = List.of(
            Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)"),
            Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"),
            Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\b"),
            Pattern.compile("\\b(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{10,}\\b"),
            Pattern.compile("\\bsk-(?:ant-|proj-)?[A-Za-z0-9_-]{20,}\\b"),
            Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{30,}\\b"),
            Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}\\b"),
            Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}\\b"),
            Pattern.compile("\\bmc_[A-Za-z0-9]{8}_[A-Za-z0-9]{38}\\b"));

    private Redactor() {
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (Pattern p : WHOLE) {
            out = p.matcher(out).replaceAll(MASK);
        }
        for (Pattern p : KEEP_PREFIX) {
            Matcher m = p.matcher(out);
            out = m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + MASK));
        }
        return out;
    }
}
