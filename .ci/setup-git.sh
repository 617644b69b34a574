#!/usr/bin/env bash
# Make sure `git` and `git daemon` are usable. Tests start their own git daemon on
# 127.0.0.1; this script only installs git if missing and proves the daemon binary works
# by serving a throw-away bare repository on 127.0.0.1 and running `git ls-remote` on it.
# Idempotent; runs as root with no stdin.
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive
T0=$(date +%s)
say() { printf '[setup-git %3ss] %s\n' "$(( $(date +%s) - T0 ))" "$*"; }
die() { printf '[setup-git] ERROR: %s\n' "$*" >&2; exit 1; }

apt_install() {
    [ "$(id -u)" = 0 ] || die "git is missing and installing it needs root"
    local apt_opts=(-q -o DPkg::Lock::Timeout=300)
    timeout 600 apt-get "${apt_opts[@]}" update >/tmp/pipewright-apt-update-git.log 2>&1 \
        || { tail -20 /tmp/pipewright-apt-update-git.log >&2; die "apt-get update failed"; }
    timeout 600 apt-get "${apt_opts[@]}" install -y --no-install-recommends "$@" \
            >/tmp/pipewright-apt-install-git.log 2>&1 \
        || { tail -30 /tmp/pipewright-apt-install-git.log >&2; die "apt-get install $* failed"; }
}

# On Debian the git-daemon binary ships in the `git` package itself
# (/usr/lib/git-core/git-daemon); git-daemon-sysvinit only adds an init script.
if ! command -v git >/dev/null 2>&1 || [ ! -x "$(git --exec-path 2>/dev/null)/git-daemon" ]; then
    say "installing git with apt-get"
    apt_install git
fi
say "$(git --version)"

# `git daemon --help` opens the man page (fails where man pages are absent);
# `-h` prints the usage and exits 129.
usage=$(git daemon -h 2>&1 || true)
case "$usage" in *"usage: git daemon"*) ;; *) die "'git daemon -h' did not print its usage: $usage" ;; esac

# Real check: serve a bare repository on 127.0.0.1 and list its refs.
tmp=$(mktemp -d /tmp/pipewright-git-check.XXXXXX)
daemon_pid=
cleanup() {
    if [ -n "$daemon_pid" ]; then kill "$daemon_pid" 2>/dev/null || true; wait "$daemon_pid" 2>/dev/null || true; fi
    rm -rf "$tmp"
}
trap cleanup EXIT

export GIT_CONFIG_NOSYSTEM=1 HOME="$tmp/home"
mkdir -p "$HOME"
git init -q --bare "$tmp/srv/check.git"
git init -q "$tmp/work"
git -C "$tmp/work" -c user.name=ci -c user.email=ci@localhost commit -q --allow-empty -m check
git -C "$tmp/work" push -q "$tmp/srv/check.git" HEAD:refs/heads/main

ok=0
for attempt in 1 2 3 4 5; do
    port=$(( 20000 + (RANDOM % 20000) ))
    git daemon --listen=127.0.0.1 --port="$port" --base-path="$tmp/srv" --export-all \
        --reuseaddr --informative-errors "$tmp/srv" >"$tmp/daemon.log" 2>&1 &
    daemon_pid=$!
    for _ in $(seq 1 50); do
        if timeout 10 git ls-remote "git://127.0.0.1:$port/check.git" >"$tmp/refs" 2>/dev/null \
           && grep -q 'refs/heads/main' "$tmp/refs"; then ok=1; break; fi
        kill -0 "$daemon_pid" 2>/dev/null || break     # died, e.g. port taken: next port
        sleep 0.1
    done
    [ "$ok" = 1 ] && break
    kill "$daemon_pid" 2>/dev/null || true; wait "$daemon_pid" 2>/dev/null || true; daemon_pid=
done
[ "$ok" = 1 ] || { cat "$tmp/daemon.log" >&2; die "git daemon on 127.0.0.1 did not serve a repository"; }
say "ok: git daemon served git://127.0.0.1:$port/check.git"
