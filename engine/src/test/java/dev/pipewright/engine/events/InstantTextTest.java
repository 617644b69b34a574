package dev.pipewright.engine.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class InstantTextTest {

    static LongStream seeds() {
        return LongStream.range(0, 20);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void readsExactlyAsInstantToStringDoes(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 1000; i++) {
            // Seconds from year 1 to 12000, so the fall-back beyond four-digit years is covered too.
            long second = -62_000_000_000L + (long) (random.nextDouble() * 380_000_000_000L);
            int nano = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(second, nano);
            assertThat(InstantText.of(instant)).isEqualTo(instant.toString());
            // The same second again, as events of one second do: from the kept date and time.
            Instant sameSecond = Instant.ofEpochSecond(second, random.nextInt(1_000_000_000));
            assertThat(InstantText.of(sameSecond)).isEqualTo(sameSecond.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1970-01-01T00:00:00Z", "2026-11-28T14:25:00Z", "2026-11-28T14:25:30.120Z",
            "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59Z"})
    void edgesReadAsInstantToStringDoes(String text) {
        Instant instant = Instant.parse(text);
        assertThat(InstantText.of(instant)).isEqualTo(instant.toString());
    }
}
