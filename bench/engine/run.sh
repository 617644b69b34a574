#!/bin/sh
# Engine figures for bench/README.md ("Engine"). Builds the engine through the reactor (no install),
# then runs each figure in a fresh JVM so peak memory belongs to one run only.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
# Each reactor module writes its class path to the same file; the engine comes last.
./mvnw -B -ntp -q -pl engine -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$root/engine/target/bench-classpath.txt" -Dmdep.includeScope=runtime
cp="engine/target/classes:$(cat engine/target/bench-classpath.txt)"
# Compiled once here, not by the java launcher in each JVM: javac running in the measured JVM
# left its own JIT compilations competing with the first round.
mkdir -p engine/target/bench-classes
javac -d engine/target/bench-classes -cp "$cp" bench/engine/EngineBench.java
heap=${BENCH_HEAP:-1g}
# BENCH_JAVA_OPTS adds JVM options, e.g. the JIT ./pipewright runs with:
#   BENCH_JAVA_OPTS="-XX:TieredStopAtLevel=1"
bench() { java -Xmx"$heap" ${BENCH_JAVA_OPTS:-} -cp "engine/target/bench-classes:$cp" EngineBench "$@"; }
# BENCH_ONLY=chain|schedule|log runs one figure; BENCH_RESUME=off runs without the resume cache;
# BENCH_ROUNDS=R runs each chain R times in its JVM (round 1 is the fresh process, later rounds
# the engine once the JIT has compiled it); BENCH_SIZES overrides the chain lengths.
only=${BENCH_ONLY:-all}
if [ "$only" = all ] || [ "$only" = chain ]; then
  for n in ${BENCH_SIZES:-1000 10000 100000}; do bench chain "$n" "${BENCH_ROUNDS:-1}"; done
fi
if [ "$only" = all ] || [ "$only" = schedule ]; then bench schedule; fi
if [ "$only" = all ] || [ "$only" = log ]; then bench log 100000; fi
