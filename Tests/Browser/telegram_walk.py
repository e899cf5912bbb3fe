#!/usr/bin/env python3
"""The owner connects the shop's Telegram bot; a customer starts it from their link and writes;
the answer goes back to their chat.

Usage: python3 Tests/Browser/telegram_walk.py [EARNED_BINARY]   (as walk.py; screenshots in
$EARNED_SCREENSHOTS, default a new temporary directory).

Starts a loopback stand-in of Telegram's Bot API (the methods Earned uses, answering as Telegram
does) and `earned serve --demo` pointed at it (EARNED_TELEGRAM_API); then:
  1. the owner opens Settings → Telegram, pastes the bot's token, saves: Telegram says who the bot is;
  2. opens a customer and makes their Telegram link;
  3. the customer presses Start with it and writes a question; within seconds it is a contact;
  4. the owner opens it and answers; the answer reaches the customer's chat.
Pages are also shot at 390 px wide. Exits non-zero with the reason on failure.
"""
import json
import os
import re
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import walk as base  # noqa: E402

from selenium.webdriver.common.by import By  # noqa: E402

OWNER = "owner@demo.earned"
TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
CHAT = 5_001_001
QUESTION = f"Здравствуйте! Можно забронировать столик на вечер? (walk {base.STAMP})"
ANSWER = "Да, столик на двоих к 19:00 ждёт вас."


class BotAPI:
    """The Bot API methods Earned calls, in memory: getMe, getUpdates (forgetting updates below the
    offset asked for), setWebhook, deleteWebhook, sendMessage."""

    def __init__(self):
        self.lock = threading.Lock()
        self.updates = []
        self.next_update = 100
        self.next_message = 10
        self.sent = []
        api = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                match = re.fullmatch(r"/bot([^/]+)/(\w+)", self.path)
                if not match or match.group(1) != TOKEN:
                    return self.answer(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
                status, result = api.call(match.group(2), body)
                self.answer(status, result)

            def answer(self, status, payload):
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def call(self, method, body):
        with self.lock:
            if method == "getMe":
                return 200, {"ok": True, "result": {"id": 123456789, "is_bot": True, "first_name": "Кофейня Зерно",
                                                    "username": "zerno_bot"}}
            if method == "getUpdates":
                offset = body.get("offset") or 0
                self.updates = [u for u in self.updates if u["update_id"] >= offset]
                return 200, {"ok": True, "result": self.updates[: body.get("limit", 100)]}
            if method in ("setWebhook", "deleteWebhook"):
                return 200, {"ok": True, "result": True}
            if method == "sendMessage":
                self.next_message += 1
                self.sent.append((body.get("chat_id"), body.get("text", "")))
                return 200, {"ok": True, "result": {"message_id": self.next_message, "date": int(time.time()),
                                                    "chat": {"id": body.get("chat_id"), "type": "private"},
                                                    "text": body.get("text", "")}}
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}

    def write(self, text):
        with self.lock:
            self.next_update += 1
            self.next_message += 1
            self.updates.append({"update_id": self.next_update, "message": {
                "message_id": self.next_message, "date": int(time.time()), "text": text,
                "from": {"id": CHAT, "is_bot": False, "first_name": "Анна", "username": "anna_walk"},
                "chat": {"id": CHAT, "type": "private"}}})

    def sent_to(self, chat):
        with self.lock:
            return [text for (to, text) in self.sent if to == chat]

    def stop(self):
        self.server.shutdown()


BOT = BotAPI()
os.environ["EARNED_TELEGRAM_API"] = BOT.base


class TelegramWalk(base.Walk):
    def notice(self):
        found = self.driver.find_elements(By.CSS_SELECTOR, "main .alert")
        return found[0].text if found else ""

    def narrow(self, name):
        """The page as a phone shows it: 390 px wide."""
        self.driver.set_window_size(390, 900)
        self.shot(name + "-390")
        self.driver.set_window_size(1440, 1000)

    def wait_for(self, condition, seconds, message):
        deadline = time.time() + seconds
        while not condition() and time.time() < deadline:
            time.sleep(1)
        self.check(condition(), message)

    def run(self):
        try:
            self.walk()
        finally:
            BOT.stop()

    def walk(self):
        d = self.driver
        d.set_window_size(1440, 1000)
        base.log("1. the owner connects the bot")
        self.sign_in(OWNER)
        self.open("/settings/service")
        tabs = [a for a in d.find_elements(By.CSS_SELECTOR, "nav.tabs a") if a.text.strip() == "Telegram"]
        self.check(tabs, "no Telegram tab among the settings")
        self.click_and_wait(tabs[0])
        self.check("/settings/telegram" in d.current_url, f"the Telegram tab leads to {d.current_url}")
        self.shot("telegram-settings-empty")
        form = d.find_elements(By.CSS_SELECTOR, "main form")[0]
        self.type_into(form, "The bot's token", "not a token")
        self.click_and_wait(self.button(form, "Save and check"))
        self.check(d.find_elements(By.CSS_SELECTOR, "[aria-invalid=true]"), "a bad token is not named")
        form = d.find_elements(By.CSS_SELECTOR, "main form")[0]
        self.type_into(form, "The bot's token", TOKEN)
        self.click_and_wait(self.button(form, "Save and check"))
        self.check("@zerno_bot" in self.notice(), f"saving the bot said: {self.notice()!r}")
        self.check(TOKEN not in d.page_source and TOKEN.split(":")[1] not in d.page_source,
                   "the page shows the token back")
        self.shot("telegram-settings-connected")
        self.narrow("telegram-settings")

        base.log("2. the owner makes a customer's Telegram link")
        self.open("/customers")
        first = d.find_elements(By.CSS_SELECTOR, "main table a[href^='/customers/']")
        self.check(first, "no customer in the list")
        name = first[0].text.strip()
        self.click_and_wait(first[0])
        self.click_and_wait(self.button(d.find_element(By.CSS_SELECTOR, "main"), "Telegram link"))
        links = re.findall(r"https://t\.me/zerno_bot\?start=([A-Za-z0-9_-]{43})", d.page_source)
        self.check(links, "the link page shows no start link")
        self.shot("telegram-customer-link")
        self.narrow("telegram-customer-link")

        base.log("3. the customer starts the bot and writes")
        BOT.write("/start " + links[0])
        self.wait_for(lambda: BOT.sent_to(CHAT), 30, "the bot did not say hello within 30 s")
        BOT.write(QUESTION)
        def arrived():
            self.open("/contacts")
            return QUESTION[:40] in self.text()
        self.wait_for(arrived, 30, "the customer's message did not become a contact within 30 s")
        self.shot("telegram-inbox")
        link = self.link_to("/contacts/")
        self.check(link is not None, "no contact link in the inbox")
        candidates = [a for a in d.find_elements(By.CSS_SELECTOR, "main a") if QUESTION[:40] in a.text]
        self.check(candidates, "the contact is not a link in the inbox")
        self.click_and_wait(candidates[0])
        self.check(name in self.text(), f"the contact is not matched to {name}")
        self.check("Telegram" in self.text(), "the contact does not say it came by Telegram")

        base.log("4. the owner answers; the answer reaches the chat")
        form = [f for f in d.find_elements(By.CSS_SELECTOR, "main form")
                if f.find_elements(By.CSS_SELECTOR, "textarea[name=text]")]
        self.check(form, "no reply form on the contact")
        form[0].find_element(By.CSS_SELECTOR, "textarea[name=text]").send_keys(ANSWER)
        self.click_and_wait(self.button(form[0], "Send the reply"))
        self.wait_for(lambda: ANSWER in BOT.sent_to(CHAT), 30, "the answer did not reach the chat within 30 s")
        def shown_sent():
            d.refresh()
            return "sent" in self.text()
        self.wait_for(shown_sent, 10, "the contact does not show the answer as sent")
        self.shot("telegram-conversation")
        self.narrow("telegram-conversation")


if __name__ == "__main__":
    base.main(TelegramWalk)
