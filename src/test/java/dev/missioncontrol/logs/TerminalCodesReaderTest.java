package dev.missioncontrol.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerminalCodesReaderTest {

    private static final String ESC = "\u001B";

    private static List<String> lines(Reader text) {
        return new BufferedReader(new TerminalCodesReader(text)).lines().toList();
    }

    /** Hands out one character a read, so every code is split across reads. */
    private static Reader trickle(String text) {
        return new Reader() {
            private int at;

            @Override
            public int read(char[] buffer, int offset, int length) {
                if (at == text.length()) {
                    return -1;
                }
                buffer[offset] = text.charAt(at++);
                return 1;
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void a_coloured_line_reads_as_the_terminal_showed_it_however_the_reads_split_its_codes() {
        String coloured = ESC + "[32m2026-11-30T09:01:00Z" + ESC + "[0m " + ESC + "[1;31mERROR" + ESC + "[0m redis: "
                + "i/o timeout\n" + ESC + "]8;;https://runbook" + ESC + "\\runbook" + ESC + "]8;;\u0007 link" + ESC + "(B";
        List<String> expected = List.of("2026-11-30T09:01:00Z ERROR redis: i/o timeout", "runbook link");

        assertThat(lines(new StringReader(coloured))).isEqualTo(expected);
        assertThat(lines(trickle(coloured))).isEqualTo(expected);
    }

    /** Binary junk may hold an ESC that opens a sequence never closed: the next line is still read. */
    @Test
    void an_unclosed_sequence_ends_at_its_line() throws IOException {
        assertThat(lines(new StringReader("junk " + ESC + "]title without end\n2026-11-30T09:02:00Z ERROR next")))
                .containsExactly("junk ", "2026-11-30T09:02:00Z ERROR next");
    }

    @Test
    void a_coloured_log_has_its_times_and_levels() {
        String log = ESC + "[32m2026-11-30T09:01:00Z" + ESC + "[0m " + ESC + "[31mERROR" + ESC + "[0m redis: i/o timeout";
        LogRecord r = new LogReader(new TerminalCodesReader(new StringReader(log)), 2026).next();

        assertThat(r.timestamp()).hasToString("2026-11-30T09:01:00Z");
        assertThat(r.level()).isEqualTo("ERROR");
    }
}
