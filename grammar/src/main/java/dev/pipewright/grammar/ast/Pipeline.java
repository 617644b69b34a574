package dev.pipewright.grammar.ast;

import java.util.List;
import java.util.Optional;

/**
 * {@code pipeline NAME { settings, params, body, finally }}.
 *
 * @param settings {@code description}, {@code timeout}, {@code max-parallel} (and unknown ones, for checks)
 * @param body the stages and parallel blocks, in the order they run
 * @param finallyBlocks every {@code finally} block written; more than one is a check error
 */
public record Pipeline(
        Name name,
        List<Setting> settings,
        List<Param> params,
        List<Block> body,
        List<Finally> finallyBlocks,
        SourceSpan span) implements Node {

    public Pipeline {
        settings = List.copyOf(settings);
        params = List.copyOf(params);
        body = List.copyOf(body);
        finallyBlocks = List.copyOf(finallyBlocks);
    }

    public Optional<Expr> setting(String key) {
        return Settings.find(settings, key);
    }

    /** The first finally block, the one that runs. */
    public Optional<Finally> finallyBlock() {
        return finallyBlocks.stream().findFirst();
    }
}
