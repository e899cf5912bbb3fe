#!/usr/bin/env python3
"""Concurrent writers against a running Earned on loopback: N threads write through the API
and the pages at once for a fixed time, as a shop with N people clicking would.

Usage: bench-writes.py BASE_URL [--writers N] [--seconds T]
Signs in as the demo owner (owner@demo.earned / earned-demo), makes an API token on the tokens
page, picks customers from the customer list, then each writer loops until the time is up:
PATCH a customer's tags (API), POST a note (API), POST a note through the customer page's form
(session + CSRF), POST a new customer (API) — each writer on its own customers, and all of
them on one shared customer, so writes collide. Afterwards it reads every acknowledged note
and customer back.

First one writer alone for the same time (the anchor, measured in the same run, since this
machine is shared and noisy), then the N writers. Prints for each requests/s, p50/p99 latency in
ms, the count of non-2xx answers by status, how many acknowledged writes were found again, and
the N writers' throughput and p50 as ratios to the anchor's. Exits non-zero on any non-2xx
answer or any lost write.
Loopback addresses only; the loop stops by itself after T seconds.
"""
import argparse
import re
import statistics
import sys
import threading
import time
import urllib.parse
import uuid

import requests

parser = argparse.ArgumentParser()
parser.add_argument("base")
parser.add_argument("--writers", type=int, default=8)
parser.add_argument("--seconds", type=float, default=10.0)
args = parser.parse_args()
BASE = args.base.rstrip("/")
host = urllib.parse.urlparse(BASE).hostname
if host not in ("127.0.0.1", "localhost", "::1"):
    sys.exit("bench-writes.py only runs against a server on loopback")


def sign_in(email="owner@demo.earned", password="earned-demo"):
    session = requests.Session()
    page = session.get(f"{BASE}/sign-in")
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page.text).group(1)
    answer = session.post(f"{BASE}/sign-in", data={"_csrf": csrf, "email": email, "password": password},
                          allow_redirects=False)
    assert answer.status_code == 303, answer.status_code
    return session


def csrf_of(session, path):
    return re.search(r'name="_csrf" value="([^"]+)"', session.get(f"{BASE}{path}").text).group(1)


owner = sign_in()
made = owner.post(f"{BASE}/tokens", data={"_csrf": csrf_of(owner, "/tokens"), "name": "bench-writes"})
token = re.search(r"(ern_[A-Za-z0-9_\-]+)", made.text).group(1)
api = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
listed = requests.get(f"{BASE}/api/v1/customers?limit={args.writers + 1}", headers=api).json()["items"]
assert len(listed) > args.writers, "the database needs the demo (earned demo)"
shared = listed[0]["id"]
location = listed[0].get("home_location_id")

lock = threading.Lock()


def run(writers):
    latencies = []
    statuses = {}
    acknowledged_notes = []  # (customer id, text)
    acknowledged_customers = []
    deadline = time.monotonic() + args.seconds

    def record(started, response):
        elapsed = (time.monotonic() - started) * 1000
        with lock:
            latencies.append(elapsed)
            statuses[response.status_code] = statuses.get(response.status_code, 0) + 1

    def writer(index):
        own = listed[index + 1]["id"]
        session = sign_in()
        form_csrf = csrf_of(session, f"/customers/{own}")
        n = 0
        while time.monotonic() < deadline:
            n += 1
            step = n % 4
            target = shared if n % 2 else own
            started = time.monotonic()
            if step == 0:
                r = requests.patch(f"{BASE}/api/v1/customers/{target}", headers=api,
                                   json={"tags": [f"w{index}", f"n{n % 7}"]})
            elif step == 1:
                text = f"bench {index}-{n} {uuid.uuid4().hex[:8]}"
                r = requests.post(f"{BASE}/api/v1/customers/{target}/notes", headers=api, json={"text": text})
                if r.status_code == 201:
                    with lock:
                        acknowledged_notes.append((target, text))
            elif step == 2:
                text = f"form {index}-{n} {uuid.uuid4().hex[:8]}"
                r = session.post(f"{BASE}/customers/{target}/notes", data={"_csrf": form_csrf, "text": text},
                                 allow_redirects=False)
                if r.status_code == 303:
                    with lock:
                        acknowledged_notes.append((target, text))
            else:
                body = {"name": f"Bench {index}-{n}"}
                if location:
                    body["home_location_id"] = location
                r = requests.post(f"{BASE}/api/v1/customers",
                                  headers={**api, "Idempotency-Key": uuid.uuid4().hex}, json=body)
                if r.status_code == 201:
                    with lock:
                        acknowledged_customers.append(r.json()["id"])
            record(started, r)

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(writers)]
    began = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    took = time.monotonic() - began

    found_notes = 0
    by_customer = {}
    for customer, text in acknowledged_notes:
        by_customer.setdefault(customer, set()).add(text)
    for customer, texts in by_customer.items():
        stored = {note["text"] for note in
                  requests.get(f"{BASE}/api/v1/customers/{customer}/notes", headers=api).json()}
        found_notes += len(texts & stored)
    found_customers = sum(
        1 for c in acknowledged_customers
        if requests.get(f"{BASE}/api/v1/customers/{c}", headers=api).status_code == 200)

    latencies.sort()
    total = len(latencies)
    p50 = statistics.median(latencies)
    p99 = latencies[max(0, int(total * 0.99) - 1)]
    non2xx = {code: n for code, n in statuses.items() if not (200 <= code < 400)}
    print(f"writers={writers} seconds={took:.1f} requests={total} rate={total / took:.1f}/s "
          f"p50={p50:.1f} ms p99={p99:.1f} ms")
    print(f"  non-2xx: {sum(non2xx.values())} {non2xx if non2xx else ''}".rstrip())
    print(f"  acknowledged notes found again: {found_notes}/{len(acknowledged_notes)}; "
          f"customers: {found_customers}/{len(acknowledged_customers)}")
    lost = (len(acknowledged_notes) - found_notes) + (len(acknowledged_customers) - found_customers)
    return total / took, p50, bool(non2xx) or lost > 0


anchor_rate, anchor_p50, anchor_bad = run(1)
rate, p50, bad = run(args.writers)
print(f"{args.writers} writers against 1: throughput {rate / anchor_rate:.2f}x, p50 {p50 / anchor_p50:.2f}x")
sys.exit(1 if bad or anchor_bad else 0)
