package dev.pipewright.stages.docker;

import com.github.dockerjava.api.command.CommitCmd;
import dev.pipewright.spi.Arguments;
import dev.pipewright.spi.ReuseContext;
import dev.pipewright.spi.StageContext;
import dev.pipewright.spi.StageFailure;
import dev.pipewright.spi.StageSchema;
import dev.pipewright.spi.ValueType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code docker.commit}: makes an image from a container's current file system. */
final class CommitStage extends DockerStageType {

    CommitStage(DockerEngine engine) {
        super(engine, "commit", StageSchema.builder("Make an image from a container's file system")
                .required("container", ValueType.STRING, "Id or name of the container, e.g. `stages.start-box.container`.")
                .required("tag", ValueType.STRING, "Name for the new image, e.g. `local/habitat:1`; `:latest` when no tag is given.")
                .optional("labels", ValueType.MAP, Map.of(), "Labels added to the image.")
                .optional("changes", ValueType.LIST, List.of(), "Dockerfile instructions applied to the image: CMD, ENV, WORKDIR, USER, LABEL, EXPOSE, e.g. `[\"WORKDIR /src\"]`.")
                .optional("pause", ValueType.BOOL, true, "Pause the container while committing, so the file system does not change under the snapshot.")
                .output("id", ValueType.STRING, "The new image's id (`sha256:...`).")
                .output("tag", ValueType.STRING, "The new image's name, with its tag.")
                .build());
    }

    @Override
    public Map<String, Object> run(StageContext context) throws StageFailure, InterruptedException {
        Arguments args = context.arguments();
        String container = args.string("container");
        ImageReference tag = ImageReference.parse(args.string("tag"));
        CommitChanges changes = CommitChanges.parse(args.stringList("changes") == null ? List.of() : args.stringList("changes"));
        Map<String, String> labels = args.stringMap("labels") == null ? Map.of() : args.stringMap("labels");
        String id = call(context, "commit container " + container + " as `" + tag + "`", () -> {
            CommitCmd commit = engine.client().commitCmd(container)
                    .withRepository(tag.repository()).withTag(tag.tag())
                    .withPause(args.bool("pause") == null || args.bool("pause"));
            changes.applyTo(commit, labels);
            return commit.exec();
        });
        context.log().stdout("committed container " + container + " as " + tag + " (" + id + ")");
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("id", id);
        outputs.put("tag", tag.toString());
        return outputs;
    }

    /** The committed image is reused while it exists and its tag still names it. */
    @Override
    public Optional<String> checkReusable(Map<String, Object> outputs, ReuseContext context) {
        Object tag = outputs.get("tag");
        return new ReuseChecks(engine).image(outputs.get("id"), tag == null ? List.of() : List.of(tag));
    }
}
