package dev.pipewright.cli;

import dev.pipewright.cli.runs.QueryCommand;
import dev.pipewright.cli.runs.RunsCommand;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
            RunsCommand.class,
            dev.pipewright.cli.runs.ShowCommand.class,
            QueryCommand.class,
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
        System.exit(execute(args, writer(System.out, "sun.stdout.encoding"), writer(System.err, "sun.stderr.encoding")));
    }

    /**
     * Runs the command {@code args} name and returns its exit code. {@code check}, {@code fmt},
     * {@code runs}, {@code query} and {@code run} with plain arguments run without picocli (see
     * {@link LeanArguments} for why); everything else, and every help or usage error, goes
     * through picocli.
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        Optional<LeanCommand> lean = leanCommand(args);
        if (lean.isEmpty()) {
            CommandLine commandLine = commandLine();
            commandLine.setOut(out);
            commandLine.setErr(err);
            return commandLine.execute(args);
        }
        try {
            return lean.get().execute(out, err);
        } catch (Exception e) {
            return CrashReport.report(args[0], e, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The command to run without picocli, if it is one of the lean ones and its arguments are plain. */
    static Optional<LeanCommand> leanCommand(String[] args) {
        if (args.length == 0) {
            return Optional.empty();
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        return switch (args[0]) {
            case "check" -> CheckCommand.lean(rest);
            case "fmt" -> FmtCommand.lean(rest);
            case "runs" -> RunsCommand.lean(rest);
            case "query" -> QueryCommand.lean(rest);
            case "run" -> RunCommand.lean(rest);
            default -> Optional.empty();
        };
    }

    /** The writer picocli would make for standard output or error, so both paths print alike. */
    private static PrintWriter writer(OutputStream stream, String encodingProperty) {
        String encoding = System.getProperty(encodingProperty);
        Charset charset = encoding != null && Charset.isSupported(encoding) ? Charset.forName(encoding) : Charset.defaultCharset();
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(stream, charset)), true);
    }

    /**
     * The whole command line, built by picocli. Not public: the launcher's reflective look-up of
     * {@code main} resolves the types of every public method, and picocli's are not in the class
     * data archive.
     */
    static CommandLine commandLine() {
        // picocli's exit codes already match ours: 2 for invalid input, 1 for an uncaught exception;
        // the uncaught exception is reported without its stack trace.
        return new CommandLine(new Main()).setExecutionExceptionHandler((e, commandLine, parsed) ->
                CrashReport.report(commandLine.getCommandName(), e, commandLine.getErr()));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
