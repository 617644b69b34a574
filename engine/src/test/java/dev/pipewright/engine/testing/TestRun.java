package dev.pipewright.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.engine.events.EventCodec;
import dev.pipewright.engine.events.RunEvent;
import dev.pipewright.engine.events.RunListener;
import dev.pipewright.engine.plugins.StageCatalog;
import dev.pipewright.engine.resume.ResumeOptions;
import dev.pipewright.engine.run.PipelineRunner;
import dev.pipewright.engine.run.RunHandle;
import dev.pipewright.engine.run.RunOutcome;
import dev.pipewright.engine.run.RunRequest;
import dev.pipewright.grammar.ParseResult;
import dev.pipewright.grammar.PipelineParser;
import dev.pipewright.grammar.ast.PipelineFile;
import dev.pipewright.spi.StagePlugin;
import dev.pipewright.spi.StageType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Writes a pipeline to a directory, runs it with the core stage types and keeps its events. */
public final class TestRun {

    private final Path directory;
    private final Map<String, String> env = new HashMap<>(System.getenv());
    private final Map<String, Object> params = new HashMap<>();
    private final List<RunListener> listeners = new ArrayList<>();
    private final List<StageType> extraTypes = new ArrayList<>();
    private final List<StagePlugin> extraPlugins = new ArrayList<>();
    private final ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    public final List<RunEvent> events = new CopyOnWriteArrayList<>();
    private ResumeOptions resume = ResumeOptions.CACHE;
    private RunHandle handle;

    public TestRun(Path directory) {
        this.directory = directory;
    }

    public TestRun env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public TestRun param(String name, Object value) {
        params.put(name, value);
        return this;
    }

    public TestRun listener(RunListener listener) {
        listeners.add(listener);
        return this;
    }

    /** Adds a plugin whose run-wide hooks ({@code runEnded}) the run calls; its stage types are not added. */
    public TestRun plugin(StagePlugin plugin) {
        extraPlugins.add(plugin);
        return this;
    }

    /** Whether the run may reuse earlier results (default: {@link ResumeOptions#CACHE}). */
    public TestRun resume(ResumeOptions options) {
        this.resume = options;
        return this;
    }

    /** Adds a stage type under the namespace {@code test}. */
    public TestRun type(StageType type) {
        extraTypes.add(type);
        return this;
    }

    public Path directory() {
        return directory;
    }

    /** Writes {@code name} in the directory. */
    public Path write(String name, String text) {
        try {
            Path file = directory.resolve(name);
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PipelineFile parse(Path file) {
        try {
            ParseResult result = PipelineParser.parse(file.toString(), Files.readString(file));
            assertThat(result.diagnostics()).as("syntax of the test pipeline").isEmpty();
            return result.file().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public RunHandle start(String pipelineText) {
        Path file = write("test.pipeline", pipelineText);
        List<RunListener> all = new ArrayList<>();
        all.add(events::add);
        all.addAll(listeners);
        RunRequest request = RunRequest.of(parse(file), catalog(), directory)
                .withParams(params).withEnv(env).withListeners(all)
                .withDiagnostics(new PrintStream(diagnostics, true, StandardCharsets.UTF_8)).withResume(resume);
        handle = new PipelineRunner().start(request);
        return handle;
    }

    public RunOutcome run(String pipelineText) throws InterruptedException {
        return start(pipelineText).awaitOutcome();
    }

    public String diagnostics() {
        return diagnostics.toString(StandardCharsets.UTF_8);
    }

    public RunHandle handle() {
        return handle;
    }

    /** The lines of the run's events.jsonl. */
    public List<String> eventLogLines() {
        try {
            return Files.readAllLines(handle.runDirectory().eventsFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<RunEvent> eventLog() {
        return eventLogLines().stream().map(EventCodec::decode).toList();
    }

    @SuppressWarnings("unchecked")
    public <T extends RunEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(e -> (T) e).toList();
    }

    public <T extends RunEvent.StageEvent> List<T> events(Class<T> type, String stage) {
        return events(type).stream().filter(e -> e.stage().equals(stage)).toList();
    }

    public <T extends RunEvent.StageEvent> T only(Class<T> type, String stage) {
        List<T> found = events(type, stage);
        assertThat(found).as(type.getSimpleName() + " of " + stage).hasSize(1);
        return found.get(0);
    }

    public List<String> logLines(String stage) {
        return events(RunEvent.StageLogged.class, stage).stream().map(RunEvent.StageLogged::line).toList();
    }

    private StageCatalog catalog() {
        Map<String, StageType> types = new TreeMap<>();
        for (StagePlugin plugin : ServiceLoader.load(StagePlugin.class)) {
            plugin.stageTypes().forEach(t -> types.put(plugin.namespace() + "." + t.name(), t));
        }
        extraTypes.forEach(t -> types.put("test." + t.name(), t));
        return new StageCatalog() {
            @Override
            public Optional<StageType> find(String qualifiedName) {
                return Optional.ofNullable(types.get(qualifiedName));
            }

            @Override
            public Collection<String> qualifiedNames() {
                return types.keySet();
            }

            @Override
            public List<String> runEnded(String runId) {
                List<String> failures = new java.util.ArrayList<>();
                for (StagePlugin plugin : extraPlugins) {
                    try {
                        plugin.runEnded(runId);
                    } catch (RuntimeException e) {
                        failures.add("pipewright: warning: plugin `" + plugin.namespace() + "` could not clean up after run " + runId + ": " + e.getMessage());
                    }
                }
                return failures;
            }
        };
    }
}
