package dev.pipewright.cli.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pipewright.cli.Main;
import dev.pipewright.engine.query.QueryExecutor;
import dev.pipewright.grammar.query.QueryException;
import java.io.PrintWriter;
import java.time.Clock;
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
public final class QueryCommand implements Callable<Integer> {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Parameters(index = "0", paramLabel = "QUERY",
            description = "e.g. 'pipeline(name: \"habitat-build\") { state progress stages { name status } }'")
    String query;

    @Option(names = "--compact", description = "the answer on one line")
    boolean compact;

    @Mixin
    StateDirOption stateDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try {
            var answer = new QueryExecutor(stateDir.store(), Clock.systemUTC()).execute(query);
            out.println(compact ? answer.toString() : JSON.writeValueAsString(answer));
            out.flush();
            return Main.EXIT_OK;
        } catch (QueryException e) {
            spec.commandLine().getErr().println(e.render());
            return Main.EXIT_USAGE;
        }
    }
}
