#!/usr/bin/env python3
"""A customer answers a survey on a phone, and the low score reaches the person responsible.

Usage: python3 Tests/Browser/survey_walk.py [EARNED_BINARY]   (as walk.py; screenshots in
$EARNED_SCREENSHOTS, default a new temporary directory)

Starts `earned serve --demo` on a fresh SQLite file, then:
  1. maria.lebedeva (staff) signs in, opens Surveys → an open invitation of a customer she
     served, and gets a link to send by hand;
  2. in a second, cookie-less browser 390 px wide (a phone), the customer opens the link: the
     page fits the width, loads nothing from other sites, and answers CSAT 1, NPS 2, "not fast
     enough" and a comment;
  3. the thank-you page says someone will be in touch;
  4. Maria's Today shows the call-back after the low score and the case;
  5. the customer opens the same link again and is told it was already answered.
Exits non-zero with the reason on failure.
"""
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import walk as base  # noqa: E402  (the server and browser helpers of the daily-work walk)

from selenium.webdriver.common.by import By  # noqa: E402

COMMENT = f"Ждали выдачу сорок минут (walk {time.strftime('%H%M%S')})"


def phone_driver():
    """A cookie-less browser the width of a phone, in Russian (as the demo's customers)."""
    return base.chrome(size="390,844", lang="ru-RU")


class SurveyWalk(base.Walk):
    def run(self):
        d = self.driver
        base.log("1. Maria gets a survey link to send by hand")
        self.sign_in(base.STAFF)
        self.nav("Surveys")
        self.check("/surveys/invitations" in d.current_url, f"staff's Surveys menu leads to {d.current_url}")
        tabs = [a for a in d.find_elements(By.CSS_SELECTOR, "nav.tabs a") if a.text.strip() == "awaiting answer"]
        self.check(tabs, "no 'awaiting answer' tab on the invitations page")
        self.click_and_wait(tabs[0])
        rows = d.find_elements(By.CSS_SELECTOR, "main table tbody tr")
        mine = [r for r in rows if base.STAFF_NAME in r.text]
        self.check(mine, f"no open invitation of a customer Maria served among {len(rows)}")
        self.shot("survey-invitations", mine[0])
        self.click_and_wait(mine[0].find_element(By.CSS_SELECTOR, "td a"))
        self.check(self.fact("Served by") == base.STAFF_NAME, "the invitation was not Maria's")
        customer = self.fact("Customer")
        self.click_and_wait(self.button(d.find_element(By.CSS_SELECTOR, "main form"), "Get a link to send"))
        link = d.find_element(By.ID, "survey-url").get_attribute("href")
        self.check(re.search(r"/s/[A-Za-z0-9_-]{43}$", link or ""), f"the link looks wrong: {link!r}")
        self.shot("survey-link", d.find_element(By.ID, "survey-link"))

        base.log("2. the customer answers on a phone")
        phone = phone_driver()
        try:
            phone.get(link)
            self.check(phone.find_elements(By.CSS_SELECTOR, "form.survey"), f"no survey form: {phone.page_source[:300]}")
            self.check(not phone.find_elements(By.CSS_SELECTOR, "header nav"), "the survey page shows staff navigation")
            wide = phone.execute_script("return document.documentElement.scrollWidth > window.innerWidth + 1")
            self.check(not wide, "the survey page is wider than the phone")
            foreign = phone.execute_script(
                "return performance.getEntriesByType('resource').map(e => e.name)"
                ".filter(u => !u.startsWith(location.origin) && !u.startsWith('data:'))")
            self.check(not foreign, f"the survey page loads from other sites: {foreign}")
            phone.save_screenshot(os.path.join(base.SHOTS, "phone-1-survey.png"))
            for name, value in [("csat", "1"), ("nps", "2"), ("fast_enough", "no")]:
                found = phone.find_elements(By.CSS_SELECTOR, f"label[for='{name}-{value}']")
                if found:
                    phone.execute_script("arguments[0].scrollIntoView({block: 'center'})", found[0])
                    found[0].click()
            comment = phone.find_elements(By.ID, "comment")
            if comment:
                comment[0].send_keys(COMMENT)
            self.check(phone.find_elements(By.CSS_SELECTOR, "input[name=csat]:checked")
                       or phone.find_elements(By.CSS_SELECTOR, "input[name=nps]:checked"),
                       "tapping a score did not choose it")
            submit = phone.find_element(By.CSS_SELECTOR, "form.survey button[type=submit]")
            phone.execute_script("arguments[0].scrollIntoView({block: 'center'})", submit)
            submit.click()
            base.WebDriverWait(phone, 60).until(lambda p: not p.find_elements(By.CSS_SELECTOR, "form.survey"))
            thanks = phone.find_element(By.TAG_NAME, "main").text
            phone.save_screenshot(os.path.join(base.SHOTS, "phone-2-thanks.png"))
            self.check("Спасибо за ответ" in thanks or "Thank you for your answer" in thanks,
                       f"no thank-you after answering: {thanks[:200]!r}")
            self.check("свяжемся" in thanks or "contact you" in thanks, "a low score was not told a call back follows")

            base.log("3. the low score reaches Maria's Today")
            self.nav("Today")
            text = self.text()
            self.check("Call back after a low score" in text, "Maria's Today has no call-back after the low score")
            self.check("Low survey score" in text or "Низкая оценка" in text, "Maria's Today does not show the case")
            self.check(customer in text, f"Maria's Today does not name {customer!r}")
            items = [li for li in d.find_elements(By.CSS_SELECTOR, "li.agenda-item")
                     if "Call back after a low score" in li.text]
            self.shot("today-low-score", items[0] if items else None)

            base.log("4. the same link again says it was answered")
            phone.get(link)
            again = phone.find_element(By.TAG_NAME, "main").text
            phone.save_screenshot(os.path.join(base.SHOTS, "phone-3-answered.png"))
            self.check("Вы уже ответили" in again or "Already answered" in again,
                       f"the used link does not say it was answered: {again[:200]!r}")
            self.check(not phone.find_elements(By.CSS_SELECTOR, "form.survey"), "the used link shows the form again")
        finally:
            phone.quit()
        answered = self.server.query("SELECT COUNT(*) FROM survey_answers WHERE comment = ?", COMMENT)[0][0]
        self.check(answered == 1, f"{answered} answers stored for the walk's comment")


if __name__ == "__main__":
    base.main(SurveyWalk)
