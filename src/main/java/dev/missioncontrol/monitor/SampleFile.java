package dev.missioncontrol.monitor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads samples from a file: CSV (the last column holds the value; a first line of text, not a number, is a
 * header and skipped) or one number per line.
 */
final class SampleFile {

    /** A file the judge cannot use; the message says which file and why. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    /** A decimal number, as a spreadsheet or a script writes one. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    /** How a number starts: a sign, a digit or a decimal point before a digit. */
    private static final Pattern NUMBER_LIKE = Pattern.compile("[+-]?\\.?\\d");
    /** The spellings of NaN and the infinities that exporters and languages write. */
    private static final Pattern NOT_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    private SampleFile() {
    }

    static double[] read(Path file) throws Unreadable {
        List<String> lines = lines(file);
        double[] values = new double[lines.size()];
        int count = 0;
        boolean first = true;
        for (int i = 0; i < lines.size(); i++) {
            // a spreadsheet's UTF-8 export starts with a byte order mark, which would make the first sample a header
            String line = (i == 0 ? lines.get(i).replaceFirst("^\uFEFF", "") : lines.get(i)).strip();
            if (line.isEmpty()) {
                continue;
            }
            String cell = lastCell(line);
            if (!(first && isHeader(cell))) {
                values[count++] = sample(cell, file + " line " + (i + 1));
            }
            first = false; // only the first line with text may be a header
        }
        if (count == 0) {
            throw new Unreadable(file + ": no samples in it");
        }
        return Arrays.copyOf(values, count);
    }

    private static List<String> lines(Path file) throws Unreadable {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new Unreadable(file + ": no such file");
        } catch (IOException e) {
            throw new Unreadable(file + ": cannot read it (" + e.getMessage() + ")");
        }
    }

    private static String lastCell(String line) {
        String cell = line.substring(line.lastIndexOf(',') + 1).strip();
        return cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")
                ? cell.substring(1, cell.length() - 1) : cell;
    }

    /**
     * A header names the column: text that does not even look like a number. "NaN", "Infinity" or "10d" on the first
     * line are broken samples, not a header, and dropping them silently would judge the rest as if they were all.
     */
    private static boolean isHeader(String cell) {
        return !NUMBER_LIKE.matcher(cell).lookingAt() && !NOT_FINITE.matcher(cell).matches();
    }

    /**
     * The sample in a cell, a plain decimal number: Java's own parser would also take "10d", "0x1p3" and "NaN". NaN
     * and infinities are refused because every comparison would turn them into nonsense rather than an error.
     */
    private static double sample(String cell, String where) throws Unreadable {
        if (NOT_FINITE.matcher(cell).matches()) {
            throw new Unreadable(where + ": '" + cell + "' is not a finite number; the judge compares finite samples");
        }
        if (!NUMBER.matcher(cell).matches()) {
            throw new Unreadable(where + ": not a number: '" + cell + "'");
        }
        double value = Double.parseDouble(cell);
        if (!Double.isFinite(value)) {
            throw new Unreadable(where + ": '" + cell + "' is beyond the largest number a double holds (1.8e308)");
        }
        return value;
    }
}
