#!/usr/bin/env bash
# The intake benchmark: in-process sealing and durable storage, then HTTP intake with wrk at 1 and
# 16 connections against the release binary on 127.0.0.1, plus idle and loaded resident memory.
# Bounded: each wrk run lasts DURATION seconds; everything stops by itself.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/release/sichtbar
DURATION=${DURATION:-10}
PORT=${PORT:-18080}
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT

echo "== in process (release) =="
.build/release/SichtbarBench | tee "$work/inprocess.txt"

"$BIN" demo --data "$work/data" --reports 0 --port "$PORT" --metrics-port 0 --log-level warning \
  --intake-per-address 0 --intake-global 0 >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
sleep 2
rss() { awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$server/status"; }
idle=$(rss)

run() { wrk -t"$1" -c"$2" -d"${DURATION}s" --latency -s bench/report.lua "http://127.0.0.1:$PORT/api/v1/reports" | grep '^RESULT'; }
one=$(run 1 1)
sixteen=$(run 2 16)
loaded=$(rss)
field() { echo "$1" | tr ' ' '\n' | awk -F= -v k="$2" '$1==k {print $2}'; }
rate() { awk -v r="$(field "$1" requests)" -v s="$(field "$1" seconds)" 'BEGIN {printf "%.0f", r/s}'; }

echo
echo "== HTTP intake, durable (synchronous=FULL, group commit), wrk on the same 2 cores, ${DURATION}s each =="
printf "| %-28s | %10s | %8s | %8s | %6s |\n" "run" "reports/s" "p50 ms" "p99 ms" "errors"
printf "|%s|%s|%s|%s|%s|\n" "------------------------------" "------------" "----------" "----------" "--------"
for name in one sixteen; do
  line=${!name}
  label=$([ "$name" = one ] && echo "1 connection" || echo "16 connections")
  printf "| %-28s | %10s | %8s | %8s | %6s |\n" "$label" "$(rate "$line")" "$(field "$line" p50_ms)" "$(field "$line" p99_ms)" "$(field "$line" errors)"
done
echo
printf "| %-28s | %10s |\n" "resident memory" "MB"
printf "|%s|%s|\n" "------------------------------" "------------"
printf "| %-28s | %10s |\n" "idle (after start)" "$idle"
printf "| %-28s | %10s |\n" "loaded (after the 16-way run)" "$loaded"
stored=$(sqlite3 "$work/data/sichtbar.sqlite" 'SELECT count(*) FROM case_file' 2>/dev/null || echo "?")
echo
echo "reports stored: $stored"
