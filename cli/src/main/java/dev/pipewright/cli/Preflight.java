package dev.pipewright.cli;

import dev.pipewright.grammar.ast.Block;
import dev.pipewright.grammar.ast.Pipeline;
import dev.pipewright.spi.StagePlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@code check --preflight}: asks the plugins a pipeline uses whether what they need is there (a
 * Docker engine that answers). A file that runs other files ({@code core.pipeline}) may use any
 * plugin, so then every plugin is asked.
 */
final class Preflight {

    private Preflight() {
    }

    /** One line per problem, {@code namespace: sentence}; empty when all is ready. */
    static List<String> problems(Pipeline pipeline, List<StagePlugin> plugins) {
        Set<String> uses = new TreeSet<>();
        Stream.concat(pipeline.body().stream().flatMap(Preflight::stages),
                        pipeline.finallyBlock().stream().flatMap(f -> f.stages().stream()))
                .forEach(stage -> stage.uses().ifPresent(uses::add));
        boolean runsOtherFiles = uses.contains("core.pipeline");
        List<String> problems = new ArrayList<>();
        for (StagePlugin plugin : plugins) {
            boolean used = runsOtherFiles || uses.stream().anyMatch(u -> u.startsWith(plugin.namespace() + "."));
            if (used) {
                Optional<String> problem = plugin.preflight();
                problem.ifPresent(p -> problems.add(plugin.namespace() + ": " + p));
            }
        }
        return problems;
    }

    private static Stream<Block.Stage> stages(Block block) {
        if (block instanceof Block.Parallel parallel) {
            return parallel.stages().stream();
        }
        return Stream.of((Block.Stage) block);
    }
}
