package dev.missioncontrol.web;

import dev.missioncontrol.store.Ids;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the errors the HTTP server raises itself, before any route sees the request (a malformed request line or
 * header, bad percent-encoding in the path, a request line or header section over the size limit), with the same
 * problem document as every other error instead of the server's HTML page.
 *
 * <p>Every path gets the problem document, the UI's included: such a request is broken at the protocol level, so its
 * Accept header cannot be trusted to choose a format, the UI's own links never produce one, and a person who types
 * one still reads the JSON's title and detail in the browser.
 */
final class JettyErrors extends ErrorHandler {
    private static final Logger ACCESS = LoggerFactory.getLogger("access");
    /** Jetty's reasons are short phrases ("Invalid Content-Length Value"); anything else is not repeated. */
    private static final int MAX_REASON = 120;

    JettyErrors() {
        setCacheControl("no-store");
    }

    /** Every method gets a body, not only GET, HEAD and POST. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
            Callback callback) {
        String requestId = Ids.newId();
        String detail = detail(request, status, cause == null || cause instanceof HttpException ? message : null);
        String body = Problems.document(status, Problems.slug(status), HttpStatus.getMessage(status), detail, List.of(),
                requestId);
        ACCESS.info("{} {} refused before routing: {} {}", requestId, request.getMethod(), status, detail);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problems.MEDIA_TYPE);
        response.getHeaders().put("X-Request-Id", requestId);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    private static String detail(Request request, int status, String reason) {
        int limit = request.getConnectionMetaData().getHttpConfiguration().getRequestHeaderSize();
        return switch (status) {
            case 414 -> "the request target is too long: the request line and headers may take at most " + limit
                    + " bytes";
            case 431 -> "the request headers are too large: the request line and headers may take at most " + limit
                    + " bytes";
            case 505 -> "this HTTP version is not served; use HTTP/1.1";
            case 400 -> "the request line or headers are malformed" + (plain(reason, status) ? ": " + reason
                    : " (a path with invalid percent-encoding, a header that breaks the syntax)");
            default -> plain(reason, status) ? reason : HttpStatus.getMessage(status);
        };
    }

    /** A reason worth repeating: a short printable phrase that says more than the status line does. */
    private static boolean plain(String reason, int status) {
        return reason != null && reason.length() <= MAX_REASON && !reason.equals(HttpStatus.getMessage(status))
                && reason.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }
}
