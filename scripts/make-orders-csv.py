#!/usr/bin/env python3
"""Writes an orders CSV of N rows for the demo business's customers (D-000001 …).

Usage: make-orders-csv.py ROWS CUSTOMERS OUT.csv
"""
import random
import sys

rows, customers, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
random.seed(1)
items = ["Капучино", "Эспрессо", "Френч-пресс 1 л", "Кофе в зёрнах, Колумбия, 1 кг", "Ручная кофемолка"]
with open(out, "w", encoding="utf-8") as f:
    f.write("external_id,customer_id,ordered_at,amount,discount,quantity,items,channel\n")
    for i in range(rows):
        c = random.randint(1, customers)
        day = random.randint(1, 28)
        month = random.randint(1, 12)
        amount = random.randint(100, 500_000)
        discount = 0 if random.random() < 0.85 else random.randint(1, amount // 5 + 1)
        f.write(f"B-{i:07d},D-{c:06d},2025-{month:02d}-{day:02d}T{random.randint(9, 20):02d}:{random.randint(0, 59):02d}:00Z,"
                f"{amount // 100}.{amount % 100:02d},{discount // 100}.{discount % 100:02d},{random.randint(1, 3)},"
                f"\"{random.choice(items)}\",store\n")
