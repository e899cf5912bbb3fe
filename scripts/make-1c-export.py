#!/usr/bin/env python3
"""Writes a shop's own export in the style of 1C: customers, then orders, in Windows-1251 with
';', Russian headers, decimal commas, no-break-space thousands, «Фамилия И.О.» sellers, local
times, quoted line breaks, and a second card for one customer in fifty (a new code, the phone
written another way, ё as е). Sellers and stores are the demo business's.

Usage: make-1c-export.py CUSTOMERS ORDERS OUTDIR
"""
import os
import random
import sys

customers, orders, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
os.makedirs(out, exist_ok=True)
random.seed(17)
first = ["Анна", "Мария", "Ольга", "Алёна", "Пётр", "Иван", "Сергей", "Артём", "Фёдор", "Елена", "Наталья", "Дмитрий"]
last = ["Семёнова", "Королёва", "Смирнова", "Кузнецов", "Попов", "Соловьёв", "Васильева", "Фёдоров", "Морозова",
        "Волков", "Лебедева", "Новиков"]
patronymic = ["Викторовна", "Андреевна", "Игоревич", "Петрович", "Сергеевна", "Алексеевич"]
cities = ["Москва", "Екатеринбург", "Санкт-Петербург", "Berlin"]
stores = ["Москва, Тверская", "Екатеринбург, Малышева"]
sellers = {"Москва, Тверская": ["Лебедева М.", "Орлов Н.", "Соколова И."],
           "Екатеринбург, Малышева": ["Морозова Е.", "Волков С.", "Кузнецов Д."]}
items = ["Кофемашина Delonghi", "Кофе в зёрнах, Колумбия, 1 кг", "Ручная кофемолка", "Френч-пресс 1 л",
         "Капсулы, 50 шт.", "Сервиз на 6 персон\nс блюдцами"]


def money(kopecks):
    rub = f"{kopecks // 100:,}".replace(",", "\u00a0")
    return f"{rub},{kopecks % 100:02d}"


def cell(text):
    if any(c in text for c in ';"\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def phone_ways(n):
    d = f"9{n:09d}"
    return [f"+7 ({d[:3]}) {d[3:6]}-{d[6:8]}-{d[8:]}", f"8-{d[:3]}-{d[3:]}", f"8 {d[:3]} {d[3:6]} {d[6:8]} {d[8:]}"]


rows = []
codes = []
for i in range(customers):
    code = f"{i + 1:06d}"
    name = f"{random.choice(last)} {random.choice(first)} {random.choice(patronymic)}"
    store = random.choice(stores)
    phone = phone_ways(i + 1)
    rows.append([code, name, phone[0], f"client{i + 1}@mail.example", f"{random.randint(1, 28):02d}.{random.randint(1, 12):02d}.19{random.randint(50, 99)}",
                 random.choice(cities), f"ул. Ленина, д. {random.randint(1, 200)}", store, random.choice(["да", "нет", ""]),
                 random.choice(["м", "ж"])])
    codes.append((code, store))
    if i % 50 == 7:
        # A second card of the same person: a new code, the phone written otherwise, ё as е.
        second = f"{customers + i + 1:06d}"
        rows.append([second, name.replace("ё", "е"), phone[1], "", rows[-1][4], rows[-1][5], "", store, "", rows[-1][9]])
        codes.append((second, store))
with open(os.path.join(out, "customers.csv"), "w", encoding="cp1251", newline="") as f:
    f.write("Код;Наименование;Телефон;Электронная почта;Дата рождения;Город;Адрес;Магазин;Согласие на рассылку;Пол\r\n")
    for r in rows:
        f.write(";".join(cell(x) for x in r) + "\r\n")
with open(os.path.join(out, "orders.csv"), "w", encoding="cp1251", newline="") as f:
    f.write("Номер;Дата;Код клиента;Сумма;Скидка;Магазин;Продавец;Дата доставки обещанная;Дата доставки фактическая;Номенклатура\r\n")
    for i in range(orders):
        code, store = random.choice(codes)
        month = random.randint(1, 11)
        day = random.randint(1, 27)
        hour, minute = random.randint(9, 20), random.randint(0, 59)
        amount = random.randint(50_000, 15_000_000)
        discount = 0 if random.random() < 0.8 else random.randint(1, amount // 5)
        promised = delivered = ""
        if random.random() < 0.3:
            promised = f"{day + 1:02d}.{month:02d}.2026 18:00"
            delivered = f"{day + 1:02d}.{month:02d}.2026 {random.randint(10, 20):02d}:00"
        f.write(";".join(cell(x) for x in [f"ЗК-{i + 1:07d}", f"{day:02d}.{month:02d}.2026 {hour:02d}:{minute:02d}", code,
                                            money(amount), money(discount) if discount else "", store,
                                            random.choice(sellers[store]), promised, delivered, random.choice(items)]) + "\r\n")
print(f"{len(rows)} customers, {orders} orders in {out}")
