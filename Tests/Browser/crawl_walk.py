#!/usr/bin/env python3
"""Every page, as the owner, a manager and a shop assistant open it, on a phone and on a laptop, in
Russian and in English.

Usage: python3 Tests/Browser/crawl_walk.py [EARNED_BINARY]   (as walk.py; screenshots in
$EARNED_SCREENSHOTS, default a new temporary directory)

Starts `earned serve --demo` on a fresh SQLite file and waits for its first scoring run. Then,
for each of 390 px and 1440 px and each language, the owner (and, on a phone in Russian, a
manager and a shop assistant) signs in and opens every page the
navigation and the lists lead to (the lists, the forms, the dashboards, the settings, and one
record of each kind: a customer, an order, a promise, a case, a contact, a task, an incident, a
survey invitation, a location, a staff account). On every page:
  - no server error page and no browser console error;
  - no element wider than the viewport (wide tables scroll inside their own box);
  - every input, select and text area has a label (a <label for>, a wrapping label, or an
    aria-label);
  - on a Russian page, no English of the interface (read from Sources/EarnedWeb/Localization):
    in a label, button, column head, legend, term, tab or badge, no word the English interface
    uses; in a heading, choice, hint, notice or cell — which may also hold what people typed, a
    case title or an item bought — no whole English interface string. Names Earned keeps in Latin
    (CSV, Excel, NPS, e-mail…) are allowed.
Every problem is listed; exits non-zero if there is any.
"""
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import walk as base  # noqa: E402  (the server and browser helpers of the daily-work walk)

from selenium.webdriver.common.by import By  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PEOPLE = [("owner", "owner@demo.earned"), ("manager", base.MANAGER), ("staff", base.STAFF)]
PAGES = [
    "/today", "/today?view=team", "/tasks", "/tasks?status=all", "/tasks/new", "/promises", "/promises?status=all",
    "/promises/new", "/promises/on-time", "/promises/on-time?by=location", "/cases", "/cases?status=overdue",
    "/cases/new", "/contacts", "/contacts?status=all", "/contacts/new", "/orders", "/orders/new", "/customers",
    "/customers/new", "/customers/duplicates", "/incidents", "/incidents/new", "/surveys", "/surveys/definitions",
    "/surveys/new", "/surveys/invitations", "/absences", "/import", "/export", "/locations", "/locations/new",
    "/staff", "/staff/new", "/tokens", "/audit", "/settings/service", "/settings/outreach", "/settings/webhooks",
    "/settings/security", "/account", "/scorecard", "/consistency", "/loyalty", "/forecast", "/forecast/saved",
]
# One record of each kind, found through the list that leads to it.
RECORDS = [
    ("/customers", "/customers/"), ("/orders", "/orders/"), ("/promises?status=all", "/promises/"),
    ("/cases?status=all", "/cases/"), ("/contacts?status=all", "/contacts/"), ("/tasks", "/tasks/"),
    ("/incidents", "/incidents/"), ("/surveys/invitations", "/surveys/invitations/"), ("/locations", "/locations/"),
    ("/staff", "/staff/"),
]
# Latin words a Russian page may carry: names of formats, measures and products, units.
KEPT_IN_LATIN = {
    "google", "microsoft", "authenticator", "npv", "gdpr", "post", "mail", "csv", "excel", "api", "nps", "csat", "ces", "ewma", "cusum", "sms", "url", "utc", "iso", "svg", "json",
    "earned", "bearer", "totp", "https", "http", "smtp", "imap", "telegram", "webhook", "webhooks", "hmac",
    "sha", "bg", "nbd", "pareto", "alive", "openapi", "ern", "utf", "bom", "mib", "gib", "min", "max",
}
UNLABELLED = (
    "return [...document.querySelectorAll('input, select, textarea')].filter(e => {"
    "  const type = (e.getAttribute('type') || '').toLowerCase();"
    "  if (['hidden', 'submit', 'button', 'reset', 'image'].includes(type)) return false;"
    "  if (e.getAttribute('aria-label') || e.getAttribute('aria-labelledby')) return false;"
    "  if (e.closest('label')) return false;"
    "  return !(e.id && document.querySelector('label[for=\"' + CSS.escape(e.id) + '\"]'));"
    "}).slice(0, 5).map(e => e.tagName + '[name=' + (e.getAttribute('name') || '') + ']');")
OVERFLOW = (
    "const w = document.documentElement.clientWidth;"
    "return [...document.querySelectorAll('body *')].filter(e => {"
    "  const scroller = e.closest('.table-scroll');"
    "  if (scroller && ['auto', 'scroll'].includes(getComputedStyle(scroller).overflowX)) return false;"
    "  const r = e.getBoundingClientRect(); return r.width > 0 && r.right > w + 1;"
    "}).slice(0, 5).map(e => e.tagName + '.' + (e.getAttribute('class') || ''));")
# The interface's own elements, whose every word is the interface's: labels, buttons, column
# heads, legends, terms, captions, tabs and badges.
UI_ONLY = (
    "const main = document.querySelector('main'); if (!main) return [];"
    "return [...main.querySelectorAll('label, button, th, legend, dt, caption, summary, nav, .badge')]"
    "  .map(e => e.innerText);")
# Elements that carry the interface's words or what people typed (a record's title, a hint quoting
# a template, an item bought, a choice named by the owner): an English interface string there
# is found whole, the way the page would have printed an untranslated label.
MIXED = (
    "const main = document.querySelector('main'); if (!main) return [];"
    "const mixed = [...main.querySelectorAll('h1, h2, h3, option, .hint, .muted, .alert, .list-summary, .empty')];"
    "const cells = [...main.querySelectorAll('td, dd, span')].filter(e => !e.querySelector('td, dd, span, a'));"
    "return mixed.concat(cells).map(e => e.innerText.trim()).filter(t => t);")


def interface_vocabulary():
    """The words and the whole strings of the English interface: the second argument of every
    t("…", "…")."""
    words = set()
    phrases = set()
    folder = os.path.join(ROOT, "Sources", "EarnedWeb", "Localization")
    pattern = re.compile(r't\(\s*"(?:[^"\\]|\\.)*"\s*,\s*"((?:[^"\\]|\\.)*)"', re.S)
    for name in os.listdir(folder):
        if name.endswith(".swift"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                for english in pattern.findall(f.read()):
                    plain = re.sub(r"\\\(.*?\)", " ", english)
                    words |= {w.lower() for w in re.findall(r"\b[A-Za-z]{3,}\b", plain)}
                    # A whole string with a word of its own, not only kept names or identifiers (e-mail).
                    own = [w for w in re.findall(r"\b[A-Za-z]{3,}\b", re.sub(r"\S*[._\-/:@{}]\S*", " ", english))
                           if w.lower() not in KEPT_IN_LATIN]
                    if "\\(" not in english and own:
                        phrases.add(english.strip().lower())
    return words - KEPT_IN_LATIN, phrases - KEPT_IN_LATIN


class CrawlWalk(base.Walk):
    def run(self):
        self.vocabulary, self.phrases = interface_vocabulary()
        self.check(len(self.vocabulary) > 500, f"only {len(self.vocabulary)} interface words found")
        self.wait_for_scores()
        self.driver.quit()
        self.driver = None
        for width, device in [(390, "phone"), (1440, "laptop")]:
            for lang in ["ru", "en"]:
                for role, email in PEOPLE:
                    # The owner everywhere; the others, who open fewer pages, on a phone in Russian.
                    if role != "owner" and (width, lang) != (390, "ru"):
                        continue
                    base.log(f"{role} on a {device} ({width} px), in {lang}")
                    self.driver = base.chrome(
                        size=f"{max(width, 500)},900", lang=f"{lang}-{'RU' if lang == 'ru' else 'US'}")
                    try:
                        self.width = width
                        self.viewport(900)
                        self.crawl(f"{device}-{lang}-{role}", lang, email)
                    finally:
                        self.driver.quit()
                        self.driver = None
        self.driver = base.chrome()
        self.check(not self.problems, f"{len(self.problems)} problems on the pages")

    def wait_for_scores(self):
        deadline = time.time() + 240
        while time.time() < deadline:
            try:
                if self.server.query("SELECT COUNT(*) FROM score_snapshots WHERE key = 'run'")[0][0] > 0:
                    return
            except Exception:  # noqa: BLE001 - the table may not exist yet
                pass
            time.sleep(2)
        self.fail("no scoring run within 240 s of starting")

    def viewport(self, height):
        self.driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": self.width, "height": height, "deviceScaleFactor": 1, "mobile": self.width < 640})

    def crawl(self, tag, lang, email):
        d = self.driver
        self.open(f"/language/{lang}?next=/sign-in")
        d.find_element(By.NAME, "email").send_keys(email)
        d.find_element(By.NAME, "password").send_keys(base.PASSWORD)
        self.click_and_wait(d.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
        pages = list(PAGES)
        for source, prefix in RECORDS:
            d.get(self.server.base + source)
            for a in d.find_elements(By.CSS_SELECTOR, f"main a[href^='{prefix}']"):
                href = a.get_attribute("href").replace(self.server.base, "")
                tail = href[len(prefix):].split("?")[0]
                if re.fullmatch(r"[0-9a-fA-F-]{36}(/edit)?", tail):
                    pages.append(href)
                    break
        seen = 0
        for path in pages:
            d.get(self.server.base + path)
            status = self.status_of_page()
            if status in (403, 404):
                continue  # not this person's to open: the rule says so, and the page says it plainly
            seen += 1
            where = f"{tag} {path}"
            if status >= 500:
                self.problem(f"{where}: server error")
                continue
            severe = [e["message"][:160] for e in d.get_log("browser") if e["level"] == "SEVERE"
                      and "status of 403" not in e["message"] and "status of 404" not in e["message"]]
            if severe:
                self.problem(f"{where}: console errors {severe[:2]}")
            wide = d.execute_script(OVERFLOW)
            if wide:
                self.problem(f"{where}: wider than {self.width} px: {wide}")
                self.shot(f"wide-{tag}-{len(self.problems)}")
            unlabelled = d.execute_script(UNLABELLED)
            if unlabelled:
                self.problem(f"{where}: inputs without a label: {unlabelled}")
            if lang == "ru":
                # Identifiers (case.opened, X-Earned-Signature, e-mail, addresses) are not words.
                ui = re.sub(r"\S*[._\-/:@{}]\S*", " ", "\n".join(d.execute_script(UI_ONLY)))
                english = {w for w in re.findall(r"\b[A-Za-z]{3,}\b", ui) if w.lower() in self.vocabulary}
                english |= {t for t in d.execute_script(MIXED) if t.lower() in self.phrases}
                english = sorted(w for w in english if not self.in_data(w))
                if english:
                    self.problem(f"{where}: English words on a Russian page: {english[:8]}")
        base.log(f"   {seen} pages")
        self.check(seen >= 25, f"only {seen} pages opened as {tag}")

    def in_data(self, word):
        """A word that stands in a customer's name (a link to the customer): data, not a label."""
        return self.driver.execute_script(
            "const w = arguments[0];"
            "return [...document.querySelectorAll(\"main a[href^='/customers/']\")].some(e => e.innerText.includes(w));",
            word)

    def status_of_page(self):
        """The answer's status, as Earned's error page shows it ("HTTP 404"); 200 otherwise."""
        error = self.driver.find_elements(By.CSS_SELECTOR, "section.error-page")
        if not error:
            return 200
        found = re.search(r"HTTP (\d{3})", error[0].text)
        return int(found.group(1)) if found else 500


if __name__ == "__main__":
    sys.exit(base.main(CrawlWalk))
