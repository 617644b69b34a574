package dev.pipewright.engine.resume;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueDigesterTest {

    private static final byte[] SALT = "a salt for tests, 32 bytes long!".getBytes();

    private final ValueDigester digester = new ValueDigester(SALT, UnaryOperator.identity());

    @Test
    void mapsDigestAlikeWhateverTheOrderOfTheirKeys() {
        Map<String, Object> ab = new LinkedHashMap<>();
        ab.put("a", 1L);
        ab.put("b", "two");
        Map<String, Object> ba = new LinkedHashMap<>();
        ba.put("b", "two");
        ba.put("a", 1L);
        assertThat(digester.digest(ab)).isEqualTo(digester.digest(ba));
    }

    @Test
    void anIntegerAndALongOfTheSameValueAreOneInt() {
        assertThat(digester.digest(3)).isEqualTo(digester.digest(3L));
    }

    @Test
    void decimalsAreComparedByValueNotByHowTheyWereWritten() {
        assertThat(digester.digest(new java.math.BigDecimal("1.50"))).isEqualTo(digester.digest(1.5d));
    }

    @Test
    void valuesOfDifferentTypesNeverDigestAlike() {
        List<Object> values = List.of("1", 1L, 1.5d, Duration.ofSeconds(1), true, List.of(1L), Map.of("1", 1L), "");
        List<String> digests = values.stream().map(digester::digest).toList();
        assertThat(digests).doesNotHaveDuplicates();
        assertThat(digester.digest(null)).isNotIn(digests);
    }

    @Test
    void theContentOfAStringCannotForgeAListBoundary() {
        assertThat(digester.digest(List.of("a", "b"))).isNotEqualTo(digester.digest(List.of("a\"s1:b")));
        assertThat(digester.digest(List.of("ab", ""))).isNotEqualTo(digester.digest(List.of("a", "b")));
    }

    @Test
    void anotherSaltGivesAnotherDigest() {
        ValueDigester other = new ValueDigester("another salt, also 32 bytes long".getBytes(), UnaryOperator.identity());
        assertThat(other.digest("value")).isNotEqualTo(digester.digest("value"));
    }

    @Test
    void theNormalizerSeesEveryStringAlsoInsideMapsAndLists() {
        ValueDigester placeholders = new ValueDigester(SALT, RunPlaceholders.of(java.nio.file.Path.of("/runs/r1/work"), "r1"));
        ValueDigester otherRun = new ValueDigester(SALT, RunPlaceholders.of(java.nio.file.Path.of("/runs/r2/work"), "r2"));
        Object first = Map.of("into", List.of("/runs/r1/work/src", "label-r1"));
        Object second = Map.of("into", List.of("/runs/r2/work/src", "label-r2"));
        assertThat(placeholders.digest(first)).isEqualTo(otherRun.digest(second));
    }

    /** Seeded random values: reordering maps never changes the digest; changing one leaf always does. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89})
    void reorderingIsInvisibleAndAnyLeafChangeIsSeen(long seed) {
        Random random = new Random(seed);
        Object value = randomValue(random, 3);
        assertThat(digester.digest(shuffled(value, new Random(seed * 31)))).isEqualTo(digester.digest(value));
        Object changed = changeOneLeaf(value, random);
        assertThat(digester.digest(changed)).isNotEqualTo(digester.digest(value));
    }

    private static Object randomValue(Random random, int depth) {
        int kind = random.nextInt(depth == 0 ? 5 : 7);
        return switch (kind) {
            case 0 -> "s" + random.nextInt(1000);
            case 1 -> (long) random.nextInt(1000);
            case 2 -> random.nextInt(1000) / 8.0 + 0.5;
            case 3 -> Duration.ofMillis(random.nextInt(100_000));
            case 4 -> random.nextBoolean();
            case 5 -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4) + 1; i > 0; i--) {
                    list.add(randomValue(random, depth - 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(4) + 1; i > 0; i--) {
                    map.put("k" + i, randomValue(random, depth - 1));
                }
                yield map;
            }
        };
    }

    private static Object shuffled(Object value, Random random) {
        if (value instanceof Map<?, ?> map) {
            List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
            Collections.shuffle(entries, random);
            Map<Object, Object> copy = new LinkedHashMap<>();
            entries.forEach(e -> copy.put(e.getKey(), shuffled(e.getValue(), random)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> shuffled(item, random)).toList();
        }
        return value;
    }

    /** The value with one leaf replaced by a value of another kind, so it surely differs. */
    private static Object changeOneLeaf(Object value, Random random) {
        if (value instanceof Map<?, ?> map) {
            List<Object> keys = new ArrayList<>(map.keySet());
            Object key = keys.get(random.nextInt(keys.size()));
            Map<Object, Object> copy = new LinkedHashMap<>(map);
            copy.put(key, changeOneLeaf(map.get(key), random));
            return copy;
        }
        if (value instanceof List<?> list) {
            int index = random.nextInt(list.size());
            List<Object> copy = new ArrayList<>(list);
            copy.set(index, changeOneLeaf(list.get(index), random));
            return copy;
        }
        return value instanceof String ? (Object) 42L : (Object) ("changed " + value);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3, 4, 5})
    void hexIsWhatHexFormatWrites(long seed) {
        java.util.Random random = new java.util.Random(seed);
        for (int length = 0; length < 100; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            assertThat(ValueDigester.hex(bytes)).isEqualTo(java.util.HexFormat.of().formatHex(bytes));
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3, 4, 5})
    void aTextDigestIsTheSha256OfTheTextsUtf8Bytes(long seed) throws Exception {
        java.util.Random random = new java.util.Random(seed);
        String alphabet = "abc/${}:;0123456789 \n\"é€\u00ff\ud83d\ude00\ud800x"; // a lone surrogate too
        for (int i = 0; i < 200; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(i % 10 == 0 ? 10_000 : 100);
            boolean ascii = random.nextBoolean();
            for (int c = 0; c < length; c++) {
                text.append(alphabet.charAt(random.nextInt(ascii ? 20 : alphabet.length())));
            }
            byte[] prefix = random.nextBoolean() ? null : "salt".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            java.security.MessageDigest expected = java.security.MessageDigest.getInstance("SHA-256");
            if (prefix != null) {
                expected.update(prefix);
            }
            byte[] want = expected.digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));

            TextDigest digest = TextDigest.start();
            digest.text().append(text);
            assertThat(digest.digest(prefix)).isEqualTo(want);
        }
    }
}
