#!/usr/bin/env bash
# schemathesis against the real binary and its own OpenAPI document, with every check: the demo
# (a small one), asked without login, as a counsellor and as a lead. Each run is bounded in time
# (SCHEMATHESIS_MAX_TIME seconds, default 60) and sends traffic only to 127.0.0.1.
#
# Environment: SICHTBAR_BIN (default .build/debug/sichtbar, never built here), PORT (18611).
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${SICHTBAR_BIN:-.build/debug/sichtbar}
PORT=${PORT:-18611}
MAX_TIME=${SCHEMATHESIS_MAX_TIME:-60}
VENV=.build/schemathesis-venv
BASE="http://127.0.0.1:$PORT"

if [ ! -x "$VENV/bin/schemathesis" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q "schemathesis==4.32.5"
fi

data=$(mktemp -d)
"$BIN" demo --port "$PORT" --metrics-port 0 --data "$data" --json --cases 40 --reports 5 --tallies 5 \
    --policies Policies --templates Templates \
    --intake-per-address 0 --intake-global 0 --mailbox-per-address 0 > "$data/demo.json" 2> "$data/demo.log" &
server=$!
cleanup() { kill "$server" 2> /dev/null || true; wait "$server" 2> /dev/null || true; rm -rf "$data"; }
trap cleanup EXIT

for _ in $(seq 1 600); do
    curl -fs "$BASE/healthz" > /dev/null 2>&1 && break
    kill -0 "$server" 2> /dev/null || { cat "$data/demo.log" >&2; exit 1; }
    sleep 0.5
done

# A session token for the first member of the demo's first office with the given role.
token() {
    python3 - "$data/demo.json" "$1" "$BASE" << 'PY'
import json, sys, urllib.request
demo = json.loads(open(sys.argv[1]).readline())
member = next(m for m in demo["offices"][0]["members"] if m["role"] == sys.argv[2])
body = json.dumps({"username": member["username"], "passphrase": member["passphrase"]}).encode()
request = urllib.request.Request(sys.argv[3] + "/api/v1/sessions", data=body, headers={"Content-Type": "application/json"})
print(json.load(urllib.request.urlopen(request))["token"])
PY
}

status=0
run() {
    local who=$1
    shift
    echo "== schemathesis as $who (at most $MAX_TIME s)"
    "$VENV/bin/schemathesis" run "$BASE/openapi.yaml" --url "$BASE" --checks all --max-time "$MAX_TIME" \
        --workers 2 --request-timeout 30 --no-color "$@" || status=1
}

run "no login" --include-path-regex '^/api/v1/(offices|reports|mailbox)'
run "counsellor" -H "Authorization: Bearer $(token counsellor)"
run "lead" -H "Authorization: Bearer $(token lead)"
exit $status
