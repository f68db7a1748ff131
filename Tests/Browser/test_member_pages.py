"""Real-browser tests of Sichtbar's member pages (login, enrolment, account, members, audit).

The flows run in Chromium with JavaScript disabled. They need the demo members' passphrases,
which only `sichtbar demo --json` prints, so this module starts its own demo server on a free
loopback port (the server of run.sh prints no passphrases) and stops it at the end. Every browser
here is its own profile, quit at the end: the session cookie belongs to 127.0.0.1 whatever the
port, and the reporter tests expect a browser without cookies.
"""

import secrets
from urllib.parse import urlsplit

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from test_reporter_pages import assert_no_alert, body_text, check_axe, click_and_wait, wait_for

COOKIE = "__Host-sichtbar-session"

# English strings from Templates/i18n/en.yaml that the flows look for.
ENROLLED = "Your account has been created"
PASSPHRASE_CHANGED = "Your passphrase has been changed."
LOGGED_OUT = "You are logged out."
LOGIN_FAILED = "The username or the passphrase is wrong."
REMOVED = "The key rotation has started."
KEEP_OUTSIDE = "keep it outside this server"


# --- helpers ------------------------------------------------------------------------------------

def log_in(driver, url, username, passphrase):
    driver.get(f"{url}/login?lang=en")
    wait_for(driver, "input#username").send_keys(username)
    driver.find_element(By.ID, "passphrase").send_keys(passphrase)
    click_and_wait(driver, "form[action^='/login'] button[type=submit]")
    wait_for(driver, "main h1")


def session_cookie(driver):
    cookies = [c for c in driver.get_cookies() if c["name"] == COOKIE]
    return cookies[0] if cookies else None


def assert_member_page(driver):
    assert driver.find_elements(By.TAG_NAME, "script") == []
    assert_no_alert(driver)


# --- the flow, JavaScript off ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def flow(demo):
    """What the flow tests share: the new member's name and passphrases."""
    suffix = secrets.token_hex(4)
    return {"username": f"browser.{suffix}", "passphrase": f"Linden-Allee-{suffix}-Ruhr",
            "new_passphrase": f"Kastanien-Weg-{suffix}-Emscher"}


def test_lead_logs_in_and_chromium_keeps_the_host_cookie(lead_browser, demo):
    lead = demo["lead"]
    log_in(lead_browser, demo["url"], lead["username"], lead["passphrase"])
    assert urlsplit(lead_browser.current_url).path == "/members", "a lead lands on the members page"
    cookie = session_cookie(lead_browser)
    assert cookie, f"Chromium kept no session cookie on http://127.0.0.1: {lead_browser.get_cookies()}"
    assert cookie["secure"] and cookie["httpOnly"] and cookie["sameSite"] == "Strict" and cookie["path"] == "/"
    assert "expiry" not in cookie, "the session cookie must end with the browser"
    assert lead["username"] in wait_for(lead_browser, ".signed-in-user").text
    # The cookie is sent back: a second page stays logged in.
    lead_browser.get(f"{demo['url']}/account?lang=en")
    assert wait_for(lead_browser, ".account-username").text == lead["username"]
    assert demo["office"] in body_text(lead_browser)
    assert_member_page(lead_browser)


def test_a_wrong_passphrase_is_refused_alike(member_browser, demo):
    log_in(member_browser, demo["url"], demo["lead"]["username"], "Nicht-die-richtige-Passphrase")
    assert LOGIN_FAILED in wait_for(member_browser, "#form-error").text
    log_in(member_browser, demo["url"], "niemand.unbekannt", "Nicht-die-richtige-Passphrase")
    assert LOGIN_FAILED in wait_for(member_browser, "#form-error").text
    assert session_cookie(member_browser) is None


def test_invite_enrol_login_change_passphrase_logout(lead_browser, member_browser, demo, flow):
    url = demo["url"]
    # The lead invites a counsellor; the token is on this answer only.
    lead_browser.get(f"{url}/members?lang=en")
    Select(wait_for(lead_browser, "select#invite-role")).select_by_value("counsellor")
    click_and_wait(lead_browser, "form[action^='/members/invite'] button[type=submit]")
    token = wait_for(lead_browser, "#invitation-token").text.strip()
    assert len(token) == 43, f"not an invitation token: {token!r}"
    assert lead_browser.find_element(By.CSS_SELECTOR, ".invitation-expires").text.strip()
    assert token not in lead_browser.current_url
    assert_member_page(lead_browser)
    lead_browser.get(f"{url}/members?lang=en")
    wait_for(lead_browser, "main h1")
    assert token not in lead_browser.page_source, "the invitation is shown only once"

    # The invited person enrols in their own browser; first with passphrases that differ.
    member_browser.delete_all_cookies()
    member_browser.get(f"{url}/enrol?lang=en")
    wait_for(member_browser, "input#invitation").send_keys(token)
    member_browser.find_element(By.ID, "username").send_keys(flow["username"])
    member_browser.find_element(By.ID, "passphrase").send_keys(flow["passphrase"])
    member_browser.find_element(By.ID, "passphrase_repeat").send_keys(flow["passphrase"] + "x")
    click_and_wait(member_browser, "form[action^='/enrol'] button[type=submit]")
    wait_for(member_browser, "#passphrase_repeat-error")
    assert member_browser.find_element(By.ID, "passphrase_repeat").get_attribute("aria-invalid") == "true"
    assert member_browser.find_element(By.ID, "invitation").get_attribute("value") == token
    member_browser.find_element(By.ID, "passphrase").send_keys(flow["passphrase"])
    member_browser.find_element(By.ID, "passphrase_repeat").send_keys(flow["passphrase"])
    click_and_wait(member_browser, "form[action^='/enrol'] button[type=submit]")
    assert ENROLLED in wait_for(member_browser, "main h1").text
    assert member_browser.find_element(By.CSS_SELECTOR, ".enrolled-username").text == flow["username"]
    assert token not in member_browser.current_url
    assert session_cookie(member_browser) is None, "enrolment does not log in"

    # The new counsellor logs in and lands on their cases; the account is one link away.
    log_in(member_browser, url, flow["username"], flow["passphrase"])
    assert urlsplit(member_browser.current_url).path == "/cases"
    member_browser.get(f"{url}/account?lang=en")
    assert wait_for(member_browser, ".account-username").text == flow["username"]
    assert member_browser.find_element(By.CSS_SELECTOR, ".account-role").text == "Counsellor"
    assert member_browser.find_elements(By.CSS_SELECTOR, "a[href^='/members']") == [], "no members link for a counsellor"
    assert session_cookie(member_browser)

    # Passphrase change.
    member_browser.find_element(By.ID, "current").send_keys(flow["passphrase"])
    member_browser.find_element(By.ID, "new").send_keys(flow["new_passphrase"])
    member_browser.find_element(By.ID, "repeat").send_keys(flow["new_passphrase"])
    click_and_wait(member_browser, "form[action^='/account/passphrase'] button[type=submit]")
    assert PASSPHRASE_CHANGED in wait_for(member_browser, ".alert.success").text
    assert_member_page(member_browser)

    # Logout drops the cookie; the old passphrase no longer works, the new one does.
    click_and_wait(member_browser, "button.logout-button")
    assert LOGGED_OUT in wait_for(member_browser, ".alert.success").text
    assert urlsplit(member_browser.current_url).path == "/login"
    assert session_cookie(member_browser) is None
    member_browser.get(f"{url}/account?lang=en")
    assert urlsplit(member_browser.current_url).path == "/login", "after logout the account page asks for a login"
    log_in(member_browser, url, flow["username"], flow["passphrase"])
    assert LOGIN_FAILED in wait_for(member_browser, "#form-error").text
    log_in(member_browser, url, flow["username"], flow["new_passphrase"])
    assert urlsplit(member_browser.current_url).path == "/cases", "a counsellor lands on the cases"

    # The lead sees the new member listed.
    lead_browser.get(f"{url}/members?lang=en")
    names = [e.text.split(" ")[0] for e in lead_browser.find_elements(By.CSS_SELECTOR, "th.member-name")]
    assert flow["username"] in names, f"{flow['username']} is not listed: {names}"
    flow["enrolled"] = True


def test_lead_removes_the_member_and_sees_the_rotation(lead_browser, member_browser, demo, flow):
    if not flow.get("enrolled"):
        pytest.skip("the enrolment flow did not complete")
    url = demo["url"]
    lead_browser.get(f"{url}/members?lang=en")
    row = next(r for r in lead_browser.find_elements(By.CSS_SELECTOR, "table.members-table tbody tr")
               if r.find_element(By.CSS_SELECTOR, "th.member-name").text.split(" ")[0] == flow["username"])
    row.find_element(By.CSS_SELECTOR, "form[action^='/members/remove'] input[name=confirm]").click()
    old = lead_browser.find_element(By.TAG_NAME, "html")
    row.find_element(By.CSS_SELECTOR, "form[action^='/members/remove'] button[type=submit]").click()
    WebDriverWait(lead_browser, 30).until(EC.staleness_of(old))
    assert REMOVED in wait_for(lead_browser, ".alert.success").text
    state = wait_for(lead_browser, "section.key-state")
    running = state.find_elements(By.CSS_SELECTOR, ".rotation")
    if running:
        versions = state.find_element(By.CSS_SELECTOR, ".rotation-versions").text
        assert "→" in versions, f"rotation versions: {versions!r}"
        assert state.find_element(By.CSS_SELECTOR, ".rotation-remaining").text.strip().isdigit()
    else:
        # A small demo re-seals its cases within the grace period; then the new version shows.
        assert int(state.find_element(By.CSS_SELECTOR, ".key-version").text) >= 2
    names = [e.text.split(" ")[0] for e in lead_browser.find_elements(By.CSS_SELECTOR, "th.member-name")]
    assert flow["username"] not in names
    assert_member_page(lead_browser)
    # The removed member's session has ended.
    member_browser.get(f"{url}/account?lang=en")
    assert urlsplit(member_browser.current_url).path == "/login"


def test_audit_page_offers_the_checkpoint(lead_browser, demo):
    lead_browser.get(f"{demo['url']}/audit?lang=en")
    wait_for(lead_browser, "table.audit-table")
    text = body_text(lead_browser)
    assert KEEP_OUTSIDE in text
    assert "session.login" in text and "member.removed" in text
    link = lead_browser.find_element(By.CSS_SELECTOR, "a[href^='/audit/checkpoint']")
    assert urlsplit(link.get_attribute("href")).path == "/audit/checkpoint"
    assert_member_page(lead_browser)


# --- accessibility with axe-core (JavaScript driver) ----------------------------------------------

def test_axe_member_pages(axe_browser, demo, axe_source):
    """WCAG 2.1 A/AA on every member page, in both languages, and on the answers with errors."""
    url = demo["url"]
    failures = []

    def check(page):
        check_axe(axe_browser, axe_source, page, failures)

    for page in ["/login?lang=en", "/login?lang=de", "/enrol?lang=en", "/enrol?lang=de"]:
        axe_browser.get(f"{url}{page}")
        check(page)
    log_in(axe_browser, url, "niemand.unbekannt", "Nicht-die-richtige-Passphrase")
    check("/login (refused)")
    axe_browser.get(f"{url}/enrol?lang=en")
    wait_for(axe_browser, "input#invitation").send_keys("not-an-invitation")
    axe_browser.find_element(By.ID, "username").send_keys("axe.test")
    axe_browser.find_element(By.ID, "passphrase").send_keys("Axe-Linden-Allee-1")
    axe_browser.find_element(By.ID, "passphrase_repeat").send_keys("Axe-Linden-Allee-2")
    click_and_wait(axe_browser, "form[action^='/enrol'] button[type=submit]")
    wait_for(axe_browser, "#passphrase_repeat-error")
    check("/enrol (passphrases differ)")

    lead = demo["lead"]
    log_in(axe_browser, url, lead["username"], lead["passphrase"])
    for page in ["/account?lang=en", "/account?lang=de", "/members?lang=en", "/members?lang=de",
                 "/audit?lang=en", "/audit?lang=de"]:
        axe_browser.get(f"{url}{page}")
        assert urlsplit(axe_browser.current_url).path == urlsplit(page).path, f"{page} redirected"
        check(page)
    axe_browser.get(f"{url}/members?lang=en")
    click_and_wait(axe_browser, "form[action^='/members/invite'] button[type=submit]")
    wait_for(axe_browser, "#invitation-token")
    check("/members (new invitation)")
    assert not failures, "axe found WCAG 2.1 A/AA violations:\n" + "\n".join(failures)
