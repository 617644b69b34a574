package dev.pipewright.engine.resume;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides, for one stage call about to run, whether an earlier result can stand in for it, and
 * if not, why. Pure: everything it needs is given, and the validity of earlier outputs is asked
 * through {@link ReuseCheck}, which a run answers with {@code StageType.checkReusable}.
 *
 * <p>{@code when}, {@code for-each} and {@code parallel} need nothing here: the interpreter
 * asks once per call it would start (after {@code when}, per {@code for-each} element, for each
 * stage of a {@code parallel} block), exactly as in a run without resuming.
 */
public final class ResumeDecider {

    /** Says why earlier outputs are no longer valid, or nothing when they are. */
    @FunctionalInterface
    public interface ReuseCheck {
        ReuseCheck ALWAYS_VALID = record -> Optional.empty();

        Optional<String> invalidity(StageRecord record);
    }

    private ResumeDecider() {
    }

    /**
     * @param key the stage call
     * @param inputs its fingerprint and what it is made of
     * @param policy whether reuse applies to it
     * @param previous the run to compare with; empty when there is none
     * @param check asks whether a candidate's outputs are still valid
     */
    public static Decision decide(StageKey key, FingerprintInputs inputs, CachePolicy policy,
            Optional<PreviousRun> previous, ReuseCheck check) {
        if (previous.isEmpty()) {
            return new Decision.Run();
        }
        PreviousRun run = previous.get();
        if (policy.disabled()) {
            return new Decision.RunAgain(List.of(new Reason.CacheDisabled()));
        }
        if (!policy.applies()) {
            return new Decision.Run();
        }
        Reason unusable = null;
        for (StageRecord candidate : run.candidates(key, inputs.fingerprint())) {
            if (candidate.status() != StageStatus.SUCCEEDED) {
                continue;
            }
            if (!candidate.outputsStored()) {
                unusable = new Reason.OutputsNotStored(run.id());
                continue;
            }
            Optional<String> invalid = check.invalidity(candidate);
            if (invalid.isEmpty()) {
                return new Decision.Reuse(candidate);
            }
            unusable = new Reason.OutputInvalid(run.id(), invalid.get());
        }
        if (unusable != null) {
            return new Decision.RunAgain(List.of(unusable));
        }
        return new Decision.RunAgain(differences(key, inputs, run));
    }

    /** Why the same call in {@code run} does not do: how it ended there, and what changed since. */
    private static List<Reason> differences(StageKey key, FingerprintInputs inputs, PreviousRun run) {
        Optional<StageRecord> baseline = run.record(key);
        if (baseline.isEmpty()) {
            return List.of(new Reason.DidNotSucceed(run.id(), StageStatus.NOT_RUN));
        }
        StageRecord earlier = baseline.get();
        List<Reason> reasons = new ArrayList<>();
        if (earlier.status() != StageStatus.SUCCEEDED) {
            reasons.add(new Reason.DidNotSucceed(run.id(), earlier.status()));
        }
        if (earlier.inputs() == null) {
            if (earlier.status() == StageStatus.SUCCEEDED) {
                reasons.add(new Reason.NoFingerprint(run.id()));
            }
        } else {
            reasons.addAll(inputs.changesSince(earlier.inputs()));
        }
        return reasons;
    }
}
