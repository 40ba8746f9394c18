package dev.missioncontrol.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.config.AppConfig;
import dev.missioncontrol.testing.TestServer;
import dev.missioncontrol.web.RawConnection;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A log file over the session body limit, uploaded on the dashboard's form: the answer is 413 with the limit, as a
 * page for a browser and as a problem document for a script, whether the body's length was declared or not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadLimitIT {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String BOUNDARY = "----mcUploadLimit";

    private TestServer server;
    private LoginHttpIT.Login login;

    @BeforeAll
    void start() throws Exception {
        server = TestServer.start(TestServer.Db.SQLITE, c -> c.withLimits(new AppConfig.Limits(
                c.limits().maxBody(), 2L << 20, c.limits().writesPerMinute(), c.limits().writeBurst())));
        login = LoginHttpIT.Login.of(server, "127.0.0.1");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void a_browser_gets_a_page_saying_the_limit_of_max_session_body() throws Exception {
        var answer = upload(form(3 << 20), true, "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/html"));
        assertThat(answer.body()).contains("larger than the 2 MiB limit").doesNotContain("Exception");
    }

    @Test
    void a_script_gets_a_problem_document_even_when_it_streams_the_body_without_a_length() throws Exception {
        for (boolean declared : new boolean[] {true, false}) {
            var answer = upload(form(3 << 20), declared, "*/*");
            assertThat(answer.statusCode()).as("length declared: " + declared).isEqualTo(413);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(answer.body()).contains("larger than the 2 MiB limit");
        }
    }

    @Test
    void a_file_within_the_limit_still_starts_an_investigation() throws Exception {
        var answer = upload(form(100_000), true, "text/html");
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .startsWith("/agents/"));
    }

    /** Text fields are held in memory, so a paste has a smaller limit than a file; the answer says what to do. */
    @Test
    void text_pasted_beyond_the_field_limit_is_refused_with_the_way_around_it() throws Exception {
        var answer = upload(pasted("x".repeat(1_500_000)), true, "*/*");
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("attach a long log as a file");
    }

    /**
     * After a refused upload the connection either carries the next request or says it closes. Jetty closes some
     * connections after the form parser gave up, and a client that took such an answer for a kept connection sent
     * its next form into the closed one and got no answer at all.
     */
    @Test
    void a_refused_upload_leaves_the_connection_usable_or_says_it_closes() throws Exception {
        for (boolean declared : new boolean[] {true, false}) {
            for (byte[] body : List.of(form(3 << 20), pasted("x".repeat(1_500_000)))) {
                try (Socket socket = new Socket("127.0.0.1", server.app().port())) {
                    socket.setSoTimeout(10_000);
                    OutputStream out = socket.getOutputStream();
                    out.write(("POST /agents HTTP/1.1\r\nHost: localhost\r\nCookie: " + login.cookie()
                            + "\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n"
                            + (declared ? "Content-Length: " + body.length : "Transfer-Encoding: chunked")
                            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(declared ? body : chunked(body));
                    var in = new DataInputStream(socket.getInputStream());
                    String refusal = RawConnection.readHead(in);
                    assertThat(refusal).startsWith("HTTP/1.1 413");
                    if (!refusal.toLowerCase(Locale.ROOT).contains("connection: close")) {
                        out.write("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(
                                StandardCharsets.US_ASCII));
                        assertThat(RawConnection.readHead(in)).as("declared %s, %d bytes", declared, body.length)
                                .startsWith("HTTP/1.1 200");
                    }
                }
            }
        }
    }

    /** Jetty's own limit of form fields (200,000 bytes) no longer cuts a pasted log short. */
    @Test
    void a_log_of_a_few_hundred_kilobytes_pasted_in_the_context_box_is_taken() throws Exception {
        String log = "2026-11-29T10:00:00Z ERROR checkout upstream timed out\n".repeat(10_000);
        assertThat(upload(pasted(log), true, "text/html").statusCode()).isEqualTo(303);
    }

    /** A browser never fills a file input back in: the refusal names the file, and takes the focus to say so. */
    @Test
    void a_form_refused_for_another_field_asks_for_its_file_again() throws Exception {
        var answer = upload(form(1_000, "{not json"), true, "text/html");
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).containsPattern("id=\"investigation-problem\" tabindex=\"-1\"\\s+autofocus")
                .contains("context looks like JSON but is not").contains("Attach big.log again");
    }

    private HttpResponse<String> upload(byte[] body, boolean declareLength, String accept) throws Exception {
        HttpRequest.BodyPublisher publisher = declareLength ? HttpRequest.BodyPublishers.ofByteArray(body)
                : HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
        return login.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/agents"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY).header("Accept", accept)
                .POST(publisher));
    }

    /** The dashboard's form with a log file of {@code size} bytes. */
    private byte[] form(int size) throws Exception {
        return form(size, null);
    }

    /** The dashboard's form with a log file of {@code size} bytes, and {@code context} typed unless null. */
    private byte[] form(int size, String context) throws Exception {
        var out = new ByteArrayOutputStream();
        field(out, "_csrf", login.csrf());
        field(out, "prompt", "checkout fails");
        if (context != null) {
            field(out, "context", context);
        }
        out.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"logs_file\"; filename=\"big.log\""
                + "\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        byte[] line = "2026-11-29T10:00:00Z ERROR checkout upstream timed out\n".getBytes(StandardCharsets.UTF_8);
        for (int written = 0; written < size; written += line.length) {
            out.write(line, 0, Math.min(line.length, size - written));
        }
        out.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** The dashboard's form with {@code context} pasted in the context box and no file. */
    private byte[] pasted(String context) throws Exception {
        var out = new ByteArrayOutputStream();
        field(out, "_csrf", login.csrf());
        field(out, "prompt", "checkout fails");
        field(out, "context", context);
        out.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] chunked(byte[] body) throws Exception {
        var out = new ByteArrayOutputStream();
        for (int at = 0; at < body.length; at += 1 << 16) {
            int size = Math.min(1 << 16, body.length - at);
            out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, at, size);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, String name, String value) throws Exception {
        out.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
}
