package dev.missioncontrol;

import dev.missioncontrol.config.SettingName;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What a command given a wrong flag or value prints: one line naming the setting and what is wrong with it, and where
 * the flags are described. Picocli's default adds the whole usage, a hundred lines above which the one that matters
 * scrolls away. The exit code is picocli's usage error (2) for every bad setting.
 */
final class UsageError implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(command.getCommandName() + ": " + reason(e));
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("See '" + command.getCommandSpec().qualifiedName() + " --help'.");
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** Picocli's own message, with the option's MC_* variable beside it: the value may have come from there. */
    static String reason(CommandLine.ParameterException e) {
        String message = e.getMessage();
        if (e.getArgSpec() instanceof OptionSpec option) {
            String quoted = "option '" + option.longestName() + "'";
            String named = SettingName.variable(option).filter(v -> !message.contains(v))
                    .map(v -> quoted + " (" + v + ")").orElse(quoted);
            return message.replace(quoted, named);
        }
        return message;
    }
}
