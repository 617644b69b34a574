package dev.pipewright.engine.resume;

import java.util.Objects;

/**
 * Why a stage ran again instead of reusing an earlier result. {@link #describe()} completes the
 * sentence "ran again because ...", and never shows a secret.
 */
public sealed interface Reason {

    /** The phrase after "ran again because". */
    String describe();

    /** The stage now uses another stage type. */
    record StageTypeChanged(String before, String after) implements Reason {
        public String describe() {
            return "the stage type changed from `" + before + "` to `" + after + "`";
        }
    }

    /** The plugin that provides the stage type has another version. */
    record TypeVersionChanged(String stageType, String before, String after) implements Reason {
        public String describe() {
            return "`" + stageType + "` changed version (" + shownVersion(before) + " → " + shownVersion(after) + ")";
        }

        private static String shownVersion(String version) {
            return version.isEmpty() ? "unknown" : version;
        }
    }

    /** An argument was added, removed or has another value; {@code before} or {@code after} is null when absent. */
    record ArgumentChanged(String name, FingerprintInputs.Input before, FingerprintInputs.Input after)
            implements Reason {
        public ArgumentChanged {
            Objects.requireNonNull(name, "name is null");
        }

        public String describe() {
            if (before == null) {
                return "argument `" + name + "` was added (" + after.shown() + ")";
            }
            if (after == null) {
                return "argument `" + name + "` was removed";
            }
            if (before.secret() || after.secret()) {
                return "secret argument `" + name + "` changed";
            }
            return "argument `" + name + "` changed: " + Contrast.of(before.shown(), after.shown());
        }
    }

    /** A value read from an earlier stage ({@code stages.build.id}) differs, or is read now and was not, or the reverse. */
    record UpstreamChanged(String reference, FingerprintInputs.Input before, FingerprintInputs.Input after)
            implements Reason {
        public UpstreamChanged {
            Objects.requireNonNull(reference, "reference is null");
        }

        public String describe() {
            if (before == null) {
                return "it now reads `" + reference + "`";
            }
            if (after == null) {
                return "it no longer reads `" + reference + "`";
            }
            if (before.secret() || after.secret()) {
                return "upstream output `" + reference + "` changed";
            }
            if (Objects.equals(before.preview(), after.preview())) {
                return "upstream output `" + reference + "` comes from a stage that ran with other inputs";
            }
            return "upstream output `" + reference + "` changed: " + Contrast.of(before.shown(), after.shown());
        }
    }

    /** The stage did not succeed in the run being resumed. */
    record DidNotSucceed(String run, StageStatus status) implements Reason {
        public String describe() {
            return switch (status) {
                case FAILED -> "it failed in run " + run;
                case CANCELLED -> "it was cancelled in run " + run;
                case SKIPPED -> "it was skipped in run " + run;
                case NOT_RUN -> "it did not run in run " + run;
                case RUNNING -> "it never ended in run " + run;
                case SUCCEEDED -> throw new IllegalStateException("a succeeded stage is not a reason");
            };
        }
    }

    /** The stage type says the recorded outputs are no longer valid. */
    record OutputInvalid(String run, String why) implements Reason {
        public String describe() {
            return "its output from run " + run + " is no longer valid: " + why;
        }
    }

    /** The earlier outputs held a secret, so they were never stored and cannot be reused. */
    record OutputsNotStored(String run) implements Reason {
        public String describe() {
            return "its outputs in run " + run + " held a secret, and secrets are never stored";
        }
    }

    /** The stage says {@code cache = false}. */
    record CacheDisabled() implements Reason {
        public String describe() {
            return "it says `cache = false`";
        }
    }

    /** The earlier call was fingerprinted in another format (by another version of Pipewright). */
    record FingerprintFormatChanged(int before, int after) implements Reason {
        public String describe() {
            return "its fingerprint was made " + (before < after ? "by an older" : "by a newer")
                    + " version of Pipewright (format " + before + " → " + after + "), so it cannot be compared";
        }
    }

    /** The earlier run recorded no fingerprint for the stage (it was written by an older version). */
    record NoFingerprint(String run) implements Reason {
        public String describe() {
            return "run " + run + " recorded no fingerprint for it";
        }
    }
}
