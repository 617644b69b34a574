#!/bin/sh
# Parse and check figures for bench/README.md ("Parse and check"). Builds through the reactor (no
# install), runs each size in a fresh JVM (one size's garbage never meets another's). Whole cold
# processes (`check` of a small file against `java -version`) are timed by bench/startup/run.sh.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
./mvnw -B -ntp -q -pl engine -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$root/engine/target/bench-classpath.txt" -Dmdep.includeScope=runtime
cp="engine/target/classes:$(cat engine/target/bench-classpath.txt)"
heap=${BENCH_HEAP:-2g}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| stages | file | parse + check | parse alone | per stage | Jackson, same pipeline as JSON | ratio | allocated per run | retained result |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for n in ${BENCH_SIZES:-100 1000 10000 100000}; do
  java -Xmx"$heap" -cp "$cp" bench/parse/ParseBench.java "$n"
done
