#!/usr/bin/env python3
"""A shop with no integrator delivers an order from the browser, and its after-sale work follows.

Usage: python3 Tests/Browser/orders_walk.py [EARNED_BINARY]   (as walk.py; screenshots in
$EARNED_SCREENSHOTS, default a new temporary directory)

Starts `earned serve --demo` on a fresh SQLite file, then the owner:
  1. opens Orders → New order, names the customer by e-mail (as a shop knows them), types an
     amount the Russian way and what was bought, and saves: the order's own page opens, active,
     with the owner as seller and "the after-sale steps start when the order is delivered";
  2. marks it delivered (the time is filled in): the page shows the handover step at once;
  3. finds the handover contact on Today, linked to the order, and records its outcome;
  4. the order page shows the step done; a return without a reason is refused with the field
     named, and with one the order is returned, any open follow-up skipped;
  5. the customer's page tells the story: the order, returned, with the reason.
Every step checks the page, and the database behind it. Exits non-zero with the reason.
"""
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import walk as base  # noqa: E402  (the server and browser helpers of the daily-work walk)

from selenium.webdriver.common.by import By  # noqa: E402

OWNER = "owner@demo.earned"
ITEMS = f"Hand coffee grinder (walk {time.strftime('%H%M%S')})"
REASON = "Too loud for a small kitchen"


class OrdersWalk(base.Walk):
    def run(self):
        d = self.driver
        name, email = self.server.query(
            "SELECT c.name, k.value FROM customers c JOIN customer_contacts k ON k.customer_id = c.id "
            "AND k.channel = 'email' WHERE c.erased_at IS NULL AND c.merged_into_id IS NULL "
            "ORDER BY c.name LIMIT 1")[0]

        base.log("1. the owner records an order, naming the customer by e-mail")
        self.sign_in(OWNER)
        self.nav("Orders")
        self.click_and_wait(self.link_named("New order"))
        form = d.find_element(By.CSS_SELECTOR, "main form")
        self.type_into(form, "Customer (name, phone, e-mail or id)", email)
        self.type_into(form, "Amount", "2 490,50")
        self.type_into(form, "Items", ITEMS)
        self.shot("new-order", form)
        self.click_and_wait(self.button(form, "Save"))
        self.check(re.search(r"/orders/[0-9a-f-]{36}$", d.current_url), f"saving did not open the order: {self.text()[:400]!r}")
        order_path = d.current_url.replace(self.base, "")
        order_id = order_path.rsplit("/", 1)[1]
        self.check(self.fact("Customer") == name, f"the order is not {name!r}'s")
        self.check(self.fact("State") == "active", "a new order is not active")
        owner_name = self.server.query("SELECT name FROM staff WHERE email = ?", OWNER)[0][0]
        self.check(self.fact("Seller") == owner_name, f"the seller is not the owner who recorded it: {self.fact('Seller')!r}")
        self.check("start when the order is delivered" in self.text(), "the page does not say when the steps start")
        stored = self.server.query(
            "SELECT amount_minor, items_summary FROM orders WHERE lower(id) = lower(?)", order_id)
        self.check(stored and stored[0] == (249050, ITEMS), f"stored as {stored}")
        self.shot("order-page")

        base.log("2. marks it delivered; the handover step is there at once")
        deliver = self.form_with(action_value="deliver")
        self.check(deliver.find_element(By.NAME, "delivered_at").get_attribute("value"), "the delivery time is not filled in")
        self.click_and_wait(self.button(deliver, "Mark delivered"))
        self.check(d.current_url.endswith(order_path), f"delivering left the order page: {d.current_url}")
        steps = d.find_element(By.XPATH, "//section[h2='After the sale']").text
        self.check("at handover" in steps, f"no handover step after delivery: {steps[:300]!r}")
        self.check(not d.find_elements(By.CSS_SELECTOR, "input[name=delivered_at]"), "the order can be delivered twice")
        self.shot("order-delivered")

        base.log("3. the handover contact is on Today, linked to the order; its outcome is recorded")
        self.nav("Today")
        cards = [li for li in d.find_elements(By.CSS_SELECTOR, "li.agenda-item")
                 if li.find_elements(By.CSS_SELECTOR, f"a[href='{order_path}']")]
        self.check(cards, "the delivered order's handover contact is not on the owner's Today")
        handover = [c for c in cards if "Handover contact" in c.text]
        self.check(handover, f"the order's tasks on Today are not the handover: {[c.text[:80] for c in cards]}")
        self.shot("today-handover", handover[0])
        self.record_outcome(handover[0], reached=True, satisfied=True)

        base.log("4. the order page shows it done; a return needs a reason")
        self.open(order_path)
        steps = d.find_element(By.XPATH, "//section[h2='After the sale']").text
        self.check("done" in steps, f"the handover is not done on the order page: {steps[:300]!r}")
        ret = self.form_with(action_value="return")
        reason = ret.find_element(By.NAME, "reason")
        self.check(reason.get_attribute("required") is not None, "the browser does not ask for a return's reason")
        reason.send_keys("   ")  # gets past the browser's check; the server must still refuse it
        self.click_and_wait(self.button(ret, "Record a return"))
        self.check(d.find_elements(By.ID, "reason-error"), "a return without a reason was not refused by its field")
        self.check(self.fact("State") == "active", "a refused return changed the order")
        ret = self.form_with(action_value="return")
        self.type_into(ret, "Reason", REASON)
        self.click_and_wait(self.button(ret, "Record a return"))
        self.check(self.fact("State") == "returned", "the order is not returned")
        self.check(self.fact("Reason") == REASON, "the return's reason is not shown")
        self.shot("order-returned")
        left_open = self.server.query(
            "SELECT COUNT(*) FROM service_tasks WHERE lower(subject_id) = lower(?) AND status = 'open'", order_id)[0][0]
        self.check(left_open == 0, f"{left_open} after-sale tasks of the returned order are still open")

        base.log("5. the customer's story names the return")
        self.click_and_wait(self.link_named(name))
        story = self.text()
        self.check("returned" in story and REASON in story, "the customer's page does not show the return and why")
        self.shot("customer-story")


if __name__ == "__main__":
    base.main(OrdersWalk)
