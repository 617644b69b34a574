package dev.pipewright.stages.docker;

import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import dev.pipewright.spi.GcReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Removes containers by their Pipewright labels: at the end of a run, and for {@code pipewright gc}. */
final class ContainerJanitor {

    private final DockerEngine engine;

    ContainerJanitor(DockerEngine engine) {
        this.engine = engine;
    }

    /** Kills and removes the container, whatever its state; a container already gone is fine. */
    static void forceRemove(DockerEngine engine, String containerId) {
        Interrupts.clearedWhile(() -> {
            try {
                engine.client().removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
            } catch (NotFoundException e) {
                // Already gone (removed by a cancellation callback, or by hand).
            }
        });
    }

    /** Removes the run's containers that were not started with {@code keep = true}. */
    GcReport removeRunContainers(String runId) {
        List<Container> containers = Interrupts.clearedWhile(() -> engine.client().listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(ContainerLabels.RUN, runId))
                .exec());
        return removeAll(containers);
    }

    /** Removes the containers of every run that {@code runIsLive} says is over, except kept ones. */
    GcReport collectGarbage(Predicate<String> runIsLive) {
        List<Container> labelled = Interrupts.clearedWhile(() -> engine.client().listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(List.of(ContainerLabels.RUN))
                .exec());
        List<Container> orphans = labelled.stream()
                .filter(c -> !runIsLive.test(c.getLabels().get(ContainerLabels.RUN)))
                .toList();
        return removeAll(orphans);
    }

    private GcReport removeAll(List<Container> containers) {
        List<String> removed = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Container container : containers) {
            String what = describe(container);
            if (ContainerLabels.isKept(container.getLabels())) {
                kept.add(what + " (started with keep = true)");
                continue;
            }
            try {
                forceRemove(engine, container.getId());
                removed.add(what);
            } catch (RuntimeException e) {
                problems.add(engine.failures().describe(e, "remove " + what));
            }
        }
        return new GcReport(removed, kept, problems);
    }

    private static String describe(Container container) {
        Map<String, String> labels = container.getLabels();
        return "container " + container.getId().substring(0, 12) + " of run " + labels.get(ContainerLabels.RUN)
                + ", stage " + labels.getOrDefault(ContainerLabels.STAGE, "?");
    }
}
