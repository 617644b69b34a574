package dev.pipewright.cli.runs;

import dev.pipewright.cli.LeanArguments;
import dev.pipewright.cli.LeanCommand;
import dev.pipewright.cli.Main;
import dev.pipewright.engine.query.QueryExecutor;
import dev.pipewright.grammar.query.QueryException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pipewright query QUERY}: answers a query about runs as JSON on standard output. */
@Command(name = "query", description = "Answers a query about runs, as JSON (see docs/queries.md).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:answered", "2:the query has an error (reported with its line and column)"})
public final class QueryCommand implements Callable<Integer>, LeanCommand {

    private static final LeanArguments.Syntax LEAN = LeanArguments.syntax().flag("--compact").single("--state-dir");

    @Parameters(index = "0", paramLabel = "QUERY",
            description = "e.g. 'pipeline(name: \"habitat-build\") { state progress stages { name status } }'")
    String query;

    @Option(names = "--compact", description = "the answer on one line")
    boolean compact;

    @Mixin
    StateDirOption stateDir = new StateDirOption();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The command for plain arguments (after {@code query}); empty when picocli must read them. */
    public static Optional<LeanCommand> lean(List<String> args) {
        Optional<LeanArguments> read = LEAN.read(args);
        if (read.isEmpty() || read.get().operands().size() != 1) {
            return Optional.empty();
        }
        QueryCommand command = new QueryCommand();
        command.query = read.get().operands().get(0);
        command.compact = read.get().flag("--compact");
        command.stateDir.read(read.get());
        return Optional.of(command);
    }

    @Override
    public Integer call() {
        return execute(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    @Override
    public int execute(PrintWriter out, PrintWriter err) {
        try {
            var answer = new QueryExecutor(stateDir.store(), Clock.systemUTC()).execute(query);
            out.println(compact ? AnswerJson.compact(answer) : AnswerJson.indented(answer));
            out.flush();
            return Main.EXIT_OK;
        } catch (QueryException e) {
            err.println(e.render());
            return Main.EXIT_USAGE;
        }
    }
}
