package dev.pipewright.cli.repl;

import dev.pipewright.engine.plugins.StageCatalog;
import dev.pipewright.engine.query.QuerySchema;
import dev.pipewright.engine.query.QuerySchema.ArgSpec;
import dev.pipewright.engine.query.QuerySchema.FieldSpec;
import dev.pipewright.engine.state.RunStatus;
import dev.pipewright.engine.store.RunStore;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Completes commands, file paths, run ids, pipeline and stage names, stage types, and inside a
 * query the fields and arguments that fit where the cursor is.
 */
final class ReplCompleter implements Completer {

    private final RunStore store;
    private final BackgroundRuns runs;
    private final StageCatalog catalog;

    ReplCompleter(RunStore store, BackgroundRuns runs, StageCatalog catalog) {
        this.store = store;
        this.runs = runs;
        this.catalog = catalog;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String before = line.line().substring(0, line.cursor());
        if (Repl.isQuery(before) && (before.contains("(") || before.contains("{"))) {
            query(before, line.word().substring(0, line.wordCursor()), candidates);
            return;
        }
        if (line.wordIndex() == 0) {
            Repl.COMMANDS.forEach((name, help) -> candidates.add(new Candidate(name, name, "commands", help, null, null,
                    true)));
            QuerySchema.fields(QuerySchema.ObjectType.ROOT).forEach(field -> candidates.add(new Candidate(field.name(),
                    field.name(), "queries", field.description(), null, null, false)));
            return;
        }
        String command = line.words().get(0);
        String word = line.word().substring(0, line.wordCursor());
        switch (command) {
            case "run", "check" -> {
                if (command.equals("check") || line.wordIndex() == 1) {
                    paths(word, candidates);
                }
            }
            case "show", "logs", "cancel" -> {
                if (line.wordIndex() == 1) {
                    runIds(command.equals("cancel"), candidates);
                    if (!command.equals("cancel")) {
                        store.pipelines().forEach(name -> candidates.add(new Candidate(name, name, "pipelines",
                                "its latest run", null, null, true)));
                    }
                } else if (command.equals("logs") && line.wordIndex() == 2) {
                    store.run(line.words().get(1)).ifPresent(run -> run.stages().forEach(stage -> candidates.add(
                            new Candidate(stage.name(), stage.name(), "stages", stage.status().label(), null, null,
                                    true))));
                }
            }
            case "stages" -> catalog.qualifiedNames().forEach(name -> candidates.add(new Candidate(name)));
            case "runs" -> List.of("--pipeline", "--state", "--last").forEach(o -> candidates.add(new Candidate(o)));
            default -> {
                // help, exit: nothing follows.
            }
        }
    }

    private void runIds(boolean runningOnly, List<Candidate> candidates) {
        if (runningOnly) {
            runs.running().forEach(run -> candidates.add(new Candidate(run.runId(), run.runId(), "runs",
                    run.pipeline(), null, null, true)));
            return;
        }
        store.list(null, null, 30).forEach(run -> candidates.add(new Candidate(run.id(), run.id(), "runs",
                run.pipeline() + " " + run.state().label(), null, null, true)));
    }

    private void query(String before, String word, List<Candidate> candidates) {
        // Walk what precedes the word being typed: the word itself may be half a name or string.
        String head = before.substring(0, before.length() - word.length());
        QueryWalk.Context context = QueryWalk.of(head).end();
        if (context.inArguments() && context.argument() != null && head.stripTrailing().endsWith(":")) {
            values(context.openArguments().name(), context.argument(), candidates);
            return;
        }
        if (context.inArguments()) {
            for (ArgSpec argument : context.openArguments().arguments()) {
                candidates.add(new Candidate(argument.name() + ":", argument.name(), "arguments",
                        argument.description(), null, null, false));
            }
            return;
        }
        if (context.type() == null) {
            return;
        }
        for (FieldSpec field : QuerySchema.fields(context.type())) {
            candidates.add(new Candidate(field.name(), field.name(), "fields", field.description(), null, null,
                    !field.needsSelection() && field.arguments().isEmpty()));
        }
    }

    private void values(String field, String argument, List<Candidate> candidates) {
        switch (argument) {
            case "name", "pipeline" -> store.pipelines().forEach(name -> candidates.add(quoted(name, "pipelines")));
            case "id", "run" -> store.list(null, null, 30).forEach(run -> candidates.add(quoted(run.id(), "runs")));
            case "state" -> {
                for (RunStatus status : RunStatus.values()) {
                    candidates.add(new Candidate(status.label(), status.label(), "states", null, null, null, true));
                }
            }
            case "type" -> QuerySchema.EVENT_TYPES.forEach(type -> candidates.add(quoted(type, "event types")));
            default -> {
                // last: a number; nothing to offer.
            }
        }
    }

    private static Candidate quoted(String value, String group) {
        return new Candidate("\"" + value + "\"", value, group, null, null, null, true);
    }

    private static void paths(String word, List<Candidate> candidates) {
        int slash = word.lastIndexOf('/');
        String dirPart = slash < 0 ? "" : word.substring(0, slash + 1);
        Path dir = Path.of(dirPart.isEmpty() ? "." : dirPart.startsWith("~/")
                ? System.getProperty("user.home") + dirPart.substring(1) : dirPart);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".") && !word.substring(slash + 1).startsWith(".")) {
                    continue;
                }
                if (Files.isDirectory(entry)) {
                    candidates.add(new Candidate(dirPart + name + "/", name + "/", "files", null, null, null, false));
                } else if (name.endsWith(".pipeline")) {
                    candidates.add(new Candidate(dirPart + name, name, "files", null, null, null, true));
                }
            }
        } catch (IOException e) {
            // Not a directory (yet): nothing to offer.
        }
    }
}
