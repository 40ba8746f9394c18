package dev.missioncontrol.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.concurrent.CancellationException;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.AbstractEndPoint;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * Notices a client that hung up while its request is held (a long poll), so the wait ends instead of holding a
 * server thread until its deadline: a CI job cancelled during {@code deploy --wait=600} would keep one for ten
 * minutes. Jetty reads nothing from an HTTP/1 connection while its request is handled, so a hangup goes unseen; this
 * asks to be told when the connection turns readable, and reads it. A client sends nothing more on a connection
 * whose answer it awaits, so what is read is the end of the stream. Should it be bytes after all (a pipelined
 * request), they cannot be put back, and the connection is closed after this answer so the client sends it again.
 * HTTP/2 and anything but a plain Jetty endpoint are left alone: their connection reads for every stream at once.
 */
public final class ClientHangup implements AutoCloseable {
    private final Context ctx;
    /** The connection watched; null when it is not. */
    private final AbstractEndPoint endPoint;
    private volatile boolean hungUp;
    private volatile boolean spoiled;

    private ClientHangup(Context ctx, AbstractEndPoint endPoint) {
        this.ctx = ctx;
        this.endPoint = endPoint;
    }

    /** Starts watching the request's connection; {@link #close()} stops before the answer is written. */
    public static ClientHangup watch(Context ctx) {
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        EndPoint endPoint = request == null ? null : request.getConnectionMetaData().getConnection().getEndPoint();
        if (!(endPoint instanceof AbstractEndPoint plain)
                || request.getConnectionMetaData().getHttpVersion().getVersion() > HttpVersion.HTTP_1_1.getVersion()) {
            return new ClientHangup(ctx, null);
        }
        ClientHangup hangup = new ClientHangup(ctx, plain);
        // false when something else already reads the connection: then it is not this to stop
        return plain.tryFillInterested(Callback.from(hangup::readable, ignored -> { })) ? hangup
                : new ClientHangup(ctx, null);
    }

    /** Whether the client is still there, as far as can be told. */
    public boolean connected() {
        return !hungUp;
    }

    private void readable() {
        try {
            int read = endPoint.fill(BufferUtil.allocate(512));
            hungUp = read < 0;
            spoiled = read > 0;
        } catch (IOException e) {
            hungUp = true;
        }
    }

    /** Stops watching, so Jetty can read the connection's next request itself. */
    @Override
    public void close() {
        if (endPoint == null) {
            return;
        }
        endPoint.getFillInterest().onFail(new CancellationException("the held request ended"));
        if (spoiled) {
            ctx.header("Connection", "close");
        }
    }
}
