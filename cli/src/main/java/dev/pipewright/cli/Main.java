package dev.pipewright.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code pipewright} command. Each subcommand is a class of its own; this one only wires
 * them together and maps outcomes to the exit codes of LANGUAGE.md.
 */
@Command(
        name = "pipewright",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Runs declarative, event-driven pipelines.",
        subcommands = {
            CommandLine.HelpCommand.class,
            CheckCommand.class,
            FmtCommand.class,
            RunCommand.class,
            ExplainCommand.class,
            dev.pipewright.cli.runs.RunsCommand.class,
            dev.pipewright.cli.runs.ShowCommand.class,
            dev.pipewright.cli.runs.QueryCommand.class,
            dev.pipewright.cli.runs.LogsCommand.class,
            dev.pipewright.cli.repl.ReplCommand.class,
            StagesCommand.class,
            GcCommand.class,
        })
public final class Main implements Runnable {

    /** Exit codes of {@code pipewright run} and friends (LANGUAGE.md). */
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_CANCELLED = 130;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(leanCommandLine(args).orElseGet(Main::commandLine).execute(args.length > 0 && isLean(args[0])
                ? java.util.Arrays.copyOfRange(args, 1, args.length) : args));
    }

    /**
     * {@code check} and {@code fmt} are run without building the other commands: picocli
     * instantiates every subcommand up front, and some initialise JSON mappers and the run store,
     * which costs more than the check itself in a cold process (bench/README.md, "Parse and check").
     */
    private static java.util.Optional<CommandLine> leanCommandLine(String[] args) {
        if (args.length == 0 || !isLean(args[0])) {
            return java.util.Optional.empty();
        }
        CommandLine lean = new CommandLine(args[0].equals("check") ? new CheckCommand() : new FmtCommand());
        lean.setCommandName("pipewright " + args[0]);
        return java.util.Optional.of(lean);
    }

    private static boolean isLean(String command) {
        return command.equals("check") || command.equals("fmt");
    }

    /** The configured command line, also used by tests that run commands in-process. */
    public static CommandLine commandLine() {
        // picocli's defaults already match ours: 2 for invalid input, 1 for an uncaught exception.
        return new CommandLine(new Main());
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
