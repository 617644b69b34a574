#!/usr/bin/env bash
# Wall time of a habitat build (examples/src/test/resources/resume/habitat-resume.pipeline) through
# the real CLI: from scratch; failing in its last stage, then resumed; then resumed unchanged.
# Usage: bench/resume/habitat.sh [ROUNDS] [SETUP_SECONDS]   (needs a Docker engine, local/busybox:test
# and cli/target/pipewright.jar). Prints Markdown rows for bench/README.md ("Resume").
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
rounds="${1:-3}"
setup="${2:-3}"
jar="$PWD/cli/target/pipewright.jar"
pipeline="$PWD/examples/src/test/resources/resume/habitat-resume.pipeline"
[ -f "$jar" ] || ./mvnw -B -ntp -q -DskipTests -pl cli -am package

work="$(mktemp -d)"
tag="local/pipewright-bench-resume-$$"
cleanup() {
  # The runs' build containers (a failed run keeps its own, for the resumed run), then the images.
  for run in "$work"/*/.pipewright/runs/*; do
    [ -d "$run" ] || continue
    ids=$(docker ps -aq --filter "label=pipewright.run=$(basename "$run")")
    [ -z "$ids" ] || docker rm -f $ids >/dev/null
  done
  docker rmi -f "$tag" "$tag-base" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# Runs pipewright in $work/$1 and prints its wall time in seconds.
timed() {
  local dir="$work/$1"; shift
  mkdir -p "$dir"
  local start end
  start=$(date +%s.%N)
  (cd "$dir" && java -jar "$jar" run --output plain "$pipeline" -p "tag=$tag" -p "setup-seconds=$setup" "$@" \
      > "$dir/last.out" 2>&1) || true
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

echo "| round | from scratch | failing in its last stage | resumed after it | resumed unchanged |"
echo "| --- | --- | --- | --- | --- |"
for round in $(seq 1 "$rounds"); do
  docker rmi -f "$tag" "$tag-base" >/dev/null 2>&1 || true
  scratch=$(timed "scratch-$round")
  docker rmi -f "$tag" "$tag-base" >/dev/null 2>&1 || true
  touch "$work/broken"
  failing=$(timed "resume-$round" -p "break=$work/broken")
  rm -f "$work/broken"
  resumed=$(timed "resume-$round" --resume -p "break=$work/broken")
  unchanged=$(timed "resume-$round" --resume -p "break=$work/broken")
  grep -q "succeeded" "$work/resume-$round/last.out" || { cat "$work/resume-$round/last.out"; exit 1; }
  printf '| %s | %.1f s | %.1f s | %.1f s | %.1f s |\n' "$round" "$scratch" "$failing" "$resumed" "$unchanged"
done
