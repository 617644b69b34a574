package dev.pipewright.engine.run;

import java.util.Map;

/**
 * How one stage (or one attempt series, or one for-each element) ended.
 *
 * @param outputs the outputs, unmasked (stages after it read them); empty unless succeeded
 * @param error the failure, masked, or null
 * @param timedOut whether the last attempt hit its timeout
 */
record StageResult(StageStatus status, Map<String, Object> outputs, String error, boolean timedOut) {

    static StageResult succeeded(Map<String, Object> outputs) {
        return new StageResult(StageStatus.SUCCEEDED, outputs, null, false);
    }

    static StageResult failed(String error, boolean timedOut) {
        return new StageResult(StageStatus.FAILED, Map.of(), error, timedOut);
    }

    static StageResult cancelled(String error) {
        return new StageResult(StageStatus.CANCELLED, Map.of(), error, false);
    }

    static StageResult skipped() {
        return new StageResult(StageStatus.SKIPPED, Map.of(), null, false);
    }
}
