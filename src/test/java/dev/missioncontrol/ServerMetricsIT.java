package dev.missioncontrol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.missioncontrol.testing.TestServer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** /metrics carries what an operator alerts on about the server itself, not only about deploys. */
class ServerMetricsIT {

    @Test
    void shows_its_build_restarts_cpu_open_files_and_the_sqlite_database_size_and_free_disk() {
        try (TestServer server = TestServer.start(TestServer.Db.SQLITE)) {
            String metrics = server.api().get("/metrics").body();
            assertThat(metrics).contains("process_start_time_seconds ", "process_uptime_seconds ",
                    "process_cpu_usage ", "process_files_open_files ", "process_files_max_files ");
            assertThat(value(metrics, "disk_free_bytes\\{path=\"[^\"]+\"}")).isPositive();
            assertThat(value(metrics, "missioncontrol_database_size_bytes")).isPositive();
            assertThat(value(metrics, "missioncontrol_build_info\\{commit=\"" + BuildVersion.commit()
                    + "\",release=\"0.1.0\"}")).isEqualTo(1.0);
            assertThat(BuildVersion.commit()).matches("[0-9a-f]{7,}");
        }
    }

    private static double value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(metrics);
        assertThat(m.find()).as(series + " in\n" + metrics).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
