package dev.pipewright.engine.core;

import dev.pipewright.engine.run.AttemptContext;
import dev.pipewright.spi.Arguments;
import dev.pipewright.spi.Cancellation;
import dev.pipewright.spi.StageContext;
import dev.pipewright.spi.StageFailure;
import dev.pipewright.spi.StageSchema;
import dev.pipewright.spi.StageType;
import dev.pipewright.spi.ValueType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code core.exec}: runs a process, streaming its output line by line. The process starts in a
 * session of its own (through {@code setsid} where there is one), and on cancellation the whole
 * tree is killed: every descendant the JVM can see, then the process, so that a shell's
 * grandchildren do not outlive a timeout.
 */
final class ExecStage implements StageType {

    /** How much of standard output the {@code stdout} output keeps: the end, which holds the result. */
    static final int STDOUT_LIMIT = 64 * 1024;

    private static final StageSchema SCHEMA = StageSchema.builder("Runs a command")
            .optional("command", ValueType.LIST, null, "the program and its arguments: [\"make\", \"test\"]")
            .optional("shell", ValueType.STRING, null, "a command line run by `sh -c` (instead of `command`)")
            .optional("env", ValueType.MAP, Map.of(), "environment variables added to the run's")
            .optional("dir", ValueType.PATH, null, "the working directory, relative to the pipeline file")
            .optional("allow-failure", ValueType.BOOL, false, "whether a non-zero exit code still succeeds")
            .output("exit-code", ValueType.INT, "the process's exit code")
            .output("stdout", ValueType.STRING, "standard output, trimmed; the last 64 KiB when longer")
            .build();

    @Override
    public String name() {
        return "exec";
    }

    @Override
    public StageSchema schema() {
        return SCHEMA;
    }

    @Override
    @SuppressWarnings("try") // the registration only needs closing: it unregisters the kill
    public Map<String, Object> run(StageContext context) throws StageFailure, InterruptedException {
        Arguments args = context.arguments();
        List<String> argv = argv(args);
        ProcessBuilder builder = new ProcessBuilder(ProcessTree.inNewSession(argv));
        if (context instanceof AttemptContext engine) {
            builder.environment().clear();
            builder.environment().putAll(engine.environment());
        }
        builder.environment().putAll(args.stringMap("env"));
        Path dir = args.has("dir") ? context.resolvePath(args.string("dir")) : context.baseDirectory();
        if (!Files.isDirectory(dir)) {
            throw StageFailure.permanent("`dir` " + dir + " is not a directory");
        }
        builder.directory(dir.toFile());
        Cancellation cancellation = context.cancellation();
        cancellation.throwIfCancelled();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw StageFailure.permanent("cannot start `" + argv.get(0) + "`: " + e.getMessage()
                    + " (check that it is installed and on the PATH)");
        }
        StdoutTail tail = new StdoutTail(STDOUT_LIMIT);
        try (Cancellation.Registration kill = cancellation.onCancel(
                () -> context.log().stderr("pipewright: cancelled: killed " + ProcessTree.kill(process)))) {
            process.getOutputStream().close();
            Thread out = pump(process.getInputStream(), line -> {
                tail.add(line);
                context.log().stdout(line);
            }, context.stageName() + "-stdout");
            Thread err = pump(process.getErrorStream(), context.log()::stderr, context.stageName() + "-stderr");
            int exit = process.waitFor();
            out.join();
            err.join();
            if (exit != 0 && !args.flag("allow-failure")) {
                throw StageFailure.retryable("`" + String.join(" ", argv) + "` exited with code " + exit
                        + lastLines(tail));
            }
            Map<String, Object> outputs = new LinkedHashMap<>();
            outputs.put("exit-code", (long) exit);
            outputs.put("stdout", tail.text());
            return outputs;
        } catch (IOException e) {
            throw StageFailure.retryable("I/O error while running `" + argv.get(0) + "`: " + e.getMessage());
        } finally {
            // Whatever happened (interrupt, failure), nothing started here survives the attempt.
            if (process.isAlive() || process.descendants().findAny().isPresent()) {
                ProcessTree.kill(process);
            }
        }
    }

    private static List<String> argv(Arguments args) throws StageFailure {
        boolean hasCommand = args.has("command");
        boolean hasShell = args.has("shell");
        if (hasCommand == hasShell) {
            throw StageFailure.permanent("core.exec needs exactly one of `command` (a list) and `shell` (a string)");
        }
        if (hasShell) {
            return List.of("sh", "-c", args.string("shell"));
        }
        List<String> argv = args.stringList("command");
        if (argv.isEmpty()) {
            throw StageFailure.permanent("`command` of core.exec is empty: give the program and its arguments");
        }
        return argv;
    }

    private static String lastLines(StdoutTail tail) {
        String text = tail.text();
        if (text.isEmpty()) {
            return "";
        }
        String[] lines = text.split("\n");
        int from = Math.max(0, lines.length - 5);
        return "; last output: " + String.join(" | ", List.of(lines).subList(from, lines.length));
    }

    private static Thread pump(InputStream stream, Consumer<String> sink, String name) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                // The stream closes when the process is killed: the output simply ends.
            }
        }, "core.exec-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** The last {@code limit} characters of standard output, as whole lines where possible. */
    static final class StdoutTail {
        private final int limit;
        private final List<String> lines = new ArrayList<>();
        private int size;

        StdoutTail(int limit) {
            this.limit = limit;
        }

        synchronized void add(String line) {
            lines.add(line);
            size += line.length() + 1;
            int drop = 0;
            while (size > limit && drop < lines.size() - 1) {
                size -= lines.get(drop).length() + 1;
                drop++;
            }
            if (drop > 0) {
                lines.subList(0, drop).clear();
            }
        }

        synchronized String text() {
            String joined = String.join("\n", lines);
            if (joined.length() > limit) {
                joined = joined.substring(joined.length() - limit);
            }
            return joined.strip();
        }
    }
}
