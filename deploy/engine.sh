#!/usr/bin/env bash
# `deploy/engine.sh run CMD...`: CMD with a Docker engine answering.
#
# What `make test-deploy` runs its steps under. Installs Debian's docker.io, docker-compose and
# mmdebstrap when one is missing (they stay installed), starts dockerd when none answers and
# stops it afterwards, with everything it ran (its images stay in /var/lib/docker, so the next
# run builds less), and prints how long the engine took to answer. An engine that was already
# running is used and left running.
set -euo pipefail
# dockerd, and the iptables it calls, live in sbin, which a CI's PATH may leave out.
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"

if [[ "${1:-}" != "run" || $# -lt 2 ]]; then
    echo "usage: deploy/engine.sh run CMD..." >&2
    exit 2
fi
shift

as_root=()
if [[ "$(id -u)" -ne 0 ]]; then
    as_root=(sudo)
fi

missing=()
command -v docker >/dev/null || missing+=(docker.io)
command -v dockerd >/dev/null || missing+=(docker.io)
command -v docker-compose >/dev/null || missing+=(docker-compose)
command -v mmdebstrap >/dev/null || missing+=(mmdebstrap)
if [[ ${#missing[@]} -gt 0 ]]; then
    echo "engine: installing ${missing[*]} (Debian's packages)"
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
        --no-install-recommends "${missing[@]}" >/dev/null
fi

started=""
log="${TMPDIR:-/tmp}/qcdc-dockerd.log"
stop_engine() {
    local code=$?
    if [[ -n "$started" ]]; then
        echo "engine: stopping the dockerd this run started (pid $started)"
        "${as_root[@]}" kill -TERM "$started" 2>/dev/null || true
        for _ in $(seq 1 60); do
            "${as_root[@]}" kill -0 "$started" 2>/dev/null || break
            sleep 0.5
        done
        # Its containers had 30 s to stop; an engine still up now would outlive the run.
        "${as_root[@]}" kill -KILL "$started" 2>/dev/null || true
    fi
    exit "$code"
}
trap stop_engine EXIT

if ! docker info >/dev/null 2>&1; then
    begun=$(date +%s%N)
    "${as_root[@]}" dockerd >"$log" 2>&1 &
    started=$!
    for _ in $(seq 1 120); do
        docker info >/dev/null 2>&1 && break
        if ! "${as_root[@]}" kill -0 "$started" 2>/dev/null; then
            echo "engine: dockerd exited; its log ($log):" >&2
            tail -20 "$log" >&2
            started=""
            exit 1
        fi
        sleep 0.5
    done
    docker info >/dev/null 2>&1 || { echo "engine: dockerd did not answer in 60 s" >&2; exit 1; }
    echo "engine: dockerd answered in $(( ($(date +%s%N) - begun) / 1000000 )) ms"
else
    echo "engine: a Docker engine already answers; it is left running"
fi

"$@"
