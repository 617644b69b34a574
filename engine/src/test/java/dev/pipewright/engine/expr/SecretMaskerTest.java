package dev.pipewright.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {

    @Test
    void aSecretIsMaskedInsideLargerText() {
        SecretMasker masker = new SecretMasker();
        masker.register("hunter2");

        assertThat(masker.mask("password=hunter2; again hunter2.")).isEqualTo("password=***; again ***.");
    }

    @Test
    void aMultiLineSecretIsMaskedWholeAndLineByLine() {
        SecretMasker masker = new SecretMasker();
        masker.register("line-one\nline-two\n}");

        assertThat(masker.mask("x line-one\nline-two\n} y")).isEqualTo("x *** y");
        assertThat(masker.mask("printed alone: line-two")).isEqualTo("printed alone: ***");
        assertThat(masker.mask("a brace } stays")).as("one-character lines reveal nothing").isEqualTo("a brace } stays");
    }

    @Test
    void theLongerOfOverlappingSecretsIsMaskedWhole() {
        SecretMasker masker = new SecretMasker();
        masker.register("abc");
        masker.register("abcdef");

        assertThat(masker.mask("abcdef")).isEqualTo("***");
    }

    @Test
    void valuesAreMaskedInsideMapsAndLists() {
        SecretMasker masker = new SecretMasker();
        masker.register("tok3n");

        assertThat(masker.maskValue(Map.of("h", List.of("Bearer tok3n", 3L)))).isEqualTo(Map.of("h", List.of("Bearer ***", 3L)));
    }

    /** Seeded random texts with the secret spliced in anywhere: it never survives masking. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void noRandomTextKeepsTheSecret(long seed) {
        Random random = new Random(seed);
        String secret = "S" + Long.toHexString(random.nextLong());
        SecretMasker masker = new SecretMasker();
        masker.register(secret);
        for (int i = 0; i < 200; i++) {
            StringBuilder text = new StringBuilder();
            int parts = random.nextInt(5);
            for (int p = 0; p < parts; p++) {
                text.append(randomText(random)).append(random.nextBoolean() ? secret : "");
            }
            assertThat(masker.mask(text.toString())).doesNotContain(secret);
        }
    }

    private static String randomText(Random random) {
        StringBuilder out = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            out.append((char) (' ' + random.nextInt(95)));
        }
        return out.toString();
    }
}
