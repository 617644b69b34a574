package dev.pipewright.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class EventLinesTest {

    @Test
    void theProgressPrefixIsWhatPercentThreeDWrites() {
        for (int tenths = 0; tenths <= 10_000; tenths++) {
            double progress = tenths / 10_000.0;
            String expected = "[" + String.format(Locale.ROOT, "%3d", Math.round(progress * 100)) + "%]";
            assertThat(EventLines.progressPrefix(progress)).as("progress %s", progress).isEqualTo(expected);
        }
        assertThat(EventLines.progressPrefix(0.0)).isEqualTo("[  0%]");
        assertThat(EventLines.progressPrefix(0.42)).isEqualTo("[ 42%]");
        assertThat(EventLines.progressPrefix(1.0)).isEqualTo("[100%]");
    }
}
