package dev.pipewright.cli;

import dev.pipewright.grammar.ast.Block;
import dev.pipewright.grammar.ast.Pipeline;
import dev.pipewright.engine.plugins.ContextClassLoader;
import dev.pipewright.engine.plugins.InstalledPlugin;
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
    static List<String> problems(Pipeline pipeline, List<InstalledPlugin> plugins) {
        Set<String> uses = new TreeSet<>();
        Stream.concat(pipeline.body().stream().flatMap(Preflight::stages),
                        pipeline.finallyBlock().stream().flatMap(f -> f.stages().stream()))
                .forEach(stage -> stage.uses().ifPresent(uses::add));
        boolean runsOtherFiles = uses.contains("core.pipeline");
        List<String> problems = new ArrayList<>();
        for (InstalledPlugin plugin : plugins) {
            boolean used = runsOtherFiles || uses.stream().anyMatch(u -> u.startsWith(plugin.namespace() + "."));
            if (used) {
                preflight(plugin).ifPresent(p -> problems.add(plugin.namespace() + ": " + p));
            }
        }
        return problems;
    }

    /** Plugin code runs under its own class loader, and a plugin that throws is simply not ready. */
    private static Optional<String> preflight(InstalledPlugin plugin) {
        try (ContextClassLoader ignored = plugin.enter()) {
            Optional<String> problem = plugin.plugin().preflight();
            return problem == null ? Optional.empty() : problem;
        } catch (RuntimeException | LinkageError e) {
            return Optional.of("the preflight of plugin " + plugin.identity().label() + " failed: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private static Stream<Block.Stage> stages(Block block) {
        if (block instanceof Block.Parallel parallel) {
            return parallel.stages().stream();
        }
        return Stream.of((Block.Stage) block);
    }
}
