#!/usr/bin/env bash
# The PostgreSQL rows of issue 18, run by bench/run.sh inside `.ci/postgres run --` (a throw-away
# PostgreSQL 15 on loopback, fsync on, SICHTBAR_TEST_POSTGRES its URL):
#   1. HTTP intake at 16 connections (wrk, DURATION seconds) against `serve --database`, as the
#      SQLite row is measured;
#   2. the case list of the office bench/cases.sh seeded in CASES_FOLDER, copied into PostgreSQL
#      with `sichtbar store copy` and served from there.
# Usage: bash bench/postgres.sh CASES_FOLDER CASES SAMPLES DURATION PORT
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${SICHTBAR_BIN:-.build/release/sichtbar}
folder=$1 CASES=$2 SAMPLES=$3 DURATION=$4 PORT=$5
: "${SICHTBAR_TEST_POSTGRES:?run inside .ci/postgres run --}"
work=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
schema() {
  psql -q "$SICHTBAR_TEST_POSTGRES" -c "CREATE SCHEMA $1" >/dev/null
  case "$SICHTBAR_TEST_POSTGRES" in
  *\?*) echo "$SICHTBAR_TEST_POSTGRES&schema=$1" ;;
  *) echo "$SICHTBAR_TEST_POSTGRES?schema=$1" ;;
  esac
}

intake=$(schema bench_intake)
passphrase="Kompass-Laterne-Ufer-77"
office=$(echo "$passphrase" | "$BIN" init --data "$work/data" --database "$intake" --office-name "ADA Bench" --admin lead.bench --json |
  grep -o '"office":"[^"]*"' | cut -d'"' -f4)
"$BIN" office fallback --data "$work/data" --database "$intake" --office "$office" >/dev/null
echo "$passphrase" | "$BIN" office profile --data "$work/data" --database "$intake" --office "$office" --as lead.bench \
  --controller "Träger e. V." --law dsgvo --dpo datenschutz@example.org >/dev/null
"$BIN" serve --data "$work/data" --database "$intake" --port "$PORT" --metrics-port 0 --log-level warning \
  --intake-per-address 0 --intake-global 0 >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
result=$(wrk -t2 -c16 -d"${DURATION}s" --latency -s bench/report.lua "http://127.0.0.1:$PORT/api/v1/reports" | grep '^RESULT')
field() { echo "$result" | tr ' ' '\n' | awk -F= -v k="$1" '$1==k {print $2}'; }
rate=$(awk -v r="$(field requests)" -v s="$(field seconds)" 'BEGIN {printf "%.0f", r/s}')
echo
echo "== HTTP intake on PostgreSQL (synchronous_commit on, group commit), wrk -t2 -c16, ${DURATION}s =="
printf "| %-35s | %9s | %8s | %8s | %6s |\n" "run" "reports/s" "p50 ms" "p99 ms" "errors"
printf "| %-35s | %9s | %8s | %8s | %6s |\n" "16 connections, PostgreSQL" "$rate" "$(field p50_ms)" "$(field p99_ms)" "$(field errors)"
stored=$(psql -tA "$SICHTBAR_TEST_POSTGRES" -c "SELECT count(*) FROM bench_intake.case_file")
echo "reports stored: $stored"
[ -z "${FIGURES:-}" ] || echo "intake_postgres $rate $(field p99_ms) $(field errors)" >>"$FIGURES"
kill "$server"
wait "$server" 2>/dev/null || true
server=""

echo
cases=$(schema bench_cases)
CASES_DATABASE=$cases CASES_ENGINE=postgres bash bench/cases.sh "$folder" "$CASES" "$SAMPLES" "$DURATION" "$PORT"
# The daily rewrite that erases PostgreSQL's arrival order, on that office.
echo
echo "store erase-order on the office of $CASES cases: $("$BIN" store erase-order --data "$folder" --database "$cases")"
