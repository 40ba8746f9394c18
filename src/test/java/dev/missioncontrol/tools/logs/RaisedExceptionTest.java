package dev.missioncontrol.tools.logs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RaisedExceptionTest {

    @Test
    void a_python_traceback_raised_what_its_last_line_at_the_margin_names() {
        assertThat(RaisedException.in("""
                2026-11-30 09:10:01,002 ERROR [worker] job 42 failed
                Traceback (most recent call last):
                  File "/app/worker/tasks.py", line 88, in charge
                    resp = client.post(url, json=payload, timeout=5)
                requests.exceptions.ConnectTimeout: HTTPSConnectionPool(host='api.stripe.com', port=443)"""))
                .isEqualTo("requests.exceptions.ConnectTimeout: HTTPSConnectionPool(host='api.stripe.com', port=443)");
    }

    @Test
    void a_java_trace_raised_its_root_cause() {
        assertThat(RaisedException.in("""
                2026-11-30T09:10:01Z ERROR checkout - payment failed
                org.springframework.dao.DataAccessResourceFailureException: could not get connection
                \tat org.springframework.jdbc.Foo.bar(Foo.java:1)
                Caused by: java.net.ConnectException: Connection refused
                \tat java.net.Socket.connect(Socket.java:1)""")).isEqualTo("java.net.ConnectException: Connection refused");
        assertThat(RaisedException.in("2026-11-30T09:10:01Z ERROR checkout - payment failed")).isNull();
    }
}
