"""Real-browser tests of the Verband analysts' pages (/statistics and /report).

`sichtbar demo` releases two years (the last also by quarter) for both offices and publishes the
merged statistics; the demo's analyst logs in with JavaScript off and reads them: tables with their suppression marks,
bar charts by ground and area of life and the trend, all as inline SVG with an accessible name,
and the printable report. A second browser, with JavaScript on, runs axe-core 4 on every page
in German and English. Leads may not see the statistics.
"""

from urllib.parse import urlsplit

import pytest
from selenium.webdriver.common.by import By

from test_member_pages import assert_member_page, log_in
from test_reporter_pages import check_axe, wait_for


def analyst_of(demo):
    analyst = demo["analyst"]
    assert analyst["role"] == "analyst", f"the demo's Verband member is a {analyst['role']}"
    return analyst


def svg_names(driver):
    """Every chart's accessible name parts: role, the labelled-by ids and their texts."""
    charts = []
    for svg in driver.find_elements(By.CSS_SELECTOR, "svg.chart"):
        ids = (svg.get_attribute("aria-labelledby") or "").split()
        texts = [driver.find_element(By.ID, ident).get_attribute("textContent").strip() for ident in ids]
        charts.append({"role": svg.get_attribute("role"), "ids": ids, "texts": texts})
    return charts


def test_analyst_reads_the_published_statistics_without_javascript(lead_browser, demo):
    url = demo["url"]
    analyst = analyst_of(demo)
    log_in(lead_browser, url, analyst["username"], analyst["passphrase"])
    lead_browser.get(f"{url}/statistics?lang=en")
    wait_for(lead_browser, "main h1")
    assert urlsplit(lead_browser.current_url).path == "/statistics"
    assert_member_page(lead_browser)
    assert lead_browser.find_elements(By.CSS_SELECTOR, "a[aria-current=page][href^='/statistics']"), "the nav marks the page"
    periods = lead_browser.find_elements(By.CSS_SELECTOR, "ul.periods a")
    assert len(periods) >= 6, "the demo publishes two years and the last one's quarters"
    tables = lead_browser.find_elements(By.CSS_SELECTOR, "section.stat-table")
    assert len(tables) >= 5
    # Wide tables scroll in their own region; the page itself never scrolls sideways (the
    # cells' visually hidden texts once made it 1,704 px wide at 1,280).
    widths = lead_browser.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], f"the page is {widths[0]} px wide in a {widths[1]} px window"
    assert "Total" in lead_browser.find_element(By.CSS_SELECTOR, "section.stat-table table tfoot").text
    charts = svg_names(lead_browser)
    assert len(charts) >= 3, "bars by ground and by area of life, and the trend"
    for chart in charts:
        assert chart["role"] == "img"
        assert len(chart["ids"]) == 2 and all(chart["texts"]), f"a chart without title or description: {chart}"
    trend = lead_browser.find_element(By.CSS_SELECTOR, "section.trend table").text
    assert " pp" in trend, "the trend's changes are in percentage points"
    # The demo's small numbers are recoded before suppression: a merged row is labelled as such,
    # and a note names the codes it holds (issue 15, item 16).
    notes = [note.text for note in lead_browser.find_elements(By.CSS_SELECTOR, "p.note.recoded")]
    assert notes and all(note.startswith("Combined because of small numbers:") for note in notes), notes
    rows = [th.text for th in lead_browser.find_elements(By.CSS_SELECTOR, "section.stat-table tbody th")]
    assert any("(combined)" in row for row in rows), "a merged row reads '… (combined)'"
    assert not any("Antisemitism" in note or "Work and employment" in note for note in notes), "kept codes are never merged"
    # Suppressed counts, if this publication has any, carry their mark and a spoken explanation.
    for cell in lead_browser.find_elements(By.CSS_SELECTOR, "td.suppressed"):
        assert cell.text.split()[0] in ("<5", "–"), cell.text

    lead_browser.find_element(By.CSS_SELECTOR, "a[href^='/report']").click()
    wait_for(lead_browser, "main h1")
    assert lead_browser.find_element(By.TAG_NAME, "h1").text.startswith("Annual report")
    assert lead_browser.find_elements(By.TAG_NAME, "script") == []
    assert "Notes on method" in lead_browser.find_element(By.CSS_SELECTOR, "section.method").text
    assert len(svg_names(lead_browser)) >= 2


def test_a_lead_does_not_see_the_statistics(member_browser, demo):
    url = demo["url"]
    log_in(member_browser, url, demo["lead"]["username"], demo["lead"]["passphrase"])
    member_browser.get(f"{url}/statistics?lang=en")
    wait_for(member_browser, "main h1")
    assert member_browser.find_elements(By.CSS_SELECTOR, "svg.chart") == []
    assert "not" in member_browser.find_element(By.TAG_NAME, "h1").text.lower()


@pytest.mark.parametrize("lang", ["en", "de"])
def test_axe_statistics_pages(axe_browser, demo, axe_source, lang):
    url = demo["url"]
    analyst = analyst_of(demo)
    if not axe_browser.get_cookies():
        log_in(axe_browser, url, analyst["username"], analyst["passphrase"])
    failures = []
    for page in [f"/statistics?lang={lang}", f"/report?lang={lang}"]:
        axe_browser.get(f"{url}{page}")
        assert urlsplit(axe_browser.current_url).path == urlsplit(page).path, f"{page} redirected"
        check_axe(axe_browser, axe_source, page, failures)
        for chart in svg_names(axe_browser):
            assert chart["role"] == "img" and all(chart["texts"]), f"{page}: a chart without an accessible name"
    assert not failures, "axe found WCAG 2.1 A/AA violations:\n" + "\n".join(failures)
