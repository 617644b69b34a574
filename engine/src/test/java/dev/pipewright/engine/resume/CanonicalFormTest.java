package dev.pipewright.engine.resume;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalFormTest {

    /** A value's canonical bytes, one char per byte, so equal forms are equal strings. */
    private static String canonical(Object value) {
        return canonical(value, UnaryOperator.identity());
    }

    private static String canonical(Object value, UnaryOperator<String> normalizer) {
        return new String(CanonicalForm.start(normalizer).value(value).written(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void mapsDigestAlikeWhateverTheOrderOfTheirKeys() {
        Map<String, Object> ab = new LinkedHashMap<>();
        ab.put("a", 1L);
        ab.put("b", "two");
        Map<String, Object> ba = new LinkedHashMap<>();
        ba.put("b", "two");
        ba.put("a", 1L);
        assertThat(canonical(ab)).isEqualTo(canonical(ba));
    }

    @Test
    void anIntegerAndALongOfTheSameValueAreOneInt() {
        assertThat(canonical(3)).isEqualTo(canonical(3L));
    }

    @Test
    void decimalsAreComparedByValueNotByHowTheyWereWritten() {
        assertThat(canonical(new java.math.BigDecimal("1.50"))).isEqualTo(canonical(1.5d));
    }

    @Test
    void valuesOfDifferentTypesNeverDigestAlike() {
        List<Object> values = List.of("1", 1L, 1.5d, Duration.ofSeconds(1), true, List.of(1L), Map.of("1", 1L), "");
        List<String> digests = values.stream().map(CanonicalFormTest::canonical).toList();
        assertThat(digests).doesNotHaveDuplicates();
        assertThat(canonical(null)).isNotIn(digests);
    }

    @Test
    void theContentOfAStringCannotForgeAListBoundary() {
        assertThat(canonical(List.of("a", "b"))).isNotEqualTo(canonical(List.of("a\"s1:b")));
        assertThat(canonical(List.of("ab", ""))).isNotEqualTo(canonical(List.of("a", "b")));
    }

    @Test
    void theNormalizerSeesEveryStringAlsoInsideMapsAndLists() {
        UnaryOperator<String> firstRun = RunPlaceholders.of(java.nio.file.Path.of("/runs/r1/work"), "r1");
        UnaryOperator<String> secondRun = RunPlaceholders.of(java.nio.file.Path.of("/runs/r2/work"), "r2");
        Object first = Map.of("into", List.of("/runs/r1/work/src", "label-r1"));
        Object second = Map.of("into", List.of("/runs/r2/work/src", "label-r2"));
        assertThat(canonical(first, firstRun)).isEqualTo(canonical(second, secondRun));
    }

    @Test
    void textsAreWrittenAsUtf8WithTheirLengthInBytes() {
        assertThat(canonical("é€")).isEqualTo("s5:" + new String("é€".getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1));
        // A lone surrogate is written as String.getBytes writes it, so such a text still has one form.
        assertThat(canonical("\ud800x")).isEqualTo(canonical("\ud800x"));
    }

    /** Seeded random values: reordering maps never changes the digest; changing one leaf always does. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89})
    void reorderingIsInvisibleAndAnyLeafChangeIsSeen(long seed) {
        Random random = new Random(seed);
        Object value = randomValue(random, 3);
        assertThat(canonical(shuffled(value, new Random(seed * 31)))).isEqualTo(canonical(value));
        Object changed = changeOneLeaf(value, random);
        assertThat(canonical(changed)).isNotEqualTo(canonical(value));
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

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void hexIsWhatHexFormatWrites(long seed) {
        Random random = new Random(seed);
        for (int length = 0; length < 100; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            assertThat(Hex.of(bytes)).isEqualTo(HexFormat.of().formatHex(bytes));
        }
        for (int i = 0; i < 100; i++) {
            long high = random.nextLong();
            long low = random.nextLong();
            byte[] bytes = java.nio.ByteBuffer.allocate(16).putLong(high).putLong(low).array();
            assertThat(Hex.of(high, low)).isEqualTo(HexFormat.of().formatHex(bytes));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void aDigestCoversThePrefixAndTheBytesFromWhereTheValueStarts(long seed) throws Exception {
        Random random = new Random(seed);
        byte[] prefix = "salt".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 50; i++) {
            CanonicalForm form = CanonicalForm.start(UnaryOperator.identity()).text("before");
            int from = form.length();
            form.value("v".repeat(random.nextInt(i % 10 == 0 ? 100_000 : 100)));
            byte[] written = form.written();
            byte[] value = java.util.Arrays.copyOfRange(written, from, written.length);

            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(prefix);
            assertThat(form.sha256(prefix, from)).isEqualTo(sha256.digest(value));
            var murmur3 = com.dynatrace.hash4j.hashing.Hashing.murmur3_128().hashBytesTo128Bits(value);
            assertThat(form.fastHash(from))
                    .isEqualTo(Hex.of(murmur3.getMostSignificantBits(), murmur3.getLeastSignificantBits()));
        }
    }
}
