package dev.missioncontrol.monitor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Reads samples from a file: CSV (the last column holds the value; a header line is skipped) or
 * one number per line.
 */
final class SampleFile {

    /** A file the judge cannot use; the message says which file and why. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

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
            Double value = parse(cell);
            if (value == null && !first) {
                throw new Unreadable(file + " line " + (i + 1) + ": not a number: '" + cell + "'");
            }
            if (value != null) {
                values[count++] = value;
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

    /** The number in a cell, or null; NaN and infinities are not samples. */
    private static Double parse(String cell) {
        try {
            double value = Double.parseDouble(cell);
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
