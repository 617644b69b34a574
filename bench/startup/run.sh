#!/bin/bash
# Whole-process wall times of the short commands (and of `run` of a one-stage pipeline), for bench/README.md ("`pipewright check` as a
# cold process" and "Run history and queries"). Builds the CLI and its class-data archive through
# ./pipewright, writes BENCH_RUNS_STORED synthetic runs (bench/history's generator), then times
# every command once per round, round after round (so a burst of load hits all of them alike),
# and prints each one's median with its ratio to `java -version` measured in the same rounds.
#   BENCH_ROUNDS (default 15)   rounds; the median is over these
#   BENCH_RUNS_STORED (10000)   stored runs for `runs` and the query
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
rounds=${BENCH_ROUNDS:-15}
stored=${BENCH_RUNS_STORED:-10000}
jar="$root/cli/target/pipewright.jar"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

./pipewright --version >/dev/null   # builds the jar and the archive when they are missing or stale
./mvnw -B -ntp -q -pl engine -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$root/engine/target/bench-classpath.txt" -Dmdep.includeScope=test
cp="engine/target/classes:engine/target/test-classes:grammar/target/classes:spi/target/classes:$(cat engine/target/bench-classpath.txt)"
java -cp "$cp" bench/history/RunHistoryBench.java gen "$work/store" "$stored" >/dev/null
./pipewright runs --state-dir "$work/store" >/dev/null   # the first listing writes the index
small="$root/examples/hello.pipeline"
# A run whose own work is a few milliseconds: what `pipewright run` costs before any stage.
printf 'pipeline one {\n  stage say { uses = core.log  with { message = "hi" } }\n}\n' >"$work/one.pipeline"
query='pipeline(name: "habitat-build") { state progress currentStage stages { name status duration } }'

names=(
  "java -version"
  "ls runs directory ($stored entries)"
  "cat index.jsonl"
  "java -jar pipewright.jar check hello.pipeline (no launcher options)"
  "./pipewright check hello.pipeline"
  "./pipewright fmt --check hello.pipeline"
  "./pipewright runs ($stored runs)"
  "./pipewright query pipeline(...) ($stored runs)"
  "./pipewright run one.pipeline (one core.log stage, --output plain)"
)
command_of() {
  case $1 in
    0) java -version ;;
    1) ls "$work/store/.pipewright/runs" ;;
    2) cat "$work/store/.pipewright/runs/index.jsonl" ;;
    3) java -jar "$jar" check "$small" ;;
    4) ./pipewright check "$small" ;;
    5) ./pipewright fmt --check "$small" ;;
    6) ./pipewright runs --state-dir "$work/store" ;;
    7) ./pipewright query "$query" --state-dir "$work/store" ;;
    8) ./pipewright run "$work/one.pipeline" --state-dir "$work/run-state" --output plain ;;
  esac
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq "$rounds"); do
  for i in "${!names[@]}"; do
    start=$(date +%s%N)
    command_of "$i" >/dev/null 2>&1 || true
    echo "$i $(( ($(date +%s%N) - start) / 1000000 ))" >>"$work/times"
  done
done
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"

median() { awk -v i="$1" '$1 == i {print $2}' "$work/times" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
baseline=$(median 0)
echo
echo "| cold process, median of $rounds | wall time | ratio to java -version |"
echo "| --- | ---: | ---: |"
for i in "${!names[@]}"; do
  ms=$(median "$i")
  echo "| ${names[$i]} | $ms ms | $(awk "BEGIN {printf \"%.1f\", $ms / $baseline}")x |"
done
