package dev.pipewright.engine.resume;

/**
 * Whether a stage call may reuse an earlier result at all.
 *
 * @param setting the stage's {@code cache} setting; null when it has none
 * @param pure whether its stage type declares itself pure ({@code StageType.pure()})
 * @param resuming whether the run resumes another ({@code pipewright run --resume})
 */
public record CachePolicy(Boolean setting, boolean pure, boolean resuming) {

    /** {@code cache = false}: it always runs. */
    public boolean disabled() {
        return Boolean.FALSE.equals(setting);
    }

    /**
     * Whether an earlier result may be reused: always when resuming (unless disabled); otherwise
     * with {@code cache = true}, or without a setting when the stage type is pure.
     */
    public boolean applies() {
        if (disabled()) {
            return false;
        }
        return resuming || (setting == null ? pure : setting);
    }
}
