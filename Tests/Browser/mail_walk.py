#!/usr/bin/env python3
"""The owner connects the shop's own mailbox, sends a test message, and a customer's mail arrives.

Usage: python3 Tests/Browser/mail_walk.py [EARNED_BINARY]   (as walk.py; screenshots in
$EARNED_SCREENSHOTS, default a new temporary directory). Needs EARNED_TEST_MAIL_PYTHON (a python3
with aiosmtpd, as .ci/run makes) and Dovecot (/usr/sbin/dovecot).

Starts a real SMTP server (Tests/Mail/mail_server.py) and Dovecot on loopback, sharing Maildirs,
and `earned serve --demo`; then:
  1. the owner opens Settings → E-mail, fills in the sending server, saves: Earned signs in;
  2. sends a test message to herself: the page shows the server's answer, and it is in her mailbox;
  3. fills in the mailbox to read (IMAP), saves: Earned opens the folder; waits for the first read;
  4. a customer writes to the shop in KOI8-R; within seconds it is a contact in the inbox;
  5. the owner opens it, reads it, and answers; the answer reaches the customer's mailbox in the thread.
Exits non-zero with the reason on failure.
"""
import email
import email.policy
import os
import shutil
import smtplib
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import walk as base  # noqa: E402

from selenium.webdriver.common.by import By  # noqa: E402

OWNER = "owner@demo.earned"
SHOP = "shop@zerno.example"
SHOP_PASSWORD = "ящик-пароль"
CUSTOMER = "anna.walk@example.ru"
SUBJECT = f"Где мой заказ? (walk {base.STAMP})"
MAIL_UID = 8  # Debian's mail user: Dovecot will not read mail as root


class MailServers:
    """aiosmtpd and Dovecot on loopback over one folder of Maildirs."""

    def __init__(self):
        self.root = tempfile.mkdtemp(prefix="earned-mail-walk-")
        os.chmod(self.root, 0o755)
        self.smtp = None
        self.dovecot = None

    def start(self):
        python = os.environ.get("EARNED_TEST_MAIL_PYTHON")
        if not python:
            raise base.WalkFailed("EARNED_TEST_MAIL_PYTHON must name a python3 with aiosmtpd")
        script = os.path.join(base.REPO, "Tests", "Mail", "mail_server.py")
        self.smtp = subprocess.Popen(
            [python, "-W", "ignore", script, "--root", self.root, "--owner", str(MAIL_UID)],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        words = self.smtp.stdout.readline().split()
        if len(words) != 3 or words[0] != "ready":
            raise base.WalkFailed("the SMTP server did not start")
        self.smtp_port = int(words[1])
        self.imap_port = base.free_port()
        conf = os.path.join(self.root, "dovecot")
        for folder in ("run", "state", "home"):
            os.makedirs(os.path.join(conf, folder), exist_ok=True)
        os.chown(os.path.join(conf, "home"), MAIL_UID, MAIL_UID)
        with open(os.path.join(conf, "users"), "w") as f:
            f.write(f"{SHOP}:{{PLAIN}}{SHOP_PASSWORD}\n")
        with open(os.path.join(conf, "dovecot.conf"), "w") as f:
            f.write(f"""protocols = imap
listen = 127.0.0.1
base_dir = {conf}/run
state_dir = {conf}/state
log_path = {conf}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:{self.root}/%Lu
first_valid_uid = {MAIL_UID}
default_login_user = dovenull
default_internal_user = dovecot
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%Lu {conf}/users
}}
userdb {{
  driver = static
  args = uid={MAIL_UID} gid={MAIL_UID} home={conf}/home/%Lu
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {self.imap_port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service auth {{
  unix_listener auth-userdb {{
    mode = 0666
  }}
}}
""")
        self.dovecot = subprocess.Popen(
            ["/usr/sbin/dovecot", "-F", "-c", os.path.join(conf, "dovecot.conf")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(1)

    def delivered(self, address):
        new = os.path.join(self.root, address.lower(), "new")
        if not os.path.isdir(new):
            return []
        return [open(os.path.join(new, n), "rb").read() for n in sorted(os.listdir(new))]

    def send_as_customer(self, subject, text):
        message = email.message.EmailMessage(policy=email.policy.SMTP)
        message["From"] = f"Анна Прохорова <{CUSTOMER}>"
        message["To"] = SHOP
        message["Subject"] = subject
        message["Message-ID"] = f"<walk-{base.STAMP}@example.ru>"
        message.set_content(text, charset="koi8-r", cte="quoted-printable")
        with smtplib.SMTP("127.0.0.1", self.smtp_port) as smtp:
            smtp.send_message(message, from_addr=CUSTOMER, to_addrs=[SHOP])

    def stop(self):
        for process in (self.smtp, self.dovecot):
            if process and process.poll() is None:
                process.terminate()
                try:
                    process.wait(10)
                except subprocess.TimeoutExpired:
                    process.kill()
        shutil.rmtree(self.root, ignore_errors=True)


class MailWalk(base.Walk):
    def run(self):
        mail = MailServers()
        mail.start()
        try:
            self.walk(mail)
        finally:
            mail.stop()

    def outgoing_form(self):
        for form in self.driver.find_elements(By.CSS_SELECTOR, "main form"):
            if form.find_elements(By.CSS_SELECTOR, "input[name=host]"):
                return form
        self.fail("no form for the sending server")

    def notice(self):
        found = self.driver.find_elements(By.CSS_SELECTOR, "main .alert")
        return found[0].text if found else ""

    def walk(self, mail):
        d = self.driver
        base.log("1. the owner sets up the sending server")
        self.sign_in(OWNER)
        self.open("/settings/service")
        tabs = [a for a in d.find_elements(By.CSS_SELECTOR, "nav.tabs a") if a.text.strip() == "E-mail"]
        self.check(tabs, "no E-mail tab among the settings")
        self.click_and_wait(tabs[0])
        self.check("/settings/mail" in d.current_url, f"the E-mail tab leads to {d.current_url}")
        self.shot("mail-settings-empty")
        form = self.outgoing_form()
        self.type_into(form, "Server", "127.0.0.1")
        self.choose(form, "security", "None (own server only)")
        self.type_into(form, "Port", str(mail.smtp_port))
        self.type_into(form, "From address", SHOP)
        self.type_into(form, "From name", "Кофейня «Зерно»")
        self.click_and_wait(self.button(form, "Save and check"))
        self.check("signed in" in self.notice(), f"saving the server said: {self.notice()!r}")

        base.log("2. a test message reaches the owner's mailbox")
        forms = [f for f in d.find_elements(By.CSS_SELECTOR, "main form")
                 if f.find_elements(By.CSS_SELECTOR, "input[name=to]")]
        self.check(forms, "no test message form")
        self.type_into(forms[0], "To", "owner.walk@zerno.example")
        self.click_and_wait(self.button(forms[0], "Send"))
        self.check("accepted" in self.notice(), f"the test message: {self.notice()!r}")
        self.check(mail.delivered("owner.walk@zerno.example"), "the test message is not in the owner's mailbox")
        self.check("Test" in self.text() and "sent" in self.text(), "the delivery log does not show the test")
        self.shot("mail-test-sent")

        base.log("3. the owner connects the shop's mailbox")
        form = self.form_with(action_value="incoming")
        self.type_into(form, "Server", "127.0.0.1")
        self.choose(form, "in_security", "None (own server only)")
        self.type_into(form, "Port", str(mail.imap_port))
        self.type_into(form, "Login", SHOP)
        self.type_into(form, "Password", SHOP_PASSWORD)
        self.click_and_wait(self.button(form, "Save and check"))
        self.check("opened the folder" in self.notice(), f"saving the mailbox said: {self.notice()!r}")
        self.check(SHOP_PASSWORD not in d.page_source, "the page shows the mailbox password back")
        deadline = time.time() + 30
        while "Last read" not in self.text() and time.time() < deadline:
            time.sleep(1)
            self.open("/settings/mail")
        self.check("Last read" in self.text(), "the mailbox was not read within 30 s")
        self.shot("mail-settings-connected")

        base.log("4. a customer's mail arrives in the inbox")
        mail.send_as_customer(SUBJECT, "Здравствуйте! Заказ 12 ещё не пришёл, подскажите, когда ждать?")
        deadline = time.time() + 30
        while time.time() < deadline:
            self.open("/contacts")
            if SUBJECT in self.text():
                break
            time.sleep(1)
        self.check(SUBJECT in self.text(), "the customer's mail did not become a contact within 30 s")
        self.shot("mail-inbox")
        self.click_and_wait(self.link_named(SUBJECT))
        self.check("Заказ 12 ещё не пришёл" in self.text(), "the contact does not show the mail's text")
        self.check(CUSTOMER in self.text(), "the contact does not show who wrote")

        base.log("5. the owner answers; the answer reaches the customer in the thread")
        form = [f for f in d.find_elements(By.CSS_SELECTOR, "main form")
                if f.find_elements(By.CSS_SELECTOR, "textarea[name=text]")]
        self.check(form, "no reply form on the contact")
        form[0].find_element(By.CSS_SELECTOR, "textarea[name=text]").send_keys("Анна, заказ приедет завтра до 12:00.")
        self.click_and_wait(self.button(form[0], "Send the reply"))
        deadline = time.time() + 30
        while not mail.delivered(CUSTOMER) and time.time() < deadline:
            time.sleep(1)
        delivered = mail.delivered(CUSTOMER)
        self.check(delivered, "the reply did not reach the customer's mailbox within 30 s")
        reply = email.message_from_bytes(delivered[0], policy=email.policy.default)
        self.check(reply["In-Reply-To"] == f"<walk-{base.STAMP}@example.ru>",
                   f"the reply is not in the thread: In-Reply-To {reply['In-Reply-To']!r}")
        self.check(str(reply["Subject"]) == "Re: " + SUBJECT, f"the reply's subject: {reply['Subject']!r}")
        deadline = time.time() + 10
        while True:
            d.refresh()
            if "sent" in self.text() or time.time() > deadline:
                break
            time.sleep(1)
        self.check("sent" in self.text(), "the contact does not show the reply as sent")
        self.shot("mail-conversation")


if __name__ == "__main__":
    base.main(MailWalk)
