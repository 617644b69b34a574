#!/usr/bin/env bash
# Logging throughput and console lag: a stage prints N lines (`seq N` through core.exec), each
# becoming a stage:log event appended to events.jsonl and shown by the console. For each console
# mode (plain, json to a pipe; tty through a pseudo-terminal made by `script`) and each N, it reports
#   - events/s into events.jsonl: events in the log / (when the log was last written, its mtime,
#     minus the time stamped on its first event);
#   - log lag: when the final event (pipeline:complete) reached events.jsonl (mtime) minus the time
#     stamped on it when it was made: how far event delivery fell behind the stage;
#   - console lag: when the console's last line reached the reader of standard output minus when
#     the final event reached events.jsonl. Both are written by the same dispatcher thread, one
#     after the other, so this is what the console adds; it must not grow with N.
# and, measured in the same run, the peers: `seq N > file` and `seq N | cat > file`.
# Median of RUNS runs each, interleaved so load on the shared machine hits every mode alike.
#
#   bench/console/logging.sh [RUNS] [N...]      (default: 5 runs; N = 10000 100000 300000)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-5}"
shift || true
sizes=("${@:-10000 100000 300000}")
read -r -a sizes <<< "${sizes[*]}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$root"
[ -f cli/target/pipewright.jar ] || ./mvnw -B -ntp -q -DskipTests -pl cli -am package >&2
jar="$root/cli/target/pipewright.jar"

# Reads standard output as it arrives; prints the arrival time (epoch seconds) of the last line.
cat > "$work/stamp.py" <<'PY'
import sys, time
last = None
for line in sys.stdin.buffer:
    last = time.time()
print(f"{last:.6f}")
PY

# Prints: events, events/s, log lag ms, console lag ms, wall seconds of one run.
cat > "$work/measure.py" <<'PY'
import json, os, sys
from datetime import datetime
events_file, arrival, wall = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
lines = open(events_file, encoding="utf-8").read().splitlines()
first, last = json.loads(lines[0]), json.loads(lines[-1])
assert last["type"] == "pipeline:complete", last["type"]
stamp = lambda e: datetime.fromisoformat(e["time"].replace("Z", "+00:00")).timestamp()
written = os.stat(events_file).st_mtime
print(len(lines), round(len(lines) / (written - stamp(first))), round((written - stamp(last)) * 1000),
      round((arrival - written) * 1000), f"{wall:.2f}")
PY

for n in "${sizes[@]}"; do
  cat > "$work/log-$n.pipeline" <<PIPELINE
pipeline logging {
  stage print { uses = core.exec  with { shell = "seq $n" } }
}
PIPELINE
done

run_mode() { # mode n -> prints "events events/s log_lag_ms console_lag_ms wall_s"
  local mode="$1" n="$2" state="$work/state-$1-$2-$RANDOM" start end arrival
  mkdir -p "$state"
  local cmd=(java -jar "$jar" run --output "$mode" --state-dir "$state" "$work/log-$n.pipeline")
  start=$(date +%s.%N)
  if [ "$mode" = tty ]; then
    arrival=$(TERM=xterm-256color script -qfec "stty rows 40 cols 120; exec ${cmd[*]}" /dev/null | python3 "$work/stamp.py")
  else
    arrival=$("${cmd[@]}" | python3 "$work/stamp.py")
  fi
  end=$(date +%s.%N)
  python3 "$work/measure.py" "$state"/.pipewright/runs/*/events.jsonl "$arrival" "$(echo "$end - $start" | bc)"
  rm -rf "$state"
}

peer() { # kind n -> prints seconds
  local start end
  start=$(date +%s.%N)
  if [ "$1" = seq ]; then seq "$2" > "$work/peer.txt"; else seq "$2" | cat > "$work/peer.txt"; fi
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

printf '%-8s %-6s %10s %10s %12s %16s %8s\n' N mode events "events/s" "log lag ms" "console lag ms" "wall s"
for n in "${sizes[@]}"; do
  declare -A rate=() loglag=() lag=() wall=() count=()
  for _ in $(seq "$runs"); do
    for mode in plain json tty; do
      read -r events per_s log_lag_ms lag_ms wall_s < <(run_mode "$mode" "$n")
      count[$mode]=$events
      rate[$mode]+="$per_s "; loglag[$mode]+="$log_lag_ms "; lag[$mode]+="$lag_ms "; wall[$mode]+="$wall_s "
    done
    rate[seq]+="$(peer seq "$n") "; rate[cat]+="$(peer cat "$n") "
  done
  for mode in plain json tty; do
    printf '%-8s %-6s %10s %10s %12s %16s %8s\n' "$n" "$mode" "${count[$mode]}" \
      "$(tr ' ' '\n' <<< "${rate[$mode]}" | grep . | median)" \
      "$(tr ' ' '\n' <<< "${loglag[$mode]}" | grep . | median)" \
      "$(tr ' ' '\n' <<< "${lag[$mode]}" | grep . | median)" \
      "$(tr ' ' '\n' <<< "${wall[$mode]}" | grep . | median)"
  done
  for kind in seq cat; do
    s=$(tr ' ' '\n' <<< "${rate[$kind]}" | grep . | median)
    printf '%-8s %-6s %10s %10s %12s %16s %8s\n' "$n" "$kind" "$n" "$(echo "$n / $s" | bc)" "-" "-" "$s"
  done
  unset rate loglag lag wall count
done
