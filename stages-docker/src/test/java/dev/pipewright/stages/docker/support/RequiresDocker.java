package dev.pipewright.stages.docker.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tests that need a real Docker engine: skipped, with the reason, when none answers; failed
 * instead when {@code PIPEWRIGHT_REQUIRE_DOCKER=1} (CI sets it).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DockerAvailable.class)
public @interface RequiresDocker {
}
