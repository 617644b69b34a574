package dev.pipewright.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunIdsTest {

    private static final String SHAPE = "\\d{8}-\\d{6}-\\d{3}-[0-9a-f]{4}";

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void theShapeCheckAgreesWithTheRegularExpressionOnMutatedIds(long seed) {
        Random random = new Random(seed);
        String alphabet = "0123456789abcdefgxAF-_. ";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder name = new StringBuilder(RunIds.at(Instant.ofEpochMilli(random.nextLong(4_000_000_000_000L))));
            int edits = random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(name.length() + 1);
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> name.insert(at, c);
                    case 1 -> name.setCharAt(Math.min(at, name.length() - 1), c);
                    default -> name.deleteCharAt(Math.min(at, name.length() - 1));
                }
            }
            String candidate = name.toString();
            assertThat(RunIds.looksLikeRunId(candidate)).as(candidate).isEqualTo(candidate.matches(SHAPE));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "index.jsonl", ".index-123.tmp", "20261128-142530-123-A1B2", "20261128-142530-123-a1b", "2026112a-142530-123-a1b2"})
    void namesOtherThanRunIdsAreNotRunIds(String name) {
        assertThat(RunIds.looksLikeRunId(name)).isFalse();
    }
}
