#!/bin/sh
# Parse and check figures for bench/README.md ("Parse and check"). Builds through the reactor (no
# install), runs each size in a fresh JVM (one size's garbage never meets another's), then times
# `pipewright check` of a small file as whole cold processes against `java -version`.
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

# Cold processes: the launcher builds the jar and its class-data archive on first use.
./pipewright --version >/dev/null
small="$root/examples/hello.pipeline"
jar="$root/cli/target/pipewright.jar"
runs=${BENCH_RUNS:-15}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_ms() {
  i=0
  while [ $i -lt "$runs" ]; do
    s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N)
    echo $(( (e - s) / 1000000 )); i=$((i + 1))
  done | median
}
baseline=$(time_ms java -Xshare:auto -version)
plain=$(time_ms java -jar "$jar" check "$small")
launcher=$(time_ms "$root/pipewright" check "$small")
echo
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| cold process, median of $runs | wall time | ratio to java -version |"
echo "| --- | ---: | ---: |"
echo "| java -version | ${baseline} ms | 1.0x |"
echo "| java -jar pipewright.jar check hello.pipeline | ${plain} ms | $(awk "BEGIN {printf \"%.1f\", $plain / $baseline}")x |"
echo "| ./pipewright check hello.pipeline (AppCDS, C1, lean start) | ${launcher} ms | $(awk "BEGIN {printf \"%.1f\", $launcher / $baseline}")x |"
