package dev.pipewright.cli.repl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pipewright.cli.Main;
import dev.pipewright.cli.RunPreparation;
import dev.pipewright.engine.plugins.StageCatalog;
import dev.pipewright.engine.query.QueryExecutor;
import dev.pipewright.engine.query.QuerySchema;
import dev.pipewright.engine.report.HumanDuration;
import dev.pipewright.engine.state.RunState;
import dev.pipewright.engine.store.RunStore;
import dev.pipewright.grammar.query.QueryException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * The interactive shell: starts runs in the background, answers queries about them while they run,
 * and offers the run-history commands. Reads from and writes to one JLine terminal.
 */
public final class Repl {

    static final String PROMPT = "pipewright> ";
    static final String CONTINUATION = "       ...> ";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Duration CANCEL_GRACE = Duration.ofSeconds(30);

    /** The commands, with the help line of each. */
    static final Map<String, String> COMMANDS = commands();

    private final Terminal terminal;
    private final Path stateDirectory;
    private final Path historyFile;
    private final StageCatalog catalog;
    private final RunStore store;
    private final BackgroundRuns runs;
    private final QueryExecutor queries;
    private final Duration statusRefresh;
    private LineReader reader;

    public Repl(Terminal terminal, Path stateDirectory, Path historyFile, StageCatalog catalog) {
        this(terminal, stateDirectory, historyFile, catalog, StatusLine.REFRESH);
    }

    /** With the status line refreshed every {@code statusRefresh}: tests make it very often. */
    Repl(Terminal terminal, Path stateDirectory, Path historyFile, StageCatalog catalog, Duration statusRefresh) {
        this.terminal = terminal;
        this.statusRefresh = statusRefresh;
        this.stateDirectory = stateDirectory;
        this.historyFile = historyFile;
        this.catalog = catalog;
        this.store = new RunStore(stateDirectory);
        this.runs = new BackgroundRuns(catalog, stateDirectory, this::announceEnd);
        this.queries = new QueryExecutor(new LiveRunSource(store, runs), Clock.systemUTC());
    }

    private static Map<String, String> commands() {
        Map<String, String> commands = new LinkedHashMap<>();
        commands.put("run", "run FILE [NAME=VALUE...]  start a run in the background");
        commands.put("cancel", "cancel RUN  cancel a run started here");
        commands.put("runs", "runs [--pipeline NAME] [--state S] [--last N]  list runs, newest first");
        commands.put("show", "show RUN  a run's stages (RUN: an id, a prefix of one, or a pipeline name)");
        commands.put("logs", "logs RUN [STAGE]  a run's output");
        commands.put("check", "check FILE...  check pipeline files without running them");
        commands.put("stages", "stages [TYPE]  the installed stage types");
        commands.put("help", "help  this help");
        commands.put("exit", "exit  leave (Ctrl-D does too)");
        return commands;
    }

    /**
     * Whether a line is a query rather than a command. {@code run} and {@code runs} are both: a
     * query when a parenthesis or brace follows the word ({@code runs(last: 3) { id }}).
     */
    static boolean isQuery(String line) {
        String trimmed = line.strip();
        String first = trimmed.split("[\\s({]", 2)[0];
        String rest = trimmed.substring(first.length()).stripLeading();
        if (QuerySchema.field(QuerySchema.ObjectType.ROOT, first).isPresent()
                && (rest.startsWith("(") || rest.startsWith("{"))) {
            return true;
        }
        return !COMMANDS.containsKey(first) && !first.equals("quit");
    }

    /** Reads and runs lines until {@code exit} or Ctrl-D; returns the exit code. */
    public int loop() {
        reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("pipewright")
                .parser(new ReplParser())
                .completer(new ReplCompleter(store, runs, catalog))
                .highlighter(new QueryHighlighter())
                .variable(LineReader.HISTORY_FILE, historyFile)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
        PrintWriter out = terminal.writer();
        out.println("Pipewright REPL: `help` lists the commands; queries are typed as they are, e.g.");
        out.println("  runs(last: 5) { id pipeline state }");
        out.flush();
        try (StatusLine status = new StatusLine(reader, runs, statusRefresh)) {
            status.start();
            while (true) {
                String line;
                try {
                    line = reader.readLine(PROMPT);
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    if (leave()) {
                        break;
                    }
                    continue;
                }
                if (!execute(line.strip()) && leave()) {
                    break;
                }
            }
        } finally {
            try {
                reader.getHistory().save();
            } catch (IOException e) {
                terminal.writer().println("pipewright: cannot save the history in " + historyFile + ": " + e.getMessage());
            }
        }
        return Main.EXIT_OK;
    }

    /** Runs one line; false when it asks to leave. */
    boolean execute(String line) {
        if (line.isEmpty()) {
            return true;
        }
        String[] words = line.split("\\s+");
        PrintWriter out = terminal.writer();
        try {
            if (isQuery(line)) {
                query(line, out);
                return true;
            }
            switch (words[0]) {
                case "exit", "quit" -> {
                    return false;
                }
                case "help" -> help(out);
                case "run" -> run(Arrays.copyOfRange(words, 1, words.length), out);
                case "cancel" -> cancel(words, out);
                case "runs", "show", "logs" -> command(words, true, out);
                case "check", "stages" -> command(words, false, out);
                default -> query(line, out);
            }
        } finally {
            out.flush();
        }
        return true;
    }

    private void help(PrintWriter out) {
        out.println("Commands:");
        COMMANDS.values().forEach(help -> out.println("  " + help));
        out.println("Queries (see docs/queries.md), continued over several lines while a brace is open:");
        out.println("  pipeline(name: \"NAME\") { state progress currentStage stages { name status duration } }");
        out.println("  run(id: \"RUN\") { state stages { name status logs(last: 5) } }");
        out.println("  runs(state: failed, last: 5) { id pipeline error }");
        for (QuerySchema.ObjectType type : QuerySchema.ObjectType.values()) {
            out.println("  fields of " + type.description() + ": " + String.join(" ",
                    QuerySchema.fields(type).stream().map(QuerySchema.FieldSpec::name).toList()));
        }
        out.println("Tab completes; Ctrl-C clears the line; Ctrl-D leaves.");
    }

    private void run(String[] args, PrintWriter out) {
        if (args.length == 0) {
            out.println("usage: run FILE [NAME=VALUE...]");
            return;
        }
        List<String> params = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        for (String param : params) {
            if (!param.contains("=")) {
                out.println("run: `" + param + "` is not NAME=VALUE");
                return;
            }
        }
        try {
            BackgroundRuns.Started started = runs.start(Path.of(args[0]), params);
            out.println("started " + started.runId() + " (" + started.pipeline() + ")");
        } catch (RunPreparation.NotRunnable e) {
            out.println(e.getMessage().stripTrailing());
        }
    }

    private void cancel(String[] words, PrintWriter out) {
        if (words.length != 2) {
            out.println("usage: cancel RUN");
            return;
        }
        Optional<BackgroundRuns.Started> run = runs.find(words[1]);
        if (run.isEmpty()) {
            out.println("cancel: no run `" + words[1] + "` was started in this REPL; running here: "
                    + (runs.running().isEmpty() ? "none"
                            : String.join(", ", runs.running().stream().map(BackgroundRuns.Started::runId).toList())));
            return;
        }
        if (!run.get().running()) {
            out.println("cancel: run " + run.get().runId() + " has already ended");
            return;
        }
        run.get().handle().cancel("cancelled from the REPL");
        out.println("cancelling " + run.get().runId() + " (" + run.get().pipeline() + ")");
    }

    private void command(String[] words, boolean storeCommand, PrintWriter out) {
        List<String> args = new ArrayList<>(Arrays.asList(words));
        if (storeCommand) {
            args.add("--state-dir");
            args.add(stateDirectory.toString());
        }
        Main.execute(args.toArray(String[]::new), out, out);
    }

    private void query(String line, PrintWriter out) {
        String first = line.split("[\\s({]", 2)[0];
        boolean looksLikeAQuery = line.contains("{") || line.contains("(")
                || QuerySchema.field(QuerySchema.ObjectType.ROOT, first).isPresent();
        if (!looksLikeAQuery) {
            out.println("unknown command `" + first + "`; `help` lists the commands and shows queries");
            return;
        }
        try {
            out.println(JSON.writeValueAsString(queries.execute(line)));
        } catch (QueryException e) {
            out.println(new AttributedStringBuilder().styled(AttributedStyle.DEFAULT.foreground(AttributedStyle.RED),
                    e.render()).toAnsi(terminal));
        } catch (IOException e) {
            out.println("query: " + e.getMessage());
        }
    }

    /** Leaving with runs still going cancels them, after asking. */
    private boolean leave() {
        List<BackgroundRuns.Started> running = runs.running();
        if (running.isEmpty()) {
            return true;
        }
        String question = running.size() + (running.size() == 1 ? " run is" : " runs are") + " still running ("
                + String.join(", ", running.stream().map(r -> r.pipeline() + " " + r.runId()).toList())
                + "). Cancel and leave? [y/N] ";
        String answer;
        try {
            answer = reader.readLine(question);
        } catch (UserInterruptException | EndOfFileException e) {
            answer = "n";
        }
        if (!answer.strip().equalsIgnoreCase("y") && !answer.strip().equalsIgnoreCase("yes")) {
            return false;
        }
        terminal.writer().println("cancelling " + running.size() + " run(s) and waiting for their finally blocks...");
        terminal.writer().flush();
        try {
            runs.cancelAll("the REPL is closing", CANCEL_GRACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    /** Called on a run's dispatcher thread when it has ended: printed above the prompt. */
    private void announceEnd(RunState run) {
        String took = run.duration() == null ? "" : " in " + HumanDuration.format(run.duration());
        String text = switch (run.state()) {
            case SUCCEEDED -> "✔ " + run.pipeline() + " " + run.id() + " succeeded" + took;
            case FAILED -> "✘ " + run.pipeline() + " " + run.id() + " failed" + took + ": " + run.error();
            case CANCELLED -> "■ " + run.pipeline() + " " + run.id() + " cancelled" + took;
            default -> run.pipeline() + " " + run.id() + " " + run.state().label();
        };
        LineReader current = reader;
        if (current != null && current.isReading()) {
            current.printAbove(text);
        } else {
            terminal.writer().println(text);
            terminal.writer().flush();
        }
    }
}
