"""Signs in to a running Earned and saves screenshots of its pages at phone and desktop width.

Usage: python3 screenshots.py BASE_URL OUT_DIR [EMAIL PASSWORD]
Exits non-zero when a page answers with a server error, logs a browser console error, or has
an element wider than the viewport.
"""
import os
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

BASE = sys.argv[1].rstrip("/")
OUT = sys.argv[2]
EMAIL = sys.argv[3] if len(sys.argv) > 3 else "owner@demo.earned"
PASSWORD = sys.argv[4] if len(sys.argv) > 4 else "earned-demo"
PAGES = ["/today", "/today?view=team", "/promises", "/promises/on-time", "/contacts", "/contacts/new", "/cases",
         "/incidents", "/incidents/new", "/settings/service", "/settings/outreach", "/settings/webhooks",
         "/customers", "/customers?q=ан", "/orders", "/customers/new", "/orders/new", "/import", "/locations",
         "/staff", "/tokens", "/audit", "/tasks/new", "/absences"]


def browser(width):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", f"--window-size={width},900"]:
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def overflow(driver):
    return driver.execute_script(
        "const w = document.documentElement.clientWidth;"
        "return [...document.querySelectorAll('body *')].filter(e => {"
        "  const scroller = e.closest('.table-scroll');"
        "  if (scroller && ['auto', 'scroll'].includes(getComputedStyle(scroller).overflowX)) return false;"
        "  const r = e.getBoundingClientRect(); return r.right > w + 1;"
        "}).slice(0, 5).map(e => e.tagName + '.' + e.className);")


def main():
    os.makedirs(OUT, exist_ok=True)
    problems = []
    for width, label in [(390, "phone"), (1440, "desktop")]:
        for lang in ["ru", "en"]:
            driver = browser(width)
            try:
                driver.get(f"{BASE}/language/{lang}?next=/sign-in")
                driver.save_screenshot(f"{OUT}/{label}-{lang}-sign-in.png")
                driver.find_element(By.ID, "email").send_keys(EMAIL)
                driver.find_element(By.ID, "password").send_keys(PASSWORD)
                driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
                pages = PAGES[:]
                driver.get(BASE + "/customers")
                link = driver.find_elements(By.CSS_SELECTOR, "table.cards tbody a")
                if link:
                    pages.append(link[0].get_attribute("href").replace(BASE, ""))
                # One page of each kind reached by a link: an order, a task.
                for source, selector in [("/orders", "main table tbody a[href^='/orders/']"),
                                         ("/today?view=team", "li.agenda-item a[href^='/tasks/']")]:
                    driver.get(BASE + source)
                    found = driver.find_elements(By.CSS_SELECTOR, selector)
                    if found:
                        pages.append(found[0].get_attribute("href").replace(BASE, ""))
                for path in pages:
                    driver.get(BASE + path)
                    name = path.strip("/").replace("/", "-").replace("?", "-").replace("=", "-") or "home"
                    driver.save_screenshot(f"{OUT}/{label}-{lang}-{name[:40]}.png")
                    if "500" in driver.page_source[:2000] and "Что-то пошло не так" in driver.page_source:
                        problems.append(f"{label} {lang} {path}: server error")
                    for entry in driver.get_log("browser"):
                        if entry["level"] == "SEVERE":
                            problems.append(f"{label} {lang} {path}: console {entry['message']}")
                    wide = overflow(driver)
                    if wide:
                        problems.append(f"{label} {lang} {path}: wider than the viewport: {wide}")
            finally:
                driver.quit()
    for p in problems:
        print(p)
    print(f"{len(problems)} problems; screenshots in {OUT}")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
