package dev.pipewright.stages.docker.support;

import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Enables tests when the shared engine answers, and says why not when it does not. */
public final class DockerAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<String> problem = TestDocker.problem();
        if (problem.isEmpty()) {
            return ConditionEvaluationResult.enabled("a Docker engine answers at " + TestDocker.engine().endpoint().describe());
        }
        if ("1".equals(System.getenv("PIPEWRIGHT_REQUIRE_DOCKER"))) {
            throw new IllegalStateException("PIPEWRIGHT_REQUIRE_DOCKER=1 but: " + problem.get());
        }
        return ConditionEvaluationResult.disabled("no Docker engine (set PIPEWRIGHT_REQUIRE_DOCKER=1 to fail instead): "
                + problem.get());
    }
}
