package dev.missioncontrol.logs;

import dev.missioncontrol.config.InputFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code missionctl logs ...}: look into a log file from the command line. */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = "Mine log templates and summarise a log file.",
        subcommands = {MineTemplatesCommand.class, SummarizeLogCommand.class})
public final class LogsCommand implements Callable<Integer> {
    /** No subcommand is a usage error, as no command is for missionctl: a script missing one must not pass. */
    @Override
    public Integer call() {
        CommandLine.usage(this, System.err);
        return CommandLine.ExitCode.USAGE;
    }

    /**
     * The file as text, or standard input for "-". Undecodable bytes become U+FFFD instead of failing. A file that
     * cannot be opened is said in one line on stderr (and null returned) rather than as an exception. Terminal colour
     * codes are left out, as the server leaves them out of pasted logs.
     */
    static BufferedReader open(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new IOException("a directory");
            }
            InputStream bytes = file.toString().equals("-") ? System.in : Files.newInputStream(file);
            return new BufferedReader(new TerminalCodesReader(new InputStreamReader(bytes, StandardCharsets.UTF_8)),
                    1 << 16);
        } catch (IOException e) {
            System.err.println("missionctl logs: " + InputFiles.whyUnreadable(file, e));
            return null;
        }
    }
}
