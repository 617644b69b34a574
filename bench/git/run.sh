#!/usr/bin/env bash
# git.clone against `git clone`, side by side in one run (see bench/README.md, "Git stages").
# Usage: bench/git/run.sh [rounds] [warmups]   (JAVA_OPTS adds JVM options, e.g. tuning experiments)
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v git >/dev/null || { echo "git is not installed (Debian: apt-get install git)" >&2; exit 1; }
./mvnw -B -ntp -q -pl stages-git -am compile dependency:build-classpath -Dmdep.outputFile=target/git-bench.classpath >/dev/null
classpath="stages-git/target/classes:$(cat stages-git/target/git-bench.classpath)"
work=$(mktemp -d "${BENCH_TMP:-/tmp}/git-bench.XXXXXX")
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$work/served"
git daemon --reuseaddr --base-path="$work/served" --export-all --listen=127.0.0.1 --port="$port" "$work/served" &
daemon=$!
# `|| true`: under `set -e` a failing command would end the trap before the temp directory goes.
cleanup() { kill "$daemon" 2>/dev/null || true; wait "$daemon" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
java ${JAVA_OPTS:-} -cp "$classpath" bench/git/CloneBenchmark.java "$work/served" "git://127.0.0.1:$port" "${1:-10}" "${2:-8}"
