"""Real-browser tests of the counsellors' case pages (/cases, /cases/{id}, /cases/new, /deadlines).

A report whose narrative is full of markup and script comes in through the API; a counsellor
works it in Chromium with JavaScript off, and a browser with JavaScript on (the one axe runs in)
shows that the narrative stays text: no element, no script run, the characters as typed. axe-core
checks every case page in German and English, and a case page that shows a refusal.
"""

import json
import urllib.request
from urllib.parse import urlsplit

import pytest
from selenium.webdriver.common.by import By

from conftest import _driver
from test_member_pages import log_in
from test_reporter_pages import check_axe, click_and_wait, wait_for

HOSTILE = ('<script>window.sichtbarPwned = 1; document.title = "pwned"</script>'
           '<img src=x onerror="window.sichtbarPwned = 2"> <b>fett</b> & "Zitat" </textarea>')


def api(url, method, path, body=None, token=None):
    request = urllib.request.Request(f"{url}/api/v1{path}", method=method,
                                     data=None if body is None else json.dumps(body).encode("utf-8"),
                                     headers={"Content-Type": "application/json"})
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(request, timeout=30) as answer:
        text = answer.read().decode("utf-8")
        return json.loads(text) if text else None


def as_counsellor(driver, demo):
    """The first office's counsellor in `driver`: logs in unless this browser already is."""
    driver.get(f"{demo['url']}/cases?lang=en")
    if urlsplit(driver.current_url).path != "/cases":
        log_in(driver, demo["url"], demo["counsellor"]["username"], demo["counsellor"]["passphrase"])


def case_ids(url, token):
    return {case["id"] for case in api(url, "GET", "/cases?limit=100", token=token)["cases"]}


@pytest.fixture(scope="module")
def hostile_case(demo):
    """The id of a new report with the hostile narrative, as the first office's counsellor sees it."""
    url, counsellor = demo["url"], demo["counsellor"]
    token = api(url, "POST", "/sessions", {"username": counsellor["username"], "passphrase": counsellor["passphrase"]})["token"]
    office = next(o for o in api(url, "GET", "/offices")["offices"] if o["name"] == demo["office"])
    before = case_ids(url, token)
    api(url, "POST", "/reports", {"language": "de", "narrative": HOSTILE, "contactWish": "mailbox", "consent": True, "office": office["id"]})
    added = case_ids(url, token) - before
    assert len(added) == 1, f"expected one new case, found {added}"
    return added.pop()


def test_a_hostile_narrative_renders_as_text_and_runs_nothing(axe_browser, demo, hostile_case):
    url, counsellor = demo["url"], demo["counsellor"]
    log_in(axe_browser, url, counsellor["username"], counsellor["passphrase"])
    assert urlsplit(axe_browser.current_url).path == "/cases", "counsellors land on their cases"
    axe_browser.get(f"{url}/cases/{hostile_case}?lang=en")
    narrative = wait_for(axe_browser, ".narrative")
    assert narrative.text == HOSTILE
    assert narrative.find_elements(By.CSS_SELECTOR, "*") == [], "the narrative holds no element"
    assert axe_browser.execute_script("return window.sichtbarPwned === undefined"), "a script from the narrative ran"
    assert axe_browser.title != "pwned"
    assert "pwned" not in axe_browser.title


def test_a_counsellor_works_a_case_without_javascript(member_browser, demo, hostile_case):
    url, counsellor = demo["url"], demo["counsellor"]
    log_in(member_browser, url, counsellor["username"], counsellor["passphrase"])
    member_browser.get(f"{url}/cases/{hostile_case}?lang=en")
    assert wait_for(member_browser, ".case-step").get_attribute("data-step") == "eingegangen"
    offered = {e.get_attribute("value") for e in member_browser.find_elements(By.CSS_SELECTOR, "form.transition input[name=to]")}
    assert "erstkontakt" in offered and "intervention" not in offered
    click_and_wait(member_browser, "form.transition:has(input[name=to][value=erstkontakt]) button[type=submit]")
    assert wait_for(member_browser, ".case-step").get_attribute("data-step") == "erstkontakt"
    assert "The case moved on." in member_browser.find_element(By.CSS_SELECTOR, "[role=status]").text

    member_browser.find_element(By.ID, "note-text").send_keys("Rückruf vereinbart <b>nicht fett</b>")
    click_and_wait(member_browser, "form[action$='/note?lang=en'] button[type=submit]")
    notes = [e.text for e in member_browser.find_elements(By.CSS_SELECTOR, ".note .text")]
    assert "Rückruf vereinbart <b>nicht fett</b>" in notes

    # Another office's counsellor finds nothing under the same address.
    other = _driver(javascript=False)
    try:
        log_in(other, url, demo["other_office"]["username"], demo["other_office"]["passphrase"])
        other.get(f"{url}/cases/{hostile_case}?lang=en")
        assert "fett" not in other.page_source
        assert other.find_elements(By.CSS_SELECTOR, ".narrative") == []
    finally:
        other.quit()


def test_axe_case_pages(axe_browser, demo, hostile_case, axe_source):
    """WCAG 2.1 A/AA on the case pages in both languages, and on a case page showing a refusal."""
    url = demo["url"]
    driver = axe_browser
    failures = []

    def check(page):
        check_axe(driver, axe_source, page, failures)

    as_counsellor(driver, demo)
    for lang in ["de", "en"]:
        for page in [f"/cases?lang={lang}", f"/cases/{hostile_case}?lang={lang}", f"/cases/new?lang={lang}",
                     f"/deadlines?lang={lang}", f"/cases?lang={lang}&due=overdue"]:
            driver.get(f"{url}{page}")
            assert urlsplit(driver.current_url).path == urlsplit(page).path, f"{page} redirected"
            check(page)
    # A refused transition: the case page again, with the refusal on top.
    driver.get(f"{url}/cases/{hostile_case}?lang=en")
    driver.execute_script("document.querySelector('form.transition input[name=from]').value = 'nachbereitung'")
    click_and_wait(driver, "form.transition button[type=submit]")
    wait_for(driver, "#form-error")
    check("/cases/{id} (refused transition)")
    assert not failures, "axe found WCAG 2.1 A/AA violations:\n" + "\n".join(failures)


def _open_details(driver, form_css):
    """Opens the <details> a form sits in by clicking its summary (JavaScript is off)."""
    form = driver.find_element(By.CSS_SELECTOR, form_css)
    details = form.find_element(By.XPATH, "ancestor::details[1]")
    if details.get_attribute("open") is None:
        details.find_element(By.TAG_NAME, "summary").click()


def _deadline_texts(driver):
    return [row.text for row in driver.find_elements(By.CSS_SELECTOR, ".deadline-table tr.deadline")]


# (area, events in order, deadlines that must show, deadlines that must not)
WALKS = {
    "housing": ("wohnen", ["benachteiligung_bekannt", "anspruch_geltend_gemacht"],
                ["§ 21 Abs. 5 AGG"], ["§ 61b ArbGG", "§ 15 Abs. 4 AGG", "§ 84 SGG"]),
    "employment": ("arbeitssuche", ["ablehnung_zugegangen", "anspruch_geltend_gemacht"],
                   ["§ 15 Abs. 4 AGG", "§ 61b ArbGG"], ["§ 21 Abs. 5 AGG", "§ 84 SGG"]),
    "authority": ("jobcenter", ["sozialbescheid_zugegangen", "widerspruch_erhoben"],
                  ["§ 84 SGG"], ["§ 21 Abs. 5 AGG", "§ 15 Abs. 4 AGG", "§ 61b ArbGG"]),
}


@pytest.mark.parametrize("walk", sorted(WALKS))
def test_three_cases_walk_from_intake_to_abschluss_with_only_their_deadlines(member_browser, demo, walk):
    """A housing, an employment and a public-authority case, from a report to Abschluss in the
    browser without JavaScript: classified, their legal events recorded, and only the deadlines
    of their legal field shown — the reported bug was § 61b ArbGG in a housing case."""
    area, events, shown, absent = WALKS[walk]
    url, counsellor = demo["url"], demo["counsellor"]
    token = api(url, "POST", "/sessions", {"username": counsellor["username"], "passphrase": counsellor["passphrase"]})["token"]
    office = next(o for o in api(url, "GET", "/offices")["offices"] if o["name"] == demo["office"])
    before = case_ids(url, token)
    api(url, "POST", "/reports", {"language": "de", "narrative": f"Walk {walk}: abgewiesen.", "contactWish": "mailbox", "consent": True,
                                  "office": office["id"]})
    (case_id,) = case_ids(url, token) - before
    driver = member_browser
    as_counsellor(driver, demo)
    page = f"{url}/cases/{case_id}?lang=de"
    driver.get(page)
    offered = {o.get_attribute("value") for o in driver.find_elements(By.CSS_SELECTOR, "#ev-event option")}
    assert events[0] not in offered, "before classification, no field's event is offered"

    _open_details(driver, "form[action$='/classification?lang=de']")
    driver.find_element(By.CSS_SELECTOR, f"form[action$='/classification?lang=de'] input[name=area][value={area}]").click()
    click_and_wait(driver, "form[action$='/classification?lang=de'] button[type=submit]")
    for event in events:
        driver.find_element(By.CSS_SELECTOR, f"#ev-event option[value={event}]").click()
        click_and_wait(driver, "form[action$='/event?lang=de'] button[type=submit]")
        assert "Das Ereignis wurde erfasst." in driver.find_element(By.CSS_SELECTOR, "[role=status]").text
    deadlines = "\n".join(_deadline_texts(driver))
    for label in shown:
        assert label in deadlines, f"{walk}: {label} missing from {deadlines}"
    for label in absent:
        assert label not in deadlines, f"{walk}: {label} must not show: {deadlines}"

    for target in ["erstkontakt", "sachverhaltsklaerung", "auftragsklaerung"]:
        click_and_wait(driver, f"form.transition:has(input[name=to][value={target}]) button[type=submit]")
        assert wait_for(driver, ".case-step").get_attribute("data-step") == target
    form = "form.transition:has(input[name=to][value=abschluss])"
    driver.find_element(By.CSS_SELECTOR, f"{form} select[name=outcome] option[value=verweis]").click()
    driver.find_element(By.CSS_SELECTOR, f"{form} textarea[name=reason]").send_keys("Verwiesen an die Rechtsberatung.")
    click_and_wait(driver, f"{form} button[type=submit]")
    assert wait_for(driver, ".case-step").get_attribute("data-step") == "abschluss"
