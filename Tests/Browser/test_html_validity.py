"""Every reporter and member page through the Nu HTML checker (vnu.jar): 0 errors.

The pages are fetched as the server sends them (not the browser's DOM): the reporter pages in all
ten languages, the pages a reporter reaches by sending a form, error notices, and the member pages
of a lead and of the Verband's analyst, whose session cookie comes from a real browser login.
The CSS checker is left out: it does not know the logical properties (margin-inline-start …).
"""

import os
import pathlib
import re
import subprocess
import tempfile
import urllib.error
import urllib.parse
import urllib.request

import pytest

from test_member_pages import COOKIE, log_in, session_cookie
from test_reporter_pages import LANGUAGES

REPORTER_PATHS = ["/", "/receipt", "/mailbox", "/offices", "/privacy"]
LEAD_PATHS = ["/cases", "/cases/new", "/deadlines", "/members", "/audit", "/account", "/releases", "/retention"]
ANALYST_PATHS = ["/statistics", "/statistics/received", "/account"]


def fetch(url, cookie=None, form=None):
    """The page's raw HTML and status; form posts carry the same-origin header a browser sends."""
    data = urllib.parse.urlencode(form).encode("utf-8") if form is not None else None
    request = urllib.request.Request(url, data=data)
    if cookie:
        request.add_header("Cookie", f"{COOKIE}={cookie}")
    if form is not None:
        request.add_header("Sec-Fetch-Site", "same-origin")
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def token(page, name="token"):
    match = re.search(rf'name="{name}" value="([^"]+)"', page)
    assert match, f"no {name} on the page"
    return match.group(1)


@pytest.fixture(scope="module")
def pages(demo, lead_browser):
    """Every page to check, by a readable name."""
    url = demo["url"]
    collected = {}

    def keep(name, status, html, expected=(200,)):
        assert status in expected, f"{name} answered {status}"
        collected[name] = html

    for lang in LANGUAGES:
        for path in REPORTER_PATHS:
            keep(f"{lang}{path}", *fetch(f"{url}{path}?lang={lang}"))
        _, chooser = fetch(f"{url}/privacy?lang={lang}")
        for office in sorted(set(re.findall(r'/privacy\?lang=[^&"]+&amp;office=([0-9a-f]{32})', chooser))):
            keep(f"{lang}/privacy-{office[:6]}", *fetch(f"{url}/privacy?lang={lang}&office={office}"))
        keep(f"{lang}/404", *fetch(f"{url}/no-such-page?lang={lang}"), expected=(404,))
    # The pages behind a form: receipt, refused form, mailbox opened, message sent.
    _, form = fetch(f"{url}/?lang=ar")
    status, receipt_page = fetch(f"{url}/receipt?lang=ar", form={
        "token": token(form), "narrative": "Nu check", "contactWish": "mailbox", "consent": "yes", "region": "05111"})
    keep("ar/receipt-sent", status, receipt_page, expected=(201,))
    receipt = re.sub(r"<[^>]+>", "", re.search(r'<p class="receipt">(.*?)</p>', receipt_page, re.S).group(1)).split(": ")[-1]
    _, form = fetch(f"{url}/?lang=de-x-ls")
    keep("de-x-ls/form-refused", *fetch(f"{url}/receipt?lang=de-x-ls", form={"token": token(form), "narrative": "x"}),
         expected=(422,))
    _, mailbox = fetch(f"{url}/mailbox?lang=fa")
    status, opened = fetch(f"{url}/mailbox?lang=fa", form={"token": token(mailbox, "token"), "receipt": receipt})
    keep("fa/mailbox-opened", status, opened)

    log_in(lead_browser, url, demo["lead"]["username"], demo["lead"]["passphrase"])
    lead = session_cookie(lead_browser)["value"]
    for path in LEAD_PATHS:
        keep(f"lead{path}", *fetch(f"{url}{path}?lang=de", cookie=lead))
    # The filtered views: everyone's cases most urgent first, only unread, my deadlines, the audit by day.
    keep("lead/cases-urgent", *fetch(f"{url}/cases?lang=de&assigned=all&sort=urgency&unread=1", cookie=lead))
    keep("lead/deadlines-mine", *fetch(f"{url}/deadlines?lang=de&mine=1", cookie=lead))
    keep("lead/audit-filtered", *fetch(f"{url}/audit?lang=de&member={demo['lead']['username']}&day=2026-01-05", cookie=lead))
    _, cases = fetch(f"{url}/cases?lang=de&assigned=all", cookie=lead)
    for case in sorted(set(re.findall(r'href="/cases/([0-9a-f]{32})', cases)))[:5]:
        keep(f"lead/case-{case[:6]}", *fetch(f"{url}/cases/{case}?lang=de", cookie=lead))
    _, releases = fetch(f"{url}/releases?lang=en", cookie=lead)
    for release in sorted(set(re.findall(r'href="/releases/([0-9a-f]+)', releases)))[:2]:
        keep(f"lead/release-{release[:6]}", *fetch(f"{url}/releases/{release}?lang=en", cookie=lead))
    lead_browser.delete_all_cookies()
    log_in(lead_browser, url, demo["analyst"]["username"], demo["analyst"]["passphrase"])
    analyst = session_cookie(lead_browser)["value"]
    for path in ANALYST_PATHS:
        keep(f"analyst{path}", *fetch(f"{url}{path}?lang=en", cookie=analyst))
    lead_browser.delete_all_cookies()
    keep("login", *fetch(f"{url}/login?lang=de"))
    return collected


def test_every_page_passes_the_nu_html_checker(pages):
    jar = os.environ.get("VNU_JAR")
    if not jar or not pathlib.Path(jar).is_file():
        pytest.fail("VNU_JAR is not set; run the tests through Tests/Browser/run.sh", pytrace=False)
    assert len(pages) >= 80, f"only {len(pages)} pages collected"
    with tempfile.TemporaryDirectory(prefix="sichtbar-vnu-") as folder:
        names = {}
        for index, (name, html) in enumerate(sorted(pages.items())):
            path = pathlib.Path(folder) / f"page-{index:03d}.html"
            path.write_text(html, encoding="utf-8")
            names[path.name] = name
        result = subprocess.run(["java", "-Xss1024k", "-jar", jar, "--errors-only", "--format", "gnu", "--skip-non-html", folder],
                                capture_output=True, text=True, timeout=300)
        errors = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
        readable = [re.sub(r'"file:[^"]*/(page-\d+\.html)"', lambda m: names.get(m.group(1), m.group(1)), line) for line in errors]
        print(f"\nNu HTML checker: {len(pages)} pages, {len(errors)} error(s)")
        assert result.returncode == 0 and not errors, "\n".join(readable[:60])
