package dev.pipewright.stages.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.stages.docker.support.RequiresDocker;
import dev.pipewright.stages.docker.support.TestDocker;
import dev.pipewright.testkit.TestStageContext;
import dev.pipewright.testkit.TestStageContext.Outcome;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** image-exists, tag and remove-image. */
@RequiresDocker
class ImageStagesTest {

    private final String tag = TestDocker.newImageName();

    @TempDir
    Path dir;

    @AfterEach
    void removeTag() {
        TestDocker.removeImage(tag);
    }

    private Outcome attempt(String type, Map<String, ?> args) throws InterruptedException {
        return TestDocker.context(TestDocker.newRunId(), type, TestDocker.stage(type), args, dir)
                .runAttempt();
    }

    @Test
    void imageExistsTellsPresentFromAbsentWithTheId() throws Exception {
        String id = TestDocker.client().inspectImageCmd(TestDocker.IMAGE).exec().getId();

        assertThat(attempt("image-exists", Map.of("image", TestDocker.IMAGE)).outputs())
                .containsEntry("exists", true).containsEntry("id", id);
        assertThat(attempt("image-exists", Map.of("image", tag)).outputs())
                .containsEntry("exists", false).containsEntry("id", null);
    }

    @Test
    void tagGivesAnotherNameAndRemoveImageTakesItAwayAgain() throws Exception {
        Outcome tagged = attempt("tag", Map.of("image", TestDocker.IMAGE, "tag", tag));
        boolean existsAfterTag = (boolean) attempt("image-exists", Map.of("image", tag)).outputs().get("exists");
        Outcome removed = attempt("remove-image", Map.of("image", tag));
        Outcome removedAgain = attempt("remove-image", Map.of("image", tag));

        assertThat(tagged.outputs()).containsEntry("tag", tag);
        assertThat(existsAfterTag).isTrue();
        assertThat(removed.outputs()).containsEntry("removed", true);
        assertThat(removedAgain.outputs()).containsEntry("removed", false);
        assertThat(attempt("image-exists", Map.of("image", TestDocker.IMAGE)).outputs()).containsEntry("exists", true);
    }
}
