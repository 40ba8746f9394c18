package dev.missioncontrol.logs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code missionctl logs ...}: look into a log file from the command line. */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = "Mine log templates and summarise a log file.",
        subcommands = {MineTemplatesCommand.class, SummarizeLogCommand.class})
public final class LogsCommand implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    /** The file as text, or standard input for "-". Undecodable bytes become U+FFFD instead of failing. */
    static BufferedReader open(Path file) throws IOException {
        InputStream bytes = file.toString().equals("-") ? System.in : Files.newInputStream(file);
        return new BufferedReader(new InputStreamReader(bytes, StandardCharsets.UTF_8), 1 << 16);
    }
}
