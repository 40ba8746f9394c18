package dev.missioncontrol.logs;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Reads log text without the terminal's colour and cursor codes. Loggers that colour their output (a console
 * appender, zap's development config, anything writing to a TTY) leave {@code ESC[32m…ESC[0m} around the time and the
 * level in what {@code kubectl logs} returns; left in, no header is recognised, so the lines have no time and no
 * level, and quotes carry control characters. What remains is the line as the terminal showed it.
 * <p>
 * Removed: CSI sequences ({@code ESC [ params final}), OSC sequences ({@code ESC ] … BEL} or {@code ESC ] … ESC \\},
 * a terminal's hyperlinks and titles), character set choices ({@code ESC ( B}) and two-character escapes. A line break always ends a sequence and is kept, so
 * a stray ESC in binary junk costs at most the rest of its line.
 */
public final class TerminalCodesReader extends FilterReader {
    private static final char ESC = '\u001B';
    private static final char BEL = '\u0007';

    private enum State { TEXT, ESCAPE, CSI, OSC, OSC_ESCAPE, CHARSET }

    private State state = State.TEXT;

    public TerminalCodesReader(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        while (true) {
            int read = in.read(buffer, offset, length);
            if (read <= 0) {
                return read;
            }
            int kept = strip(buffer, offset, read);
            if (kept > 0) {
                return kept; // a chunk that held nothing but codes is not the end of the text: read on
            }
        }
    }

    @Override
    public long skip(long n) throws IOException {
        char[] skipped = new char[(int) Math.min(n, 8192)];
        int read = read(skipped, 0, skipped.length);
        return Math.max(read, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Compacts the chunk in place to the characters kept; returns how many. */
    private int strip(char[] buffer, int offset, int read) {
        int to = offset;
        for (int i = offset; i < offset + read; i++) {
            if (keep(buffer[i])) {
                buffer[to++] = buffer[i];
            }
        }
        return to - offset;
    }

    private boolean keep(char c) {
        if (c == '\n' || c == '\r') {
            state = State.TEXT;
            return true;
        }
        switch (state) {
            case TEXT -> {
                if (c == ESC) {
                    state = State.ESCAPE;
                    return false;
                }
                return true;
            }
            case ESCAPE -> state = c == '[' ? State.CSI : c == ']' ? State.OSC
                    : c >= ' ' && c <= '/' ? State.CHARSET : State.TEXT;
            case CHARSET -> state = c >= '0' && c <= '~' ? State.TEXT : State.CHARSET;
            case CSI -> state = c >= '@' && c <= '~' ? State.TEXT : State.CSI;
            case OSC -> state = c == BEL ? State.TEXT : c == ESC ? State.OSC_ESCAPE : State.OSC;
            case OSC_ESCAPE -> state = State.TEXT;
        }
        return false;
    }
}
