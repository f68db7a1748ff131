"""Real-browser tests of the data lifecycle's pages (issue 16), JavaScript off.

A lead opens /retention (what goes in the next 60 days, the cases on hold), sets a legal hold on a
new report from its case page, finds it among the held cases, and lifts it again. A counsellor
saves their own notification address on /account, and a malformed one is refused with the field
named and the input kept. axe-core checks /retention in both languages and the refused account page.
"""

from urllib.parse import urlsplit

import pytest
from selenium.webdriver.common.by import By

from test_case_pages import api, case_ids
from test_member_pages import log_in
from test_reporter_pages import assert_no_alert, check_axe, click_and_wait, wait_for


@pytest.fixture(scope="module")
def new_report(demo):
    """A new report to the first office, as its lead's API sees it."""
    url, lead = demo["url"], demo["lead"]
    token = api(url, "POST", "/sessions", {"username": lead["username"], "passphrase": lead["passphrase"]})["token"]
    office = next(o for o in api(url, "GET", "/offices")["offices"] if o["name"] == demo["office"])
    before = case_ids(url, token)
    api(url, "POST", "/reports", {"language": "de", "narrative": "Beim Amt abgewiesen, Klage läuft.", "contactWish": "mailbox",
                                  "consent": True, "office": office["id"]})
    added = case_ids(url, token) - before
    assert len(added) == 1
    return added.pop()


def test_a_lead_sets_a_legal_hold_and_finds_it_on_the_retention_page(lead_browser, demo, new_report):
    url = demo["url"]
    log_in(lead_browser, url, demo["lead"]["username"], demo["lead"]["passphrase"])
    lead_browser.get(f"{url}/retention?lang=de")
    assert wait_for(lead_browser, "main h1").text == "Aufbewahrung und Löschung"
    assert lead_browser.find_element(By.CSS_SELECTOR, "nav a[aria-current='page']").text == "Aufbewahrung"
    rules = [item.text for item in lead_browser.find_elements(By.CSS_SELECTOR, "ul.hint li")]
    assert len(rules) == 4 and any("Art. 12 Abs. 3 DSGVO" in rule for rule in rules)
    assert_no_alert(lead_browser)

    lead_browser.get(f"{url}/cases/{new_report}?lang=de")
    assert lead_browser.find_elements(By.CSS_SELECTOR, "#legal-hold strong.badge") == [], "no hold yet"
    click_and_wait(lead_browser, "form[action*='/legal-hold'] button[type=submit]")
    assert "Die Löschsperre ist geändert." in wait_for(lead_browser, "div.alert.success").text
    assert wait_for(lead_browser, "#legal-hold strong.badge").text == "Löschsperre: Gerichtsverfahren"

    lead_browser.get(f"{url}/retention?lang=de")
    held = lead_browser.find_elements(By.XPATH, f"//h2[@id='held-title']/following-sibling::ul//a[starts-with(@href, '/cases/{new_report}')]")
    assert len(held) == 1, "listed among the held cases, with a link"
    going = lead_browser.find_elements(By.CSS_SELECTOR, f"table.retention-table a[href^='/cases/{new_report}']")
    assert going == [], "and not among what goes"

    lead_browser.get(f"{url}/cases/{new_report}?lang=de")
    click_and_wait(lead_browser, "form[action*='/legal-hold'] button[type=submit]")
    assert lead_browser.find_elements(By.CSS_SELECTOR, "#legal-hold strong.badge") == []


def test_a_counsellor_saves_a_notification_address(member_browser, demo):
    url, counsellor = demo["url"], demo["counsellor"]
    log_in(member_browser, url, counsellor["username"], counsellor["passphrase"])
    member_browser.get(f"{url}/account?lang=de")
    field = wait_for(member_browser, "input#notify")
    field.clear()
    field.send_keys("carla@ada-koeln")
    click_and_wait(member_browser, "form[action^='/account/notify'] button[type=submit]")
    refused = wait_for(member_browser, "input#notify")
    assert refused.get_attribute("aria-invalid") == "true"
    assert refused.get_attribute("value") == "carla@ada-koeln", "the input is kept (a missing top-level domain passes the browser, not the server)"
    assert "name@beratungsstelle.de" in member_browser.find_element(By.ID, "notify-error").text
    refused.clear()
    refused.send_keys("carla@ada-koeln.de")
    click_and_wait(member_browser, "form[action^='/account/notify'] button[type=submit]")
    assert "Die Benachrichtigung ist gespeichert." in wait_for(member_browser, "div.alert.success").text
    assert member_browser.find_element(By.ID, "notify").get_attribute("value") == "carla@ada-koeln.de"
    assert urlsplit(member_browser.current_url).path == "/account"


def test_axe_retention_and_refused_account(axe_browser, demo, axe_source):
    url = demo["url"]
    failures = []
    log_in(axe_browser, url, demo["lead"]["username"], demo["lead"]["passphrase"])
    for page in ["/retention?lang=de", "/retention?lang=en", "/account?lang=en"]:
        axe_browser.get(f"{url}{page}")
        assert urlsplit(axe_browser.current_url).path == urlsplit(page).path, f"{page} redirected"
        check_axe(axe_browser, axe_source, page, failures)
    field = wait_for(axe_browser, "input#notify")
    field.clear()
    field.send_keys("carla@ada-koeln")
    click_and_wait(axe_browser, "form[action^='/account/notify'] button[type=submit]")
    wait_for(axe_browser, "#notify-error")
    check_axe(axe_browser, axe_source, "/account (address refused)", failures)
    assert not failures, "axe found WCAG 2.1 A/AA violations:\n" + "\n".join(failures)
