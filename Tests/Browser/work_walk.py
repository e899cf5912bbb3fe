#!/usr/bin/env python3
"""A manager moves work with people and finds things in the lists, by clicking.

Usage: python3 Tests/Browser/work_walk.py [EARNED_BINARY]   (as walk.py; screenshots in
$EARNED_SCREENSHOTS, default a new temporary directory)

Starts `earned serve --demo` on a fresh SQLite file, then:
  1. manager.1 opens Today → Absences and marks Maria Lebedeva away from today for three days,
     covered by Olga Pavlova: the list shows her away, her open work handed over;
  2. Olga signs in: Maria's open tasks are on Olga's Today;
  3. the manager filters Cases to the overdue ones, then to one person's: the count and every
     row are that person's;
  4. filters Promises to this week, downloads the CSV for Excel and opens it: a byte-order mark,
     ";" between fields, the header, and as many rows as the page says were found.
Every step checks the page, and the database behind it. Exits non-zero with the reason.
"""
import csv
import datetime
import io
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import walk as base  # noqa: E402  (the server and browser helpers of the daily-work walk)

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

AWAY = base.STAFF_NAME  # Maria Lebedeva, staff of location 0
COVER = base.COLLEAGUE_NAME  # Olga Pavlova, same location
COVER_EMAIL = "olga.pavlova@demo.earned"


class WorkWalk(base.Walk):
    def found(self):
        counts = self.driver.find_elements(By.CSS_SELECTOR, ".list-summary .count")
        self.check(counts, "the list does not say how many it found")
        digits = "".join(ch for ch in counts[0].text if ch.isdigit())
        self.check(digits, f"no number in {counts[0].text!r}")
        return int(digits)

    def sign_out(self):
        self.click_and_wait(self.button(self.driver.find_element(By.CSS_SELECTOR, "header"), "Sign out"))

    def run(self):
        d = self.driver
        maria = self.server.query("SELECT id FROM staff WHERE email = ?", base.STAFF)[0][0]
        olga = self.server.query("SELECT id FROM staff WHERE email = ?", COVER_EMAIL)[0][0]
        # The scheduler inside serve creates the demo's due tasks within seconds of starting.
        deadline = base.time.time() + 90
        while base.time.time() < deadline:
            marias = self.server.query(
                "SELECT id FROM service_tasks WHERE lower(assignee_id) = lower(?) AND status = 'open'", maria)
            if marias:
                break
            base.time.sleep(2)
        self.check(marias, "Maria has no open tasks to hand over")

        base.log("1. the manager marks Maria away, covered by Olga")
        self.sign_in(base.MANAGER)
        self.click_and_wait(self.link_named("Absences"))
        form = self.form_with(heading="Mark someone away")
        Select(form.find_element(By.NAME, "staff_id")).select_by_visible_text(AWAY)
        Select(form.find_element(By.NAME, "cover_id")).select_by_visible_text(COVER)
        # The browser's own date picker: today is filled in; the last day typed as the picker takes it.
        until = form.find_element(By.NAME, "ends_on")
        last = datetime.date.today() + datetime.timedelta(days=2)
        d.execute_script("arguments[0].value = arguments[1]", until, last.isoformat())
        self.type_into(form, "Reason (holiday, sick day…)", "holiday")
        self.shot("absence-form", form)
        self.click_and_wait(self.button(form, "Mark someone away"))
        table = self.text()
        self.check(AWAY in table and "away now" in table, f"the absence is not listed as ongoing: {table[:400]!r}")
        self.check("handed over" in table, "the list does not say the work was handed over")
        self.shot("absences")
        # Work Olga may take (at her location) is hers now; work elsewhere stays with Maria.
        home = self.server.query("SELECT home_location_id FROM staff WHERE email = ?", COVER_EMAIL)[0][0]
        left = self.server.query(
            "SELECT COUNT(*) FROM service_tasks WHERE lower(assignee_id) = lower(?) AND status = 'open' "
            "AND lower(location_id) = lower(?)", maria, home)[0][0]
        self.check(left == 0, f"{left} open tasks at Olga's location are still Maria's after she was marked away")
        self.sign_out()

        base.log("2. Olga's Today has Maria's tasks")
        self.sign_in(COVER_EMAIL)
        on_today = self.task_paths()
        handed = [f"/tasks/{row[0].lower()}/complete" for row in marias]
        shown = [p for p in handed if p.lower() in {t.lower() for t in on_today}]
        self.check(shown, f"none of Maria's {len(handed)} tasks is on Olga's Today")
        self.shot("olga-today")
        self.sign_out()

        base.log("3. the manager filters Cases to the overdue ones, then to one person's")
        self.sign_in(base.MANAGER)
        self.nav("Cases")
        filters = d.find_element(By.CSS_SELECTOR, "form.list-filters")
        Select(filters.find_element(By.NAME, "status")).select_by_visible_text("overdue")
        self.click_and_wait(self.button(filters, "Show"))
        everyone = self.found()
        self.check(everyone > 0, "the demo's cases list shows no overdue case")
        first = d.find_elements(By.CSS_SELECTOR, "main table tbody tr")[0].find_elements(By.CSS_SELECTOR, "td")
        person = first[2].text.strip()  # the accountable owner
        filters = d.find_element(By.CSS_SELECTOR, "form.list-filters")
        Select(filters.find_element(By.NAME, "person")).select_by_visible_text(person)
        self.click_and_wait(self.button(filters, "Show"))
        count = self.found()
        self.check(0 < count <= everyone, f"{person}'s overdue cases: {count} of {everyone}")
        rows = d.find_elements(By.CSS_SELECTOR, "main table tbody tr")
        self.check(len(rows) == min(count, 50), f"the page says {count} found and shows {len(rows)} rows")
        for row in rows:
            self.check(person in row.text, f"a case in {person}'s filter is not theirs: {row.text!r}")
        self.check("status=overdue" in d.current_url and "person=" in d.current_url,
                   f"the filter is not in the address: {d.current_url}")
        self.shot("cases-overdue-person")
        base.log(f"   {count} of {everyone} overdue cases are {person}'s")

        base.log("4. exports this week's promises and opens the CSV")
        self.nav("Promises")
        self.click_and_wait(self.link_named("All"))
        filters = d.find_element(By.CSS_SELECTOR, "form.list-filters")
        today = datetime.date.today()
        monday = today - datetime.timedelta(days=today.weekday())
        for name, day in [("from", monday), ("to", monday + datetime.timedelta(days=6))]:
            d.execute_script("arguments[0].value = arguments[1]", filters.find_element(By.NAME, name), day.isoformat())
        self.click_and_wait(self.button(filters, "Show"))
        count = self.found()
        self.check(count > 0, "the demo has no promises due this week")
        link = self.link_named("Download CSV for Excel").get_attribute("href")
        # Read as bytes: a text() read would drop the byte-order mark this checks.
        text = d.execute_script(
            "const r = await fetch(arguments[0], {credentials: 'same-origin'});"
            "const bytes = new Uint8Array(await r.arrayBuffer());"
            "return [r.headers.get('content-type'), new TextDecoder('utf-8', {ignoreBOM: true}).decode(bytes)];",
            link)
        self.check(text and "text/csv" in (text[0] or ""), f"the download is not CSV: {text and text[0]!r}")
        body = text[1]
        self.check(body.startswith("\ufeff"), "the CSV for Excel has no byte-order mark")
        table = list(csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=";"))
        self.check(table and table[0][:3] == ["Kind", "What was promised", "Customer"],
                   f"the CSV's header is {table[0] if table else None}")
        self.check(len(table) - 1 == count, f"the CSV has {len(table) - 1} rows, the page found {count}")
        self.shot("promises-this-week")
        base.log(f"   {count} promises this week, the same in the CSV")


if __name__ == "__main__":
    base.main(WorkWalk)
