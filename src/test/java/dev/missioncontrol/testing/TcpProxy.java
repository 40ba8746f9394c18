package dev.missioncontrol.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy, as a load balancer is, that can be pointed at another server and can fall silent, as a database does behind a failover or a network cut: connections open at that
 * moment stay open and carry nothing ever again, and new ones are accepted and never answered. Once it speaks again
 * only connections opened after that reach the database; the silent ones stay half-open, as they do in real life.
 */
public final class TcpProxy implements AutoCloseable {
    private final ServerSocket server;
    private final String host;
    private volatile int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    /** Bumped by each silence: a connection carries bytes only in the generation it was opened in. */
    private final AtomicInteger generation = new AtomicInteger();
    private final AtomicInteger heldSilently = new AtomicInteger();
    private volatile boolean silent;

    private TcpProxy(String host, int port) throws IOException {
        this.host = host;
        this.port = port;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::acceptLoop);
    }

    public static TcpProxy to(String host, int port) {
        try {
            return new TcpProxy(host, port);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** New connections go to this port from now on; those open stay where they are. */
    public void pointAt(int newPort) {
        port = newPort;
    }

    public void silence() {
        generation.incrementAndGet();
        silent = true;
    }

    public void speak() {
        silent = false;
    }

    /** Connections accepted while silent, which nothing will ever answer. */
    public int heldSilently() {
        return heldSilently.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                if (silent) {
                    heldSilently.incrementAndGet();
                    continue;
                }
                Socket upstream = connectUpstream(client);
                if (upstream == null) {
                    continue;
                }
                int opened = generation.get();
                Thread.ofVirtual().start(() -> pump(client, upstream, opened));
                Thread.ofVirtual().start(() -> pump(upstream, client, opened));
            } catch (IOException e) {
                // closed
            }
        }
    }

    /** The connection to the server pointed at, or null when it refused: the client's connection goes too. */
    private Socket connectUpstream(Socket client) {
        try {
            Socket upstream = new Socket(host, port);
            sockets.add(upstream);
            return upstream;
        } catch (IOException e) {
            closeQuietly(client);
            return null;
        }
    }

    /**
     * Copies until either side closes, then closes both; a silence leaves both open and carrying nothing, not even
     * one side's close: across a network cut the database never learns that its client gave up.
     */
    private void pump(Socket from, Socket to, int opened) {
        byte[] buffer = new byte[8192];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (generation.get() != opened) {
                    return;
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // either side closed
        }
        if (generation.get() == opened) {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
        sockets.forEach(TcpProxy::closeQuietly);
    }
}
