#!/usr/bin/env python3
"""Server time of the customers list, search and customer page on a running Earned, or of the
dashboards.

Usage: bench-pages.py BASE_URL [REQUESTS_PER_KIND] [--dashboards | --forecast | --work]
Signs in as the demo owner, then as a demo staff member, and reads the server's own time for
each answer from its Server-Timing header (the time inside Earned, not the network).
With --dashboards it times, as the owner, the scorecard of every scope it can choose (business,
locations, teams, people) and period, the records behind each figure, the consistency page of
each measure, the loyalty page of each segment, and customer pages with their story and scores
(the database must have been scored: `earned score`).
With --work it times every other kind of page, each as the owner, a manager (manager.1) and a
shop assistant (maria.lebedeva) where they may open it: Today and the team's Today, every list
(tasks, promises, cases, contacts, orders, survey invitations, the audit log) without and with
filters, the on-time report by each grouping, incidents, the pages of one order, case, contact,
task and incident, the survey results, settings, absences, duplicates, the export form, locations
and staff.
With --forecast it runs the program forecast page (10,000 Monte Carlo runs each) with the
form's defaults, for each kind of program and a new seed each time.
Prints p50, p95 and max per kind of page. With --work, `--only=tasks,orders` times those kinds
only, and `--urls` also prints each address's median and slowest time.
"""
import random
import re
import statistics
import sys
import urllib.parse

import requests

BASE = sys.argv[1].rstrip("/")
N = int(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2].isdigit() else 200
random.seed(42)


def sign_in(email, password="earned-demo"):
    session = requests.Session()
    page = session.get(f"{BASE}/sign-in")
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page.text).group(1)
    answer = session.post(f"{BASE}/sign-in", data={"_csrf": csrf, "email": email, "password": password},
                          allow_redirects=False)
    assert answer.status_code == 303, answer.status_code
    return session


def server_ms(response):
    assert response.status_code == 200, (response.status_code, response.url)
    match = re.search(r"dur=([0-9.]+)", response.headers.get("Server-Timing", ""))
    return float(match.group(1))


def report(label, times):
    times = sorted(times)
    p95 = times[int(len(times) * 0.95) - 1]
    print(f"{label:<34} n={len(times):<5} p50={statistics.median(times):6.1f} ms  p95={p95:6.1f} ms  max={times[-1]:6.1f} ms")
    return p95


def dashboards():
    s = sign_in("owner@demo.earned")
    first = s.get(f"{BASE}/scorecard")
    scopes = re.findall(r'<option value="((?:business|location:|team:|person:)[^"]*)"', first.text)
    assert scopes, "no scopes on the scorecard page"
    steps = ["quality_service", "keep_promises", "never_late", "take_responsibility", "solve_problems",
             "call_first", "trust_them", "be_reachable", "answer_fast", "build_trust"]
    measures = ["delivery_on_time", "promise_on_time", "first_reply_in_target", "csat", "survey_response",
                "fast_enough"]
    segments = ["true_loyalty", "latent_loyalty", "spurious_loyalty", "no_loyalty", "unknown"]
    loyalty = s.get(f"{BASE}/loyalty").text
    ids = re.findall(r'href="/customers/([0-9a-f-]{36})"', loyalty)
    assert ids, "no customers on the loyalty page"
    kinds = {"scorecard": [], "records": [], "consistency": [], "loyalty": [], "customer (story, scores)": []}
    for i in range(N):
        scope = urllib.parse.quote(random.choice(scopes), safe=":")
        period = random.choice([30, 90, 365])
        kinds["scorecard"].append(server_ms(s.get(f"{BASE}/scorecard?scope={scope}&period={period}")))
        result = random.choice(["missed", "met", "all"])
        page = random.choice([1, 1, 2, 5])
        r = s.get(f"{BASE}/scorecard/records?step={random.choice(steps)}&scope={scope}&period={period}"
                  f"&result={result}&page={page}")
        kinds["records"].append(server_ms(r))
        kinds["consistency"].append(server_ms(s.get(f"{BASE}/consistency?measure={random.choice(measures)}")))
        kinds["loyalty"].append(server_ms(s.get(f"{BASE}/loyalty?segment={random.choice(segments)}"
                                                f"&page={random.choice([1, 1, 3])}")))
        kinds["customer (story, scores)"].append(server_ms(s.get(f"{BASE}/customers/{random.choice(ids)}")))
    worst = max(report(label, times) for label, times in kinds.items())
    print(f"worst p95: {worst:.1f} ms (goal: under 100 ms)")


def work():
    people = {"owner": sign_in("owner@demo.earned"), "manager": sign_in("manager.1@demo.earned"),
              "staff": sign_in("maria.lebedeva@demo.earned")}
    owner = people["owner"]

    def ids(path, kind):
        return re.findall(rf'href="/{kind}/([0-9a-f-]{{36}})"', owner.get(f"{BASE}{path}").text)

    pages = {
        "order": ids("/orders", "orders"), "case": ids("/cases?status=all", "cases"),
        "contact": ids("/contacts?status=all", "contacts"), "task": ids("/tasks?status=all", "tasks"),
        "incident": ids("/incidents", "incidents"),
    }
    lists = {
        "today": ["/today"],
        "today (team)": ["/today?view=team"],
        "tasks": ["/tasks", "/tasks?status=done", "/tasks?status=all&kind=follow_up", "/tasks?status=overdue"],
        "promises": ["/promises", "/promises?status=all&kind=delivery", "/promises?status=overdue",
                     "/promises?status=kept&q=ан"],
        "on-time report": ["/promises/on-time", "/promises/on-time?by=location", "/promises/on-time?by=kind",
                           "/promises/on-time?by=month", "/promises/on-time?by=team"],
        "cases": ["/cases", "/cases?status=overdue", "/cases?status=all", "/cases?status=all&q=ан"],
        "contacts": ["/contacts", "/contacts?status=all&kind=call", "/contacts?status=resolved"],
        "orders": ["/orders", "/orders?status=cancelled", "/orders?q=иван", "/orders?from=2026-01-01&to=2026-03-31"],
        "survey invitations": ["/surveys/invitations", "/surveys/invitations?status=answered"],
        "survey results": ["/surveys", "/surveys?by=shift"],
        "audit log": ["/audit"],
        "incidents": ["/incidents"],
        "settings": ["/settings/service", "/settings/mail", "/settings/webhooks", "/account", "/absences", "/locations", "/staff", "/export"],
        "duplicates": ["/customers/duplicates"],
    }
    for kind, found in pages.items():
        if found:
            lists[f"{kind} page"] = [f"/{kind}s/{i}" for i in found[:20]]
    # What each person may open: staff see their own work, not the team's or the settings.
    staff_kinds = {"today", "tasks", "promises", "cases", "contacts", "orders", "order page", "case page",
                   "contact page", "task page"}
    manager_kinds = staff_kinds | {"today (team)", "on-time report", "survey invitations", "survey results",
                                   "incidents", "incident page", "duplicates"}
    only = next((a.split("=", 1)[1].split(",") for a in sys.argv if a.startswith("--only=")), None)
    times = {}
    by_url = {}
    for who, session in people.items():
        allowed = None if who == "owner" else manager_kinds if who == "manager" else staff_kinds
        for kind, paths in lists.items():
            if allowed is not None and kind not in allowed or only is not None and kind not in only:
                continue
            label = f"{kind} ({who})"
            times[label] = []
            for i in range(N):
                path = random.choice(paths)
                r = session.get(BASE + path)
                if r.status_code in (403, 404):
                    # Not theirs to see (a record of another location): not a page they open.
                    continue
                times[label].append(server_ms(r))
                by_url.setdefault(f"{path} ({who})", []).append(times[label][-1])
    worst = max(report(label, t) for label, t in times.items() if t)
    if "--urls" in sys.argv:
        for url, t in sorted(by_url.items(), key=lambda item: -max(item[1])):
            print(f"  {url:<60} n={len(t):<4} p50={statistics.median(t):7.1f} ms  max={max(t):7.1f} ms")
    print(f"worst p95: {worst:.1f} ms (goal: under 100 ms)")


def forecast():
    s = sign_in("owner@demo.earned")
    page = s.get(f"{BASE}/forecast").text
    form = page[page.index('class="forecast-form"'):]
    fields = {}
    for tag in re.findall(r"<input[^>]*>", form):
        name = re.search(r'name="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if not name or ('type="checkbox"' in tag and "checked" not in tag):
            continue
        fields[name.group(1)] = value.group(1) if value else ""
    assert "runs" in fields and "_csrf" in fields, "no forecast form on /forecast (has `earned score` run?)"
    kinds = {k: [] for k in ["points", "discount", "cashback", "tiers"]}
    for i in range(N):
        for kind, times in kinds.items():
            data = dict(fields, kind=kind, seed=str(i + 1))
            r = s.post(f"{BASE}/forecast", data=data)
            assert "section class=\"card verdict\"" in r.text, (r.status_code, r.text[:500])
            times.append(server_ms(r))
    worst = max(report(f"forecast ({kind}, 10,000 runs)", times) for kind, times in kinds.items())
    print(f"worst p95: {worst:.1f} ms (goal: under 2000 ms)")


def main():
    if "--dashboards" in sys.argv:
        return dashboards()
    if "--forecast" in sys.argv:
        return forecast()
    if "--work" in sys.argv:
        return work()
    results = {}
    for who in ["owner@demo.earned", "maria.lebedeva@demo.earned"]:
        s = sign_in(who)
        # Customer ids and cursors from the first pages.
        first = s.get(f"{BASE}/customers")
        ids = re.findall(r'href="/customers/([0-9a-f-]{36})"', first.text)
        cursors = []
        html = first.text
        for _ in range(30):
            m = re.search(r'href="/customers\?cursor=([^"]+)"', html)
            if not m:
                break
            cursors.append(urllib.parse.unquote(m.group(1)))
            html = s.get(f"{BASE}/customers?cursor={m.group(1)}").text
            ids += re.findall(r'href="/customers/([0-9a-f-]{36})"', html)
        queries = ["ан", "иван", "Смирн", "alice", "916", "gmx.de", "петров", "ол", "+7 9", "mail.ru", "ксения", "Wilson"]
        lists, searches, pages = [], [], []
        for i in range(N):
            lists.append(server_ms(s.get(f"{BASE}/customers" + (f"?cursor={urllib.parse.quote(random.choice(cursors))}" if cursors and i % 2 else ""))))
            searches.append(server_ms(s.get(f"{BASE}/customers", params={"q": random.choice(queries)})))
            pages.append(server_ms(s.get(f"{BASE}/customers/{random.choice(ids)}")))
        role = "owner" if who.startswith("owner") else "staff"
        results[role] = (report(f"customers list ({role})", lists), report(f"search ({role})", searches),
                         report(f"customer page ({role})", pages))
    worst = max(max(v) for v in results.values())
    print(f"worst p95: {worst:.1f} ms (goal: under 100 ms)")


if __name__ == "__main__":
    main()
