package dev.pipewright.stages.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.PullImageCmd;
import com.github.dockerjava.api.model.PullResponseItem;
import dev.pipewright.spi.Cancellation;
import dev.pipewright.spi.ReuseContext;
import dev.pipewright.spi.StageContext;
import dev.pipewright.spi.StageFailure;
import dev.pipewright.spi.StageSchema;
import dev.pipewright.spi.ValueType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** {@code docker.pull}: pulls an image from its registry, reporting the layers' progress. */
final class PullStage extends DockerStageType {

    PullStage(DockerEngine engine) {
        super(engine, "pull", StageSchema.builder("Pull an image from its registry, with progress from the layers' byte counts")
                .required("image", ValueType.STRING, "Image reference, e.g. `registry.example:5000/team/app:1.2`; `:latest` when no tag is given.")
                .optional("platform", ValueType.STRING, null, "Platform to pull, e.g. `linux/arm64`; the engine's own when absent.")
                .output("id", ValueType.STRING, "The pulled image's id (`sha256:...`).")
                .build());
    }

    @Override
    public Map<String, Object> run(StageContext context) throws StageFailure, InterruptedException {
        String image = context.arguments().string("image");
        ImageReference reference = ImageReference.parse(image);
        String platform = context.arguments().string("platform");
        PullProgress progress = new PullProgress();
        AtomicReference<String> error = new AtomicReference<>();
        ResultCallback.Adapter<PullResponseItem> pulling = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(PullResponseItem item) {
                if (item.isErrorIndicated()) {
                    error.compareAndSet(null, item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                            ? item.getErrorDetail().getMessage() : item.getError());
                }
                if (progress.accept(item)) {
                    context.progress().report(progress.fraction(), "Pulling " + reference + ": " + progress.summary());
                }
                if (item.getStatus() != null && item.getId() == null) {
                    context.log().stdout(item.getStatus()); // "Digest: ...", "Status: Downloaded newer image"
                }
            }
        };
        String doing = "pull image `" + reference + "`";
        call(context, doing, () -> {
            PullImageCmd pull = engine.client().pullImageCmd(reference.repository()).withTag(reference.tag());
            if (platform != null) {
                pull.withPlatform(platform);
            }
            return pull.exec(pulling);
        });
        // Closing the stream makes the engine abandon the pull.
        try (Cancellation.Registration ignored = context.cancellation().onCancel(() -> closeQuietly(pulling))) {
            pulling.awaitCompletion();
        } catch (RuntimeException e) {
            if (context.cancellation().isCancelled()) {
                throw cancelled(e);
            }
            throw engine.failures().failure(e, doing);
        }
        context.cancellation().throwIfCancelled();
        if (error.get() != null) {
            // Errors inside the stream come from the registry side (network, missing manifest);
            // the engine reports both the same way, so another attempt may help.
            throw StageFailure.retryable("Could not " + doing + ": " + error.get() + ".");
        }
        String id = call(context, "look up the pulled image `" + reference + "`",
                () -> engine.client().inspectImageCmd(reference.toString()).exec().getId());
        context.progress().report(1.0, "Pulled " + reference + ": " + progress.summary());
        return Map.of("id", id);
    }

    private static void closeQuietly(ResultCallback.Adapter<?> callback) {
        try {
            callback.close();
        } catch (Exception e) {
            // Abandoning the pull.
        }
    }

    /** The pulled image is reused while it exists. */
    @Override
    public Optional<String> checkReusable(Map<String, Object> outputs, ReuseContext context) {
        return new ReuseChecks(engine).image(outputs.get("id"), List.of());
    }
}
