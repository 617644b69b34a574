package dev.pipewright.stages.git;

import dev.pipewright.spi.StagePlugin;
import dev.pipewright.spi.StageType;
import java.util.List;

/** The built-in {@code git} namespace: clone, fetch, checkout and info, on JGit. */
public final class GitPlugin implements StagePlugin {

    private static final List<StageType> STAGE_TYPES =
            List.of(new CloneStage(), new FetchStage(), new CheckoutStage(), new InfoStage());

    @Override
    public String namespace() {
        return "git";
    }

    @Override
    public List<StageType> stageTypes() {
        return STAGE_TYPES;
    }
}
