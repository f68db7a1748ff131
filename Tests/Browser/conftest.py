"""Fixtures for the browser tests: the server's address, axe-core's source and two headless
Chromium drivers – one with JavaScript disabled (the reporter flows must work without it) and one
with JavaScript enabled, used only to inject axe. Run through Tests/Browser/run.sh."""

import json
import os
import pathlib
import select
import socket
import subprocess
import tempfile
import time
import urllib.request
from urllib.parse import urlsplit

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMIUM = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")
ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def base_url():
    url = os.environ.get("SICHTBAR_URL")
    if not url:
        pytest.exit("SICHTBAR_URL is not set; run the tests through Tests/Browser/run.sh", returncode=2)
    # The tests talk to the loopback demo server and nothing else.
    assert urlsplit(url).hostname in ("127.0.0.1", "localhost", "::1"), f"refusing a non-loopback SICHTBAR_URL: {url}"
    return url.rstrip("/")


@pytest.fixture(scope="session")
def axe_source():
    path = os.environ.get("AXE_JS")
    if not path or not pathlib.Path(path).is_file():
        pytest.exit("AXE_JS does not name axe.min.js; run the tests through Tests/Browser/run.sh", returncode=2)
    return pathlib.Path(path).read_text(encoding="utf-8")


def _driver(javascript):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
        "--window-size=1280,1024", "--lang=en-US",
        # Keep the browser off the network: no updates, sync, translation or safe-browsing
        # lookups, and no name resolves (the server is addressed as 127.0.0.1).
        "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions",
        "--disable-domain-reliability", "--disable-client-side-phishing-detection",
        "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ):
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    driver.set_script_timeout(30)
    driver.set_page_load_timeout(30)
    return driver


@pytest.fixture(scope="session")
def nojs():
    """Chromium with JavaScript disabled by content setting (WebDriver itself still works)."""
    driver = _driver(javascript=False)
    try:
        # Prove the setting bites: a page script that would retitle the page must not run.
        driver.get("data:text/html,<title>off</title><script>document.title='on'</script>")
        assert driver.title == "off", "JavaScript is not disabled in the no-JS driver"
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="session")
def jsdriver():
    """Chromium with JavaScript enabled, only to run axe-core."""
    driver = _driver(javascript=True)
    try:
        yield driver
    finally:
        driver.quit()


# --- a demo server that tells its passphrases ----------------------------------------------------

def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def demo():
    """`sichtbar demo --json` on a free loopback port (one per test module): its URL, the first
    office's lead and a counsellor, a counsellor of the second office and the Verband's analyst."""
    binary = pathlib.Path(os.environ.get("SICHTBAR_BIN", ROOT / ".build/debug/sichtbar"))
    if not binary.is_absolute():
        binary = ROOT / binary
    if not os.access(binary, os.X_OK):
        pytest.skip(f"{binary} is missing; build it first")
    folder = tempfile.TemporaryDirectory(prefix="sichtbar-members-")
    port = _free_port()
    log = open(pathlib.Path(folder.name) / "server.log", "w")
    server = subprocess.Popen(
        [str(binary), "demo", "--json", "--data", f"{folder.name}/data", "--reports", "5", "--port", str(port),
         "--metrics-port", "0", "--policies", "Policies", "--templates", "Templates"],
        cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=log)
    try:
        ready, _, _ = select.select([server.stdout], [], [], 300)
        assert ready, "sichtbar demo printed nothing within 300 s"
        summary = json.loads(server.stdout.readline())
        url = summary["url"].rstrip("/")
        assert urlsplit(url).hostname == "127.0.0.1", f"the demo serves {url}, not loopback"
        for _ in range(300):
            try:
                with urllib.request.urlopen(f"{url}/healthz", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            assert server.poll() is None, "the demo server exited early"
            time.sleep(0.2)
        else:
            pytest.fail("the demo server did not become healthy within 60 s")
        office = summary["offices"][0]
        lead = next(m for m in office["members"] if m["role"] == "lead")
        counsellor = next(m for m in office["members"] if m["role"] == "counsellor")
        other = next(m for m in summary["offices"][1]["members"] if m["role"] == "counsellor")
        yield {"url": url, "office": office["name"], "lead": lead, "counsellor": counsellor, "other_office": other,
               "analyst": summary["verband"]["members"][0]}
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        server.stdout.close()
        log.close()
        folder.cleanup()


# --- one profile each, per test module: the session cookie belongs to 127.0.0.1 whatever the port ---

def _module_browser(javascript):
    driver = _driver(javascript=javascript)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def lead_browser():
    yield from _module_browser(javascript=False)


@pytest.fixture(scope="module")
def member_browser():
    """A second, fresh browser: the invited person's own device."""
    yield from _module_browser(javascript=False)


@pytest.fixture(scope="module")
def axe_browser():
    yield from _module_browser(javascript=True)
