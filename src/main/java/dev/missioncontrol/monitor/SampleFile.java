package dev.missioncontrol.monitor;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads samples from a file: CSV (the last column holds the value; a first line of text, not a number, is a
 * header and skipped), separated by commas, semicolons or tabs, or one number per line.
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
    /** A number written with a decimal comma, as some languages' spreadsheets do. */
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?\\d+,\\d+");
    /** How a number starts: a sign, a digit or a decimal point before a digit. */
    private static final Pattern NUMBER_LIKE = Pattern.compile("[+-]?\\.?\\d");
    /** The spellings of NaN and the infinities that exporters and languages write. */
    private static final Pattern NOT_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    /** Far more than any window the judge is meant for; 80 MB of samples, some 200 MB while they are read. */
    static final int MAX_SAMPLES = 10_000_000;
    /** Far longer than a row of samples (a time, a few labels, a value). */
    static final int MAX_LINE = 64 * 1024;
    /** A cell quoted in an error is cut here: a line of 100,000 characters was repeated whole on stderr. */
    private static final int SHOWN = 80;

    private SampleFile() {
    }

    /**
     * The file's samples, read a line at a time: a file of a billion lines was first read whole into memory, and the
     * JVM ran out of it with a stack trace instead of an answer.
     */
    static double[] read(Path file) throws Unreadable {
        return read(file, MAX_SAMPLES);
    }

    /** @param most the most samples taken; a file holding more is refused */
    static double[] read(Path file, int most) throws Unreadable {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return samples(in, file, most);
        } catch (NoSuchFileException e) {
            throw new Unreadable(file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new Unreadable(file + ": not UTF-8 text (a spreadsheet saves it as \"CSV UTF-8\")");
        } catch (IOException e) {
            throw new Unreadable(file + ": cannot read it (" + e.getMessage() + ")");
        }
    }

    private static double[] samples(BufferedReader in, Path file, int most) throws IOException, Unreadable {
        double[] values = new double[Math.min(most, 1_024)];
        int count = 0;
        Columns columns = null;
        int number = 0;
        for (String raw = line(in, file, number + 1); raw != null; raw = line(in, file, number + 1)) {
            number++;
            // a spreadsheet's UTF-8 export starts with a byte order mark, which would make the first sample a header
            String line = (number == 1 ? raw.replaceFirst("^\uFEFF", "") : raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = file + " line " + number;
            boolean first = columns == null;
            columns = first ? Columns.of(line, number) : columns;
            String cell = columns.lastCell(line, where);
            if (first && isHeader(cell)) { // only the first line with text may be a header
                continue;
            }
            if (count == most) {
                throw new Unreadable(file + ": more than " + most + " samples; judge a window of them (a deploy "
                        + "monitor's windows hold a few hundred)");
            }
            if (count == values.length) {
                values = Arrays.copyOf(values, Math.min(most, values.length * 2));
            }
            values[count++] = sample(cell, where);
        }
        if (count == 0) {
            throw new Unreadable(file + ": no samples in it");
        }
        return Arrays.copyOf(values, count);
    }

    /**
     * The next line, or null at the end. A line longer than any row of samples is refused as it is read: a file with
     * no line ends (a binary, a minified export) would otherwise be read whole into one string.
     */
    private static String line(BufferedReader in, Path file, int number) throws IOException, Unreadable {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1; c = in.read()) {
            if (c == '\n') {
                return stripReturn(line);
            }
            if (line.length() == MAX_LINE) {
                throw new Unreadable(file + " line " + number + ": longer than " + MAX_LINE + " characters; a line "
                        + "holds one sample");
            }
            line.append((char) c);
        }
        return line.isEmpty() ? null : stripReturn(line);
    }

    private static String stripReturn(StringBuilder line) {
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
    }

    /**
     * The file's separator and its number of columns, both taken from its first line: a semicolon or a tab when it
     * holds one, else a comma. A spreadsheet set to a language that writes decimals with a comma separates cells with
     * a semicolon, so a line holding both (10:00;0,52) is split at the semicolon and its comma refused as a decimal
     * comma. Every line must have as many cells, so a decimal comma in a file of commas is an error rather than two
     * numbers.
     */
    private record Columns(char separator, int count, int firstLine) {
        static Columns of(String line, int number) {
            char separator = line.indexOf(';') >= 0 ? ';' : line.indexOf('\t') >= 0 ? '\t' : ',';
            return new Columns(separator, cells(line, separator).size(), number);
        }

        String lastCell(String line, String where) throws Unreadable {
            List<String> cells = cells(line, separator);
            if (cells.size() != count) {
                throw new Unreadable(where + ": " + cells.size() + " cells where line " + firstLine + " has " + count
                        + " (separated by '" + (separator == '\t' ? "\\t" : separator) + "'); a decimal comma "
                        + "splits a number in two: write decimals with a point");
            }
            return cells.getLast().strip();
        }
    }

    /** A CSV line's cells: a separator inside double quotes is text, and "" inside them is one quote. */
    private static List<String> cells(String line, char separator) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' && quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
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
            throw new Unreadable(where + ": '" + shown(cell) + "' is not a finite number; the judge compares finite "
                    + "samples");
        }
        if (!NUMBER.matcher(cell).matches()) {
            throw new Unreadable(where + ": not a number: '" + shown(cell) + "'"
                    + (DECIMAL_COMMA.matcher(cell).matches() ? "; write decimals with a point" : ""));
        }
        double value = Double.parseDouble(cell);
        if (!Double.isFinite(value)) {
            throw new Unreadable(where + ": '" + shown(cell) + "' is beyond the largest number a double holds "
                    + "(1.8e308)");
        }
        return value;
    }

    private static String shown(String cell) {
        return cell.length() <= SHOWN ? cell : cell.substring(0, SHOWN) + "…";
    }
}
