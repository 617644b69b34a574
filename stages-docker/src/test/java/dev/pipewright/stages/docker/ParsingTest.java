package dev.pipewright.stages.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipewright.spi.StageFailure;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The small parsers between the engine's streams and the stage's events. */
class ParsingTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 2026})
    void linesComeOutWholeHoweverTheStreamIsCut(long seed) {
        String text = "ascii line\nümlaut and 日本語\r\n\nlast without newline";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        LineSplitter splitter = new LineSplitter(lines::add);
        Random random = new Random(seed);
        for (int i = 0; i < bytes.length; ) {
            int n = Math.min(bytes.length - i, 1 + random.nextInt(5));
            byte[] chunk = new byte[n];
            System.arraycopy(bytes, i, chunk, 0, n);
            splitter.accept(chunk);
            i += n;
        }
        splitter.flush();

        assertThat(lines).containsExactly("ascii line", "ümlaut and 日本語", "", "last without newline");
    }

    @Test
    void buildStepLinesBecomeProgress() {
        BuildProgress.Step step = BuildProgress.step("Step 3/4 : RUN make test");

        assertThat(step.fraction()).isEqualTo(0.5);
        assertThat(step.message()).isEqualTo("Step 3/4: RUN make test");
        assertThat(BuildProgress.step(" ---> Running in 4f2a")).isNull();
    }

    @Test
    void imageReferencesSplitIntoRepositoryAndTag() {
        assertThat(ImageReference.parse("busybox")).isEqualTo(new ImageReference("busybox", "latest"));
        assertThat(ImageReference.parse("127.0.0.1:5000/team/app:1.2")).isEqualTo(new ImageReference("127.0.0.1:5000/team/app", "1.2"));
        assertThat(ImageReference.parse("127.0.0.1:5000/team/app")).isEqualTo(new ImageReference("127.0.0.1:5000/team/app", "latest"));
        assertThat(ImageReference.parse("app@sha256:abc").toString()).isEqualTo("app@sha256:abc");
    }

    @Test
    void commitChangesRejectWhatTheCommitCallCannotDo() {
        assertThatThrownBy(() -> CommitChanges.parse(List.of("HEALTHCHECK NONE")))
                .isInstanceOf(StageFailure.class).hasMessageContaining("`HEALTHCHECK NONE` is not supported");
        assertThatThrownBy(() -> CommitChanges.parse(List.of("CMD [\"unclosed\"")))
                .isInstanceOf(StageFailure.class).hasMessageContaining("JSON list");
        assertThatThrownBy(() -> CommitChanges.parse(List.of("ENV")))
                .isInstanceOf(StageFailure.class).hasMessageContaining("has no value");
    }

    @Test
    void engineMessagesAreUnwrappedFromTheirJson() {
        var e = new com.github.dockerjava.api.exception.NotFoundException(
                "Status 404: {\"message\":\"No such container: abc\"}\n");

        assertThat(DockerFailures.engineMessage(e)).isEqualTo("\"No such container: abc\" (HTTP 404)");
    }
}
