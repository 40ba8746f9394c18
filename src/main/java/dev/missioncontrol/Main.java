package dev.missioncontrol;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code missionctl} root command: every subcommand the launcher does not handle itself. */
// INHERIT: every subcommand answers --version too (each lists it, from mixinStandardHelpOptions)
@Command(name = "missionctl", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        scope = CommandLine.ScopeType.INHERIT,
        description = "Mission Control: deployment verification and incident investigation.",
        footer = {"", "The ./missionctl launcher also runs: test (every test, through the Maven Wrapper)."},
        subcommands = {ServeCommand.class, dev.missioncontrol.orgs.AdminCommand.class,
                dev.missioncontrol.monitor.JudgeCommand.class, dev.missioncontrol.logs.LogsCommand.class,
                dev.missioncontrol.client.InvestigateCommand.class, dev.missioncontrol.client.ListSessionsCommand.class,
                dev.missioncontrol.client.ShowSessionCommand.class, dev.missioncontrol.deployments.DeployCommand.class})
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
        if (!LogFormat.choose(System.getenv(LogFormat.VARIABLE))) {
            System.exit(CommandLine.ExitCode.USAGE);
        }
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line as the launcher runs it: a failure no command foresaw is one line, not a stack trace, and so is
     * a wrong flag or value, not the whole usage.
     */
    static CommandLine commandLine() {
        return new CommandLine(new Main()).setParameterExceptionHandler(new UsageError())
                .setExecutionExceptionHandler(new UnexpectedFailure("1".equals(System.getenv("MC_DEBUG"))));
    }

    /** No command is a usage error: a script that calls {@code missionctl} with a lost argument must not pass. */
    @Override
    public Integer call() {
        CommandLine.usage(this, System.err);
        return CommandLine.ExitCode.USAGE;
    }
}
