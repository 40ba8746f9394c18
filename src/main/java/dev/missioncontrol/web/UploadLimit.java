package dev.missioncontrol.web;

import dev.missioncontrol.config.ByteSize;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jetty.http.HttpException;

/**
 * The limit of the UI's file uploads (a log file on the dashboard's form). The file becomes the {@code context.logs}
 * of a new session, so it follows {@code --max-session-body}, the limit of that API body. An upload over it is
 * refused with 413 before its body is read when the request declares its length, and otherwise as soon as Jetty's
 * multipart parser reaches the limit.
 */
public final class UploadLimit {
    /**
     * The largest text field (the prompt, pasted context): Jetty holds fields in memory, so they are kept far below
     * the file limit. The whole request may take one file and this much beside it.
     */
    private static final int FIELDS = 1 << 20;

    private final long fileBytes;

    public UploadLimit(long fileBytes) {
        this.fileBytes = fileBytes;
    }

    void configure(JavalinConfig config) {
        config.jetty.multipartConfig.maxFileSize(fileBytes, SizeUnit.BYTES);
        config.jetty.multipartConfig.maxTotalRequestSize(fileBytes + FIELDS, SizeUnit.BYTES);
        config.jetty.multipartConfig.maxInMemoryFileSize(FIELDS, SizeUnit.BYTES);
        // Jetty's own cap on form fields (200,000 bytes) would refuse a pasted log far smaller than a file may be
        config.jetty.modifyServletContextHandler(context -> context.setMaxFormContentSize(FIELDS));
    }

    /** A before-handler: a multipart body declared larger than the limit is refused unread. */
    void refuseDeclaredOversize(Context ctx) {
        String type = ctx.contentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")
                && ctx.req().getContentLengthLong() > fileBytes + FIELDS) {
            throw tooLarge();
        }
    }

    /**
     * The refusal a failure to read a multipart body stands for: 413 when the parser stopped at the limit, the
     * parser's own 4xx when the body is malformed; empty for any other failure.
     */
    Optional<HttpProblem> refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t instanceof IllegalStateException ? String.valueOf(t.getMessage()) : "";
            if (message.startsWith("Form is larger than max length")
                    || message.startsWith("max memory file size exceeded")) {
                return Optional.of(new HttpProblem(413, "payload-too-large", "Text too large", "A field holds more "
                        + "than " + ByteSize.format(FIELDS) + " of text; attach a long log as a file instead (up to "
                        + ByteSize.format(fileBytes) + ")."));
            }
            if (message.startsWith("max file size exceeded") || message.startsWith("max length exceeded")) {
                return Optional.of(tooLarge());
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpException h && h.getCode() >= 400 && h.getCode() < 500) {
                return Optional.of(new HttpProblem(h.getCode(), Problems.slug(h.getCode()), "Malformed request",
                        "the form could not be read: " + h.getReason()));
            }
        }
        return Optional.empty();
    }

    private HttpProblem tooLarge() {
        return new HttpProblem(413, "payload-too-large", "File too large", "The file is larger than the "
                + ByteSize.format(fileBytes) + " limit for uploaded logs. Upload the part of the log around the "
                + "problem.");
    }
}
