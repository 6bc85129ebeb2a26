#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# urelay in three network namespaces, made here and removed on exit:
#
#   urelay-demo       the "private" network: every address is local, nothing is wired out
#   urelay-demo-host  where urelay runs; its listener lives in urelay-demo
#   urelay-demo-web   a web server on 198.51.100.7, reachable from urelay-demo-host only
#
# curl in urelay-demo asks for http://198.51.100.7/; urelay accepts the connection there,
# reads where it was going and connects to it from urelay-demo-host. The machine's own
# network namespace is never changed.
#
# Usage, as root:  distribution/demo/demo.sh    (build the image first, see README.md)
set -euo pipefail

readonly PRIVATE=urelay-demo
readonly HOST=urelay-demo-host
readonly WEB=urelay-demo-web
readonly WEB_V4=198.51.100.7
readonly WAIT_ROUNDS=100   # times 0.2 s: give each start-up at most 20 s

demo_dir=$(cd "$(dirname "$0")" && pwd)
image=${URELAY_IMAGE:-$demo_dir/../target/urelay}
config=$demo_dir/urelay-demo.yaml
java_home=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}

fail() {
    echo "demo: $*" >&2
    exit 1
}

[[ $(id -u) -eq 0 ]] || fail "run as root: it creates network namespaces"
[[ -x $image/bin/urelay ]] || fail "no urelay image at $image; build it first:
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; mvn -B -DskipTests package"
for ns in "$PRIVATE" "$HOST" "$WEB"; do
    [[ ! -e /run/netns/$ns ]] || fail "namespace $ns exists already (an earlier demo?);
  look at it, then remove it with: ip netns del $ns"
done

work=$(mktemp -d /tmp/urelay-demo.XXXXXX)
pids=()
namespaces=()

cleanup() {
    local pid ns
    for pid in "${pids[@]}"; do
        kill "$pid" 2> /dev/null || true
        wait "$pid" 2> /dev/null || true
    done
    for ns in "${namespaces[@]}"; do
        ip netns del "$ns" 2> /dev/null || true
    done
    rm -rf -- "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# wait_for DESCRIPTION COMMAND...: runs COMMAND every 0.2 s until it succeeds, bounded.
wait_for() {
    local what=$1 round
    shift
    for ((round = 0; round < WAIT_ROUNDS; round++)); do
        if "$@" > /dev/null 2>&1; then
            return 0
        fi
        sleep 0.2
    done
    fail "gave up waiting for $what"
}

# listening NS PORT: something in NS listens on TCP PORT.
listening() {
    ip netns exec "$1" ss -H -l -t -n "sport = :$2" | grep -q .
}

echo "== namespaces"
for ns in "$PRIVATE" "$HOST" "$WEB"; do
    ip netns add "$ns"
    namespaces+=("$ns")
    ip -n "$ns" link set lo up
done
# In the private namespace every address is local, so a socket listening on [::]:80
# there accepts connections to any address on port 80.
ip -n "$PRIVATE" route add local 0.0.0.0/0 dev lo table main
ip -n "$PRIVATE" -6 route add local ::/0 dev lo table main

ip -n "$HOST" link add demo-host type veth peer name demo-web netns "$WEB"
ip -n "$HOST" address add 198.51.100.1/24 dev demo-host
ip -n "$HOST" -6 address add 2001:db8:100::1/64 dev demo-host nodad
ip -n "$WEB" address add "$WEB_V4/24" dev demo-web
ip -n "$WEB" -6 address add 2001:db8:100::7/64 dev demo-web nodad
ip -n "$HOST" link set demo-host up
ip -n "$WEB" link set demo-web up
echo "$PRIVATE (local routes), $HOST 198.51.100.1 <-veth-> $WEB $WEB_V4"

echo "== web server in $WEB"
mkdir -p "$work/www"
echo "Hello from $WEB ($WEB_V4), carried by urelay." > "$work/www/index.html"
if [[ -x $java_home/bin/jwebserver ]]; then
    ip netns exec "$WEB" "$java_home/bin/jwebserver" -b "$WEB_V4" -p 80 -d "$work/www" \
        > "$work/web.log" 2>&1 &
elif command -v nginx > /dev/null; then
    cat > "$work/nginx.conf" <<NGINX
daemon off;
user root root;
pid $work/nginx.pid;
error_log $work/web.log;
events { }
http {
    access_log off;
    client_body_temp_path $work/body;
    server { listen $WEB_V4:80; root $work/www; }
}
NGINX
    ip netns exec "$WEB" nginx -p "$work" -c "$work/nginx.conf" -e "$work/web.log" &
else
    fail "no web server: need jwebserver in $java_home/bin (set JAVA_HOME) or nginx"
fi
pids+=($!)
wait_for "the web server" listening "$WEB" 80

echo "== urelay in $HOST, listening in $PRIVATE"
ip netns exec "$HOST" "$image/bin/urelay" run --config "$config" \
    > "$work/audit.log" 2> "$work/urelay.log" &
urelay_pid=$!
pids+=("$urelay_pid")
for ((round = 0; ; round++)); do
    if listening "$PRIVATE" 80; then
        break
    fi
    if ! kill -0 "$urelay_pid" 2> /dev/null || ((round >= WAIT_ROUNDS)); then
        cat "$work/urelay.log" >&2
        fail "urelay did not start listening in $PRIVATE; its log is above"
    fi
    sleep 0.2
done

echo "== curl http://$WEB_V4/ from $PRIVATE"
if ! ip netns exec "$PRIVATE" curl -q --silent --show-error --noproxy '*' --max-time 10 \
    "http://$WEB_V4/"; then
    echo "demo: curl failed; urelay's log:" >&2
    cat "$work/urelay.log" >&2
    exit 1
fi

echo "== audit line (urelay's stdout)"
if ! (wait_for "the audit line" test -s "$work/audit.log"); then
    cat "$work/urelay.log" >&2
    exit 1
fi
cat "$work/audit.log"
echo "== done; removing the namespaces"
