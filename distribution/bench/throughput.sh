#!/usr/bin/env bash
# One TCP stream's throughput through urelay, HAProxy and socat, and without a relay, in one run.
#
# Namespaces made here and removed on exit:
#   client  - iperf3's client. 198.51.100.7 is local here (a local route), so a connection to it
#             is taken by urelay's listener, which lives in this namespace; 192.0.2.1 (the relay
#             host) and 198.51.100.8 (the server's second address) are reached over a veth pair.
#   relay   - runs urelay, HAProxy and socat; forwards plain IP for the no-relay baseline.
#   server  - iperf3's server on 198.51.100.7 and 198.51.100.8.
# urelay's path skips the client-relay veth pair that the others cross; a veth hop is a
# memory copy in the kernel, small beside a relay, but say so when quoting the figures.
# Runs alternate A B C D, several rounds, so a noisy machine's drift hits all alike; prints
# Gbit/s per run and the median per relay; HAProxy runs twice, plain and with splice-auto. Needs root, iperf3, haproxy, socat and the image
# (distribution/target/urelay). Sends nothing outside its own namespaces.
set -euo pipefail

rounds=${ROUNDS:-3}
seconds=${RUN_SECONDS:-5}
here=$(cd "$(dirname "$0")" && pwd)
image=${URELAY_IMAGE:-$here/../target/urelay}
tag=ub$$
client=$tag-client relay=$tag-relay server=$tag-server
work=$(mktemp -d)
pids=()

cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    for ns in "$client" "$relay" "$server"; do ip netns del "$ns" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

for ns in "$client" "$relay" "$server"; do
    ip netns add "$ns"
    ip -n "$ns" link set lo up
done
ip link add "$tag-c" netns "$client" type veth peer name "$tag-rc" netns "$relay"
ip link add "$tag-s" netns "$server" type veth peer name "$tag-rs" netns "$relay"
ip -n "$client" addr add 192.0.2.2/24 dev "$tag-c"
ip -n "$relay" addr add 192.0.2.1/24 dev "$tag-rc"
ip -n "$relay" addr add 198.51.100.1/24 dev "$tag-rs"
ip -n "$server" addr add 198.51.100.7/24 dev "$tag-s"
ip -n "$server" addr add 198.51.100.8/24 dev "$tag-s"
for link in "$client:$tag-c" "$relay:$tag-rc" "$relay:$tag-rs" "$server:$tag-s"; do
    ip -n "${link%%:*}" link set "${link#*:}" up
done
ip -n "$client" route add default via 192.0.2.1
ip -n "$client" route add local 198.51.100.7/32 dev lo
ip -n "$server" route add default via 198.51.100.1
ip netns exec "$relay" sysctl -qw net.ipv4.ip_forward=1

ip netns exec "$server" iperf3 -s -p 5201 >/dev/null 2>&1 & pids+=($!)

cat > "$work/urelay.yaml" <<YAML
listeners:
  - name: bench
    source: { type: transparent, netns: /run/netns/$client, address: "0.0.0.0", ports: [5201] }
    routes: [ { sink: out } ]
sinks:
  out: { type: direct }
audit: { format: plain }
log: { level: warning }
YAML
ip netns exec "$relay" "$image/bin/urelay" run --config "$work/urelay.yaml" >/dev/null 2>"$work/urelay.err" & pids+=($!)

cat > "$work/haproxy.cfg" <<CFG
global
    maxconn 1000
defaults
    mode tcp
    timeout connect 5s
    timeout client 60s
    timeout server 60s
listen bench
    bind 192.0.2.1:5202
    server s 198.51.100.7:5201
listen bench-splice
    bind 192.0.2.1:5204
    option splice-auto
    server s 198.51.100.7:5201
CFG
ip netns exec "$relay" haproxy -f "$work/haproxy.cfg" -db >/dev/null 2>&1 & pids+=($!)
ip netns exec "$relay" socat TCP-LISTEN:5203,bind=192.0.2.1,reuseaddr,fork TCP:198.51.100.7:5201 \
    >/dev/null 2>&1 & pids+=($!)

# Wait, bounded, until every path answers.
for target in 198.51.100.7:5201 192.0.2.1:5202 192.0.2.1:5203 192.0.2.1:5204 198.51.100.8:5201; do
    for _ in $(seq 50); do
        ip netns exec "$client" bash -c "exec 3<>/dev/tcp/${target%:*}/${target#*:}" 2>/dev/null && break
        sleep 0.2
    done
done

declare -A runs
paths=("none 198.51.100.8 5201" "urelay 198.51.100.7 5201" "haproxy 192.0.2.1 5202"
    "haproxy-splice 192.0.2.1 5204" "socat 192.0.2.1 5203")
for round in $(seq "$rounds"); do
    for path in "${paths[@]}"; do
        set -- $path
        bps=$(ip netns exec "$client" iperf3 -c "$2" -p "$3" -t "$seconds" -J \
            | grep -o '"bits_per_second":[[:space:]]*[0-9.e+]*' | tail -1 | grep -o '[0-9.e+]*$')
        gbit=$(awk -v b="$bps" 'BEGIN { printf "%.2f", b / 1e9 }')
        runs[$1]="${runs[$1]:-} $gbit"
        echo "round $round $1 $gbit Gbit/s"
    done
done

median() { tr ' ' '\n' | grep . | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
echo "median Gbit/s over $rounds runs of ${seconds}s:"
for name in none urelay haproxy haproxy-splice socat; do
    echo "  $name $(echo "${runs[$name]}" | median)"
done
