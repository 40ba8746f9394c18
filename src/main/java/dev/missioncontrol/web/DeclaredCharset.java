package dev.missioncontrol.web;

import io.javalin.http.Context;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses a request whose Content-Type names a charset the JVM does not know ({@code charset=bogus}, an empty
 * {@code charset=}) before anything reads it: the servlet layer looks the charset up whenever the content type or a
 * form is read, and its exception made every route, the health checks included, answer 500 with a stack trace in the
 * log, for anyone, with no key needed.
 */
final class DeclaredCharset {
    private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*(\"?)([^\";]*)\\1");
    /** A charset name is short (the longest IANA names are about 45 characters); more is not repeated back. */
    private static final int SHOWN = 48;

    private DeclaredCharset() {
    }

    static void requireKnown(Context ctx) {
        String contentType = ctx.header("Content-Type");
        Matcher m = contentType == null ? null : CHARSET.matcher(contentType);
        if (m == null || !m.find()) {
            return;
        }
        String name = m.group(2).strip();
        try {
            Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            String shown = name.length() > SHOWN ? name.substring(0, SHOWN) + "…" : name;
            throw new HttpProblem(415, "unsupported-media-type", "Unsupported charset", "the Content-Type names "
                    + (name.isEmpty() ? "an empty charset" : "the charset '" + shown + "'") + ", which this server "
                    + "does not read; send UTF-8 (charset=utf-8) or leave the charset out");
        }
    }
}
