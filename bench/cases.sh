#!/usr/bin/env bash
# Casework figures of issue 4 (p95 ≤ 50 ms each): a counsellor's case list in an office with
# CASES cases and opening a case with 200 timeline entries. In process (SichtbarBench cases, which
# builds the office in FOLDER), then over HTTP: the release binary serves FOLDER on 127.0.0.1:PORT,
# the counsellor logs in, and wrk (one connection, DURATION seconds each) GETs the same pages.
# bench/run.sh runs it; alone: bash bench/cases.sh [FOLDER] [CASES] [SAMPLES] [DURATION] [PORT]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${SICHTBAR_BIN:-.build/release/sichtbar}
BENCH=.build/release/SichtbarBench
scratch=""
if [ -n "${1:-}" ]; then folder=$1; else scratch=$(mktemp -d); folder="$scratch/cases"; fi
CASES=${2:-100000}
SAMPLES=${3:-200}
DURATION=${4:-10}
PORT=${5:-18081}
server=""
cleanup() {
  if [ -n "$server" ]; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  if [ -n "$scratch" ]; then rm -rf "$scratch"; fi
}
trap cleanup EXIT

# CASES_DATABASE=postgres://…: the office FOLDER already holds (seeded by an earlier run) is
# copied into that PostgreSQL database with `sichtbar store copy` (timed), and served from there.
database=()
if [ -n "${CASES_DATABASE:-}" ]; then
  echo "== casework on PostgreSQL: the office of $CASES cases copied there (store copy, release) =="
  start=$(date +%s%N)
  "$BIN" store copy --data "$folder" --from "$folder/sichtbar.sqlite" --to "$CASES_DATABASE" --json >"$folder/copy.json"
  end=$(date +%s%N)
  awk -v s="$start" -v e="$end" -v j="$(cat "$folder/copy.json")" \
    'BEGIN {printf "| %-45s | %8.1f s | %s |\n", "store copy SQLite -> PostgreSQL, verified", (e - s) / 1e9, j}'
  database=(--database "$CASES_DATABASE")
else
  echo "== casework: office with $CASES cases (in process, release) =="
  "$BENCH" cases --cases-data "$folder" --list-cases "$CASES" --samples "$SAMPLES"
fi

# The seed leaves its pages in SQLite's write-ahead log; copied into the database here, before the
# server starts, rather than by the server's background checkpointer during the first rows (which
# made every write wait for the disk for about ten seconds: docs/benchmark.md, issue 18).
if [ -z "${CASES_DATABASE:-}" ] && command -v sqlite3 >/dev/null; then
  sqlite3 "$folder/sichtbar.sqlite" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
fi
# No background jobs: the audit flush and the retention run start with the server and would share
# the first rows' seconds (they are measured on their own: the lifecycle rows below).
"$BIN" serve --data "$folder" "${database[@]}" --port "$PORT" --metrics-port 0 --log-level warning --no-background-jobs >"$folder/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
note=$(cat "$folder/bench-cases.json")
field() { echo "$note" | grep -o "\"$1\": \"[^\"]*\"" | cut -d'"' -f4; }
login=$(curl -s -H 'Content-Type: application/json' \
  --data "{\"username\":\"$(field username)\",\"passphrase\":\"$(field passphrase)\"}" "http://127.0.0.1:$PORT/api/v1/sessions")
token=$(echo "$login" | grep -o '"token":"[^"]*"' | cut -d'"' -f4)
[ -n "$token" ] || { echo "the counsellor's login failed: $login" >&2; exit 1; }

# GET PATH with the credential in BENCH_HEADER_NAME/VALUE for DURATION seconds on one connection.
measure() { wrk -t1 -c1 -d"${DURATION}s" --latency -s bench/get.lua "http://127.0.0.1:$PORT$1" | grep '^RESULT'; }
value() { echo "$1" | tr ' ' '\n' | awk -F= -v k="$2" '$1==k {print $2}'; }
row() {
  local result
  result=$(measure "$2")
  # The issue 18 summary (bench/run.sh) takes the first-page list row.
  if [ -n "${FIGURES:-}" ] && [ "$2" = /api/v1/cases ]; then
    echo "case_list_${CASES_ENGINE:-sqlite} $(value "$result" p95_ms) $(value "$result" errors)" >>"$FIGURES"
  fi
  printf "| %-62s | %8s | %7s | %7s | %7s | %6s | %-8s |\n" "$1" "$(value "$result" requests)" "$(value "$result" p50_ms)" \
    "$(value "$result" p95_ms)" "$(value "$result" p99_ms)" "$(value "$result" errors)" "p95 ≤ 50"
}

# The counsellors' HTML pages, with the session cookie of the login form (as a browser gets it).
cases_page_row() {
  local form login_token cookie
  form=$(curl -s "http://127.0.0.1:$PORT/login?lang=de")
  login_token=$(echo "$form" | grep -o 'name="token" value="[^"]*"' | head -1 | cut -d'"' -f4)
  cookie=$(curl -s -o /dev/null -D - -H 'Sec-Fetch-Site: same-origin' --data-urlencode "token=$login_token" \
    --data-urlencode "username=$(field username)" --data-urlencode "passphrase=$(field passphrase)" \
    "http://127.0.0.1:$PORT/login?lang=de" | tr -d '\r' | grep -i '^set-cookie: __Host-' | sed 's/^[Ss]et-[Cc]ookie: //; s/;.*//')
  [ -n "$cookie" ] || { echo "the counsellor's page login failed" >&2; return 1; }
  export BENCH_HEADER_NAME=Cookie BENCH_HEADER_VALUE="$cookie"
  row "GET /cases (HTML, first page of 50)" "/cases?lang=de"
  row "GET /cases?step=intervention&assigned=mine&due=overdue (HTML)" "/cases?lang=de&step=intervention&assigned=mine&due=overdue"
  row "GET /cases?q=antisemitismus (HTML, category code)" "/cases?lang=de&q=antisemitismus"
  row "GET /cases/{id} (HTML, 200 timeline entries)" "/cases/$(field case)?lang=de"
}

# Warm-up, not recorded: a server started on a freshly seeded office first checkpoints the seed's
# write-ahead log and reads its pages into the cache; the rows measure the steady state.
export BENCH_HEADER_NAME=Authorization BENCH_HEADER_VALUE="Bearer $token"
wrk -t1 -c1 -d3s -s bench/get.lua "http://127.0.0.1:$PORT/api/v1/cases" >/dev/null 2>&1 || true

echo
echo "== casework over HTTP (release binary, wrk with 1 connection, ${DURATION}s each) =="
printf "| %-62s | %8s | %7s | %7s | %7s | %6s | %-8s |\n" "over HTTP, as the counsellor" "requests" "p50 ms" "p95 ms" "p99 ms" "errors" "target"
printf "|%s|%s|%s|%s|%s|%s|%s|\n" "----------------------------------------------------------------" "----------" "---------" "---------" \
  "---------" "--------" "----------"
export BENCH_HEADER_NAME=Authorization BENCH_HEADER_VALUE="Bearer $token"
row "GET /api/v1/cases (first page, 100)" "/api/v1/cases"
row "GET /api/v1/cases?step=intervention&assigned=mine&due=overdue" "/api/v1/cases?step=intervention&assigned=mine&due=overdue"
row "GET /api/v1/cases?due=soon" "/api/v1/cases?due=soon"
row "GET /api/v1/cases?q=antisemitismus (category code)" "/api/v1/cases?q=antisemitismus"
row "GET /api/v1/cases/{id} (200 timeline entries)" "/api/v1/cases/$(field case)"
cases_page_row


# Backup, restore and retention below copy the SQLite file: not for the PostgreSQL run.
[ -z "${CASES_DATABASE:-}" ] || exit 0

# The data lifecycle (issue 16) on the same office: a backup taken while the server runs, its
# restore into a fresh folder (decrypt, integrity check, every audit chain verified), and the
# retention run over the restored copy (so the benchmark office stays as it is).
echo
echo "== data lifecycle: office with $CASES cases (release binary) =="
lifecycle="$folder.lifecycle"
rm -rf "$lifecycle"
mkdir -p "$lifecycle"
"$BIN" backup key --data "$folder" --out "$lifecycle/backup.key" >/dev/null
seconds() { awk -v s="$1" -v e="$2" 'BEGIN {printf "%.2f", (e - s) / 1e9}'; }
printf "| %-45s | %8s | %-40s |\n" "step" "seconds" "result"
printf "|%s|%s|%s|\n" "-----------------------------------------------" "----------" "------------------------------------------"
start=$(date +%s%N)
"$BIN" backup --data "$folder" --out "$lifecycle/office.backup" --json >"$lifecycle/backup.json"
end=$(date +%s%N)
size=$(stat -c %s "$lifecycle/office.backup")
dbsize=$(stat -c %s "$folder/sichtbar.sqlite")
printf "| %-45s | %8s | %-40s |\n" "backup (online, encrypted)" "$(seconds "$start" "$end")" \
  "$((size / 1048576)) MiB file, database $((dbsize / 1048576)) MiB"
start=$(date +%s%N)
"$BIN" restore --from "$lifecycle/office.backup" --key "$lifecycle/backup.key" --data "$lifecycle/restored" --json >"$lifecycle/restore.json"
end=$(date +%s%N)
printf "| %-45s | %8s | %-40s |\n" "restore (decrypt, integrity, audit verify)" "$(seconds "$start" "$end")" \
  "$(grep -o '"cases":[0-9]*' "$lifecycle/restore.json") $(grep -o '"events":[0-9]*' "$lifecycle/restore.json")"
start=$(date +%s%N)
"$BIN" retention run --data "$lifecycle/restored" --dry-run --json >"$lifecycle/dry.json"
end=$(date +%s%N)
printf "| %-45s | %8s | %-40s |\n" "retention run --dry-run" "$(seconds "$start" "$end")" "$(grep -o '"due":{[^}]*}' "$lifecycle/dry.json")"
start=$(date +%s%N)
"$BIN" retention run --data "$lifecycle/restored" --json >"$lifecycle/run.json"
end=$(date +%s%N)
printf "| %-45s | %8s | %-40s |\n" "retention run (shredding what is due)" "$(seconds "$start" "$end")" \
  "$(grep -o '"shredded":{[^}]*}' "$lifecycle/run.json")"
rm -rf "$lifecycle"
