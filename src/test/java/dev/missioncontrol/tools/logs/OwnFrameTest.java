package dev.missioncontrol.tools.logs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OwnFrameTest {

    @Test
    void a_java_trace_is_opened_at_the_first_frame_below_the_driver_and_the_framework() {
        String trace = """
                ERROR [exec-5] c.a.orders.OrderController - order failed
                org.postgresql.util.PSQLException: ERROR: deadlock detected
                \tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2713)
                \tat com.zaxxer.hikari.pool.HikariProxyPreparedStatement.executeUpdate(HikariProxyPreparedStatement.java)
                \tat com.acme.orders.OrderService$$SpringCGLIB$$0.place(<generated>)
                \tat app//com.acme.orders.OrderService.place(OrderService.java:88)
                \tat com.acme.orders.OrderController.create(OrderController.java:41)
                \tat java.base/java.lang.Thread.run(Thread.java:1583)
                """;
        assertThat(OwnFrame.in(trace)).isEqualTo("com.acme.orders.OrderService.place(OrderService.java:88)");
    }

    @Test
    void a_python_traceback_is_opened_at_its_innermost_frame_outside_the_installed_packages() {
        String trace = """
                Traceback (most recent call last):
                  File "/usr/lib/python3.11/site-packages/flask/app.py", line 1484, in full_dispatch_request
                  File "/srv/app/orders/views.py", line 12, in create
                  File "/srv/app/orders/service.py", line 88, in place
                  File "/usr/lib/python3.11/site-packages/psycopg2/extras.py", line 236, in execute
                psycopg2.errors.DeadlockDetected: deadlock detected
                """;
        assertThat(OwnFrame.in(trace)).isEqualTo("/srv/app/orders/service.py:88 in place");
    }

    @Test
    void a_node_trace_skips_its_modules_and_internals() {
        String trace = """
                Error: connect ECONNREFUSED 10.0.7.12:27017
                    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)
                    at Pool.connect (/app/node_modules/mongodb/lib/pool.js:210:11)
                    at placeOrder (/app/src/orders.js:88:12)
                """;
        assertThat(OwnFrame.in(trace)).isEqualTo("/app/src/orders.js:88 in placeOrder");
    }

    @Test
    void a_go_panic_skips_the_runtime_and_downloaded_modules() {
        String trace = """
                panic: runtime error: invalid memory address or nil pointer dereference
                goroutine 1 [running]:
                runtime.panicmem()
                \t/usr/local/go/src/runtime/panic.go:261 +0x1c
                github.com/lib/pq.(*conn).query(...)
                \t/go/pkg/mod/github.com/lib/pq@v1.10.9/conn.go:870 +0x2a
                main.placeOrder(0x0)
                \t/app/orders.go:88 +0x1d
                """;
        assertThat(OwnFrame.in(trace)).isEqualTo("/app/orders.go:88");
    }

    @Test
    void a_go_panic_read_from_a_log_keeps_the_frame_below_its_blank_line() {
        String log = """
                panic: assignment to entry in nil map

                goroutine 1 [running]:
                main.main()
                \t/srv/cmd/api/main.go:17 +0x25
                """;
        var reader = new dev.missioncontrol.logs.LogReader(new java.io.StringReader(log), 2026);
        assertThat(OwnFrame.in(reader.next().raw())).isEqualTo("/srv/cmd/api/main.go:17");
    }

    @Test
    void a_trace_of_library_frames_only_or_a_single_line_names_none() {
        assertThat(OwnFrame.in("java.net.SocketTimeoutException: Read timed out\n"
                + "\tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:278)\n")).isNull();
        assertThat(OwnFrame.in("\tat com.acme.orders.OrderService.place(OrderService.java:88)")).isNull();
        assertThat(OwnFrame.in(null)).isNull();
    }
}
