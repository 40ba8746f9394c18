package dev.missioncontrol.logs;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code missionctl logs summary FILE}: what a person wants to know first about a log. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Top templates, errors and warnings with their first occurrence, and changes in rate.")
final class SummarizeLogCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "Log file, or - for standard input.")
    Path file;

    @Option(names = "--top", defaultValue = "15", description = "How many templates to list (default: ${DEFAULT-VALUE}).")
    int top;

    @Override
    public Integer call() throws Exception {
        LogAnalysis analysis;
        BufferedReader opened = LogsCommand.open(file);
        if (opened == null) {
            return 1;
        }
        try (BufferedReader in = opened) {
            analysis = LogDigest.analyze(in);
        }
        PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        new LogSummaryReport(analysis, top).print(out);
        out.flush();
        return 0;
    }
}
