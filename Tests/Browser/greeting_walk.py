#!/usr/bin/env python3
"""An anniversary typed on a customer today, after today's greetings were planned, is greeted at once.

Usage: python3 Tests/Browser/greeting_walk.py [EARNED_BINARY]   (as walk.py; screenshots in
$EARNED_SCREENSHOTS, default a new temporary directory)

Starts `earned serve --demo` on a fresh SQLite file and waits until its scheduler has planned
today's greetings at the customer's home location (the day's mark is written); then the owner:
  1. opens a customer who consents to a greeting channel and has no occasion today, and the
     edit form;
  2. types an anniversary on today's date (an earlier year) into the dates field and saves: the
     customer's page shows it;
  3. the greeting task is in the database at once (its key names the anniversary and today),
     one only, with its touch; saving the form again adds none;
  4. the customer's relationship owner signs in and finds the greeting on Today, with its words.
Every step checks the page, and the database behind it. Exits non-zero with the reason.
"""
import datetime
import os
import sys
import time
import zoneinfo

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import walk as base  # noqa: E402  (the server and browser helpers of the daily-work walk)

from selenium.webdriver.common.by import By  # noqa: E402

OWNER = "owner@demo.earned"
LABEL = f"walk anniversary {time.strftime('%H%M%S')}"


class GreetingWalk(base.Walk):
    def choose_customer(self):
        """A customer with a consented greeting channel and nothing withdrawn, an active relationship
        owner with room on Today, no greeting yet today and few touches (the fatigue budget)."""
        rows = self.server.query(
            "SELECT c.id, c.name, c.home_location_id, l.time_zone, s.email, s.name FROM customers c "
            "JOIN locations l ON l.id = c.home_location_id JOIN staff s ON s.id = c.owner_id AND s.is_active = 1 "
            "WHERE c.erased_at IS NULL AND c.merged_into_id IS NULL "
            "AND EXISTS (SELECT 1 FROM customer_consents k WHERE k.customer_id = c.id AND k.given = 1 "
            "  AND k.channel IN ('sms', 'email', 'messenger')) "
            "AND NOT EXISTS (SELECT 1 FROM customer_consents k WHERE k.customer_id = c.id AND k.given = 0) "
            "AND NOT EXISTS (SELECT 1 FROM service_tasks t WHERE t.customer_id = c.id AND t.kind = 'greeting') "
            "ORDER BY (SELECT COUNT(*) FROM customer_touches t WHERE t.customer_id = c.id), "
            "  (SELECT COUNT(*) FROM service_tasks t WHERE t.assignee_id = c.owner_id AND t.status = 'open'), c.name "
            "LIMIT 1")
        self.check(rows, "the demo has no customer who consents to a greeting channel")
        return rows[0]

    def wait_for_greetings_pass(self, location, today):
        """The scheduler (a pass a second) has planned today's greetings at the location."""
        deadline = time.time() + 120
        while time.time() < deadline:
            if self.server.query(
                    "SELECT 1 FROM scheduler_marks WHERE lower(key) = lower(?)", f"greetings:{location}:{today}"):
                return
            time.sleep(1)
        self.fail(f"the scheduler did not plan today's greetings ({today}) at {location} within 120 s")

    def greetings(self, customer_id):
        return self.server.query(
            "SELECT key, status, text FROM service_tasks WHERE kind = 'greeting' AND lower(customer_id) = lower(?)",
            customer_id)

    def run(self):
        d = self.driver
        customer_id, name, location, zone, owner_email, owner_name = self.choose_customer()
        today = datetime.datetime.now(zoneinfo.ZoneInfo(zone)).date()
        typed = f"anniversary {today.year - 7}-{today:%m-%d} {LABEL}"
        base.log(f"   {name}, looked after by {owner_name}; today at their location is {today} ({zone})")
        self.wait_for_greetings_pass(location, today.isoformat())
        self.check(not self.greetings(customer_id), "the customer has a greeting before the walk")

        base.log("1. the owner opens the customer and the edit form")
        self.sign_in(OWNER)
        self.open(f"/customers/{customer_id.lower()}")
        self.check(name in self.text(), f"the customer's page does not name {name!r}")
        self.click_and_wait(self.link_named("Edit"))
        form = d.find_element(By.CSS_SELECTOR, "main form")

        base.log(f"2. types {typed!r} into the dates and saves")
        self.type_into(form, "Anniversaries and other dates", typed)
        self.shot("edit-dates", form)
        self.click_and_wait(self.button(form, "Save"))
        self.check(d.current_url.rstrip("/").endswith(f"/customers/{customer_id.lower()}"),
                   f"saving did not open the customer's page: {self.text()[:400]!r}")
        self.check(LABEL in self.text(), "the customer's page does not show the anniversary")
        self.shot("customer-saved")

        base.log("3. the greeting task exists at once, keyed by the anniversary and today")
        found = self.greetings(customer_id)
        self.check(len(found) == 1, f"{len(found)} greeting tasks after the save: {found}")
        key, status, text = found[0]
        self.check("anniversary" in key and key.endswith(today.isoformat()) and status == "open",
                   f"the greeting task is {found[0]}")
        touches = self.server.query(
            "SELECT COUNT(*) FROM customer_touches WHERE lower(customer_id) = lower(?) AND kind = 'greeting'",
            customer_id)[0][0]
        self.check(touches == 1, f"{touches} greeting touches recorded")
        self.click_and_wait(self.link_named("Edit"))
        form = d.find_element(By.CSS_SELECTOR, "main form")
        self.click_and_wait(self.button(form, "Save"))
        self.check(len(self.greetings(customer_id)) == 1, "saving again made a second greeting")

        base.log(f"4. {owner_name} finds the greeting on Today")
        if owner_email != OWNER:
            self.click_and_wait(self.button(d.find_element(By.CSS_SELECTOR, "header"), "Sign out"))
            self.sign_in(owner_email)
        self.nav("Today")
        cards = [li for li in d.find_elements(By.CSS_SELECTOR, "li.agenda-item")
                 if li.find_elements(By.CSS_SELECTOR, f"a[href='/customers/{customer_id.lower()}']")
                 and "Greeting" in li.text]
        self.check(cards, f"the greeting is not on {owner_name}'s Today")
        self.check(text and text.split()[0] in cards[0].text, f"the card does not show the words: {cards[0].text!r}")
        self.shot("today-greeting", cards[0])


if __name__ == "__main__":
    base.main(GreetingWalk)
