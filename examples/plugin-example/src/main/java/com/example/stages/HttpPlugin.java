package com.example.stages;

import dev.pipewright.spi.StagePlugin;
import dev.pipewright.spi.StageType;
import java.util.List;

/** The {@code http} namespace: {@code http.get}. */
public final class HttpPlugin implements StagePlugin {

    private static final List<StageType> TYPES = List.of(new GetStage());

    @Override
    public String namespace() {
        return "http";
    }

    @Override
    public List<StageType> stageTypes() {
        return TYPES;
    }
}
