package dev.pipewright.engine.resume;

import static dev.pipewright.engine.resume.Fixtures.args;
import static dev.pipewright.engine.resume.Fixtures.ended;
import static dev.pipewright.engine.resume.Fixtures.fingerprinter;
import static dev.pipewright.engine.resume.Fixtures.previous;
import static dev.pipewright.engine.resume.Fixtures.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResumeDeciderTest {

    private static final CachePolicy RESUMING = new CachePolicy(null, false, true);
    private static final StageKey BUILD = StageKey.of("build");

    private final Fingerprinter fingerprinter = fingerprinter("r2");
    private final FingerprintInputs buildInputs = fingerprinter.inputs("docker.build", "1",
            args("context", "app", "tag", "app:1"), Map.of());

    private Decision decide(StageKey key, FingerprintInputs inputs, CachePolicy policy, PreviousRun previous,
            ResumeDecider.ReuseCheck check) {
        return ResumeDecider.decide(key, inputs, policy, Optional.ofNullable(previous), check);
    }

    private Decision decide(FingerprintInputs inputs, CachePolicy policy, PreviousRun previous) {
        return decide(BUILD, inputs, policy, previous, ResumeDecider.ReuseCheck.ALWAYS_VALID);
    }

    @Test
    void withoutAnEarlierRunEveryStageRuns() {
        assertThat(decide(buildInputs, RESUMING, null)).isEqualTo(new Decision.Run());
    }

    @Test
    void aSucceededStageWithTheSameFingerprintIsReusedWithItsOutputs() {
        StageRecord earlier = succeeded("r1", BUILD, buildInputs, Map.of("id", "sha256:abc"));
        Decision decision = decide(buildInputs, RESUMING, previous("r1", earlier));
        assertThat(decision).isEqualTo(new Decision.Reuse(earlier));
        assertThat(decision.explain()).isEqualTo("reused build from run r1 (fingerprint "
                + buildInputs.fingerprint().abbreviated() + ")");
    }

    @Test
    void aStageThatFailedRunsAgainAndSaysSo() {
        Decision decision = decide(buildInputs, RESUMING,
                previous("r1", ended("r1", BUILD, StageStatus.FAILED, buildInputs)));
        assertThat(decision.explain()).isEqualTo("ran again because it failed in run r1");
    }

    @Test
    void aStageTheEarlierRunNeverReachedRunsAgainAndSaysSo() {
        Decision decision = decide(buildInputs, RESUMING, previous("r1"));
        assertThat(decision.explain()).isEqualTo("ran again because it did not run in run r1");
    }

    @Test
    void aChangedArgumentIsTheReasonToRunAgain() {
        FingerprintInputs earlier = fingerprinter.inputs("docker.build", "1", args("context", "app", "tag", "app:0"),
                Map.of());
        Decision decision = decide(buildInputs, RESUMING, previous("r1", succeeded("r1", BUILD, earlier, Map.of())));
        assertThat(decision.explain()).isEqualTo("ran again because argument `tag` changed: \"app:0\" → \"app:1\"");
    }

    @Test
    void aFailedStageWhoseArgumentsChangedGivesBothReasons() {
        FingerprintInputs earlier = fingerprinter.inputs("docker.build", "1", args("context", "app", "tag", "app:0"),
                Map.of());
        Decision decision = decide(buildInputs, RESUMING, previous("r1", ended("r1", BUILD, StageStatus.FAILED, earlier)));
        assertThat(decision.explain()).isEqualTo(
                "ran again because it failed in run r1; argument `tag` changed: \"app:0\" → \"app:1\"");
    }

    @Test
    void outputsTheStageTypeNoLongerAcceptsAreNotReused() {
        StageRecord earlier = succeeded("r1", BUILD, buildInputs, Map.of("id", "sha256:abc"));
        Decision decision = decide(BUILD, buildInputs, RESUMING, previous("r1", earlier),
                record -> Optional.of("image " + record.outputs().get("id") + " no longer exists"));
        assertThat(decision.explain()).isEqualTo(
                "ran again because its output from run r1 is no longer valid: image sha256:abc no longer exists");
    }

    @Test
    void outputsThatHeldASecretAreNeverReused() {
        StageRecord earlier = new StageRecord("r1", BUILD, StageStatus.SUCCEEDED, buildInputs.fingerprint(),
                buildInputs, Map.of("token", "***"), false, Duration.ofSeconds(1));
        assertThat(decide(buildInputs, RESUMING, previous("r1", earlier)).explain())
                .isEqualTo("ran again because its outputs in run r1 held a secret, and secrets are never stored");
    }

    @Test
    void cacheFalseAlwaysRunsEvenWhenResuming() {
        StageRecord earlier = succeeded("r1", BUILD, buildInputs, Map.of());
        Decision decision = decide(buildInputs, new CachePolicy(false, true, true), previous("r1", earlier));
        assertThat(decision.explain()).isEqualTo("ran again because it says `cache = false`");
    }

    @Test
    void withoutResumingOnlyPureStagesOrCacheTrueReuse() {
        StageRecord earlier = succeeded("r1", BUILD, buildInputs, Map.of());
        PreviousRun r1 = previous("r1", earlier);
        assertThat(decide(buildInputs, new CachePolicy(null, false, false), r1)).isEqualTo(new Decision.Run());
        assertThat(decide(buildInputs, new CachePolicy(null, true, false), r1)).isEqualTo(new Decision.Reuse(earlier));
        assertThat(decide(buildInputs, new CachePolicy(true, false, false), r1)).isEqualTo(new Decision.Reuse(earlier));
    }

    @Test
    void aForEachElementThatMovedInTheListIsStillReused() {
        FingerprintInputs a = fingerprinter.inputs("git.clone", "1", args("url", "git://h/a"), Map.of());
        FingerprintInputs b = fingerprinter.inputs("git.clone", "1", args("url", "git://h/b"), Map.of());
        FingerprintInputs c = fingerprinter.inputs("git.clone", "1", args("url", "git://h/c"), Map.of());
        PreviousRun r1 = previous("r1",
                succeeded("r1", new StageKey("clone", 0), a, Map.of("commit", "1")),
                succeeded("r1", new StageKey("clone", 1), b, Map.of("commit", "2")));
        // The list is now [c, a, b]: c is new, a and b moved one place on.
        assertThat(decide(new StageKey("clone", 0), c, RESUMING, r1, ResumeDecider.ReuseCheck.ALWAYS_VALID).explain())
                .isEqualTo("ran again because argument `url` changed: \"git://h/a\" → \"git://h/c\"");
        assertThat(decide(new StageKey("clone", 1), a, RESUMING, r1, ResumeDecider.ReuseCheck.ALWAYS_VALID).explain())
                .startsWith("reused clone[0] from run r1");
        assertThat(decide(new StageKey("clone", 2), b, RESUMING, r1, ResumeDecider.ReuseCheck.ALWAYS_VALID).explain())
                .startsWith("reused clone[1] from run r1");
    }

    @Test
    void aForEachElementThatFailedRunsAgainWhileItsSucceededSiblingsAreReused() {
        FingerprintInputs a = fingerprinter.inputs("git.clone", "1", args("url", "git://h/a"), Map.of());
        FingerprintInputs b = fingerprinter.inputs("git.clone", "1", args("url", "git://h/b"), Map.of());
        PreviousRun r1 = previous("r1",
                succeeded("r1", new StageKey("clone", 0), a, Map.of("commit", "1")),
                ended("r1", new StageKey("clone", 1), StageStatus.FAILED, b));
        assertThat(decide(new StageKey("clone", 0), a, RESUMING, r1, ResumeDecider.ReuseCheck.ALWAYS_VALID))
                .isInstanceOf(Decision.Reuse.class);
        assertThat(decide(new StageKey("clone", 1), b, RESUMING, r1, ResumeDecider.ReuseCheck.ALWAYS_VALID).explain())
                .isEqualTo("ran again because it failed in run r1");
    }
}
