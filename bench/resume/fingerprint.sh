#!/usr/bin/env bash
# The cost of resuming per stage call (JMH): the fingerprint alone, and all a resumable call adds
# (fingerprint, decision, its line in fingerprints.jsonl), against the stage:complete event line
# the engine writes anyway, for 1, 10 and 100 arguments.
# Usage: bench/resume/fingerprint.sh [JMH options]   Results go into bench/README.md ("Resume").
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
./mvnw -B -ntp -q -pl engine -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/resume-bench.classpath -Dmdep.includeScope=test
CP="$(cat engine/target/resume-bench.classpath)"
exec java -cp "engine/target/test-classes:engine/target/classes:spi/target/classes:grammar/target/classes:$CP" \
    org.openjdk.jmh.Main 'dev.pipewright.engine.resume.bench.FingerprintBenchmark' "$@"
