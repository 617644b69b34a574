package dev.pipewright.cli;

import dev.pipewright.engine.check.Validator;
import dev.pipewright.engine.plugins.InstalledPlugin;
import dev.pipewright.engine.plugins.PluginProblem;
import dev.pipewright.engine.plugins.PluginRegistry;
import dev.pipewright.grammar.ParseResult;
import dev.pipewright.grammar.diag.Diagnostic;
import dev.pipewright.grammar.diag.DiagnosticRenderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pipewright check FILE...}: every problem of every file, nothing run. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Checks pipeline files without running anything: syntax, settings, parameters,",
            "stage types and their arguments, references. Exit 0 when clean, 2 with every problem found."})
final class CheckCommand implements Callable<Integer>, LeanCommand {

    enum Format { text, json }

    private static final LeanArguments.Syntax LEAN = LeanArguments.syntax()
            .single("--format").repeatable("--param", "-p").repeatable("--plugins").flag("--preflight");

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "the .pipeline files to check")
    List<String> files = new ArrayList<>();

    @Option(names = "--format", paramLabel = "text|json", description = "text for people (default), json for tools")
    Format format = Format.text;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE", mapFallbackValue = "",
            description = "a parameter value; when any is given, required parameters without one are errors")
    Map<String, String> params = new LinkedHashMap<>();

    @Mixin
    PluginOptions plugins = new PluginOptions();

    @Option(names = "--preflight",
            description = "also ask the plugins the files use whether what they need is there (a Docker engine that "
                    + "answers); a problem found this way exits 1")
    boolean preflight;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The command for plain arguments (after {@code check}); empty when picocli must read them. */
    static Optional<LeanCommand> lean(List<String> args) {
        Optional<LeanArguments> read = LEAN.read(args);
        if (read.isEmpty() || read.get().operands().isEmpty()) {
            return Optional.empty();
        }
        LeanArguments arguments = read.get();
        CheckCommand command = new CheckCommand();
        try {
            arguments.value("--format").map(Format::valueOf).ifPresent(format -> command.format = format);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        for (String param : arguments.values("--param")) {
            if (param.contains("\"")) {
                return Optional.empty(); // picocli reads quoted keys and values its own way
            }
            int equals = param.indexOf('=');
            command.params.put(equals < 0 ? param : param.substring(0, equals), equals < 0 ? "" : param.substring(equals + 1));
        }
        arguments.values("--plugins").forEach(directory -> command.plugins.directories.add(Path.of(directory)));
        command.preflight = arguments.flag("--preflight");
        command.files.addAll(arguments.operands());
        return Optional.of(command);
    }

    @Override
    public Integer call() {
        return execute(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    @Override
    public int execute(PrintWriter out, PrintWriter err) {
        try (PluginRegistry catalog = plugins.load(err)) {
            return check(catalog, out, err);
        }
    }

    private int check(PluginRegistry catalog, PrintWriter out, PrintWriter err) {
        Optional<Map<String, Object>> supplied = params.isEmpty() ? Optional.empty() : Optional.of(new LinkedHashMap<>(params));
        Map<String, String> sources = new HashMap<>();
        List<Diagnostic> all = new ArrayList<>();
        List<String> clean = new ArrayList<>();
        List<String> notReady = new ArrayList<>();
        List<InstalledPlugin> installed = catalog.plugins();
        for (String file : files) {
            SourceFiles.Read read = SourceFiles.read(file);
            if (!read.ok()) {
                all.add(read.problem());
                continue;
            }
            sources.put(file, read.text());
            ParseResult result = Validator.parseAndCheck(file, read.text(), catalog, supplied);
            all.addAll(result.diagnostics());
            if (!result.hasErrors()) {
                clean.add(file);
                if (preflight) {
                    result.file().ifPresent(f -> Preflight.problems(f.pipeline(), installed)
                            .forEach(problem -> notReady.add(file + ": preflight: " + problem)));
                }
            }
        }
        // Plugin problems were printed as they loaded; an error among them fails the check too.
        long errors = all.stream().filter(Diagnostic::isError).count() + catalog.problems().stream().filter(PluginProblem::isError).count();
        notReady.forEach(err::println);
        if (format == Format.json) {
            out.println(DiagnosticJson.render(all));
        } else {
            DiagnosticRenderer renderer = new DiagnosticRenderer(sources::get);
            all.forEach(d -> err.print(renderer.render(d)));
            clean.stream().filter(f -> notReady.stream().noneMatch(p -> p.startsWith(f + ": ")))
                    .forEach(f -> out.println(f + ": ok"));
            if (errors > 0) {
                err.println(errors + (errors == 1 ? " error" : " errors") + " found; nothing was run");
            }
        }
        out.flush();
        err.flush();
        if (errors > 0) {
            return Main.EXIT_USAGE;
        }
        return notReady.isEmpty() ? Main.EXIT_OK : Main.EXIT_FAILED;
    }
}
