package com.example.stages;

import dev.pipewright.spi.StagePlugin;
import dev.pipewright.spi.StageType;
import java.util.List;

/** The {@code text} namespace: {@code text.render}. */
public final class TextPlugin implements StagePlugin {

    private static final List<StageType> TYPES = List.of(new RenderStage());

    @Override
    public String namespace() {
        return "text";
    }

    @Override
    public List<StageType> stageTypes() {
        return TYPES;
    }
}
