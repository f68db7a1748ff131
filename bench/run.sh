#!/usr/bin/env bash
# The benchmark. In process: intake (sealing, durable storage), member logins, an audit chain of a
# million events (built, then verified in process and by `sichtbar audit verify`), and the key
# rotation of an office with 100,000 cases. Then HTTP intake with wrk at 1 and 16 connections
# against the release binary on 127.0.0.1, idle and loaded resident memory, and the 16-connection
# intake window again while LOGINS concurrent logins hit POST /api/v1/sessions, followed by one
# more window without logins. Casework (issue 4): a counsellor's case list in an office with
# LIST_CASES cases and opening a case with 200 timeline entries, in process and over HTTP against
# the release binary serving that office. Statistics (issue 18): the office release tables over
# about 100,000 classified cases (STATS_CASES seeded, 70 % classified). Bounded: each wrk run lasts DURATION seconds (the login
# run two more); everything it starts stops by itself or is killed on exit. Smaller runs for
# trying it out: DURATION=3 AUDIT_EVENTS=100000 ROTATION_CASES=5000 LIST_CASES=10000 bash bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/release/sichtbar
BENCH=.build/release/SichtbarBench
DURATION=${DURATION:-10}
LOGINS=${LOGINS:-20}
AUDIT_EVENTS=${AUDIT_EVENTS:-1000000}
ROTATION_CASES=${ROTATION_CASES:-100000}
LIST_CASES=${LIST_CASES:-100000}
SAMPLES=${SAMPLES:-200}
STATS_CASES=${STATS_CASES:-143000}
PORT=${PORT:-18080}
work=$(mktemp -d)
# Figures for the closing table of issue 18 (bench/summary.sh), one "key value…" a line.
FIGURES="$work/figures"
export FIGURES
: >"$FIGURES"
server=""
logins=""
cleanup() {
  for pid in $logins $server; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

echo "== in process (release) =="
"$BENCH" intake login rotation --rotation-cases "$ROTATION_CASES" | tee "$work/inprocess.txt"
echo
# The audit chain is built in a data folder, so the command line verifies the very same chain with
# the key from server.secrets; its row (the whole process: start, key load, verification) closes
# the table.
"$BENCH" audit --audit-data "$work/audit" --audit-events "$AUDIT_EVENTS"
start=$(date +%s%N)
"$BIN" audit verify --data "$work/audit" >"$work/verify.txt"
end=$(date +%s%N)
events=$(awk '/: intact, / {print $(NF-1)}' "$work/verify.txt")
[ -n "$events" ] || { echo "audit verify did not report an intact chain:" >&2; cat "$work/verify.txt" >&2; exit 1; }
awk -v s="$start" -v e="$end" -v n="$events" \
  'BEGIN {t = (e - s) / 1e9; printf "| %-35s | %8.2f | %9.0f |\n", "audit verify, command line", t, n / t}'
rm -rf "$work/audit"

echo
# Statistics (issue 18): a lead computes the year's release tables over about 100,000 classified cases
# (target ≤ 1 s); the row names how many were counted, with p50, p95 and p99.
"$BENCH" stats --stats-cases "$STATS_CASES" --samples 20 | tee "$work/stats.txt"
awk -F'|' '/OfficeStatistics.tables/ {gsub(/ /, "", $3); gsub(/ /, "", $4); print "release", $3, $4}' "$work/stats.txt" >>"$FIGURES"

echo
# The Verband's merge of 50 signed office releases, and the suppression step on its own.
"$BENCH" merge suppression --samples 20 | tee "$work/merge.txt"
awk -F'|' '/open \+ verify \+ merge \+ protect \+ sign, year/ {gsub(/ /, "", $3); gsub(/ /, "", $4); print "merge", $3, $4}' \
  "$work/merge.txt" >>"$FIGURES"

echo
bash bench/cases.sh "$work/cases" "$LIST_CASES" "$SAMPLES" "$DURATION" "$((PORT + 1))"
# The same office on PostgreSQL (a throw-away cluster), and intake there (issue 18).
echo
bash .ci/postgres run -- bash bench/postgres.sh "$work/cases" "$LIST_CASES" "$SAMPLES" "$DURATION" "$((PORT + 2))"
rm -rf "$work/cases"

"$BIN" demo --json --data "$work/data" --reports 0 --cases 0 --tallies 0 --port "$PORT" --metrics-port 0 --log-level warning \
  --intake-per-address 0 --intake-global 0 >"$work/demo.json" 2>"$work/server.log" &
server=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
sleep 2
rss() { awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$server/status"; }
idle=$(rss)

# The first demo member of the first office (demo --json's first line), for the login run.
member=$(head -n 1 "$work/demo.json" | grep -o '"members":\[{[^}]*}' | head -n 1)
username=$(echo "$member" | grep -o '"username":"[^"]*"' | cut -d'"' -f4)
passphrase=$(echo "$member" | grep -o '"passphrase":"[^"]*"' | cut -d'"' -f4)
export LOGIN_BODY="{\"username\":\"$username\",\"passphrase\":\"$passphrase\"}"
# Every demo member, one JSON body a line: the login run cycles through them (one username is
# checked at a time, so a single member would be throttled rather than hashed).
LOGIN_BODIES=$(head -n 1 "$work/demo.json" | grep -o '"passphrase":"[^"]*","role":"[^"]*","username":"[^"]*"' |
  sed -E 's/"passphrase":"([^"]*)","role":"[^"]*","username":"([^"]*)"/{"username":"\2","passphrase":"\1"}/')
export LOGIN_BODIES
status=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' --data "$LOGIN_BODY" \
  "http://127.0.0.1:$PORT/api/v1/sessions")
[ "$status" = 201 ] || { echo "a login as $username answered $status, not 201" >&2; exit 1; }

run() { wrk -t"$1" -c"$2" -d"${DURATION}s" --latency -s bench/report.lua "http://127.0.0.1:$PORT/api/v1/reports" | grep '^RESULT'; }
one=$(run 1 1)
sixteen=$(run 2 16)
loaded=$(rss)
# Logins start a second early and end a second late, so they cover the whole intake window.
wrk -t1 -c"$LOGINS" -d"$((DURATION + 2))s" --timeout 30s --latency -s bench/login.lua \
  "http://127.0.0.1:$PORT/api/v1/sessions" >"$work/logins.txt" 2>&1 &
logins=$!
sleep 1
underlogins=$(run 2 16)
wait "$logins"
logins=""
loginresult=$(grep '^RESULT' "$work/logins.txt") || { echo "the login run failed:" >&2; cat "$work/logins.txt" >&2; exit 1; }
# wrk leaves up to LOGINS logins queued on the server's hashing pool; the pool is first in, first
# out, so one more login returns once they are done. Only then the memory and the next window.
curl -s -o /dev/null --max-time 60 -H 'Content-Type: application/json' --data "$LOGIN_BODY" "http://127.0.0.1:$PORT/api/v1/sessions"
peak=$(awk '/VmHWM/ {printf "%.1f", $2/1024}' "/proc/$server/status")
afterlogins=$(rss)
after=$(run 2 16)

field() { echo "$1" | tr ' ' '\n' | awk -F= -v k="$2" '$1==k {print $2}'; }
rate() { awk -v r="$(field "$1" "${2:-requests}")" -v s="$(field "$1" seconds)" 'BEGIN {printf "%.0f", r/s}'; }
row() { printf "| %-35s | %9s | %8s | %8s | %6s |\n" "$1" "$(rate "$2")" "$(field "$2" p50_ms)" "$(field "$2" p99_ms)" "$(field "$2" errors)"; }
echo "intake_sqlite $(rate "$sixteen") $(field "$sixteen" p99_ms) $(field "$sixteen" errors)" >>"$FIGURES"

echo
echo "== HTTP intake, durable (synchronous=FULL, group commit), wrk on the same 2 cores, ${DURATION}s each =="
printf "| %-35s | %9s | %8s | %8s | %6s |\n" "run" "reports/s" "p50 ms" "p99 ms" "errors"
printf "|%s|%s|%s|%s|%s|\n" "-------------------------------------" "-----------" "----------" "----------" "--------"
row "1 connection" "$one"
row "16 connections" "$sixteen"
echo
printf "| %-35s | %9s |\n" "resident memory" "MB"
printf "|%s|%s|\n" "-------------------------------------" "-----------"
printf "| %-35s | %9s |\n" "idle (after start)" "$idle"
printf "| %-35s | %9s |\n" "loaded (after the 16-way run)" "$loaded"
printf "| %-35s | %9s |\n" "peak so far (VmHWM), after logins" "$peak"
printf "| %-35s | %9s |\n" "after the login run" "$afterlogins"

echo
echo "== HTTP intake at 16 connections while $LOGINS concurrent logins (POST /api/v1/sessions as $username) run =="
printf "| %-35s | %9s | %8s | %8s | %6s |\n" "intake window, 16 connections" "reports/s" "p50 ms" "p99 ms" "errors"
printf "|%s|%s|%s|%s|%s|\n" "-------------------------------------" "-----------" "----------" "----------" "--------"
row "no logins (the 16-connection run)" "$sixteen"
row "$LOGINS concurrent logins" "$underlogins"
row "no logins, afterwards" "$after"
awk -v a="$(rate "$sixteen")" -v b="$(rate "$after")" -v u="$(rate "$underlogins")" 'BEGIN {
  base = (a + b) / 2
  printf "| %-35s | %8.1f%% |\n", "drop vs mean of the no-login runs", 100 * (1 - u / base) }'
echo
printf "| %-35s | %8s | %8s | %8s | %6s | %6s | %6s | %6s |\n" "logins during the window" "logins/s" "p50 ms" "p99 ms" "201" "503" "429" "other"
printf "|%s|%s|%s|%s|%s|%s|%s|%s|\n" "-------------------------------------" "----------" "----------" "----------" "--------" "--------" "--------" "--------"
printf "| %-35s | %8s | %8s | %8s | %6s | %6s | %6s | %6s |\n" "$LOGINS connections, $((DURATION + 2))s" "$(rate "$loginresult" created)" \
  "$(field "$loginresult" p50_ms)" "$(field "$loginresult" p99_ms)" "$(field "$loginresult" created)" \
  "$(field "$loginresult" busy)" "$(field "$loginresult" throttled)" "$(( $(field "$loginresult" other) + $(field "$loginresult" errors) ))"

stored=$(sqlite3 "$work/data/sichtbar.sqlite" 'SELECT count(*) FROM case_file' 2>/dev/null || echo "?")
echo
echo "reports stored: $stored"

# The failover of issue 18: a primary and its synchronous standby on loopback, the primary killed
# under load, the standby promoted, every acknowledged receipt read again (Tests/Failover/run.sh).
if [ -f Tests/Failover/run.sh ]; then
  echo
  echo "== failover: primary with a synchronous standby, the primary killed under load =="
  SICHTBAR_BIN="$BIN" bash Tests/Failover/run.sh | tee "$work/failover.txt" || true
  sed -n 's/^failover: acknowledged \([0-9]*\), readable [0-9]*, lost \([0-9]*\).*/failover \1 \2/p' "$work/failover.txt" >>"$FIGURES"
fi

bash bench/summary.sh "$FIGURES"
