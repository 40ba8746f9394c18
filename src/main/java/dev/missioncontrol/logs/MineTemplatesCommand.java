package dev.missioncontrol.logs;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code missionctl logs templates FILE}: one CSV row per input line with its template, in the shape of the
 * Loghub {@code *_structured.csv} files, so results can be scored against them.
 */
@Command(name = "templates", mixinStandardHelpOptions = true,
        description = "Print LineId,EventId,EventTemplate for every line of a log (CSV).")
final class MineTemplatesCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "Log file, or - for standard input.")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Header shape, e.g. '<Date> <Time> <Level> <Component>: <Content>'. "
                    + "Without it each line's header is detected automatically.")
    String format;

    private final TemplateMiner miner = new TemplateMiner();
    /** Template id per input line; kept compact because the final template text is only known at the end. */
    private int[] lineTemplates = new int[1 << 12];
    private int lines;

    @Override
    public Integer call() throws Exception {
        BufferedReader opened = LogsCommand.open(file);
        if (opened == null) {
            return 1;
        }
        try (BufferedReader in = opened) {
            if (format != null) {
                mineWithFormat(in, HeaderFormat.parse(format));
            } else {
                mineDetected(in);
            }
        }
        PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        out.print("LineId,EventId,EventTemplate\n");
        for (int i = 0; i < lines; i++) {
            Template template = miner.template(lineTemplates[i]);
            out.append(Integer.toString(i + 1)).append(",E").append(Integer.toString(template.id())).append(',')
                    .append(CsvCells.quote(template.text())).append('\n');
        }
        out.flush();
        return 0;
    }

    /** Lines that do not fit the format are mined whole rather than dropped, so every line keeps its row. */
    private void mineWithFormat(BufferedReader in, HeaderFormat header) throws java.io.IOException {
        String line;
        while ((line = in.readLine()) != null) {
            String content = header.content(line);
            record(miner.add(content != null ? content : line.strip()));
        }
    }

    /** Joined events (stack traces) give their template to each of their lines; blank lines get the empty one. */
    private void mineDetected(BufferedReader in) {
        LogReader reader = new LogReader(in);
        while (reader.hasNext()) {
            LogRecord event = reader.next();
            recordBlankLinesUpTo(event.lineNo() - 1);
            int id = miner.add(event.message());
            for (int i = 0; i < event.lineCount(); i++) {
                record(id);
            }
        }
        recordBlankLinesUpTo(reader.linesRead());
    }

    private void recordBlankLinesUpTo(long lineNo) {
        while (lines < lineNo) {
            record(miner.add(""));
        }
    }

    private void record(int templateId) {
        if (lines == lineTemplates.length) {
            lineTemplates = Arrays.copyOf(lineTemplates, lines * 2);
        }
        lineTemplates[lines++] = templateId;
    }
}
