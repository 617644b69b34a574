package dev.pipewright.cli;

import dev.pipewright.grammar.ParseResult;
import dev.pipewright.grammar.PipelineParser;
import dev.pipewright.grammar.diag.DiagnosticRenderer;
import dev.pipewright.grammar.format.Formatter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pipewright fmt FILE... [--check]}: rewrites files in the canonical layout. */
@Command(name = "fmt", mixinStandardHelpOptions = true,
        description = {"Rewrites pipeline files in the canonical layout (two-space indent, `=` aligned,",
            "comments kept). A file with syntax errors is left untouched.",
            "Exit 0 when done, 1 with --check when a file would change, 2 on syntax errors."})
final class FmtCommand implements Callable<Integer>, LeanCommand {

    private static final LeanArguments.Syntax LEAN = LeanArguments.syntax().flag("--check");

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "the .pipeline files to format")
    List<String> files = new ArrayList<>();

    @Option(names = "--check", description = "change nothing; list the files that would change and exit 1 if any")
    boolean check;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The command for plain arguments (after {@code fmt}); empty when picocli must read them. */
    static Optional<LeanCommand> lean(List<String> args) {
        Optional<LeanArguments> read = LEAN.read(args);
        if (read.isEmpty() || read.get().operands().isEmpty()) {
            return Optional.empty();
        }
        FmtCommand command = new FmtCommand();
        command.files.addAll(read.get().operands());
        command.check = read.get().flag("--check");
        return Optional.of(command);
    }

    @Override
    public Integer call() {
        return execute(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    @Override
    public int execute(PrintWriter out, PrintWriter err) {
        boolean broken = false;
        List<String> changed = new ArrayList<>();
        for (String file : files) {
            SourceFiles.Read read = SourceFiles.read(file);
            if (!read.ok()) {
                err.print(new DiagnosticRenderer(f -> null).render(read.problem()));
                broken = true;
                continue;
            }
            ParseResult parsed = PipelineParser.parse(file, read.text());
            if (parsed.file().isEmpty()) {
                DiagnosticRenderer renderer = new DiagnosticRenderer(f -> read.text());
                parsed.diagnostics().forEach(d -> err.print(renderer.render(d)));
                err.println(file + ": not formatted: fix the syntax errors first");
                broken = true;
                continue;
            }
            String formatted = Formatter.format(parsed.file().get());
            if (formatted.equals(read.text())) {
                continue;
            }
            changed.add(file);
            if (check) {
                out.println(file + ": would be reformatted");
            } else {
                try {
                    Files.writeString(Path.of(file), formatted, StandardCharsets.UTF_8);
                    out.println(file + ": reformatted");
                } catch (IOException e) {
                    err.println(file + ": cannot write: " + e.getMessage());
                    broken = true;
                }
            }
        }
        out.flush();
        err.flush();
        if (broken) {
            return Main.EXIT_USAGE;
        }
        return check && !changed.isEmpty() ? Main.EXIT_FAILED : Main.EXIT_OK;
    }
}
