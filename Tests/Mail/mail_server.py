#!/usr/bin/env python3
"""A real SMTP server on loopback for Earned's tests and CI (aiosmtpd, from PyPI).

Every accepted message is delivered into a Maildir per recipient, <root>/<address>/, which
Dovecot serves over IMAP (mail_location = maildir:<root>/%u). Recipients whose local part
starts with "refuse" are refused (550), with "later" deferred (451). With --user and
--password the server asks for AUTH; with --cert and --key it offers STARTTLS on the plain
port and listens with TLS from the start on a second one. Prints one line,
"ready <port> <tls port or 0>", once it listens.
"""
import argparse
import asyncio
import mailbox
import os
import signal
import socket
import ssl
import sys
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Deliver:
    def __init__(self, root, owner):
        self.root = root
        self.owner = owner

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@")[0].lower()
        if local.startswith("refuse"):
            return "550 5.1.1 No such mailbox here"
        if local.startswith("later"):
            return "451 4.3.0 Mailbox busy, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        for recipient in envelope.rcpt_tos:
            path = os.path.join(self.root, recipient.lower())
            box = mailbox.Maildir(path, create=True)
            box.add(envelope.original_content)
            if self.owner is not None:
                # Dovecot reads the Maildirs as this user (it refuses to run mail as root).
                for folder, dirs, files in os.walk(path):
                    os.chown(folder, self.owner, self.owner)
                    for name in files:
                        os.chown(os.path.join(folder, name), self.owner, self.owner)
        return "250 2.0.0 Queued"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--tls-port", type=int, default=0)
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--owner", type=int, help="uid (and gid) that owns the Maildirs")
    args = parser.parse_args()
    if args.owner is not None:
        os.chown(args.root, args.owner, args.owner)

    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login.decode() == args.user
            and auth_data.password.decode() == args.password
        )
        return AuthResult(success=ok, handled=False)

    options = {}
    if args.user:
        options.update(authenticator=authenticate, auth_required=True, auth_require_tls=False)
    context = None
    if args.cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)
    port = args.port or free_port()
    plain = Controller(
        Deliver(args.root, args.owner), hostname="127.0.0.1", port=port, tls_context=context, server_hostname="localhost",
        **options)
    plain.start()
    tls_port = 0
    controllers = [plain]
    if context is not None:
        tls_port = args.tls_port or free_port()
        secure = Controller(
            Deliver(args.root, args.owner), hostname="127.0.0.1", port=tls_port, ssl_context=context,
            server_hostname="localhost", **options)
        secure.start()
        controllers.append(secure)
    print(f"ready {port} {tls_port}", flush=True)

    def stop(*_):
        for c in controllers:
            c.stop()
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    while True:
        time.sleep(3600)


if __name__ == "__main__":
    main()
