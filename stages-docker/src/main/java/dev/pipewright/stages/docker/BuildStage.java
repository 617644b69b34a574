package dev.pipewright.stages.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.model.BuildResponseItem;
import dev.pipewright.spi.Arguments;
import dev.pipewright.spi.Cancellation;
import dev.pipewright.spi.ReuseContext;
import dev.pipewright.spi.StageContext;
import dev.pipewright.spi.StageFailure;
import dev.pipewright.spi.StageSchema;
import dev.pipewright.spi.ValueType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code docker.build}: builds an image from a Dockerfile. Intermediate containers are always
 * removed ({@code forcerm}), so a failed or cancelled build leaves none behind.
 */
final class BuildStage extends DockerStageType {

    BuildStage(DockerEngine engine) {
        super(engine, "build", StageSchema.builder("Build an image from a Dockerfile, streaming the build output")
                .required("context", ValueType.PATH, "Build context directory, sent to the engine; relative to the pipeline file's directory.")
                .optional("dockerfile", ValueType.PATH, "Dockerfile", "Dockerfile, relative to the context directory.")
                .optional("tags", ValueType.LIST, List.of(), "Names for the image, e.g. `[\"local/app:1.2\", \"local/app:latest\"]`.")
                .optional("build-args", ValueType.MAP, Map.of(), "Values for the Dockerfile's ARG instructions.")
                .optional("labels", ValueType.MAP, Map.of(), "Labels added to the image.")
                .optional("no-cache", ValueType.BOOL, false, "Build every step anew instead of reusing cached layers.")
                .optional("target", ValueType.STRING, null, "Stage of a multi-stage Dockerfile to stop at; the last one when absent.")
                .output("id", ValueType.STRING, "The built image's id (`sha256:...`).")
                .output("tags", ValueType.LIST, "The names given to the image, as written in `tags`.")
                .build());
    }

    @Override
    public Map<String, Object> run(StageContext context) throws StageFailure, InterruptedException {
        Arguments args = context.arguments();
        Path contextDir = context.resolvePath(args.string("context"));
        if (!Files.isDirectory(contextDir)) {
            throw StageFailure.permanent("Build context `" + contextDir + "` is not a directory.");
        }
        Path dockerfile = contextDir.resolve(args.string("dockerfile")).normalize();
        if (!Files.isRegularFile(dockerfile)) {
            throw StageFailure.permanent("Dockerfile `" + dockerfile + "` does not exist; `dockerfile` is read relative "
                    + "to the context `" + contextDir + "`.");
        }
        List<String> tags = args.stringList("tags") == null ? List.of() : args.stringList("tags");

        AtomicReference<String> imageId = new AtomicReference<>();
        AtomicReference<String> error = new AtomicReference<>();
        LineSplitter lines = new LineSplitter(line -> {
            context.log().stdout(line);
            BuildProgress.Step step = BuildProgress.step(line);
            if (step != null) {
                context.progress().report(step.fraction(), step.message());
            }
        });
        ResultCallback.Adapter<BuildResponseItem> building = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(BuildResponseItem item) {
                if (item.getStream() != null) {
                    lines.accept(item.getStream().getBytes(StandardCharsets.UTF_8));
                }
                if (item.isErrorIndicated()) {
                    error.compareAndSet(null, item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                            ? item.getErrorDetail().getMessage() : item.getError());
                }
                if (item.getImageId() != null) {
                    // The aux record has the full id; the later "Successfully built ..." line a short one.
                    imageId.accumulateAndGet(item.getImageId(),
                            (known, next) -> known != null && known.startsWith("sha256:") ? known : next);
                }
            }
        };
        String doing = "build `" + contextDir.relativize(dockerfile) + "` in `" + contextDir + "`";
        call(context, doing, () -> buildCommand(args, contextDir, dockerfile, tags).exec(building));
        // Closing the stream cancels the build; forcerm makes the engine remove its container.
        try (Cancellation.Registration ignored = context.cancellation().onCancel(() -> closeQuietly(building))) {
            building.awaitCompletion();
        } catch (RuntimeException e) {
            if (context.cancellation().isCancelled()) {
                throw cancelled(e);
            }
            throw engine.failures().failure(e, doing);
        }
        context.cancellation().throwIfCancelled();
        lines.flush();
        if (error.get() != null) {
            throw buildFailed(doing, error.get());
        }
        if (imageId.get() == null) {
            throw StageFailure.retryable("Could not " + doing + ": the Docker engine ended the build without an image id.");
        }
        String id = imageId.get().startsWith("sha256:") ? imageId.get()
                : call(context, "look up the built image " + imageId.get(),
                        () -> engine.client().inspectImageCmd(imageId.get()).exec().getId());
        context.progress().report(1.0, "Built " + id);
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("id", id);
        outputs.put("tags", tags);
        return outputs;
    }

    private BuildImageCmd buildCommand(Arguments args, Path contextDir, Path dockerfile, List<String> tags) {
        Set<String> tagSet = new LinkedHashSet<>(tags);
        BuildImageCmd build = engine.client().buildImageCmd()
                .withBaseDirectory(contextDir.toFile())
                .withDockerfile(dockerfile.toFile())
                .withForcerm(true)
                .withNoCache(args.flag("no-cache"));
        if (!tagSet.isEmpty()) {
            build.withTags(tagSet);
        }
        Map<String, String> buildArgs = args.stringMap("build-args");
        if (buildArgs != null) {
            buildArgs.forEach(build::withBuildArg);
        }
        Map<String, String> labels = args.stringMap("labels");
        if (labels != null && !labels.isEmpty()) {
            build.withLabels(labels);
        }
        if (args.string("target") != null) {
            build.withTarget(args.string("target"));
        }
        return build;
    }

    /** A RUN step that failed may pass next time (a network hiccup); a broken Dockerfile will not. */
    private static StageFailure buildFailed(String doing, String error) {
        String message = "Could not " + doing + ": " + error.strip() + ".";
        return error.contains("returned a non-zero code")
                ? StageFailure.retryable(message)
                : StageFailure.permanent(message);
    }

    private static void closeQuietly(ResultCallback.Adapter<?> callback) {
        try {
            callback.close();
        } catch (Exception e) {
            // Abandoning the build.
        }
    }

    /** The built image is reused while it exists and its tags still name it. */
    @Override
    public Optional<String> checkReusable(Map<String, Object> outputs, ReuseContext context) {
        Object tags = outputs.get("tags");
        return new ReuseChecks(engine).image(outputs.get("id"), tags instanceof List<?> list ? list : List.of());
    }
}
