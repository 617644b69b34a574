#!/usr/bin/env bash
# How often attach-then-start duplicates or loses a line, logs=1 against logs=0, in one run.
# Usage: RUNS=400 THREADS=4 bench/docker-attach-race.sh   (needs a Docker engine and local/busybox:test)
# Prints Markdown rows for bench/README.md ("docker.run output: the attach race").
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./mvnw -B -ntp -q -pl stages-docker -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/docker-bench.classpath -Dmdep.includeScope=test
CP="$(cat stages-docker/target/docker-bench.classpath 2>/dev/null || cat target/docker-bench.classpath)"
exec java -cp "spi/target/classes:stages-docker/target/classes:stages-docker/target/test-classes:$CP" \
    dev.pipewright.stages.docker.bench.AttachRace
