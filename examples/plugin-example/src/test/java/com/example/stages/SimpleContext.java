package com.example.stages;

import dev.pipewright.spi.Arguments;
import dev.pipewright.spi.Cancellation;
import dev.pipewright.spi.ProgressReporter;
import dev.pipewright.spi.StageContext;
import dev.pipewright.spi.StageLogger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What a plugin's own unit tests need to call a stage type: the arguments (with the defaults
 * filled in, as the engine does), a directory, and the log lines it wrote.
 */
final class SimpleContext implements StageContext {

    final List<String> logLines = Collections.synchronizedList(new ArrayList<>());
    private final String stageType;
    private final Arguments arguments;
    private final Path directory;

    SimpleContext(dev.pipewright.spi.StageType type, String qualifiedName, Map<String, ?> given, Path directory) {
        Map<String, Object> withDefaults = new java.util.LinkedHashMap<>(given);
        type.schema().parameters().forEach(p -> withDefaults.putIfAbsent(p.name(), p.defaultValue()));
        this.stageType = qualifiedName;
        this.arguments = new Arguments(withDefaults);
        this.directory = directory;
    }

    @Override public String stageName() { return "test"; }
    @Override public String stageType() { return stageType; }
    @Override public String runId() { return "test-run"; }
    @Override public String pipelineName() { return "test"; }
    @Override public int attempt() { return 1; }
    @Override public Arguments arguments() { return arguments; }
    @Override public Path runDirectory() { return directory; }
    @Override public Path baseDirectory() { return directory; }

    @Override
    public StageLogger log() {
        return new StageLogger() {
            @Override public void stdout(String line) { logLines.add(line); }
            @Override public void stderr(String line) { logLines.add(line); }
        };
    }

    @Override
    public ProgressReporter progress() {
        return (fraction, message) -> { };
    }

    @Override
    public Cancellation cancellation() {
        return new Cancellation() {
            @Override public boolean isCancelled() { return false; }
            @Override public Registration onCancel(Runnable callback) { return () -> { }; }
        };
    }
}
