#!/usr/bin/env python3
"""A new user's walk through the daily work, by clicking, in headless Chromium.

Usage: python3 Tests/Browser/walk.py [EARNED_BINARY]
  the binary is the argument, else $EARNED_BIN, else .build/debug/earned
  screenshots go to $EARNED_SCREENSHOTS (default: a new temporary directory)

Starts `earned serve --demo` on a fresh SQLite file and a free port (scheduler every second,
so the demo's after-sale tasks appear), then:
  1. maria.lebedeva (staff, location 0) signs in and sees Today with tasks;
  2. records a follow-up's outcome as reached + satisfied (and another as not reached): the
     card leaves Today;
  3. records another follow-up's outcome with a problem: a case opens for it;
  4. records a promise for a customer, then records it as broken;
  5. opens a case from Cases → New case and hands it to the service department (Olga):
     the case is now with them, the accountable owner is still Maria;
  6. signs out; manager.1 (same location) signs in and sees both cases in Cases, the team's
     agenda with the case and the overdue count per person, and the broken promise.
Every step checks what the page shows, so a step that silently does nothing fails. Things a
new user cannot do by clicking or sees wrong, where the walk can go on with a workaround (e.g.
typing a customer's UUID), are listed at the end and fail the walk too, after the remaining
steps have run; EARNED_WALK_PROBLEMS=warn reports them without failing. Exits non-zero with the
reason on failure.
"""
import datetime
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.path.abspath(
    sys.argv[1] if len(sys.argv) > 1 else os.environ.get("EARNED_BIN", os.path.join(REPO, ".build/debug/earned")))
SHOTS = os.environ.get("EARNED_SCREENSHOTS") or tempfile.mkdtemp(prefix="earned-walk-shots-")
PASSWORD = "earned-demo"
STAFF = "maria.lebedeva@demo.earned"
STAFF_NAME = "Мария Лебедева"
MANAGER = "manager.1@demo.earned"
COLLEAGUE_NAME = "Ольга Павлова"  # olga.pavlova: location 0, department "сервис"
DEPARTMENT = "сервис"
STAMP = time.strftime("%H%M%S")
PROMISE_TEXT = f"Call back with the repair estimate (walk {STAMP})"
BROKEN_REASON = "Supplier did not answer"
CASE_TITLE = f"Sofa leg broken on delivery (walk {STAMP})"
PROBLEM_TEXT = f"Door hinge squeaks (walk {STAMP})"


class WalkFailed(Exception):
    pass


START = time.time()


def log(text):
    print(f"[{time.time() - START:5.1f}s] {text}", flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`earned serve --demo` on a temporary SQLite file; stopped by stop(), even on failure."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="earned-walk-")
        self.db = os.path.join(self.dir, "walk.sqlite")
        self.log_path = os.path.join(self.dir, "serve.log")
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = None

    def start(self):
        if not os.access(BIN, os.X_OK):
            raise WalkFailed(f"no Earned binary at {BIN} (pass it as the argument or in EARNED_BIN)")
        env = dict(os.environ)
        env.pop("EARNED_DATABASE_URL", None)
        env.pop("DATABASE_URL", None)
        env.update(
            EARNED_SQLITE_PATH=self.db, EARNED_PORT=str(self.port), EARNED_HOSTNAME="127.0.0.1",
            EARNED_TICK_SECONDS="1", EARNED_BCRYPT_COST="4", EARNED_LANGUAGE="en")
        self.log_file = open(self.log_path, "w")
        # Its own working directory, so a stray .env in the caller's does not change the setup.
        self.process = subprocess.Popen(
            [BIN, "serve", "--demo", "--hostname", "127.0.0.1", "--port", str(self.port)], cwd=self.dir, env=env,
            stdout=self.log_file, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.time() + 120
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise WalkFailed(f"earned serve exited with {self.process.returncode}:\n{self.tail()}")
            try:
                with urllib.request.urlopen(self.base + "/health", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.5)
        raise WalkFailed(f"{self.base}/health did not answer within 120 s:\n{self.tail()}")

    def tail(self, lines=40):
        try:
            with open(self.log_path, errors="replace") as f:
                return "".join(f.readlines()[-lines:])
        except OSError:
            return "(no log)"

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def query(self, sql, *args):
        """Reads the server's database (a second check behind what the pages show)."""
        with sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, timeout=10) as db:
            return db.execute(sql, args).fetchall()


def gone(element):
    """A wait condition: the element has left the page (a new page replaced it). Chromium
    reports a node of a page being replaced either as stale or as "does not belong to the
    document"; both mean gone."""
    def check(_driver):
        try:
            element.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as error:
            if "does not belong to the document" in str(error):
                return True
            raise
    return check


def chrome(size="1280,1000", lang="en-US"):
    """Headless Chromium through Debian's chromedriver (never a downloaded one)."""
    options = webdriver.ChromeOptions()
    if os.path.exists("/usr/bin/chromium"):
        options.binary_location = "/usr/bin/chromium"
    for arg in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                f"--window-size={size}", f"--lang={lang}"]:
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"intl.accept_languages": f"{lang},{lang.split('-')[0]}"})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(60)
    return driver


class Walk:
    def __init__(self, server):
        self.server = server
        self.base = server.base
        self.shot_number = 0
        self.problems = []  # what a new user could not do by clicking; reported and failed at the end
        self.driver = chrome()

    # ---- helpers

    def shot(self, name, element=None):
        self.shot_number += 1
        if element is not None:
            self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        else:
            self.driver.execute_script("window.scrollTo(0, 0)")
        path = os.path.join(SHOTS, f"{self.shot_number:02d}-{name}.png")
        self.driver.save_screenshot(path)
        return path

    def fail(self, message):
        raise WalkFailed(f"{message}\n  at {self.driver.current_url}")

    def check(self, condition, message):
        if not condition:
            self.fail(message)

    def problem(self, message):
        log(f"  PROBLEM: {message}")
        self.problems.append(message)

    def loaded(self):
        WebDriverWait(self.driver, 60).until(lambda d: d.execute_script("return document.readyState") == "complete")
        self.check_not_error_page()

    def check_not_error_page(self):
        error = self.driver.find_elements(By.CSS_SELECTOR, "section.error-page")
        if error:
            self.fail(f"an error page: {error[0].text[:300]!r}")

    def open(self, path):
        self.driver.get(self.base + path)
        self.loaded()

    def click_and_wait(self, element):
        """Clicks something that loads a new page and waits for it."""
        old = self.driver.find_element(By.TAG_NAME, "html")
        element.click()
        try:
            WebDriverWait(self.driver, 60).until(gone(old))
        except TimeoutException:
            self.fail("clicking did not load a page")
        self.loaded()

    def text(self):
        return self.driver.find_element(By.TAG_NAME, "main").text

    def fact(self, label):
        """The value next to a label in the page's facts list (<dl class=facts>)."""
        for dt in self.driver.find_elements(By.CSS_SELECTOR, "dl.facts dt"):
            if dt.text.strip() == label:
                return dt.find_element(By.XPATH, "following-sibling::dd[1]").text.strip()
        self.fail(f"the page shows no {label!r} (facts: {[e.text for e in self.driver.find_elements(By.CSS_SELECTOR, 'dl.facts dt')]})")

    def nav(self, label):
        links = [a for a in self.driver.find_elements(By.CSS_SELECTOR, "header nav a") if a.text.strip() == label]
        self.check(links, f"no {label!r} in the menu")
        self.click_and_wait(links[0])

    def button(self, scope, label):
        found = [b for b in scope.find_elements(By.CSS_SELECTOR, "button") if b.text.strip() == label]
        if not found:
            self.fail(f"no button {label!r}; buttons here: {[b.text for b in scope.find_elements(By.CSS_SELECTOR, 'button')]}")
        return found[0]

    def form_with(self, action_value=None, heading=None):
        """The form posting a hidden action, or under a heading."""
        for form in self.driver.find_elements(By.CSS_SELECTOR, "main form"):
            if action_value is not None and not form.find_elements(
                    By.CSS_SELECTOR, f"input[type=hidden][name=action][value='{action_value}']"):
                continue
            if heading is not None and heading not in [h.text for h in form.find_elements(By.CSS_SELECTOR, "h2")]:
                continue
            return form
        self.fail(f"no form for {action_value or heading!r}")

    def type_into(self, scope, label, value):
        """Types into the field of a form found by its visible label."""
        for lab in scope.find_elements(By.CSS_SELECTOR, "label"):
            if lab.text.strip() == label:
                field = scope.find_element(By.ID, lab.get_attribute("for"))
                field.clear()
                field.send_keys(value)
                return field
        self.fail(f"no field labelled {label!r}")

    def choose(self, scope, name, visible_text):
        select = Select(scope.find_element(By.CSS_SELECTOR, f"select[name={name}]"))
        options = [o.text for o in select.options]
        self.check(visible_text in options, f"{visible_text!r} is not among the choices of {name}: {options}")
        select.select_by_visible_text(visible_text)

    def sign_in(self, email):
        self.open("/sign-in")
        if self.driver.find_element(By.TAG_NAME, "html").get_attribute("lang") != "en":
            self.click_and_wait(self.driver.find_element(By.CSS_SELECTOR, "a.lang[lang=en]"))
        self.check(self.driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en",
                   "the pages are not in English")
        self.driver.find_element(By.ID, "email").send_keys(email)
        self.driver.find_element(By.ID, "password").send_keys(PASSWORD)
        self.click_and_wait(self.button(self.driver.find_element(By.CSS_SELECTOR, "main form"), "Sign in"))
        self.check("/sign-in" not in self.driver.current_url, f"{email} could not sign in: {self.text()[:300]}")

    def task_paths(self):
        return set(self.driver.execute_script(
            "return [...document.querySelectorAll('li.agenda-item form[action$=\"/complete\"]')]"
            ".map(f => f.getAttribute('action'))"))

    def follow_up_cards(self, skip=()):
        """Today's after-sale follow-up cards (found in one script: Today can hold hundreds of cards)."""
        return self.driver.execute_script(
            "return [...document.querySelectorAll('li.agenda-item')].filter(li => {"
            "  const head = li.querySelector('.agenda-head'), form = li.querySelector('form[action$=\"/complete\"]');"
            "  return head && form && head.textContent.trim().startsWith('After-sale follow-up')"
            "    && !arguments[0].includes(form.getAttribute('action'));"
            "}).slice(0, 5);", list(skip))

    def record_outcome(self, card, reached=True, satisfied=False, problem=None):
        """Opens 'Record outcome' on a task card, ticks/types, and submits."""
        action = card.find_element(By.CSS_SELECTOR, "form[action$='/complete']").get_attribute("action")
        path = action.replace(self.base, "")
        customer_link = card.find_element(By.CSS_SELECTOR, ".agenda-meta a")
        customer = (customer_link.text, customer_link.get_attribute("href").replace(self.base, ""))
        details = card.find_element(By.CSS_SELECTOR, "details.outcome")
        details.find_element(By.TAG_NAME, "summary").click()
        form = details.find_element(By.TAG_NAME, "form")
        box = form.find_element(By.CSS_SELECTOR, "input[name=reached]")
        self.check(box.is_displayed(), "'Record outcome' did not open the outcome form")
        if box.is_selected() != reached:
            form.find_element(By.CSS_SELECTOR, f"label[for='{box.get_attribute('id')}']").click()
            self.check(box.is_selected() == reached, "clicking 'Reached the customer' did not change it")
        if satisfied:
            box = form.find_element(By.CSS_SELECTOR, "input[name=satisfied]")
            form.find_element(By.CSS_SELECTOR, f"label[for='{box.get_attribute('id')}']").click()
            self.check(box.is_selected(), "clicking 'Customer satisfied' did not tick it")
        if problem:
            self.type_into(form, "Problem found (opens a case)", problem)
        self.shot("outcome-form" + ("-problem" if problem else "" if reached else "-not-reached"), form)
        self.click_and_wait(self.button(form, "Record outcome"))
        self.check(self.driver.current_url.rstrip("/").endswith("/today"),
                   f"recording the outcome did not return to Today: {self.text()[:300]}")
        self.check(path not in self.task_paths(), f"the task {path} is still on Today after recording its outcome")
        return path, customer

    def link_named(self, text):
        links = [a for a in self.driver.find_elements(By.CSS_SELECTOR, "main a") if a.text.strip() == text]
        self.check(links, f"no link {text!r} on the page")
        return links[0]

    def link_to(self, href, suffix=False):
        """A link in the page whose address starts (or ends) with href, or None."""
        return self.driver.execute_script(
            "return [...document.querySelectorAll('main a')].find(a => { const h = a.getAttribute('href') || '';"
            "  return arguments[1] ? h.endsWith(arguments[0]) : h.startsWith(arguments[0]); }) || null;",
            href, suffix)

    def pick_customer(self, form, customer):
        """Names the customer in a new promise or case form as a new user would: by their name."""
        fields = form.find_elements(By.CSS_SELECTOR, "[name=customer_id]")
        self.check(fields, "the form has no customer field")
        field = fields[0]
        if field.get_attribute("type") == "hidden":
            return
        if field.tag_name == "select":
            Select(field).select_by_visible_text(customer[0])
            return
        field.clear()
        field.send_keys(customer[0])

    def save_with_customer(self, form, customer, saved_prefix, where):
        """Saves a form; when the customer given by name is refused, notes it and gives the UUID instead."""
        self.click_and_wait(self.button(form, "Save"))
        if re.search(re.escape(saved_prefix) + r"[0-9a-f-]{36}$", self.driver.current_url):
            return
        field = self.driver.find_elements(By.CSS_SELECTOR, "main form input[name=customer_id]:not([type=hidden])")
        self.check(field, f"saving did not work: {self.text()[:400]!r}")
        self.shot("customer-by-name-refused", field[0])
        self.problem(f"{where}: a customer cannot be chosen by name (typed {customer[0]!r}: refused); the Customer "
                     "field wants the customer's UUID, which a user can only copy out of the customer page's address, "
                     "and the customer page has no 'New promise' / 'New case' link that fills it in")
        field[0].clear()
        field[0].send_keys(customer[1].split("/")[2])
        self.click_and_wait(self.button(self.driver.find_element(By.CSS_SELECTOR, "main form"), "Save"))
        self.check(re.search(re.escape(saved_prefix) + r"[0-9a-f-]{36}$", self.driver.current_url),
                   f"saving did not work even with the customer's id: {self.text()[:400]!r}")

    # ---- the walk

    def run(self):
        d = self.driver

        log("1. Maria signs in and sees Today with her tasks")
        self.sign_in(STAFF)
        self.check(d.find_element(By.CSS_SELECTOR, "main h1").text == "Today",
                   f"after signing in the first page is not Today: {d.find_element(By.CSS_SELECTOR, 'main h1').text!r}")
        self.check(STAFF_NAME in d.find_element(By.CSS_SELECTOR, "header").text, "the header does not name Maria")
        deadline = time.time() + 90  # the scheduler inside serve creates the demo's tasks
        while not self.follow_up_cards() and time.time() < deadline:
            time.sleep(2)
            self.open("/today")
        self.check(self.follow_up_cards(),
                   f"Today shows no after-sale follow-up 90 s after start; it shows: {self.text()[:400]!r}")
        before = len(self.task_paths())
        log(f"   Today shows {before} tasks")
        self.shot("maria-today")

        log("2. Records a follow-up: reached, satisfied")
        done_path, customer = self.record_outcome(self.follow_up_cards()[0], satisfied=True)
        self.shot("maria-today-after-outcome")
        task_id = done_path.split("/")[2]
        row = self.server.query("SELECT status, outcome FROM service_tasks WHERE upper(id) = upper(?)", task_id)
        self.check(row and row[0][0] == "done" and "Customer satisfied" in (row[0][1] or ""),
                   f"the follow-up was not stored as done with its outcome: {row}")

        log("   and another: not reached")
        missed_path, _ = self.record_outcome(self.follow_up_cards(skip={done_path})[0], reached=False)
        row = self.server.query("SELECT status, outcome FROM service_tasks WHERE upper(id) = upper(?)",
                                missed_path.split("/")[2])
        self.check(row, f"the task {missed_path} is gone from the database")
        if row[0][0] == "done" and not row[0][1]:
            self.problem(f"a follow-up recorded as not reached (Record outcome with 'Reached the customer' unticked, "
                         f"{missed_path}) is stored as plain 'done' with no outcome: the form sends no 'reached' "
                         "field, so ServiceController.completeTask closes it as if the call had happened")

        log("3. Records another follow-up with a problem: a case opens")
        problem_path, problem_customer = self.record_outcome(
            self.follow_up_cards(skip={done_path, missed_path})[0], problem=PROBLEM_TEXT)
        self.nav("Cases")
        links = [a for a in d.find_elements(By.CSS_SELECTOR, "main table a") if a.text.strip() == PROBLEM_TEXT]
        self.check(links, f"the problem found on the follow-up did not open a case in Cases: {self.text()[:500]!r}")
        self.click_and_wait(links[0])
        self.check(self.fact("Source") == "After-sale follow-up", f"the case's source is {self.fact('Source')!r}")
        self.check(self.fact("Customer") == problem_customer[0],
                   f"the case is for {self.fact('Customer')!r}, the follow-up was with {problem_customer[0]!r}")
        self.check(self.fact("Accountable owner") == STAFF_NAME, "the case from the follow-up is not Maria's")
        self.shot("case-from-follow-up")

        log("4. Records a promise for the customer she called, then records it as broken")
        self.open(customer[1])
        self.check(d.find_element(By.CSS_SELECTOR, "main h1").text == customer[0], "the customer page did not open")
        self.shot("customer-page")
        link = self.link_to("/promises/new?customer=")
        if link:
            self.click_and_wait(link)
        else:
            self.open("/today")
            self.click_and_wait(self.link_named("New promise"))
        self.check(d.find_element(By.CSS_SELECTOR, "main h1").text == "New promise", "New promise did not open")
        form = d.find_element(By.CSS_SELECTOR, "main form")
        self.pick_customer(form, customer)
        self.choose(form, "kind", "Callback")
        self.type_into(form, "What was promised", PROMISE_TEXT)
        due = (datetime.datetime.now() + datetime.timedelta(days=1)).strftime("%Y-%m-%dT12:00")
        due_field = form.find_element(By.CSS_SELECTOR, "input[name=due_at]")
        # A datetime-local picker takes keys in the browser's locale format; set it as picking would.
        d.execute_script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'))",
                         due_field, due)
        self.check(Select(form.find_element(By.CSS_SELECTOR, "select[name=owner_id]")).first_selected_option.text
                   == STAFF_NAME, "a new promise's owner is not the person recording it")
        self.shot("promise-form", form)
        self.save_with_customer(form, customer, "/promises/", "New promise (reached from the customer page or Today)")
        promise_path = d.current_url.replace(self.base, "")
        self.check(d.find_element(By.CSS_SELECTOR, "main h1").text == PROMISE_TEXT, "the promise page shows another text")
        self.check(self.fact("Outcome") == "Open", f"a new promise is {self.fact('Outcome')!r}, not Open")
        self.check(self.fact("Owner") == STAFF_NAME, f"the promise's owner is {self.fact('Owner')!r}")
        self.check(self.fact("Customer") == customer[0], f"the promise is for {self.fact('Customer')!r}")
        self.shot("promise-open")
        form = self.form_with(action_value="break")
        self.type_into(form, "Why it was not kept", BROKEN_REASON)
        self.click_and_wait(self.button(form, "Broken"))
        self.check(d.current_url.endswith(promise_path),
                   f"recording it as broken left the promise page: {self.text()[:300]!r}")
        self.check(self.fact("Outcome") == "Broken", f"after 'Broken' the promise shows {self.fact('Outcome')!r}")
        self.check(not d.find_elements(By.CSS_SELECTOR, "input[name=action][value=keep]"),
                   "a broken promise still offers 'Kept'")
        if BROKEN_REASON not in self.text():
            self.problem(f"the promise page {promise_path} does not show why it was broken: the reason typed into "
                         f"'Why it was not kept' ({BROKEN_REASON!r}) is stored but shown nowhere")
        self.shot("promise-broken")

        log("5. Opens a case from Cases → New case and hands it to the service department")
        self.nav("Cases")
        self.click_and_wait(self.link_named("New case"))
        self.check(d.find_element(By.CSS_SELECTOR, "main h1").text == "New case", "New case did not open")
        form = d.find_element(By.CSS_SELECTOR, "main form")
        self.pick_customer(form, customer)
        self.type_into(form, "Title", CASE_TITLE)
        self.type_into(form, "Details", "The customer called: one leg cracked when the sofa was carried in.")
        self.choose(form, "source", "Complaint")
        self.choose(form, "priority", "High")
        self.shot("case-form", form)
        self.save_with_customer(form, customer, "/cases/", "Cases → New case")
        case_path = d.current_url.replace(self.base, "")
        self.check(d.find_element(By.CSS_SELECTOR, "main h1").text == CASE_TITLE, "the case page shows another title")
        self.check(self.fact("Customer") == customer[0], f"the case is for {self.fact('Customer')!r}")
        self.check(self.fact("Accountable owner") == STAFF_NAME,
                   f"a new case's owner is {self.fact('Accountable owner')!r}")
        self.check(self.fact("Now with") == STAFF_NAME, f"a new case is with {self.fact('Now with')!r}")
        self.check(self.fact("Priority") == "High", f"the case's priority is {self.fact('Priority')!r}")
        self.shot("case-new")
        form = self.form_with(action_value="handoff")
        self.type_into(form, "Department", DEPARTMENT)
        self.choose(form, "staff_id", COLLEAGUE_NAME)
        self.shot("case-handoff-form", form)
        self.click_and_wait(self.button(form, "Hand off"))
        self.check(d.current_url.endswith(case_path), f"handing off left the case page: {self.text()[:300]!r}")
        holder = self.fact("Now with")
        self.check(DEPARTMENT in holder and COLLEAGUE_NAME in holder,
                   f"after the handoff the case is with {holder!r}, not {DEPARTMENT} · {COLLEAGUE_NAME}")
        self.check(self.fact("Accountable owner") == STAFF_NAME,
                   f"a handoff changed the accountable owner to {self.fact('Accountable owner')!r}")
        history = [r.text for r in d.find_elements(By.CSS_SELECTOR, "table tbody tr")]
        self.check(any("Hand off" in r and DEPARTMENT in r and COLLEAGUE_NAME in r for r in history),
                   f"the history does not show the handoff: {history}")
        self.shot("case-handed-off")
        twice = d.execute_script(
            "const ids = [...document.querySelectorAll('[id]')].map(e => e.id);"
            "return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];")
        if twice:
            self.problem(f"the case page {case_path} has duplicate element ids {twice} (Hand off's 'Who' and "
                         "Transfer ownership's 'Accountable owner' are both id=staff_id, so that label points at "
                         "the wrong select)")
        self.open("/today")
        mine_overdue = self.driver.execute_script(
            "return document.querySelectorAll('section.agenda.overdue li.agenda-item').length")

        log("6. Maria signs out; manager.1 signs in and sees the case, the team's agenda and the broken promise")
        self.click_and_wait(self.button(d.find_element(By.CSS_SELECTOR, "header"), "Sign out"))
        self.check("/sign-in" in d.current_url or d.find_elements(By.ID, "password"),
                   "signing out did not return to the sign-in page")
        self.open("/today")
        self.check(d.find_elements(By.ID, "password"), "after signing out Today is still shown")
        self.shot("signed-out")

        self.sign_in(MANAGER)
        self.nav("Cases")
        rows = d.execute_script(
            "return Object.fromEntries([...document.querySelectorAll('main table tbody tr')]"
            ".filter(r => r.querySelector('td a')).map(r => [r.querySelector('td a').textContent.trim(), r.innerText]));")
        self.check(CASE_TITLE in rows, f"the manager's Cases does not list {CASE_TITLE!r}: {list(rows)[:10]}")
        row = rows[CASE_TITLE]
        self.check(STAFF_NAME in row and DEPARTMENT in row and COLLEAGUE_NAME in row,
                   f"the manager's Cases row does not show owner and holder: {row!r}")
        self.check(PROBLEM_TEXT in rows, f"the manager's Cases does not list the follow-up's case {PROBLEM_TEXT!r}")
        self.shot("manager-cases")
        self.click_and_wait(self.link_named(CASE_TITLE))
        self.check(self.fact("Accountable owner") == STAFF_NAME and COLLEAGUE_NAME in self.fact("Now with"),
                   "the manager sees another owner or holder on the case page")
        self.shot("manager-case")

        self.nav("Today")
        team = [a for a in d.find_elements(By.CSS_SELECTOR, "nav.tabs a") if a.text == "Team agenda"]
        self.check(team, "a manager's Today has no 'Team agenda' tab")
        self.click_and_wait(team[0])
        self.check(d.find_element(By.CSS_SELECTOR, "main h1").text == "Team agenda", "the team agenda did not open")
        shown = d.find_element(By.CSS_SELECTOR, "main p.list-summary").text
        self.check(shown.startswith("Showing 1–"), f"the team agenda does not say how much it shows: {shown!r}")
        # A page of the team's work; the manager narrows it to Maria's cases.
        filters = d.find_element(By.CSS_SELECTOR, "form.list-filters")
        Select(filters.find_element(By.NAME, "person")).select_by_visible_text(STAFF_NAME)
        Select(filters.find_element(By.NAME, "kind")).select_by_visible_text("Cases")
        self.click_and_wait(self.button(filters, "Show"))
        agenda = d.execute_script(
            "const items = [...document.querySelectorAll('li.agenda-item')];"
            "const who = new Set(items.map(i => i.querySelector('.who')).filter(w => w).map(w => w.textContent.trim()));"
            "const cases = items.filter(i => [...i.querySelectorAll('.agenda-head a')]"
            "  .some(a => a.textContent.trim() === arguments[0]));"
            "const table = [...document.querySelectorAll('main table')].find(t => t.querySelector('caption')"
            "  && t.querySelector('caption').textContent.includes('Overdue in the team'));"
            "const overdue = table ? Object.fromEntries([...table.querySelectorAll('tbody tr')]"
            "  .map(r => [r.cells[0].textContent.trim(), parseInt(r.cells[1].textContent.replace(/\\D/g, ''))])) : null;"
            "return {count: items.length, who: [...who], caseItem: cases[0] || null,"
            "        caseText: cases[0] ? cases[0].innerText : '', overdue: overdue};", CASE_TITLE)
        log(f"   the team agenda shows {agenda['count']} items; overdue per person: {agenda['overdue']}")
        self.check(agenda["caseItem"], "the team agenda does not show the handed-off case")
        self.check(COLLEAGUE_NAME in agenda["caseText"] or STAFF_NAME in agenda["caseText"],
                   f"the team agenda does not say whose the case is: {agenda['caseText']!r}")
        self.check(STAFF_NAME in agenda["who"],
                   f"the team agenda does not show Maria's work; people shown: {sorted(agenda['who'])}")
        self.check(agenda["overdue"] and STAFF_NAME in agenda["overdue"],
                   "the team agenda has no 'Overdue in the team' table naming Maria (the demo's backlog is overdue)")
        if agenda["overdue"][STAFF_NAME] < mine_overdue:
            self.problem(f"the team agenda's 'Overdue in the team' says Maria has {agenda['overdue'][STAFF_NAME]} "
                         f"overdue, but her own Today lists {mine_overdue} overdue: the counts come from the first "
                         f"500 open tasks of the team (the list shows {agenda['count']} items)")
        self.shot("manager-team-overdue")
        self.shot("manager-team-agenda-case", agenda["caseItem"])

        link = self.link_to(promise_path, suffix=True)
        promises_page = d.execute_script(
            "const a = [...document.querySelectorAll('header nav a')].find(a => a.getAttribute('href') === '/promises');"
            "return a ? a.getAttribute('href') : null;")
        if not link and promises_page:  # a list of promises, should the menu have one
            self.open(promises_page)
            link = self.link_to(promise_path, suffix=True)
        if not link:
            self.open(customer[1])
            link = self.link_to(promise_path, suffix=True)
        if link:
            self.click_and_wait(link)
        else:
            self.problem("a manager cannot find the broken promise by clicking: no page lists promises (no /promises "
                         "list; the customer page does not show them; Today and the team agenda show open ones only)")
            self.open(promise_path)
        self.check(d.find_element(By.CSS_SELECTOR, "main h1").text == PROMISE_TEXT,
                   "the manager cannot open the promise")
        self.check(self.fact("Outcome") == "Broken", f"the manager sees the promise as {self.fact('Outcome')!r}")
        self.check(self.fact("Owner") == STAFF_NAME, f"the manager sees the promise's owner as {self.fact('Owner')!r}")
        self.shot("manager-promise-broken")

        log("7. The manager opens their account: password change and two-factor sign-in")
        self.open("/account")
        self.check(d.find_elements(By.CSS_SELECTOR, "input[name=current_password]"),
                   "the account page has no password form")
        self.check(d.find_elements(By.CSS_SELECTOR, "a[href='/account/two-factor']"),
                   "the account page offers no two-factor set-up")
        self.shot("manager-account")

        severe = [e["message"] for e in d.get_log("browser") if e["level"] == "SEVERE"
                  and "status of 422" not in e["message"]]  # a form sent back with its errors
        if severe:
            self.problem(f"browser console errors: {severe[:5]}")


def main(walk_class=None):
    """Runs a walk (this file's, or another script's subclass of Walk) against a fresh demo."""
    os.makedirs(SHOTS, exist_ok=True)
    for old in os.listdir(SHOTS):  # an earlier walk's screenshots would mislead
        if re.fullmatch(r"\d\d-[\w-]+\.png", old):
            os.remove(os.path.join(SHOTS, old))
    started = time.time()
    server = Server()
    walk = None
    code = 0
    try:
        log(f"earned: {BIN}\nscreenshots: {SHOTS}")
        server.start()
        log(f"serving the demo at {server.base} ({time.time() - started:.0f} s)")
        walk = (walk_class or Walk)(server)
        walk.run()
        if walk.problems:
            warn = os.environ.get("EARNED_WALK_PROBLEMS") == "warn"
            log(f"{'WARN' if warn else 'FAIL'}: the walk ran to the end, but {len(walk.problems)} thing(s) a new "
                "user cannot do by clicking, or see right:")
            for p in walk.problems:
                log(f"  - {p}")
            code = 0 if warn else 1
        else:
            log("PASS: the walk ran to the end")
    except Exception as error:  # noqa: BLE001 - any failure is reported the same way
        code = 1
        log(f"FAIL: {error}" if isinstance(error, WalkFailed) else f"FAIL: {type(error).__name__}: {error}")
        if not isinstance(error, WalkFailed):
            traceback.print_exc()
        if walk is not None:
            try:
                log(f"  screenshot: {walk.shot('FAILED')}")
            except Exception:  # noqa: BLE001
                pass
            for p in walk.problems:
                log(f"  also: {p}")
        log(f"server log ({server.log_path}), last lines:\n{server.tail()}")
    finally:
        if walk is not None:
            walk.driver.quit()
        server.stop()
        if code == 0:
            shutil.rmtree(server.dir, ignore_errors=True)
        else:
            log(f"the database and server log are kept in {server.dir}")
    log(f"{time.time() - started:.0f} s; screenshots in {SHOTS}")
    sys.exit(code)


if __name__ == "__main__":
    main()
