"""Fixtures for the browser tests: the server's address, axe-core's source and two headless
Chromium drivers – one with JavaScript disabled (the reporter flows must work without it) and one
with JavaScript enabled, used only to inject axe. Run through Tests/Browser/run.sh."""

import os
import pathlib
from urllib.parse import urlsplit

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMIUM = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")


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
