#!/usr/bin/env bash
# Load on `twitchcheck serve`: an order-select call (one draft order, a 10-medication prefetch)
# from wrk over loopback (one thread, so the load generator takes one core of two at most), 50
# connections; then memory over REQUESTS requests.
#
#   Benchmarks/serve_load.sh [REQUESTS]      (default: 100000)
#
# Needs: a release build of the server (`swift build -c release --product twitchcheck-serve`)
# and wrk (`apt-get install wrk`). Prints:
#   - throughput and p50/p99 latency of three 10-second rounds at 50 connections (after a warm-up),
#     and the server's processor time per request;
#   - the server's RSS (VmRSS in /proc/PID/status) before any request, after the first 5-second
#     round that brings the count to 10,000 and after REQUESTS, and the growth from there on.
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-100000}
server=${TWITCHCHECK_SERVE:-.build/release/twitchcheck-serve}   # or a server built elsewhere
[ -x "$server" ] || { echo "serve_load.sh: build the server first: swift build -c release --product twitchcheck-serve" >&2; exit 2; }
command -v wrk >/dev/null || { echo "serve_load.sh: wrk is missing; apt-get install wrk" >&2; exit 2; }

work=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
export XDG_DATA_HOME="$work/data"
"$server" --port "$port" 2> "$work/server.log" &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 600); do curl -sf "http://127.0.0.1:$port/cds-services" >/dev/null && break; sleep 0.1; done

python3 - "$work/body.json" <<'PY'
import json, sys
current = ["sertraline 50 mg", "lithium 300 mg", "metformin 500 mg", "lisinopril 10 mg", "atorvastatin 20 mg",
           "levothyroxine 50 mcg", "omeprazole 20 mg", "amlodipine 5 mg", "albuterol inhaler", "quetiapine 25 mg"]
def order(i, name, status):
    return {"resource": {"resourceType": "MedicationRequest", "id": f"m{i}", "status": status, "intent": "order",
                         "subject": {"reference": "Patient/p1"}, "medicationCodeableConcept": {"text": name}}}
body = {"hook": "order-select", "hookInstance": "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
        "context": {"userId": "Practitioner/1", "patientId": "p1", "selections": ["MedicationRequest/mdraft"],
                    "draftOrders": {"resourceType": "Bundle", "type": "collection", "entry": [order("draft", "tramadol 50 mg", "draft")]}},
        "prefetch": {"medications": {"resourceType": "Bundle", "type": "searchset",
                                     "entry": [order(i, n, "active") for i, n in enumerate(current)]}}}
open(sys.argv[1], "w").write(json.dumps(body))
PY
cat > "$work/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("$work/body.json"); wrk.body = f:read("*a"); f:close()
done = function(summary, latency, requests)
  io.write(string.format("requests=%d errors=%d throughput=%.0f/s p50=%.2fms p99=%.2fms\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
LUA
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$pid/status"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
url="http://127.0.0.1:$port/cds-services/twitchcheck-order-select"
curl -sf -X POST -H 'Content-Type: application/json' --data @"$work/body.json" "$url" > "$work/cards.json"
echo "cards per call: $(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["cards"]))' "$work/cards.json")"

# Latency: a warm-up, then three rounds.
wrk -t1 -c50 -d5s -s "$work/post.lua" "$url" > /dev/null
for _ in 1 2 3; do
    ticks=$(cpu_ticks)
    line=$(wrk -t1 -c50 -d10s -s "$work/post.lua" "$url" | grep '^requests=')
    made=$(echo "$line" | sed 's/requests=\([0-9]*\).*/\1/')
    echo "$line server_cpu_per_request=$(awk -v t=$(( $(cpu_ticks) - ticks )) -v n="$made" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.3fms", t / hz * 1000 / n}')"
done

# Memory: a fresh server, then 5-second rounds until 10,000 and then REQUESTS requests were made.
kill "$pid"; wait "$pid" 2>/dev/null || true
"$server" --port "$port" 2> "$work/server.log" &
pid=$!
for _ in $(seq 600); do curl -sf "http://127.0.0.1:$port/cds-services" >/dev/null && break; sleep 0.1; done
rss_before=$(rss_kb)
made=0
rss_10k=
while [ "$made" -lt "$requests" ]; do
    made=$((made + $(wrk -t1 -c50 -d5s -s "$work/post.lua" "$url" | sed -n 's/^requests=\([0-9]*\).*/\1/p')))
    if [ -z "$rss_10k" ] && [ "$made" -ge 10000 ]; then rss_10k=$(rss_kb); made_10k=$made; fi
done
rss_end=$(rss_kb)
echo "rss_start=$((rss_before / 1024))MB rss_after_${made_10k}=$((rss_10k / 1024))MB rss_after_${made}=$((rss_end / 1024))MB growth_after_${made_10k}=$(( (rss_end - rss_10k) / 1024 ))MB ($(( rss_end - rss_10k )) kB)"
