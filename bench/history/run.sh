#!/bin/bash
# Run-history figures for bench/README.md ("Run history and queries"). Builds the CLI jar and the
# engine's test classes (for the synthetic-run generator) through the reactor, then for 100, 1,000
# and 10,000 stored runs times `./pipewright runs` and the seed's pipeline(...) query as processes
# (through the launcher, as users run them), next to peers measured in the same loop:
# `java -version` (the JVM's own start), `ls` of the runs directory and `cat` of the index.
# bench/startup/run.sh times the same commands round-robin against `java -version`.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
./pipewright --version >/dev/null   # builds the CLI and its class-data archive when stale
./mvnw -B -ntp -q -pl engine -am test-compile dependency:build-classpath -Dmdep.outputFile="$root/engine/target/bench-classpath.txt" \
  -Dmdep.includeScope=test
cp="engine/target/classes:engine/target/test-classes:grammar/target/classes:spi/target/classes:$(cat engine/target/bench-classpath.txt)"
query='pipeline(name: "habitat-build") { state progress currentStage stages { name status duration } }'
rounds=${BENCH_ROUNDS:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# median_ms CMD...: runs CMD $rounds times (output discarded), prints the median wall time in ms.
median_ms() {
  local times=()
  for _ in $(seq "$rounds"); do
    local t0; t0=$(date +%s%N)
    "$@" >/dev/null 2>&1
    times+=($(( ($(date +%s%N) - t0) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (rounds + 1) / 2 ))p"
}

for n in ${BENCH_SIZES:-100 1000 10000}; do
  dir="$work/$n"
  java -cp "$cp" bench/history/RunHistoryBench.java gen "$dir" "$n"
  rm -f "$dir/.pipewright/runs/index.jsonl"
  t0=$(date +%s%N); ./pipewright runs --state-dir "$dir" >/dev/null; t1=$(date +%s%N)
  echo "n=$n runs, first (builds the index): $(( (t1 - t0) / 1000000 )) ms"
  echo "n=$n runs, with index: $(median_ms ./pipewright runs --state-dir "$dir") ms"
  echo "n=$n query, with index: $(median_ms ./pipewright query "$query" --state-dir "$dir") ms"
  echo "n=$n peer java -version: $(median_ms java -version) ms"
  echo "n=$n peer ls | wc -l: $(median_ms sh -c "ls '$dir/.pipewright/runs' | wc -l") ms"
  echo "n=$n peer cat index: $(median_ms cat "$dir/.pipewright/runs/index.jsonl") ms"
  java -cp "$cp" bench/history/RunHistoryBench.java inproc "$dir"
done
