#!/usr/bin/env bash
# Make a working Docker engine and the test image `local/busybox:test` available.
#
# Idempotent; runs as root with no stdin (CI=true). Steps:
#   1. apt-get install docker.io busybox-static docker-registry (only if missing; one apt-get update first;
#      docker-registry is started by the pull tests themselves, on 127.0.0.1)
#   2. start dockerd in the background unless an engine already answers
#   3. wait (bounded) until `docker info` answers
#   4. build local/busybox:test FROM scratch out of Debian's static busybox
#   5. smoke-test `docker run` and a `docker build` with a RUN step
#
# Knobs (environment):
#   PIPEWRIGHT_DOCKERD_LOG            dockerd log file   (default /tmp/pipewright-dockerd.log)
#   PIPEWRIGHT_DOCKERD_WAIT           seconds to wait for the engine (default 60)
#   PIPEWRIGHT_DOCKER_STORAGE_DRIVER  force a storage driver (default: overlay2 if a probe
#                                     mount works, else vfs)
#   PIPEWRIGHT_DOCKER_NETWORK         auto|bridge|none (default auto: bridge when iptables
#                                     and a bridge link work, else none)
# See docs/ci.md for what was found on the java-maven machines.
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive
IMAGE=local/busybox:test
SMOKE_IMAGE=local/pipewright-ci-smoke:latest
LOG=${PIPEWRIGHT_DOCKERD_LOG:-/tmp/pipewright-dockerd.log}
WAIT=${PIPEWRIGHT_DOCKERD_WAIT:-60}
SOCK=/var/run/docker.sock
PIDFILE=/var/run/docker.pid
DATA_ROOT=/var/lib/docker

T0=$(date +%s)
say() { printf '[setup-docker %3ss] %s\n' "$(( $(date +%s) - T0 ))" "$*"; }
die() { printf '[setup-docker] ERROR: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "must run as root (it installs packages and starts dockerd)"

# ---------------------------------------------------------------- 1. packages
pkg_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'; }

missing=()
for p in docker.io busybox-static docker-registry; do pkg_installed "$p" || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} with apt-get"
    # Keep the package's postinst from starting dockerd with its own default flags
    # through /etc/init.d/docker: we start it ourselves below. Only add a policy-rc.d
    # if the machine has none, and remove it again afterwards.
    added_policy=0
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
        chmod 755 /usr/sbin/policy-rc.d
        added_policy=1
        trap '[ "$added_policy" = 1 ] && rm -f /usr/sbin/policy-rc.d' EXIT
    fi
    apt_opts=(-q -o DPkg::Lock::Timeout=300 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
    timeout 600 apt-get "${apt_opts[@]}" update >/tmp/pipewright-apt-update.log 2>&1 \
        || { tail -20 /tmp/pipewright-apt-update.log >&2; die "apt-get update failed"; }
    timeout 900 apt-get "${apt_opts[@]}" install -y --no-install-recommends "${missing[@]}" \
            >/tmp/pipewright-apt-install.log 2>&1 \
        || { tail -30 /tmp/pipewright-apt-install.log >&2; die "apt-get install ${missing[*]} failed"; }
    if [ "$added_policy" = 1 ]; then rm -f /usr/sbin/policy-rc.d; added_policy=0; fi
    say "installed ${missing[*]}"
else
    say "docker.io, busybox-static and docker-registry already installed"
fi

DOCKERD=$(command -v dockerd || true)
[ -n "$DOCKERD" ] || DOCKERD=/usr/sbin/dockerd
[ -x "$DOCKERD" ] || die "dockerd not found after installing docker.io"
command -v docker >/dev/null || die "no docker client on PATH"
BUSYBOX=/bin/busybox
[ -x "$BUSYBOX" ] || die "$BUSYBOX missing (busybox-static)"

# ---------------------------------------------------------------- 2. engine
# `docker info` bounded by `timeout`: a half-started engine can otherwise hang it.
engine_answers() { timeout 15 docker info >/dev/null 2>&1; }

# is_live PID NAME: PID is a running (not zombie) process called NAME.
is_live() {
    local pid=$1 name=$2
    [ -n "$pid" ] && [ -r "/proc/$pid/comm" ] || return 1
    [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$name" ] || return 1
    # A killed process lingers as a zombie until PID 1 reaps it, and `kill -0` still
    # succeeds on it; dockerd itself is fooled that way (see clean_stale_pidfiles).
    [ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" != Z ]
}

dockerd_pid() {
    # PID of a dockerd still alive according to its pidfile, else nothing.
    local pid
    pid=$(cat "$PIDFILE" 2>/dev/null || true)
    if is_live "$pid" dockerd; then echo "$pid"; fi
    return 0
}

clean_stale_pidfiles() {
    # Leftovers of a dockerd (and its managed containerd) that were killed. dockerd
    # trusts containerd.pid when `kill -0` succeeds, so a zombie containerd makes it wait
    # 10 s for a socket nobody serves and exit with "timeout waiting for containerd".
    local cpidfile=/var/run/docker/containerd/containerd.pid
    rm -f "$PIDFILE"
    [ -S "$SOCK" ] && rm -f "$SOCK"
    if [ -f "$cpidfile" ] && ! is_live "$(cat "$cpidfile" 2>/dev/null)" containerd; then
        rm -f "$cpidfile"
    fi
    return 0
}

probe_storage_driver() {
    if [ -n "${PIPEWRIGHT_DOCKER_STORAGE_DRIVER:-}" ]; then
        echo "$PIPEWRIGHT_DOCKER_STORAGE_DRIVER"; return
    fi
    # overlay2 needs an overlay mount on the filesystem of the data root to work
    # (it fails on overlay-on-overlay, some FUSE or old kernels). Try one for real.
    mkdir -p "$DATA_ROOT"
    local d; d=$(mktemp -d "$DATA_ROOT/.overlay-probe.XXXXXX")
    mkdir -p "$d/lower" "$d/upper" "$d/work" "$d/merged"
    echo x > "$d/lower/f"
    local ok=0
    if mount -t overlay overlay -o "lowerdir=$d/lower,upperdir=$d/upper,workdir=$d/work" "$d/merged" 2>/dev/null; then
        if [ "$(cat "$d/merged/f" 2>/dev/null)" = x ] && echo y > "$d/merged/g" 2>/dev/null; then ok=1; fi
        umount "$d/merged" 2>/dev/null || true
    fi
    rm -rf "$d"
    if [ "$ok" = 1 ]; then echo overlay2; else echo vfs; fi
}

probe_network_mode() {
    local m=${PIPEWRIGHT_DOCKER_NETWORK:-auto}
    if [ "$m" != auto ]; then echo "$m"; return; fi
    # The default bridge needs iptables (nat table) and the bridge + veth drivers.
    if iptables -t nat -S >/dev/null 2>&1 && iptables -t filter -S >/dev/null 2>&1 \
       && ip link add pw-probe-br0 type bridge 2>/dev/null; then
        ip link del pw-probe-br0 2>/dev/null || true
        echo bridge
    else
        echo none
    fi
}

start_dockerd() {
    local driver=$1 net=$2
    local flags=(--host "unix://$SOCK" --pidfile "$PIDFILE" --data-root "$DATA_ROOT"
                 --storage-driver "$driver")
    if [ "$net" = none ]; then
        # No netfilter / bridge: no default bridge network at all. Containers and RUN
        # steps then get only a loopback interface (network "none"), or --network host.
        flags+=(--bridge none --iptables=false --ip-forward=false)
    fi
    say "starting dockerd ${flags[*]} (log: $LOG)"
    {
        echo "==== $(date -u +%FT%TZ) setup-docker.sh starts: $DOCKERD ${flags[*]}"
    } >>"$LOG"
    # setsid + nohup: dockerd outlives this script and is not in the process group that a
    # `timeout` around the caller would signal.
    setsid nohup "$DOCKERD" "${flags[@]}" >>"$LOG" 2>&1 </dev/null &
    STARTED_PID=$!
}

wait_for_engine() {
    # Returns 0 when `docker info` answers, 1 when our dockerd died, 2 on timeout.
    local deadline=$(( $(date +%s) + WAIT ))
    while [ "$(date +%s)" -lt "$deadline" ]; do
        engine_answers && return 0
        if [ -n "${STARTED_PID:-}" ] && ! kill -0 "$STARTED_PID" 2>/dev/null; then return 1; fi
        sleep 0.5
    done
    return 2
}

if [ -n "${DOCKER_HOST:-}" ] && [ "$DOCKER_HOST" != "unix://$SOCK" ]; then
    engine_answers || die "DOCKER_HOST=$DOCKER_HOST does not answer; this script only manages unix://$SOCK (unset DOCKER_HOST)"
fi

need_start=0
if engine_answers; then
    say "an engine already answers; not starting dockerd"
else
    running=$(dockerd_pid)
    if [ -n "$running" ]; then
        # A dockerd is there but not answering yet (still starting, or wedged): wait for it
        # rather than starting a second one on the same data root.
        say "dockerd (pid $running) is running but does not answer yet; waiting up to ${WAIT}s"
        STARTED_PID=$running
        rc=0; wait_for_engine || rc=$?
        case "$rc" in
            0) ;;
            1) say "dockerd pid $running exited; starting a new one"; need_start=1 ;;
            *) die "dockerd pid $running never answered within ${WAIT}s; see $LOG (stop it and rerun)" ;;
        esac
    else
        need_start=1
    fi
fi
if [ "$need_start" = 1 ]; then
    clean_stale_pidfiles
    driver=$(probe_storage_driver)
    net=$(probe_network_mode)
    say "cgroups: $(if [ -e /sys/fs/cgroup/cgroup.controllers ]; then echo v2; else echo v1/hybrid; fi); storage driver: $driver; network: $net"
    STARTED_PID=
    log_mark=$(wc -l <"$LOG" 2>/dev/null || echo 0)
    start_dockerd "$driver" "$net"
    rc=0; wait_for_engine || rc=$?
    if [ "$rc" = 1 ]; then
        # dockerd exited. One retry: with vfs if it was the storage driver that failed,
        # else with the same flags (e.g. after a stale containerd from a killed engine).
        errors=$(tail -n +"$((log_mark + 1))" "$LOG" | grep -E 'level=(error|fatal)|^failed' | tail -5 || true)
        printf '%s\n' "$errors" | sed 's/^/    /'
        if [ "$driver" = overlay2 ] && [ -z "${PIPEWRIGHT_DOCKER_STORAGE_DRIVER:-}" ] \
           && printf '%s\n' "$errors" | grep -qiE 'overlay|graphdriver|storage.driver'; then
            driver=vfs
        fi
        say "dockerd exited during start-up; retrying once with storage driver $driver"
        sleep 2
        clean_stale_pidfiles
        start_dockerd "$driver" "$net"
        rc=0; wait_for_engine || rc=$?
    fi
    case "$rc" in
        0) ;;
        1) tail -30 "$LOG" >&2; die "dockerd exited during start-up; last lines of $LOG above" ;;
        *) tail -30 "$LOG" >&2; die "dockerd (pid $STARTED_PID) did not answer 'docker info' within ${WAIT}s; see $LOG" ;;
    esac
fi
say "engine up: server $(docker version --format '{{.Server.Version}} (API {{.Server.APIVersion}})' 2>/dev/null), storage $(docker info --format '{{.Driver}}' 2>/dev/null)"

# ---------------------------------------------------------------- 3. image
# The image is the static busybox at /bin/busybox plus one absolute symlink per applet
# (bin/sh, bin/ls, usr/bin/env, ...), made here rather than with `busybox --install -s`,
# which would link to the path of the busybox it runs as (the build context's path).
bb_sum=$(sha256sum "$BUSYBOX" | cut -d' ' -f1)
have_sum=$(docker image inspect --format '{{ index .Config.Labels "org.pipewright.busybox-sha256" }}' "$IMAGE" 2>/dev/null || true)
if [ "$have_sum" = "$bb_sum" ]; then
    say "$IMAGE is up to date (busybox sha256 ${bb_sum:0:12})"
else
    say "building $IMAGE from $BUSYBOX"
    ctx=$(mktemp -d /tmp/pipewright-busybox-ctx.XXXXXX)
    mkdir -p "$ctx/rootfs/bin" "$ctx/rootfs/tmp" "$ctx/rootfs/etc" "$ctx/rootfs/root"
    cp "$BUSYBOX" "$ctx/rootfs/bin/busybox"
    chmod 1777 "$ctx/rootfs/tmp"
    for applet in $("$BUSYBOX" --list-full); do
        case "$applet" in bin/busybox|linuxrc) continue ;; esac
        mkdir -p "$ctx/rootfs/$(dirname "$applet")"
        ln -sf /bin/busybox "$ctx/rootfs/$applet"
    done
    printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$ctx/rootfs/etc/passwd"
    printf 'root:x:0:\nnogroup:x:65534:\n' >"$ctx/rootfs/etc/group"
    cat >"$ctx/Dockerfile" <<EOF
FROM scratch
COPY rootfs/ /
LABEL org.pipewright.busybox-sha256="$bb_sum"
ENV PATH=/usr/sbin:/usr/bin:/sbin:/bin
CMD ["sh"]
EOF
    timeout 300 docker build -q -t "$IMAGE" "$ctx" >/dev/null 2>"$ctx/build.err" \
        || { cat "$ctx/build.err" >&2; die "docker build of $IMAGE failed"; }
    rm -rf "$ctx"
    say "built $IMAGE"
fi

# ---------------------------------------------------------------- 4. smoke tests
out=$(timeout 60 docker run --rm "$IMAGE" sh -c 'echo hi') || die "docker run $IMAGE failed"
[ "$out" = hi ] || die "docker run $IMAGE printed '$out', expected 'hi'"
# `which` finds executables only (not ash builtins): the applet symlinks are there.
timeout 60 docker run --rm "$IMAGE" sh -c \
    'for c in sh echo sleep cat test ls; do which "$c" >/dev/null || { echo "no $c"; exit 1; }; done' \
    || die "applets missing in $IMAGE"

sctx=$(mktemp -d /tmp/pipewright-smoke-ctx.XXXXXX)
cat >"$sctx/Dockerfile" <<EOF
FROM $IMAGE
RUN echo built-by-run > /smoke.txt && ls /bin >/dev/null && sleep 0
CMD ["cat", "/smoke.txt"]
EOF
timeout 120 docker build -q --no-cache -t "$SMOKE_IMAGE" "$sctx" >/dev/null 2>"$sctx/build.err" \
    || { cat "$sctx/build.err" >&2; die "docker build with a RUN step failed"; }
out=$(timeout 60 docker run --rm "$SMOKE_IMAGE") || die "docker run $SMOKE_IMAGE failed"
[ "$out" = built-by-run ] || die "RUN step smoke test printed '$out'"
docker rmi -f "$SMOKE_IMAGE" >/dev/null 2>&1 || true
rm -rf "$sctx"

say "ok: docker run and docker build (RUN step) work; default container network: $(docker network ls --format '{{.Name}}' | grep -qx bridge && echo bridge || echo none)"
