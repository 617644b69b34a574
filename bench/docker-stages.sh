#!/usr/bin/env bash
# Docker stages against the docker command line, in one run on the local engine.
# Usage: bench/docker-stages.sh [-Drounds=N]   (needs a Docker engine and local/busybox:test)
# Results are printed as Markdown rows; copy them into bench/README.md ("Docker stages").
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./mvnw -B -ntp -q -pl stages-docker -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/docker-bench.classpath -Dmdep.includeScope=test
CP="$(cat stages-docker/target/docker-bench.classpath 2>/dev/null || cat target/docker-bench.classpath)"
exec java "$@" -cp "spi/target/classes:stages-docker/target/classes:stages-docker/target/test-classes:$CP" \
    dev.pipewright.stages.docker.bench.DockerStagesBench examples/habitat
