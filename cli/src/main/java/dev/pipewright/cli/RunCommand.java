package dev.pipewright.cli;

import dev.pipewright.cli.console.Consoles;
import dev.pipewright.cli.console.OutputMode;
import dev.pipewright.cli.console.StandardOutput;
import dev.pipewright.engine.check.Validator;
import dev.pipewright.engine.events.RunListener;
import dev.pipewright.engine.plugins.PluginRegistry;
import dev.pipewright.engine.plugins.StageCatalog;
import dev.pipewright.engine.resume.ResumeOptions;
import dev.pipewright.engine.run.PipelineRunner;
import dev.pipewright.engine.run.RunHandle;
import dev.pipewright.engine.run.RunOutcome;
import dev.pipewright.engine.run.RunRequest;
import dev.pipewright.grammar.ParseResult;
import dev.pipewright.grammar.PipelineParser;
import dev.pipewright.grammar.ast.PipelineFile;
import dev.pipewright.grammar.diag.Diagnostic;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Stack;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pipewright run FILE}: checks the file with the given parameters, runs nothing when a check
 * fails (exit 2), then runs it with the chosen console and exits with 0, 1 or 130 (LANGUAGE.md).
 */
@Command(name = "run", description = "Checks a pipeline file, then runs it.", sortOptions = false,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the pipeline succeeded",
            "1:the pipeline failed",
            "2:bad usage, or the file failed its checks (nothing ran)",
            "130:cancelled (SIGINT, SIGTERM)"})
final class RunCommand implements Callable<Integer>, LeanCommand {

    /** How long the shutdown hook waits for {@code finally} when the JVM is stopped some other way. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);

    /** The options {@link #lean} reads; {@code --resume}, whose value is optional, is left to picocli. */
    private static final LeanArguments.Syntax LEAN = LeanArguments.syntax()
            .repeatable("--param", "-p").single("--params-file").single("--output").single("--state-dir")
            .repeatable("--plugins").flag("--no-cache");

    @Parameters(index = "0", paramLabel = "FILE", description = "the .pipeline file to run")
    Path file;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
            description = "a parameter's value, read as its declared type (int, bool, duration; "
                    + "list and map as [a, b] or inline JSON/YAML); repeatable")
    List<String> params = new ArrayList<>();

    @Option(names = "--params-file", paramLabel = "FILE",
            description = "parameter values in YAML or JSON (a map of names to values); -p wins over it")
    Path paramsFile;

    @Option(names = "--output", paramLabel = "MODE", defaultValue = "auto", converter = OutputModeConverter.class,
            description = "auto (tty on a terminal, plain otherwise), tty, plain or json (default: ${DEFAULT-VALUE})")
    OutputMode output;

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = ".",
            description = "where .pipewright/runs/<run-id>/ is kept (default: the current directory)")
    Path stateDirectory;

    @CommandLine.Mixin
    PluginOptions plugins = new PluginOptions();

    @Option(names = "--resume", paramLabel = "RUN", arity = "0..1", parameterConsumer = RunIdConsumer.class,
            description = "reuse the results of stages that succeeded in RUN (default: the latest run of this "
                    + "pipeline) and whose inputs did not change; `pipewright explain` says why each stage ran")
    String resume;

    @Option(names = "--no-cache", description = "reuse nothing, not even stages with `cache = true` or pure stage types")
    boolean noCache;

    private static final String LATEST = "latest";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The command for plain arguments (after {@code run}); empty when picocli must read them. */
    static Optional<LeanCommand> lean(List<String> args) {
        Optional<LeanArguments> read = LEAN.read(args);
        if (read.isEmpty() || read.get().operands().size() != 1) {
            return Optional.empty();
        }
        LeanArguments arguments = read.get();
        RunCommand command = new RunCommand();
        try {
            command.file = Path.of(arguments.operands().get(0));
            command.paramsFile = arguments.value("--params-file").map(Path::of).orElse(null);
            command.stateDirectory = Path.of(arguments.value("--state-dir").orElse("."));
            arguments.values("--plugins").forEach(directory -> command.plugins.directories.add(Path.of(directory)));
            command.output = OutputModeConverter.mode(arguments.value("--output").orElse("auto"));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a path or mode picocli refuses, with its own message
        }
        command.params.addAll(arguments.values("--param"));
        command.noCache = arguments.flag("--no-cache");
        return Optional.of(command);
    }

    @Override
    public Integer call() throws InterruptedException, IOException {
        return execute(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    @Override
    public int execute(PrintWriter out, PrintWriter err) throws InterruptedException, IOException {
        try {
            return run(err);
        } catch (UsageException e) {
            err.println("pipewright run: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
    }

    private int run(PrintWriter err) throws UsageException, InterruptedException, IOException {
        String path = file.toString();
        String source = PipelineFiles.read(file);
        ParseResult parsed = PipelineParser.parse(path, source);
        if (parsed.file().isEmpty()) {
            return reportChecks(parsed.diagnostics(), path, source, err);
        }
        Map<String, Object> values = ParamValues.resolve(parsed.file().get().pipeline(), paramsFile, params);
        // A broken plugin jar is reported by name; a run does not start with a broken plugin
        // installed, since what it would run could differ from what the author meant.
        try (PluginRegistry catalog = plugins.load(err)) {
            if (catalog.hasErrors()) {
                err.println("a plugin failed to load; nothing was run");
                return Main.EXIT_USAGE;
            }
            return checkAndStart(parsed.file().get(), values, catalog, path, source, err);
        }
    }

    private int checkAndStart(PipelineFile pipelineFile, Map<String, Object> values, StageCatalog catalog, String path,
            String source, PrintWriter err) throws UsageException, InterruptedException, IOException {
        List<Diagnostic> found = Validator.check(pipelineFile, catalog, Optional.of(values));
        if (found.stream().anyMatch(Diagnostic::isError)) {
            return reportChecks(found, path, source, err);
        }
        if (!found.isEmpty()) {
            err.print(PipelineFiles.render(found, path, source));
            err.flush();
        }
        return start(pipelineFile, values, catalog, err);
    }

    private int start(PipelineFile pipelineFile, Map<String, Object> values, StageCatalog catalog, PrintWriter err)
            throws UsageException, InterruptedException, IOException {
        ResumeOptions resumeOptions = resumeOptions();
        FileOutputStream stdout = new FileOutputStream(FileDescriptor.out);
        boolean terminal = StandardOutput.isTerminal();
        RunListener console = Consoles.open(output, terminal, System.getenv(), stdout);
        RunRequest request = new RunRequest(pipelineFile, values, catalog, stateDirectory, List.of(console),
                System.getenv(), PipelineFiles.loader(catalog), System.err).withResume(resumeOptions);
        RunHandle handle;
        try {
            handle = new PipelineRunner().start(request);
        } catch (IllegalArgumentException e) {
            console.close();
            err.println("pipewright run: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        RunSignals signals = RunSignals.install(handle::cancel, err);
        Thread backstop = new Thread(() -> cancelOnShutdown(handle, signals), "pipewright-shutdown");
        Runtime.getRuntime().addShutdownHook(backstop);
        RunOutcome outcome = handle.awaitOutcome();
        Runtime.getRuntime().removeShutdownHook(backstop);
        if (output.resolve(terminal) != OutputMode.JSON) {
            PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
            out.println("events: " + handle.runDirectory().eventsFile());
        }
        return outcome.exitCode();
    }

    private ResumeOptions resumeOptions() throws UsageException {
        if (resume != null && noCache) {
            throw new UsageException("--resume and --no-cache contradict each other: use one of them");
        }
        if (noCache) {
            return ResumeOptions.OFF;
        }
        return resume == null ? ResumeOptions.CACHE : ResumeOptions.resume(resume.equals(LATEST) ? null : resume);
    }

    /** The JVM is being stopped without SIGINT or SIGTERM (SIGHUP, say): still cancel and run finally. */
    private static void cancelOnShutdown(RunHandle handle, RunSignals signals) {
        if (!signals.cancelled()) {
            handle.cancel("the process is shutting down");
        }
        try {
            handle.awaitOutcome(SHUTDOWN_GRACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int reportChecks(List<Diagnostic> diagnostics, String path, String source, PrintWriter err) {
        err.print(PipelineFiles.render(diagnostics, path, source));
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        err.println(errors + (errors == 1 ? " error" : " errors") + " found; nothing was run");
        return Main.EXIT_USAGE;
    }

    /**
     * {@code --resume [RUN]}: takes the next argument only when it is a run id or {@code latest}, so
     * {@code run --resume FILE} resumes the latest run of FILE rather than reading FILE as a run id.
     */
    static final class RunIdConsumer implements CommandLine.IParameterConsumer {
        private static final Pattern RUN_ID = Pattern.compile("\\d{8}-\\d{6}.*|" + LATEST);

        @Override
        public void consumeParameters(Stack<String> args, CommandLine.Model.ArgSpec argSpec,
                CommandLine.Model.CommandSpec commandSpec) {
            boolean given = !args.isEmpty() && RUN_ID.matcher(args.peek()).matches();
            argSpec.setValue(given ? args.pop() : LATEST);
        }
    }

    /** {@code --output} in any case, with a message that lists the modes. */
    static final class OutputModeConverter implements CommandLine.ITypeConverter<OutputMode> {
        @Override
        public OutputMode convert(String value) {
            try {
                return mode(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(
                        "`" + value + "` is not an output mode: use auto, tty, plain or json");
            }
        }

        /** The mode a value names, in any case. */
        static OutputMode mode(String value) {
            return OutputMode.valueOf(value.strip().toUpperCase(Locale.ROOT));
        }
    }
}
