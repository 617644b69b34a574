package dev.pipewright.engine.core;

import dev.pipewright.spi.StagePlugin;
import dev.pipewright.spi.StageType;
import java.util.List;

/** The built-in {@code core.*} stage types, written on the same SPI as every plugin. */
public final class CorePlugin implements StagePlugin {

    private static final List<StageType> TYPES = List.of(new ExecStage(), new LogStage(), new SleepStage(),
            new FailStage(), new SetStage(), new AssertStage(), new PipelineStage());

    @Override
    public String namespace() {
        return "core";
    }

    @Override
    public List<StageType> stageTypes() {
        return TYPES;
    }
}
