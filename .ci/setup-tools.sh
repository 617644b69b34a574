#!/usr/bin/env bash
# Terminal tools the end-to-end tests drive: tmux (the REPL and the live console are tested in a
# real terminal). Idempotent; runs as root with no stdin.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
missing=()
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
if [ ${#missing[@]} -gt 0 ]; then
    echo "[setup-tools] installing ${missing[*]} with apt-get"
    timeout 600 apt-get -q -o DPkg::Lock::Timeout=300 update >/tmp/pipewright-apt-update-tools.log 2>&1 \
        || { tail -20 /tmp/pipewright-apt-update-tools.log >&2; exit 1; }
    timeout 600 apt-get -q -o DPkg::Lock::Timeout=300 install -y --no-install-recommends "${missing[@]}" \
        >/tmp/pipewright-apt-install-tools.log 2>&1 \
        || { tail -30 /tmp/pipewright-apt-install-tools.log >&2; exit 1; }
fi
echo "[setup-tools] $(tmux -V)"
