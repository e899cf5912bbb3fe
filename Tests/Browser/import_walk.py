#!/usr/bin/env python3
"""An owner brings the shop's own 1C export in, as a new business does on its first day.

Usage: python3 Tests/Browser/import_walk.py [EARNED_BINARY]   (as walk.py; screenshots in
$EARNED_SCREENSHOTS, default a new temporary directory)

Starts `earned serve --demo` on a fresh SQLite file, then the owner:
  1. uploads the customers (Windows-1251, ';', Russian headers, a second card of one person with
     the phone written otherwise and ё as е): the preview maps every column, writes nothing,
     and the import adds both cards;
  2. uploads the orders: the preview shows one column it does not know («Способ оплаты») and two
     sellers who are no staff members («Петров А.А.», «Сидорова Е.»), while «Лебедева М.» is
     matched; at phone and laptop width;
  3. maps one seller to a colleague, has the other created, checks again, imports;
  4. opens Customers → possible duplicates and finds the two cards proposed as one pair.
Exits non-zero with the reason on failure.
"""
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import walk as base  # noqa: E402  (the server and browser helpers of the daily-work walk)

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

OWNER = "owner@demo.earned"
CUSTOMERS = (
    "Код;Наименование;Телефон;Электронная почта;Дата рождения;Город;Адрес;Магазин;Согласие на рассылку\r\n"
    "1С-000154;Семёнова Анна Викторовна;+7 (916) 555-45-67;anna.walk@mail.example;15.03.1985;Москва;"
    "\"Тверская ул., д. 1; кв. 5\";Москва, Тверская;да\r\n"
    "1С-000788;Семенова Анна Викторовна;8-916-5554567;;15.03.1985;Москва;;Москва, Тверская;нет\r\n"
    "1С-000201;ООО «Ромашка»;(812) 939-08-40;info@romashka.example;;Санкт-Петербург;;Москва, Тверская;\r\n"
)
ORDERS = (
    "Номер;Дата;Код клиента;Сумма;Скидка;Магазин;Продавец;Способ оплаты;Дата доставки обещанная;"
    "Дата доставки фактическая;Номенклатура\r\n"
    "ЗК-W001;01.12.2026 14:05;1С-000154;12\u00a0345,50;1\u00a0000,00;Москва, Тверская;Лебедева М.;карта;"
    "03.12.2026 18:00;03.12.2026 16:30;\"Диван\nподушки, 2 шт.\"\r\n"
    "ЗК-W002;02.12.2026 11:00;1С-000788;990,00;;Москва, Тверская;Петров А.А.;наличные;;;Чехол\r\n"
    "ЗК-W003;03.12.2026 09:15;1С-000201;45\u00a0000,00;;Москва, Тверская;Сидорова Е.;счёт;;;Стол «Лофт»\r\n"
)
COLLEAGUE = "Ольга Павлова"


def write(text, name):
    path = os.path.join(tempfile.mkdtemp(prefix="earned-import-walk-"), name)
    with open(path, "wb") as f:
        f.write(text.encode("cp1251"))
    return path


class ImportWalk(base.Walk):
    def upload(self, kind_label, path):
        d = self.driver
        self.nav("Import")
        form = d.find_element(By.CSS_SELECTOR, "main form")
        Select(form.find_element(By.NAME, "kind")).select_by_visible_text(kind_label)
        form.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(path)
        self.click_and_wait(self.button(form, "Check the file"))
        self.check("/import/uploads/" in d.current_url, f"the upload did not lead to a preview: {d.current_url}")
        self.check("Nothing has been written yet" in self.text(), "the preview does not say nothing was written")

    def columns(self):
        """Column header → the field chosen for it (its option's text)."""
        found = {}
        for row in self.driver.find_elements(By.CSS_SELECTOR, "form.import-preview table tbody tr"):
            selects = row.find_elements(By.CSS_SELECTOR, "select[name^='column.']")
            if selects:
                label = row.find_element(By.CSS_SELECTOR, "label").text.strip()
                found[label] = Select(selects[0]).first_selected_option.text.strip()
        return found

    def run(self):
        d = self.driver
        self.sign_in(OWNER)
        before = self.server.query("SELECT COUNT(*) FROM customers")[0][0]

        base.log("1. the customers: previewed, then imported, both cards of one person")
        self.upload("Customers", write(CUSTOMERS, "Контрагенты.csv"))
        self.check(self.fact("Encoding") == "windows1251", f"encoding read as {self.fact('Encoding')!r}")
        columns = self.columns()
        self.check(columns.get("Город") == "City" and columns.get("Адрес") == "Address",
                   f"city and address not recognised: {columns}")
        self.check(self.server.query("SELECT COUNT(*) FROM customers")[0][0] == before, "the preview wrote customers")
        self.click_and_wait(self.button(d.find_element(By.CSS_SELECTOR, "form.import-preview"), "Import"))
        self.check("Done: 3 added" in self.text(), f"the customers were not imported: {self.text()[:300]!r}")

        base.log("2. the orders: one unknown column, two unknown sellers, one matched")
        self.upload("Orders", write(ORDERS, "Заказы.csv"))
        columns = self.columns()
        self.check(columns.get("Способ оплаты") == "— do not import —", f"an unknown column is not shown as such: {columns}")
        self.check("not recognised: not imported" in self.text(), "the unknown column is not said to be left out")
        self.check(columns.get("Продавец") == "Seller", f"the seller column: {columns}")
        sellers = d.find_elements(By.CSS_SELECTOR, "select[name^='seller.']")
        names = [d.find_element(By.CSS_SELECTOR, f"label[for='{s.get_attribute('id')}']").text.strip() for s in sellers]
        self.check(names == ["Петров А.А.", "Сидорова Е."], f"unmatched sellers listed: {names}")
        self.check("Мария Лебедева" in self.text(), "«Лебедева М.» was not matched to Мария Лебедева in the sample")
        self.shot("import-preview", d.find_element(By.CSS_SELECTOR, "form.import-preview"))
        if d.execute_script("return document.documentElement.scrollWidth > window.innerWidth + 1"):
            self.problem("the import preview is wider than a laptop's window")
        d.set_window_size(390, 900)
        self.loaded()
        wide = d.execute_script("return document.documentElement.scrollWidth > window.innerWidth + 1")
        if wide:
            self.problem("the import preview is wider than a phone")
        self.shot("import-preview-phone")
        d.set_window_size(1440, 1000)
        # Import before choosing is refused, and says why.
        self.click_and_wait(self.button(d.find_element(By.CSS_SELECTOR, "form.import-preview"), "Import"))
        self.check("Nothing was imported" in self.text(), "an import with unknown sellers was not refused")
        self.check(self.server.query("SELECT COUNT(*) FROM orders WHERE external_id LIKE 'ЗК-W%'")[0][0] == 0,
                   "orders were written with sellers unresolved")

        base.log("3. one seller mapped to a colleague, the other created; checked again; imported")
        for select in d.find_elements(By.CSS_SELECTOR, "select[name^='seller.']"):
            label = d.find_element(By.CSS_SELECTOR, f"label[for='{select.get_attribute('id')}']").text.strip()
            Select(select).select_by_visible_text(COLLEAGUE if label == "Петров А.А." else "Create a staff member (no sign-in)")
        self.click_and_wait(self.button(d.find_element(By.CSS_SELECTOR, "form.import-preview"), "Check again"))
        self.check("The file is ready to import." in self.text(), f"not ready after choosing: {self.text()[:400]!r}")
        self.check("Staff members to be created without sign-in: 1" in self.text(), "the new staff member is not announced")
        self.click_and_wait(self.button(d.find_element(By.CSS_SELECTOR, "form.import-preview"), "Import"))
        self.check("Done: 3 added" in self.text(), f"the orders were not imported: {self.text()[:300]!r}")
        self.shot("import-done")
        sellers = dict(self.server.query(
            "SELECT o.external_id, s.name FROM orders o JOIN staff s ON s.id = o.seller_id WHERE o.external_id LIKE 'ЗК-W%'"))
        self.check(sellers == {"ЗК-W001": "Мария Лебедева", "ЗК-W002": COLLEAGUE, "ЗК-W003": "Сидорова Е."},
                   f"sellers stored: {sellers}")

        base.log("4. the two cards are proposed as one pair")
        self.nav("Customers")
        links = [a for a in d.find_elements(By.CSS_SELECTOR, "main a") if "/customers/duplicates" in (a.get_attribute("href") or "")]
        self.check(links, "the customers page does not lead to the duplicate suggestions")
        self.click_and_wait(links[0])
        text = self.text()
        self.check("Семёнова Анна Викторовна" in text and "Семенова Анна Викторовна" in text,
                   f"the pair of cards is not proposed: {text[:500]!r}")
        self.shot("duplicate-suggestion")


if __name__ == "__main__":
    base.main(ImportWalk)
