#!/usr/bin/env bash
# Failover end to end (issue 18, item 4): a PostgreSQL primary with a synchronous standby on
# loopback, configured from deploy/postgresql/, and the real `sichtbar serve` on the primary.
# Reports go in under load from 8 connections; the primary is killed hard (SIGKILL to the
# postmaster and every backend: the machine is gone); the standby is promoted; `serve` is started
# against it with a copy of the data folder; every receipt that was answered with 201 must open
# its mailbox there, and an unknown receipt must not (404). A `serve` given the database but not
# the data folder's server.secrets must refuse rather than make new ones. Then the new primary,
# now without a standby, must not acknowledge a report (it waits: a receipt is never shown for a
# report on one machine) while mailboxes still open, until the old primary is rebuilt as its
# standby with deploy/postgresql/make-standby.sh, which the test does, checking `sync` and that a
# report is acknowledged again.
#
#   bash Tests/Failover/run.sh        (the Makefile's `test` runs it after the swift tests)
#
# SICHTBAR_BIN overrides the binary (default .build/debug/sichtbar). Bounded: the whole run is
# stopped after FAILOVER_LIMIT seconds (170); everything it started is stopped on exit, and its
# folders deleted. Only 127.0.0.1. Prints counts and times, never a receipt, password or
# narrative; the last line is the machine-readable summary
#   failover: acknowledged N, readable N, lost 0, primary stopped after S s, …
# Exit 0 when every check holds (no acknowledged receipt lost among them); 1 when one fails, 124
# when the time limit stopped it.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
limit=${FAILOVER_LIMIT:-170}
if [ -z "${FAILOVER_BOUNDED:-}" ]; then
  # The whole test under one time limit; the trap below still cleans up when it fires (TERM).
  FAILOVER_BOUNDED=1 exec timeout --kill-after=15 "$limit" bash "$0" "$@"
fi

binary=${SICHTBAR_BIN:-$root/.build/debug/sichtbar}
client="$root/Tests/Failover/load.py"
deploy="$root/deploy/postgresql"
load_seconds=${FAILOVER_LOAD_SECONDS:-7}
kill_after=${FAILOVER_KILL_AFTER:-4}
# A request the client gives up on counts as not acknowledged. With the primary gone, Sichtbar
# answers nothing until postgres-nio's pool gives up connecting (about a minute): the client
# does not wait for that.
request_timeout=${FAILOVER_REQUEST_TIMEOUT:-5}
alone_timeout=${FAILOVER_ALONE_TIMEOUT:-12}
# serve --intake-wait: a reporter whose commit cannot finish (no synchronous standby) hears 503
# after this many seconds instead of waiting for good.
intake_wait=${FAILOVER_INTAKE_WAIT:-4}
started_at=$EPOCHREALTIME
cd "$root"

elapsed() { LC_ALL=C awk -v now="$EPOCHREALTIME" -v start="$started_at" 'BEGIN { printf "%.1f", now - start }'; }
say() { printf '[failover %6ss] %s\n' "$(elapsed)" "$*" >&2; }
fail() {
  say "FAIL: $*"
  echo "failover: FAILED: $*"
  exit 1
}

[ -x "$binary" ] || fail "no binary at $binary (swift build --product sichtbar, or SICHTBAR_BIN)"
bin=$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -1)
{ [ -n "$bin" ] && [ -x "$bin/initdb" ]; } || fail "PostgreSQL's server is not installed (run .ci/install-deps)"

# PostgreSQL refuses to run as root: as root its programs run as the postgres user.
as_server() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
random_hex() { python3 -c 'import secrets; print(secrets.token_hex(16))'; }

# Two folders: the clusters' (owned by postgres when run as root) and Sichtbar's (this user's).
work=$(mktemp -d /tmp/sichtbar-failover.XXXXXX)
pg=$(mktemp -d /tmp/sichtbar-failover-pg.XXXXXX)
chmod 700 "$work" "$pg"
if [ "$(id -u)" -eq 0 ]; then chown postgres: "$pg"; fi
# The postgres user may not be able to read the checkout (a fresh clone under a 0700 temporary
# folder): the shipped files it uses are copied into its own folder first.
cp -r "$deploy" "$pg/deploy"
if [ "$(id -u)" -eq 0 ]; then chown -R postgres: "$pg/deploy"; fi
deploy="$pg/deploy"
serve_pid=""
load_pid=""

# shellcheck disable=SC2317 # reached through the trap
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [ -n "$load_pid" ] && kill -0 "$load_pid" 2>/dev/null; then kill -9 "$load_pid" 2>/dev/null || true; fi
  if [ -n "$serve_pid" ] && kill -0 "$serve_pid" 2>/dev/null; then kill -9 "$serve_pid" 2>/dev/null || true; fi
  for cluster in db1 db2; do
    if [ -f "$pg/$cluster/postmaster.pid" ]; then
      as_server "$bin/pg_ctl" -D "$pg/$cluster" -m immediate -w -t 10 stop >/dev/null 2>&1 || true
    fi
  done
  if [ -n "${FAILOVER_KEEP_LOGS:-}" ]; then
    say "logs kept in $work and $pg (FAILOVER_KEEP_LOGS)"
  else
    rm -rf "$work" "$pg"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'fail "stopped by the time limit ($limit s) or a signal"' INT TERM

# Prints the tail of a log on failure; the logs hold no secret (Sichtbar logs no receipt, and its
# database URL only without the password; PostgreSQL's logs no statement values here).
show_log() { if [ -f "$1" ]; then tail -n 20 "$1" | sed 's/^/    | /' >&2; fi; }

psql_at() { # PORT SQL...: a query as the postgres superuser over the cluster's socket, unaligned
  local port=$1
  shift
  as_server "$bin/psql" -h "$pg" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt "$@"
}

start_cluster() { # NAME PORT
  as_server "$bin/pg_ctl" -D "$pg/$1" -l "$pg/$1.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $2 -k $pg -c max_connections=100 -c shared_buffers=32MB" start >/dev/null \
    || { show_log "$pg/$1.log"; fail "cluster $1 did not start"; }
}

wait_for_sync() { # PORT NAME: until the primary at PORT shows NAME streaming and synchronous
  local state=""
  for _ in $(seq 1 150); do
    state=$(psql_at "$1" -c "SELECT state || '/' || sync_state FROM pg_stat_replication WHERE application_name = '$2'" || true)
    [ "$state" = "streaming/sync" ] && return 0
    sleep 0.2
  done
  fail "$2 is not a synchronous standby of 127.0.0.1:$1 (pg_stat_replication: '${state:-no row}')"
}

# --- 1. The primary (sichtbar_db1), from deploy/postgresql/ -----------------------------------
db1_port=$(free_port)
db2_port=$(free_port)
while [ "$db2_port" = "$db1_port" ]; do db2_port=$(free_port); done
app_password=$(random_hex)
replication_password=$(random_hex)

as_server "$bin/initdb" -D "$pg/db1" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
  --encoding=UTF8 --locale=C.UTF-8 >"$pg/initdb.log" 2>&1 || { show_log "$pg/initdb.log"; fail "initdb"; }
# The shipped settings as they are, included at the end of postgresql.conf (as Debian's conf.d);
# only the addresses differ, given on the command line (start_cluster), which wins.
as_server cp "$deploy/sichtbar-replication.conf" "$pg/db1/sichtbar-replication.conf"
as_server sh -c "echo \"include 'sichtbar-replication.conf'\" >>'$pg/db1/postgresql.conf'"
# pg_hba.conf: the superuser over the socket (the test's own psql), then the shipped lines with
# every address 127.0.0.1 and `host` for `hostssl` (no certificate here). Nothing else gets in,
# so a wrong shipped line fails the test.
{
  echo "local all postgres trust"
  sed -E -e 's/^hostssl/host   /' -e 's#10\.0\.0\.[0-9]+/32#127.0.0.1/32#' "$deploy/pg_hba-sichtbar.conf"
} | as_server sh -c "cat >'$pg/db1/pg_hba.conf'"
start_cluster db1 "$db1_port"
[ "$(psql_at "$db1_port" -c 'SHOW synchronous_standby_names')" = "FIRST 1 (sichtbar_db1, sichtbar_db2)" ] \
  || fail "the primary did not take deploy/postgresql/sichtbar-replication.conf"
# Before the standby exists a commit would wait for it: this session commits locally. Its
# statements carry passwords, so a failing one is not written to the server's log.
psql_at "$db1_port" <<SQL >/dev/null
SET synchronous_commit = local;
SET log_min_error_statement = panic;
CREATE ROLE replicator REPLICATION LOGIN PASSWORD '$replication_password';
CREATE ROLE sichtbar LOGIN PASSWORD '$app_password';
CREATE DATABASE sichtbar OWNER sichtbar;
SQL
say "primary sichtbar_db1 up on 127.0.0.1:$db1_port"

# --- 2. The standby (sichtbar_db2) with make-standby.sh ----------------------------------------
{
  echo "127.0.0.1:$db1_port:replication:replicator:$replication_password"
  echo "127.0.0.1:$db2_port:replication:replicator:$replication_password"
} | as_server sh -c "umask 077; cat >'$pg/pgpass'"
as_server "$deploy/make-standby.sh" --primary 127.0.0.1 --port "$db1_port" --name sichtbar_db2 \
  --data "$pg/db2" --passfile "$pg/pgpass" --sslmode disable --bindir "$bin" >"$pg/make-standby-db2.log" 2>&1 \
  || { show_log "$pg/make-standby-db2.log"; fail "make-standby.sh for sichtbar_db2"; }
start_cluster db2 "$db2_port"
wait_for_sync "$db1_port" sichtbar_db2
say "standby sichtbar_db2 on 127.0.0.1:$db2_port streaming, sync_state = sync"

# --- 3. Sichtbar on the primary ----------------------------------------------------------------
# The URL goes through the environment (SICHTBAR_DATABASE), so its password is on no command line.
url_db1="postgres://sichtbar:$app_password@127.0.0.1:$db1_port/sichtbar?sslmode=disable"
url_db2="postgres://sichtbar:$app_password@127.0.0.1:$db2_port/sichtbar?sslmode=disable"
lead_passphrase="Failover-Laterne-$(random_hex)"
data1="$work/data-server1"
SICHTBAR_DATABASE=$url_db1 "$binary" init --data "$data1" --office-name "ADA Failover" --admin lead.failover --json \
  <<<"$lead_passphrase" >"$work/init.json" 2>"$work/init.log" || { show_log "$work/init.log"; fail "sichtbar init"; }
office=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["office"])' "$work/init.json" 2>/dev/null) \
  || fail "sichtbar init --json printed no office"
SICHTBAR_DATABASE=$url_db1 "$binary" office profile --data "$data1" --office "$office" --as lead.failover \
  --controller "Träger e. V. (Test)" --law dsgvo --dpo "datenschutz@example.org" \
  --policies "$root/Policies" --templates "$root/Templates" \
  <<<"$lead_passphrase" >"$work/profile.log" 2>&1 || { show_log "$work/profile.log"; fail "sichtbar office profile"; }

start_serve() { # URL DATA LOG: starts serve in the background, sets serve_port and serve_pid
  serve_port=$(free_port)
  SICHTBAR_DATABASE=$1 "$binary" serve --data "$2" --host 127.0.0.1 --port "$serve_port" --metrics-port 0 \
    --intake-per-address 0 --intake-global 0 --mailbox-per-address 0 --sendmail "" --intake-wait "$intake_wait" \
    --policies "$root/Policies" --templates "$root/Templates" </dev/null >"$3" 2>&1 &
  serve_pid=$!
}
wait_healthy() { # LOG SECONDS [STATUSES]: until /healthz answers one of STATUSES (a regex; 200)
  local status="" wanted=${3:-200}
  for _ in $(seq 1 $(($2 * 5))); do
    kill -0 "$serve_pid" 2>/dev/null || { show_log "$1"; fail "serve exited early"; }
    status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$serve_port/healthz" || true)
    [[ "$status" =~ ^($wanted)$ ]] && return 0
    sleep 0.2
  done
  show_log "$1"
  fail "serve did not answer /healthz with $wanted within $2 s (last: ${status:-none})"
}
stop_serve() { # stops serve: TERM, then KILL after 15 s; says how it ended
  local stopped_at=$EPOCHREALTIME
  kill -TERM "$serve_pid" 2>/dev/null || true
  for _ in $(seq 1 75); do
    kill -0 "$serve_pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -9 "$serve_pid" 2>/dev/null; then
    serve_stop="killed after 15 s (SIGTERM did not end it)"
  else
    serve_stop="ended on SIGTERM in $(LC_ALL=C awk -v now="$EPOCHREALTIME" -v start="$stopped_at" 'BEGIN { printf "%.1f", now - start }') s"
  fi
  wait "$serve_pid" 2>/dev/null || true
  serve_pid=""
}

start_serve "$url_db1" "$data1" "$work/serve1.log"
wait_healthy "$work/serve1.log" 90
say "serve on the primary, 127.0.0.1:$serve_port"

# --- 4. Load, and the primary killed under it -------------------------------------------------
python3 "$client" report --port "$serve_port" --connections 8 --seconds "$load_seconds" --timeout "$request_timeout" \
  --receipts "$work/receipts" --summary "$work/load.json" &
load_pid=$!
sleep "$kill_after"
# The machine is gone: SIGKILL to the postmaster and to every process it started (backends,
# walsender, checkpointer…), the postmaster first so that it starts nothing new. This also fences
# it: a killed primary takes no further commit.
postmaster=$(head -1 "$pg/db1/postmaster.pid")
children=$(pgrep -P "$postmaster" || true)
kill -9 "$postmaster"
# shellcheck disable=SC2086 # one pid a word
if [ -n "$children" ]; then kill -9 $children 2>/dev/null || true; fi
say "primary killed (SIGKILL, postmaster and $(echo "$children" | wc -w) children) ${kill_after} s into the load"
wait "$load_pid" || fail "the load client failed"
load_pid=""
as_server rm -f "$pg/db1/postmaster.pid"
summary=$(cat "$work/load.json")
acknowledged=$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["acknowledged"])' "$summary")
say "load: $summary"
python3 - "$summary" <<'PY' || fail "the load did not show the failover as expected (see the load line above)"
import json, sys
s = json.loads(sys.argv[1])
assert s["acknowledged"] > 0, "nothing was acknowledged: the test would assert nothing"
assert s["distinct"] == s["acknowledged"], "a receipt was handed out twice"
assert s["hanging_threads"] == 0, "a request hung past its time limit"
# After the kill the server must have stopped acknowledging and told the reporters so.
failed = sum(v for k, v in s["statuses"].items() if k != "201") + s["errors"] + s["timeouts"]
assert failed > 0, "no request failed although the primary was killed"
PY
unavailable=$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["statuses"].get("503", 0))' "$summary")
unanswered=$(python3 -c 'import json, sys; s = json.loads(sys.argv[1]); print(s["timeouts"] + s["errors"])' "$summary")
stop_serve
say "serve on the dead primary $serve_stop"

# --- 5. Failover: promote the standby, serve from it with a copy of the data folder -----------
as_server "$bin/pg_ctl" -D "$pg/db2" -w -t 60 promote >/dev/null || { show_log "$pg/db2.log"; fail "pg_ctl promote"; }
[ "$(psql_at "$db2_port" -c 'SELECT pg_is_in_recovery()')" = "f" ] || fail "sichtbar_db2 is still a standby after promote"
promoted_at=$(elapsed)
say "sichtbar_db2 promoted"
# A machine that was not given the data folder must refuse to serve, not make new secrets (which
# would turn every receipt into an unknown one).
mkdir -m 700 "$work/data-empty"
refused=0
SICHTBAR_DATABASE=$url_db2 timeout 30 "$binary" serve --data "$work/data-empty" --host 127.0.0.1 --port "$(free_port)" \
  --metrics-port 0 --policies "$root/Policies" --templates "$root/Templates" </dev/null >"$work/serve-empty.log" 2>&1 \
  || refused=$?
if [ "$refused" -eq 0 ] || [ "$refused" -eq 124 ] || ! grep -q "server.secrets" "$work/serve-empty.log"; then
  show_log "$work/serve-empty.log"
  fail "serve without the data folder's server.secrets did not refuse (exit $refused)"
fi
[ ! -e "$work/data-empty/server.secrets" ] || fail "serve made new server secrets for a database that holds data"
say "serve without the data folder's secrets refuses (exit $refused)"
# The other machine's `serve` has its own copy of the data folder (the server secrets).
data2="$work/data-server2"
cp -a "$data1" "$data2"
start_serve "$url_db2" "$data2" "$work/serve2.log"
# The promoted standby has no synchronous standby of its own yet: it cannot take reports, and
# /healthz says so (503); what counts here is that serve answers and the mailboxes open.
wait_healthy "$work/serve2.log" 90 "200|503"
serving_again_at=$(elapsed)
say "serve on the promoted standby, 127.0.0.1:$serve_port"

python3 "$client" read --port "$serve_port" --receipts "$work/receipts" --summary "$work/read.json" \
  || fail "the mailbox client failed"
read_summary=$(cat "$work/read.json")
say "read: $read_summary"
readable=$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["readable"])' "$read_summary")
lost=$((acknowledged - readable))
unknown_status=$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["unknown_status"])' "$read_summary")

# --- 6. The new primary has no standby: it must not acknowledge a report -----------------------
# Its synchronous_standby_names (the same file) asks for sichtbar_db1, which is dead: a commit
# waits. The report must not be answered 201 (a receipt for a report on one machine only), and
# must be told 503 once serve's --intake-wait has passed, not be held open.
alone=$(python3 "$client" one --port "$serve_port" --timeout "$alone_timeout")
alone_status=$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["status"])' "$alone")
healthz_alone=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$serve_port/healthz" || echo none)
# Reading writes nothing, so the mailbox still answers.
python3 "$client" read --port "$serve_port" --receipts "$work/receipts" --limit 20 --timeout 5 --summary "$work/read-alone.json" \
  || fail "the mailbox client failed without a standby"
readable_alone=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["readable"])' "$work/read-alone.json")
say "without a standby: a report answered '$alone_status' ($alone), /healthz $healthz_alone, mailbox $readable_alone of 20 readable"

# --- 7. Rebuild the old primary as the new standby (docs/operations.md) ------------------------
as_server rm -rf "$pg/db1"
as_server "$deploy/make-standby.sh" --primary 127.0.0.1 --port "$db2_port" --name sichtbar_db1 \
  --data "$pg/db1" --passfile "$pg/pgpass" --sslmode disable --bindir "$bin" >"$pg/make-standby-db1.log" 2>&1 \
  || { show_log "$pg/make-standby-db1.log"; fail "make-standby.sh for sichtbar_db1 (rebuilding the old primary)"; }
start_cluster db1 "$db1_port"
wait_for_sync "$db2_port" sichtbar_db1
say "old primary rebuilt as standby sichtbar_db1 of sichtbar_db2, sync_state = sync"
# The health probe's waiting commit finishes now: /healthz turns back to 200 by itself.
wait_healthy "$work/serve2.log" 30
after=$(python3 "$client" one --port "$serve_port" --timeout 20 --receipts "$work/receipts-after")
after_status=$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["status"])' "$after")
say "with the rebuilt standby: a report answered '$after_status' ($after)"
stop_serve

total=$(elapsed)
line=$(printf 'failover: acknowledged %d, readable %d, lost %d, primary stopped after %.1f s of load, then 503 %d and unanswered %d, promoted at %.1f s, serving again at %.1f s, report without standby %s (healthz %s), report after rebuild %s, total %.1f s' \
  "$acknowledged" "$readable" "$lost" "$kill_after" "$unavailable" "$unanswered" "$promoted_at" "$serving_again_at" \
  "$alone_status" "$healthz_alone" "$after_status" "$total")
status=0
[ "$lost" -eq 0 ] || { say "FAIL: $lost acknowledged receipts are not readable after the failover"; status=1; }
[ "$unknown_status" = "404" ] || { say "FAIL: an unknown receipt answered $unknown_status, not 404"; status=1; }
[ "$alone_status" != "201" ] || { say "FAIL: a report was acknowledged while the primary had no synchronous standby"; status=1; }
[ "$healthz_alone" = "503" ] || { say "FAIL: /healthz answered $healthz_alone, not 503, while no report could be taken"; status=1; }
[ "$alone_status" = "503" ] || { say "FAIL: without a standby a report was not told 503 within --intake-wait $intake_wait s (answered $alone_status)"; status=1; }
[ "$readable_alone" -eq 20 ] || { say "FAIL: without a standby only $readable_alone of 20 mailboxes answered"; status=1; }
[ "$after_status" = "201" ] || { say "FAIL: the rebuilt pair did not acknowledge a report"; status=1; }
echo "$line"
exit "$status"
