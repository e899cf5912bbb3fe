#!/usr/bin/env python3
"""The owner looks at the dashboards on a phone and on a laptop, in Russian and in English.

Usage: python3 Tests/Browser/dashboard_walk.py [EARNED_BINARY]   (as walk.py; screenshots in
$EARNED_SCREENSHOTS, default a new temporary directory)

Starts `earned serve --demo` on a fresh SQLite file and waits for its first scoring run, then,
for each of 390 px (a phone) and 1440 px (a laptop) and each language, the owner signs in and:
  1. opens the scorecard of the whole business, of a location, of a team and of a person;
  2. follows a figure's "what was missed" link to its records;
  3. opens the consistency page (the weakest slots are named in words) and another measure;
  4. opens the loyalty page, a segment's list, and a customer at risk with their story;
  5. fills in a points program on the forecast page, runs it, reads the verdict and the charts,
     saves the scenario, and finds it again among the saved forecasts.
On every page: no server error page, no browser console error, no element wider than the
viewport (wide tables scroll inside their own box), and a screenshot. Exits non-zero with the
reason on failure.
"""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import walk as base  # noqa: E402  (the server and browser helpers of the daily-work walk)

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

OWNER = "owner@demo.earned"
OVERFLOW = (
    "const w = document.documentElement.clientWidth;"
    "return [...document.querySelectorAll('body *')].filter(e => {"
    "  if (e.closest('.table-scroll')) return false;"
    "  const r = e.getBoundingClientRect(); return r.width > 0 && r.right > w + 1;"
    "}).slice(0, 5).map(e => e.tagName + '.' + (e.getAttribute('class') || ''));")


class DashboardWalk(base.Walk):
    def run(self):
        self.wait_for_scores()
        self.driver.quit()
        for width, device in [(390, "phone"), (1440, "laptop")]:
            for lang in ["ru", "en"]:
                base.log(f"the owner on a {device} ({width} px), in {lang}")
                self.driver = base.chrome(size=f"{max(width, 500)},900", lang=f"{lang}-{'RU' if lang == 'ru' else 'US'}")
                self.width = width
                self.viewport(900)
                self.tour(f"{device}-{lang}", lang)  # on failure, main() screenshots and closes this one
                self.driver.quit()
        self.driver = base.chrome()

    def wait_for_scores(self):
        deadline = time.time() + 240
        while time.time() < deadline:
            try:
                if self.server.query("SELECT COUNT(*) FROM score_snapshots WHERE key = 'run'")[0][0] > 0:
                    base.log("the first scoring run is done")
                    return
            except Exception:  # noqa: BLE001 - the table may not exist yet
                pass
            time.sleep(2)
        self.fail("no scoring run within 240 s of starting")

    def viewport(self, height):
        """The page's width exactly (a window cannot be narrower than 500 px), as a phone has it."""
        self.driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": self.width, "height": height, "deviceScaleFactor": 1, "mobile": self.width < 640})

    def look(self, name):
        """Checks the page as a user would see it, and keeps a screenshot of all of it."""
        self.loaded()
        severe = [e for e in self.driver.get_log("browser") if e["level"] == "SEVERE"]
        self.check(not severe, f"browser console errors: {severe[:3]}")
        wide = self.driver.execute_script(OVERFLOW)
        self.check(not wide, f"elements wider than the viewport: {wide}")
        self.check(self.driver.execute_script("return window.innerWidth") == self.width,
                   f"the page is not {self.width} px wide")
        height = self.driver.execute_script("return document.documentElement.scrollHeight")
        self.viewport(min(max(height, 900), 8000))
        self.shot(name)
        self.viewport(900)

    def tour(self, tag, lang):
        d = self.driver
        self.open(f"/language/{lang}?next=/sign-in")
        d.find_element(By.NAME, "email").send_keys(OWNER)
        d.find_element(By.NAME, "password").send_keys(base.PASSWORD)
        self.click_and_wait(d.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
        self.check(d.find_element(By.TAG_NAME, "html").get_attribute("lang") == lang, f"the page is not in {lang}")

        self.open("/scorecard")
        self.check(len(d.find_elements(By.CSS_SELECTOR, "li.step-card")) == 10, "the scorecard does not show ten steps")
        self.check(d.find_elements(By.CSS_SELECTOR, "svg.chart-quadrant, section svg"), "no chart on the scorecard")
        self.look(f"{tag}-scorecard")
        scopes = [o.get_attribute("value") for o in d.find_elements(By.CSS_SELECTOR, "select[name=scope] option")]
        for prefix in ["location:", "team:", "person:"]:
            scope = next((s for s in scopes if s.startswith(prefix)), None)
            self.check(scope, f"no {prefix} scope to choose")
            self.open(f"/scorecard?scope={scope}&period=90")
            self.look(f"{tag}-scorecard-{prefix[:-1]}")

        self.open("/scorecard?scope=business&period=90")
        missed = d.find_elements(By.CSS_SELECTOR, "li.step-card a[href*='result=missed']")
        self.check(missed, "no link from a figure to its records")
        self.click_and_wait(missed[0])
        self.check("/scorecard/records" in d.current_url, "the figure's link does not open its records")
        self.look(f"{tag}-records")

        self.open("/consistency")
        findings = d.find_elements(By.CSS_SELECTOR, "ol.findings li")
        self.check(findings, "the consistency page names no weak slot")
        self.look(f"{tag}-consistency")
        self.open("/consistency?measure=first_reply_in_target")
        self.look(f"{tag}-consistency-replies")

        self.open("/loyalty")
        self.look(f"{tag}-loyalty")
        self.open("/loyalty?segment=true_loyalty")
        at_risk = d.find_elements(By.CSS_SELECTOR, "main table a[href^='/customers/']")
        self.check(at_risk, "no customer listed on the loyalty page")
        self.click_and_wait(at_risk[0])
        self.check(d.find_elements(By.CSS_SELECTOR, "#story ol.timeline li"), "the customer's page has no story")
        self.check(d.find_elements(By.CSS_SELECTOR, "#loyalty dl.facts"), "the customer's page has no scores")
        self.look(f"{tag}-customer")
        self.forecast(tag)

    def field(self, name, value):
        box = self.driver.find_element(By.NAME, name)
        box.clear()
        box.send_keys(value)

    def forecast(self, tag):
        d = self.driver
        self.open("/forecast")
        Select(d.find_element(By.NAME, "kind")).select_by_value("points")
        self.field("points.per_unit", "1")
        self.field("points.value_minor", "0,03")
        self.field("participation.likely", "30")
        self.field("horizon_months", "24")
        self.field("withdrawal.month", "12")
        self.click_and_wait(d.find_element(By.CSS_SELECTOR, "form.forecast-form button[type=submit]"))
        verdict = d.find_elements(By.CSS_SELECTOR, "section.verdict li")
        self.check(len(verdict) >= 3, "the forecast shows no verdict")
        self.check(len(d.find_elements(By.CSS_SELECTOR, "main svg")) >= 3, "the forecast shows no charts")
        self.look(f"{tag}-forecast")
        name = f"Points {tag}"
        self.field("name", name)
        self.click_and_wait(d.find_element(By.CSS_SELECTOR, "form.inline-form button[type=submit]"))
        self.check("/forecast/saved/" in d.current_url, "saving the forecast did not open it")
        self.check(d.find_elements(By.CSS_SELECTOR, "section.verdict li"), "the saved forecast shows no verdict")
        self.open("/forecast/saved")
        links = [a for a in d.find_elements(By.CSS_SELECTOR, "main table a") if a.text == name]
        self.check(links, f"the saved forecast “{name}” is not in the list")
        self.look(f"{tag}-forecast-saved")
        self.click_and_wait(links[0])
        self.check(d.find_elements(By.CSS_SELECTOR, "main svg"), "the saved forecast shows no charts")


if __name__ == "__main__":
    sys.exit(base.main(DashboardWalk))
