package dev.missioncontrol.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.missioncontrol.errors.FieldError;
import dev.missioncontrol.errors.ValidationException;
import dev.missioncontrol.store.Json;
import io.javalin.http.Context;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a JSON object body within a size limit. The limit applies to the decompressed size, so a small gzip bomb is
 * refused as soon as it grows past it. Values the server could not keep as sent are refused too (see LossyValues).
 */
public final class RequestBody {
    /**
     * A body is one JSON value: anything after it (a second object, stray text) makes it malformed, not ignored. A
     * field given twice in one object is refused too: which of two statuses a deploy meant is the client's to say.
     */
    static final ObjectReader ONE_VALUE = Json.MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private RequestBody() {
    }

    public static JsonNode readObject(Context ctx, long limit) {
        requireJson(ctx.header("Content-Type"));
        long declared = ctx.req().getContentLengthLong();
        String encoding = encoding(ctx.header("Content-Encoding"));
        if (encoding.equals("identity") && declared > limit) {
            throw tooLarge(limit);
        }
        JsonNode node = parse(ctx, encoding, limit);
        if (node == null || node.isMissingNode()) {
            throw HttpProblem.badRequest("the body is empty; send a JSON object");
        }
        if (!node.isObject()) {
            throw HttpProblem.badRequest("the body must be a JSON object");
        }
        List<FieldError> lossy = LossyValues.in(node);
        if (!lossy.isEmpty()) {
            throw new ValidationException(lossy);
        }
        return node;
    }

    private static JsonNode parse(Context ctx, String encoding, long limit) {
        UnreadBody.started(ctx);
        try (InputStream raw = new Unclosed(ctx.req().getInputStream());
             InputStream in = new Bounded(encoding.equals("gzip") ? new GZIPInputStream(raw, 65536) : raw, limit)) {
            return ONE_VALUE.readTree(in);
        } catch (ZipException e) {
            throw HttpProblem.badRequest("the body is not valid gzip");
        } catch (UncheckedIOException e) {
            throw tooLarge(limit);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            if (e.getCause() instanceof UncheckedIOException) {
                throw tooLarge(limit);
            }
            throw HttpProblem.badRequest(JsonSyntax.describe(e));
        } catch (IOException e) {
            throw HttpProblem.badRequest("the body could not be read to its end; send it again");
        }
    }

    private static void requireJson(String contentType) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!(type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json")))) {
            throw new HttpProblem(415, "unsupported-media-type", "Unsupported media type",
                    "Content-Type must be application/json, not " + (type.isEmpty() ? "(none)" : type));
        }
    }

    private static String encoding(String header) {
        String e = header == null ? "identity" : header.trim().toLowerCase(Locale.ROOT);
        if (e.isEmpty() || e.equals("identity")) {
            return "identity";
        }
        if (e.equals("gzip") || e.equals("x-gzip")) {
            return "gzip";
        }
        throw new HttpProblem(415, "unsupported-media-type", "Unsupported content encoding",
                "Content-Encoding must be gzip or identity, not " + e);
    }

    private static HttpProblem tooLarge(long limit) {
        return new HttpProblem(413, "payload-too-large", "Payload too large",
                "the body is over its limit of " + limit + " bytes (after decompression)");
    }

    /** Leaves the request's stream open, so what is left of a refused body can still be read and dropped. */
    private static final class Unclosed extends FilterInputStream {
        Unclosed(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }

    /** Fails the read once more than {@code limit} bytes have come through. */
    private static final class Bounded extends FilterInputStream {
        private final long limit;
        private long count;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            count += n;
            if (count > limit) {
                throw new UncheckedIOException(new IOException("body over limit"));
            }
        }
    }
}
