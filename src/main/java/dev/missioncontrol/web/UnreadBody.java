package dev.missioncontrol.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads and drops what is left of a refused request's body before the refusal is sent.
 *
 * <p>Answered early, a client still uploading can lose the answer: the server closes a connection with unread bytes
 * in it, the kernel resets it, and the reset discards the answer the client had not yet read. The JDK's HTTP client
 * then reports "header parser received no bytes"; on a busy machine 6 of 1,500 oversized posts lost their answer.
 * Like Tomcat's swallow limit, only a bounded remainder is read; past it the connection is closed unread, so a refused
 * upload never costs more than {@link #BOUND} bytes of reading.
 *
 * <p>A client that sent {@code Expect: 100-continue} (curl does for large bodies) waits for the server's go-ahead
 * before it sends the body. Reading it would give that go-ahead, so a body nobody began reading is left unsent.
 */
final class UnreadBody {
    static final long BOUND = 4L << 20;
    private static final String STARTED = UnreadBody.class.getName() + ".started";

    private UnreadBody() {
    }

    /** Called by whoever starts reading a body, so that a refusal afterwards drops the rest. */
    static void started(Context ctx) {
        ctx.attribute(STARTED, Boolean.TRUE);
    }

    static void discard(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared == 0 || declared > BOUND || (awaitsContinue(ctx) && ctx.attribute(STARTED) == null)) {
            return;
        }
        try {
            InputStream in = ctx.req().getInputStream();
            long read = 0;
            byte[] buf = new byte[16 * 1024];
            for (int n; read <= BOUND && (n = in.read(buf)) >= 0; ) {
                read += n;
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away, or the body was already taken as parts or a reader: nothing is left to drop.
        }
    }

    private static boolean awaitsContinue(Context ctx) {
        String expect = ctx.header("Expect");
        return expect != null && expect.trim().equalsIgnoreCase("100-continue");
    }
}
