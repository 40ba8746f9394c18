package dev.missioncontrol.web;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP/1.1 connection kept open across requests, written by hand: what HTTP clients and proxies do with a
 * persistent connection, without a client library choosing when to open a new one.
 */
public final class RawConnection implements AutoCloseable {
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)");
    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    RawConnection(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        out = socket.getOutputStream();
    }

    /** GETs {@code path} with the given header lines and returns the status line, the body read and skipped. */
    String get(String path, String... headers) throws IOException {
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String status = in.readLine();
        long length = 0;
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Long.parseLong(line.substring(15).trim());
            }
        }
        in.skip(length);
        return status;
    }

    /** One answer off a raw connection: its head (status line and headers) and its body. */
    record Answer(String head, String body) {
        int status() {
            return Integer.parseInt(head.substring(9, 12));
        }

        String header(String name) {
            Matcher m = Pattern.compile("(?im)^" + Pattern.quote(name) + ":[ \t]*([^\r\n]*)").matcher(head);
            return m.find() ? m.group(1) : null;
        }
    }

    /** Sends bytes that HTTP client libraries refuse to send, on a connection of their own, and reads the answer. */
    static Answer exchange(int port, byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request);
            return readAnswer(new DataInputStream(socket.getInputStream()));
        }
    }

    /** The head of one HTTP/1.1 answer, its body read and skipped so the connection can carry the next. */
    public static String readHead(DataInputStream in) throws IOException {
        return readAnswer(in).head();
    }

    private static Answer readAnswer(DataInputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            head.append((char) in.readUnsignedByte());
        }
        Matcher length = CONTENT_LENGTH.matcher(head);
        byte[] body = new byte[length.find() ? Integer.parseInt(length.group(1)) : 0];
        in.readFully(body);
        return new Answer(head.toString(), new String(body, StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
