#!/usr/bin/env bash
# The table of issue 18 from the figures bench/run.sh collected in FILE, one "key value…" a line:
#   intake_sqlite|intake_postgres RATE P99_MS ERRORS, release CASES P50_MS, merge RELEASES P50_MS,
#   case_list_sqlite|case_list_postgres P95_MS ERRORS, failover ACKNOWLEDGED LOST.
# Each row says whether the issue's target is met; a figure that is missing says so.
set -euo pipefail
file=$1
get() { awk -v k="$1" '$1 == k {$1 = ""; sub(/^ /, ""); line = $0} END {print line}' "$file"; }
row() { printf "| %-52s | %-28s | %-40s | %-8s |\n" "$1" "$2" "$3" "$4"; }
verdict() { if [ -z "$2" ]; then echo "missing"; elif awk "BEGIN {exit !($1)}"; then echo "met"; else echo "NOT met"; fi; }

echo
echo "== issue 18: the figures side by side =="
row "row" "target" "measured" "verdict"
printf "|%s|%s|%s|%s|\n" "------------------------------------------------------" "------------------------------" \
  "------------------------------------------" "----------"
read -r rate p99 errors <<<"$(get intake_sqlite)" || true
row "HTTP intake, 16 connections, SQLite" ">= 3,000/s, p99 <= 20 ms, 0 err" "${rate:-?}/s, p99 ${p99:-?} ms, ${errors:-?} errors" \
  "$(verdict "${rate:-0} >= 3000 && ${p99:-999} <= 20 && ${errors:-1} == 0" "${rate:-}")"
read -r rate p99 errors <<<"$(get intake_postgres)" || true
row "HTTP intake, 16 connections, PostgreSQL" "reported, 0 errors" "${rate:-?}/s, p99 ${p99:-?} ms, ${errors:-?} errors" \
  "$(verdict "${errors:-1} == 0" "${rate:-}")"
read -r cases p50 <<<"$(get release)" || true
row "office release, ${cases:-?} classified cases" "<= 1 s (100,000 cases)" "p50 ${p50:-?} ms" \
  "$(verdict "${p50:-99999} <= 1000 && ${cases:-0} >= 95000" "${p50:-}")"
read -r releases p50 <<<"$(get merge)" || true
row "Verband merge, ${releases:-?} releases" "<= 1 s" "p50 ${p50:-?} ms" "$(verdict "${p50:-99999} <= 1000" "${p50:-}")"
for engine in sqlite postgres; do
  read -r p95 errors <<<"$(get "case_list_$engine")" || true
  row "case list, first page, $engine" "p95 <= 50 ms" "p95 ${p95:-?} ms, ${errors:-?} errors" \
    "$(verdict "${p95:-999} <= 50 && ${errors:-1} == 0" "${p95:-}")"
done
read -r acknowledged lost <<<"$(get failover)" || true
row "failover: acknowledged reports lost" "0" "${lost:-?} of ${acknowledged:-?}" \
  "$(verdict "${lost:-1} == 0 && ${acknowledged:-0} > 0" "${lost:-}")"
