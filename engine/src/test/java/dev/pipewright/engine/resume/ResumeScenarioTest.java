package dev.pipewright.engine.resume;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Whole runs of a small pipeline, decided stage by stage the way the interpreter asks: each
 * stage's arguments come from the parameters and from the outputs of the stages before it.
 */
class ResumeScenarioTest {

    /** A stage: its type, and its arguments and reads as functions of the parameters. */
    private record StageDef(String name, String type, Function<Map<String, Object>, Map<String, Object>> args,
            List<String> reads) {
    }

    // check-base -> build (reads check-base.id) -> setup (reads build.id) -> commit (reads setup.exit-code)
    // and greet, which reads nothing.
    private static final List<StageDef> PIPELINE = List.of(
            new StageDef("check-base", "docker.image-exists", p -> Map.of("image", p.get("base")), List.of()),
            new StageDef("greet", "core.log", p -> Map.of("message", p.get("greeting")), List.of()),
            new StageDef("build", "docker.build", p -> Map.of("tag", p.get("tag")), List.of("check-base.id")),
            new StageDef("setup", "core.exec", p -> Map.of("shell", "make"), List.of("build.id")),
            new StageDef("commit", "docker.commit", p -> Map.of("tag", p.get("tag") + "-final"),
                    List.of("setup.exit-code")));

    /** What a run did: each stage's decision, and the records a later run compares with. */
    private record Outcome(Map<String, Decision> decisions, PreviousRun records) {
        List<String> ran() {
            return decisions.entrySet().stream().filter(e -> !(e.getValue() instanceof Decision.Reuse))
                    .map(Map.Entry::getKey).toList();
        }
    }

    /** Runs the pipeline as run {@code runId}, failing at {@code failing} (or nowhere when null). */
    private Outcome run(String runId, Map<String, Object> params, PreviousRun previous, String failing) {
        Fingerprinter fingerprinter = Fixtures.fingerprinter(runId);
        Map<String, Decision> decisions = new LinkedHashMap<>();
        Map<String, Map<String, Object>> outputs = new HashMap<>();
        Map<String, Fingerprint> fingerprints = new HashMap<>();
        List<StageRecord> records = new ArrayList<>();
        for (StageDef stage : PIPELINE) {
            Map<String, UpstreamValue> reads = new LinkedHashMap<>();
            for (String read : stage.reads()) {
                String upstream = read.substring(0, read.indexOf('.'));
                reads.put("stages." + read, new UpstreamValue(
                        outputs.get(upstream).get(read.substring(read.indexOf('.') + 1)), fingerprints.get(upstream)));
            }
            Map<String, Object> args = stage.args().apply(params);
            FingerprintInputs inputs = fingerprinter.inputs(stage.type(), "1", args, reads);
            Fingerprint fingerprint = inputs.fingerprint();
            StageKey key = StageKey.of(stage.name());
            Decision decision = ResumeDecider.decide(key, inputs, new CachePolicy(null, false, true),
                    Optional.ofNullable(previous), ResumeDecider.ReuseCheck.ALWAYS_VALID);
            decisions.put(stage.name(), decision);
            if (decision instanceof Decision.Reuse reuse) {
                outputs.put(stage.name(), reuse.source().outputs());
                records.add(new StageRecord(runId, key, StageStatus.SUCCEEDED, fingerprint, inputs,
                        reuse.source().outputs(), true, reuse.source().duration()));
            } else if (stage.name().equals(failing)) {
                records.add(new StageRecord(runId, key, StageStatus.FAILED, fingerprint, inputs, Map.of(), true,
                        Duration.ofSeconds(1)));
                break;
            } else {
                // A stage's "work": its outputs depend on its arguments and reads, as real ones do.
                Map<String, Object> produced = Map.of("id", "sha256:" + fingerprint.abbreviated(), "exit-code", 0L);
                outputs.put(stage.name(), produced);
                records.add(new StageRecord(runId, key, StageStatus.SUCCEEDED, fingerprint, inputs, produced, true,
                        Duration.ofSeconds(10)));
            }
            fingerprints.put(stage.name(), fingerprint);
        }
        return new Outcome(decisions, new PreviousRun(runId, records));
    }

    private static final Map<String, Object> PARAMS = Map.of("base", "busybox", "greeting", "hi", "tag", "app:1");

    @Test
    void aFailedRunResumedRunsOnlyFromTheFailedStageOn() {
        Outcome failed = run("r1", PARAMS, null, "setup");
        assertThat(failed.ran()).containsExactly("check-base", "greet", "build", "setup");

        Outcome resumed = run("r2", PARAMS, failed.records(), null);

        assertThat(resumed.ran()).containsExactly("setup", "commit");
        assertThat(resumed.decisions().get("setup").explain()).isEqualTo("ran again because it failed in run r1");
        assertThat(resumed.decisions().get("commit").explain()).isEqualTo("ran again because it did not run in run r1");
        assertThat(resumed.decisions().get("build").explain()).startsWith("reused build from run r1");
    }

    @Test
    void aChangedParameterRunsAgainExactlyTheStagesThatDependOnIt() {
        Outcome first = run("r1", PARAMS, null, null);
        Map<String, Object> changed = new HashMap<>(PARAMS);
        changed.put("tag", "app:2");

        Outcome second = run("r2", changed, first.records(), null);

        assertThat(second.ran()).containsExactly("build", "setup", "commit");
        assertThat(second.decisions().get("build").explain())
                .isEqualTo("ran again because argument `tag` changed: \"app:1\" → \"app:2\"");
        assertThat(second.decisions().get("setup").explain()).startsWith(
                "ran again because upstream output `stages.build.id` changed: \"sha256:");
    }

    @Test
    void anUnchangedRunReusesEverything() {
        Outcome first = run("r1", PARAMS, null, null);
        Outcome second = run("r2", PARAMS, first.records(), null);
        assertThat(second.ran()).isEmpty();
        // And a third run, resuming the second, finds the originals through it.
        Outcome third = run("r3", PARAMS, second.records(), null);
        assertThat(third.ran()).isEmpty();
    }

    @Test
    void aChangeThatNothingReadsRunsOnlyItsOwnStage() {
        Outcome first = run("r1", PARAMS, null, null);
        Map<String, Object> changed = new HashMap<>(PARAMS);
        changed.put("greeting", "hello");
        assertThat(run("r2", changed, first.records(), null).ran()).containsExactly("greet");
    }
}
