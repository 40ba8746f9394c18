package dev.missioncontrol.logs;

/** RFC 4180 quoting for the CSV the templates command prints. */
final class CsvCells {

    private CsvCells() {
    }

    static String quote(String cell) {
        boolean needs = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                || cell.indexOf('\r') >= 0;
        return needs ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}
