package dev.pipewright.engine.resume;

import static dev.pipewright.engine.resume.Fixtures.args;
import static dev.pipewright.engine.resume.Fixtures.fingerprinter;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprinterTest {

    private static final String SECRET = "hunter2-very-secret";
    private static final String OTHER_SECRET = "correct-horse-battery";

    @Test
    void secretsChangeTheFingerprintWithoutAppearingInIt(@TempDir Path runDirectory) throws Exception {
        FingerprintInputs first = fingerprinter("r1", SECRET)
                .inputs("core.exec", "1.0", args("shell", "curl -H 'Authorization: Bearer " + SECRET + "' x"), Map.of());
        FingerprintInputs second = fingerprinter("r1", OTHER_SECRET)
                .inputs("core.exec", "1.0", args("shell", "curl -H 'Authorization: Bearer " + OTHER_SECRET + "' x"),
                        Map.of());

        assertThat(first.fingerprint()).isNotEqualTo(second.fingerprint());
        assertThat(second.changesSince(first)).extracting(Reason::describe)
                .containsExactly("secret argument `shell` changed");

        try (FingerprintLog log = FingerprintLog.append(runDirectory)) {
            log.write(CallRecord.of(StageKey.of("fetch"), first, new Decision.Run()));
            log.write(CallRecord.of(StageKey.of("fetch"), second,
                    new Decision.RunAgain(second.changesSince(first))));
        }
        String written = Files.readString(runDirectory.resolve(FingerprintLog.FILE_NAME), StandardCharsets.UTF_8);
        assertThat(written).doesNotContain(SECRET).doesNotContain(OTHER_SECRET).doesNotContain("Bearer")
                .contains(first.fingerprint().hex()).contains(second.fingerprint().hex());
        assertThat(first.arguments()).singleElement().satisfies(input -> {
            assertThat(input.secret()).isTrue();
            assertThat(input.preview()).isNull();
            assertThat(input.shown()).isEqualTo("***");
        });
    }

    @Test
    void anUpstreamValueHoldingASecretIsDigestedButNeverPreviewed() {
        FingerprintInputs inputs = fingerprinter("r1", SECRET).inputs("core.log", "",
                args("message", "x"), Map.of("stages.token.value", new UpstreamValue(SECRET, null)));
        assertThat(inputs.reads()).singleElement().satisfies(read -> {
            assertThat(read.secret()).isTrue();
            assertThat(read.preview()).isNull();
        });
    }

    @Test
    void theFingerprintIgnoresTheOrderOfArguments() {
        FingerprintInputs ab = fingerprinter("r1").inputs("docker.build", "1", args("a", 1L, "b", "x"), Map.of());
        FingerprintInputs ba = fingerprinter("r1").inputs("docker.build", "1", args("b", "x", "a", 1), Map.of());
        assertThat(ab.fingerprint()).isEqualTo(ba.fingerprint());
    }

    @Test
    void theSameStageInAnotherRunHasTheSameFingerprintThoughItsRunDirectoryDiffers() {
        FingerprintInputs first = fingerprinter("r1").inputs("git.clone", "1",
                args("into", "/state/.pipewright/runs/r1/work/src/app"), Map.of());
        FingerprintInputs second = fingerprinter("r2").inputs("git.clone", "1",
                args("into", "/state/.pipewright/runs/r2/work/src/app"), Map.of());
        assertThat(first.fingerprint()).isEqualTo(second.fingerprint());
        assertThat(first.arguments().get(0).preview()).isEqualTo("\"${run.dir}/src/app\"");
    }

    @Test
    void theStageTypeAndItsVersionArePartOfTheFingerprint() {
        Map<String, Object> args = args("message", "hi");
        Fingerprinter fingerprinter = fingerprinter("r1");
        FingerprintInputs log10 = fingerprinter.inputs("core.log", "1.0", args, Map.of());
        FingerprintInputs log11 = fingerprinter.inputs("core.log", "1.1", args, Map.of());
        FingerprintInputs set = fingerprinter.inputs("core.set", "1.0", args, Map.of());
        assertThat(List.of(log10.fingerprint(), log11.fingerprint(), set.fingerprint())).doesNotHaveDuplicates();
        assertThat(log11.changesSince(log10)).extracting(Reason::describe)
                .containsExactly("`core.log` changed version (1.0 → 1.1)");
        assertThat(set.changesSince(log10)).extracting(Reason::describe)
                .containsExactly("the stage type changed from `core.log` to `core.set`");
    }

    @Test
    void aChangedArgumentIsNamedWithItsValuesBeforeAndAfter() {
        Fingerprinter fingerprinter = fingerprinter("r1");
        FingerprintInputs before = fingerprinter.inputs("docker.build", "1",
                args("tag", "app:1", "no-cache", false, "timeout", Duration.ofSeconds(90)), Map.of());
        FingerprintInputs after = fingerprinter.inputs("docker.build", "1",
                args("tag", "app:2", "no-cache", false, "labels", Map.of("team", "a")), Map.of());
        assertThat(after.changesSince(before)).extracting(Reason::describe).containsExactly(
                "argument `labels` was added ({ team = \"a\" })",
                "argument `tag` changed: \"app:1\" → \"app:2\"",
                "argument `timeout` was removed");
    }

    @Test
    void anUpstreamStageThatRanWithOtherInputsChangesTheFingerprintEvenWithTheSameOutput() {
        Fingerprinter fingerprinter = fingerprinter("r1");
        Fingerprint producerBefore = fingerprinter.inputs("core.exec", "", args("shell", "make"), Map.of()).fingerprint();
        Fingerprint producerAfter = fingerprinter.inputs("core.exec", "", args("shell", "make -j2"), Map.of()).fingerprint();
        FingerprintInputs before = fingerprinter.inputs("core.log", "", args("message", "0"),
                Map.of("stages.build.exit-code", new UpstreamValue(0L, producerBefore)));
        FingerprintInputs after = fingerprinter.inputs("core.log", "", args("message", "0"),
                Map.of("stages.build.exit-code", new UpstreamValue(0L, producerAfter)));
        assertThat(after.fingerprint()).isNotEqualTo(before.fingerprint());
        assertThat(after.changesSince(before)).extracting(Reason::describe).containsExactly(
                "upstream output `stages.build.exit-code` comes from a stage that ran with other inputs");
    }

    @Test
    void longPreviewsAreCut() {
        FingerprintInputs inputs = fingerprinter("r1").inputs("core.log", "", args("message", "x".repeat(5000)), Map.of());
        assertThat(inputs.arguments().get(0).preview()).hasSize(Fingerprinter.PREVIEW_LENGTH).endsWith("…");
    }

    @Test
    void aChangeInALongArgumentIsShownWhereItIs() {
        String prefix = "echo x >> '/tmp/a/long/path/to/the/marks/directory/of/this/test/a'; echo ";
        Fingerprinter fingerprinter = fingerprinter("r1");
        FingerprintInputs before = fingerprinter.inputs("core.exec", "", args("shell", prefix + "1.0.0 && done"), Map.of());
        FingerprintInputs after = fingerprinter.inputs("core.exec", "", args("shell", prefix + "2.0.0 && done"), Map.of());
        assertThat(after.changesSince(before)).extracting(Reason::describe).containsExactly(
                "argument `shell` changed: …s/test/a'; echo 1.0.0 && done\" → …s/test/a'; echo 2.0.0 && done\"");
    }

    @Test
    void anotherSaltGivesAnotherFingerprintAndAnotherSecretDigest() {
        Map<String, Object> args = args("shell", "echo " + SECRET);
        FingerprintInputs here = fingerprinter("r1", SECRET).inputs("core.exec", "1", args, Map.of());
        FingerprintInputs elsewhere = new Fingerprinter("another salt, also 32 bytes long".getBytes(),
                text -> text.replace(SECRET, "***"), RunPlaceholders.of(Path.of("/w"), "r1"))
                .inputs("core.exec", "1", args, Map.of());
        assertThat(here.fingerprint()).isNotEqualTo(elsewhere.fingerprint());
        assertThat(here.arguments().get(0).digest()).hasSize(64)
                .isNotEqualTo(elsewhere.arguments().get(0).digest());
    }

    @Test
    void ordinaryInputsGetAShortDigestAndTheirPreview() {
        FingerprintInputs inputs = fingerprinter("r1").inputs("core.set", "1", args("v", 0L),
                Map.of("stages.s0.v", new UpstreamValue(0L, null)));
        assertThat(inputs.arguments()).singleElement().satisfies(input -> {
            assertThat(input.digest()).hasSize(32);
            assertThat(input.preview()).isEqualTo("0");
        });
        assertThat(inputs.reads().get(0).digest()).hasSize(32).isNotEqualTo(inputs.arguments().get(0).digest());
    }

    /** A line of fingerprints.jsonl as the first format wrote it (no `format` field, 64-digit digests). */
    private static final String FORMAT_1_LINE = """
            {"kind":"call","stage":"s1","fingerprint":"a6a4ad611a068e29d348cf67c3a03e72a2709d80cf1e8a37b32d590bbc21c6c2",\
            "type":"core.set","version":"1","arguments":[{"name":"v","digest":\
            "93f687b8cfb32523dc487b8cbeb44e14fa1d5ace4a64918c101a7f798a2d004a","preview":"0"}],"reads":[],"explanation":"ran"}
            """;

    @Test
    void aCallFingerprintedByAnOlderVersionIsNotComparedInputByInput(@TempDir Path runDirectory) throws Exception {
        Files.writeString(runDirectory.resolve(FingerprintLog.FILE_NAME), FORMAT_1_LINE);
        FingerprintInputs earlier = FingerprintLog.read(runDirectory).calls().get(0).inputs();
        FingerprintInputs now = fingerprinter("r1").inputs("core.set", "1", args("v", 0L), Map.of());

        assertThat(earlier.format()).isEqualTo(1);
        assertThat(now.fingerprint()).isNotEqualTo(earlier.fingerprint());
        assertThat(now.changesSince(earlier)).extracting(Reason::describe).containsExactly(
                "its fingerprint was made by an older version of Pipewright (format 1 → 2), so it cannot be compared");
    }
}
