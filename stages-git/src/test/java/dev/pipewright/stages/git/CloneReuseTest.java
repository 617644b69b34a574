package dev.pipewright.stages.git;

import static dev.pipewright.stages.git.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.spi.Arguments;
import dev.pipewright.spi.ReuseContext;
import dev.pipewright.testkit.TestStageContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whether a resumed run may reuse a git.clone: only while its directory holds the commit it cloned. */
class CloneReuseTest {

    @TempDir
    Path work;
    private final CloneStage clone = new CloneStage();
    private Map<String, Object> outputs;

    @BeforeEach
    void cloneASample() throws Exception {
        Path origin = GitCli.sampleRepository(work, "origin");
        outputs = TestStageContext.builder("git", clone)
                .directory(work).arguments(Map.of("url", origin.toString(), "into", "app")).build().run();
    }

    private Optional<String> check() {
        return clone.checkReusable(outputs, new ReuseContext() {
            public String stageName() {
                return "clone";
            }

            public String stageType() {
                return "git.clone";
            }

            public String runId() {
                return "r2";
            }

            public Arguments arguments() {
                return new Arguments(Map.of());
            }

            public Path runDirectory() {
                return work;
            }

            public Path baseDirectory() {
                return work;
            }
        });
    }

    @Test
    void aCloneThatStillHoldsItsCommitIsReusable() {
        assertThat(check()).isEmpty();
    }

    @Test
    void aCloneThatMovedToAnotherCommitIsNot() throws Exception {
        Path app = work.resolve("app");
        Files.writeString(app.resolve("new.txt"), "new");
        git(app, "add", "new.txt");
        git(app, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "moved on");

        assertThat(check()).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith(app + " now holds commit ").endsWith(", not " + outputs.get("commit")));
    }

    @Test
    void aDeletedCloneIsNot() throws Exception {
        try (var files = Files.walk(work.resolve("app"))) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }

        assertThat(check()).hasValue(work.resolve("app") + " no longer holds a clone");
    }
}
