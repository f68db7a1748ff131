#!/usr/bin/env python3
"""The failover test's HTTP client (Python 3, standard library only; 127.0.0.1 only).

  load.py report --port P --connections 8 --seconds 7 --receipts FILE --summary FILE
      N threads, each on its own kept-alive connection, POST reports for SECONDS and keep the
      receipt of every 201 in FILE (one a line, 0600). The summary (JSON) counts answers by status,
      connection errors and timeouts, and says when the last 201 and the first failure came.
  load.py read --port P --receipts FILE --summary FILE [--limit N]
      POST /api/v1/mailbox for every receipt in FILE; the summary counts 200, 404 and the rest,
      and checks that an unknown receipt answers 404 (so the check can tell a missing one).
  load.py one --port P --timeout S [--receipts FILE]
      One report with a time limit; prints {"status": 201|503|…|"timeout"|"error", "seconds": …}
      and appends the receipt of a 201 to FILE.

Nothing it prints names a receipt or a narrative: only counts and times.
"""

import argparse
import http.client
import json
import os
import secrets
import socket
import sys
import threading
import time

HOST = "127.0.0.1"


def report_body():
    narrative = "Failover-Test: Bericht " + secrets.token_hex(8)
    return json.dumps(
        {"language": "de", "narrative": narrative, "contactWish": "none", "consent": True}
    ).encode()


def post(connection, path, body):
    connection.request("POST", path, body=body, headers={"Content-Type": "application/json"})
    response = connection.getresponse()
    return response.status, response.read()


class Load:
    def __init__(self, port, timeout):
        self.port = port
        self.timeout = timeout
        self.lock = threading.Lock()
        self.receipts = []
        self.statuses = {}
        self.errors = 0
        self.timeouts = 0
        self.start = time.monotonic()
        self.last_acknowledged = None
        self.first_failure = None

    def note(self, kind, receipt=None):
        now = time.monotonic() - self.start
        with self.lock:
            if receipt is not None:
                self.receipts.append(receipt)
                self.last_acknowledged = now
            elif self.first_failure is None:
                self.first_failure = now
            if kind == "timeout":
                self.timeouts += 1
            elif kind == "error":
                self.errors += 1
            else:
                self.statuses[kind] = self.statuses.get(kind, 0) + 1

    def worker(self, stop_at):
        connection = None
        while time.monotonic() < stop_at:
            if connection is None:
                connection = http.client.HTTPConnection(HOST, self.port, timeout=self.timeout)
            try:
                status, body = post(connection, "/api/v1/reports", report_body())
            except socket.timeout:
                self.note("timeout")
                connection.close()
                connection = None
                continue
            except (OSError, http.client.HTTPException):
                self.note("error")
                connection.close()
                connection = None
                time.sleep(0.05)  # the server is gone or restarting: do not spin
                continue
            receipt = None
            if status == 201:
                try:
                    receipt = json.loads(body)["receipt"]
                except (ValueError, KeyError, TypeError):
                    receipt = None
                if not receipt:
                    # A 201 without a receipt is a broken answer, not an acknowledgement.
                    self.note("201-without-receipt")
                    continue
            self.note(str(status), receipt)
            if status >= 500:
                time.sleep(0.05)
        if connection is not None:
            connection.close()


def write_private(path, text):
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(text)


def run_report(arguments):
    load = Load(arguments.port, arguments.timeout)
    stop_at = load.start + arguments.seconds
    threads = [
        threading.Thread(target=load.worker, args=(stop_at,), daemon=True)
        for _ in range(arguments.connections)
    ]
    for thread in threads:
        thread.start()
    # Every request has its own time limit, so the threads end at most `timeout` after stop_at.
    for thread in threads:
        thread.join(timeout=max(0.0, stop_at - time.monotonic()) + arguments.timeout + 5)
    hanging = sum(thread.is_alive() for thread in threads)
    with load.lock:
        write_private(arguments.receipts, "".join(receipt + "\n" for receipt in load.receipts))
        summary = {
            "acknowledged": len(load.receipts),
            "distinct": len(set(load.receipts)),
            "statuses": load.statuses,
            "errors": load.errors,
            "timeouts": load.timeouts,
            "hanging_threads": hanging,
            "seconds": round(time.monotonic() - load.start, 2),
            "last_acknowledged_at": load.last_acknowledged and round(load.last_acknowledged, 2),
            "first_failure_at": load.first_failure and round(load.first_failure, 2),
        }
    write_private(arguments.summary, json.dumps(summary))
    return 0


def run_read(arguments):
    with open(arguments.receipts) as handle:
        receipts = [line.strip() for line in handle if line.strip()]
    if arguments.limit is not None:
        receipts = receipts[: arguments.limit]
    connection = http.client.HTTPConnection(HOST, arguments.port, timeout=arguments.timeout)
    counts = {}
    for receipt in receipts:
        status, _ = post(connection, "/api/v1/mailbox", json.dumps({"receipt": receipt}).encode())
        counts[str(status)] = counts.get(str(status), 0) + 1
    # A well-formed receipt nobody was given: the server must tell it apart (404 receipt_unknown),
    # or "200 for every acknowledged receipt" would prove nothing.
    unknown = "-".join(secrets.token_hex(2).upper() for _ in range(5))
    status, body = post(connection, "/api/v1/mailbox", json.dumps({"receipt": unknown}).encode())
    try:
        code = json.loads(body)["error"]["code"]
    except (ValueError, KeyError, TypeError):
        code = None
    connection.close()
    write_private(
        arguments.summary,
        json.dumps({"receipts": len(receipts), "readable": counts.get("200", 0), "statuses": counts,
                    "unknown_status": status, "unknown_code": code}),
    )
    return 0


def run_one(arguments):
    started = time.monotonic()
    connection = http.client.HTTPConnection(HOST, arguments.port, timeout=arguments.timeout)
    try:
        status, body = post(connection, "/api/v1/reports", report_body())
    except socket.timeout:
        status, body = "timeout", b""
    except (OSError, http.client.HTTPException):
        status, body = "error", b""
    finally:
        connection.close()
    if status == 201 and arguments.receipts:
        receipt = json.loads(body)["receipt"]
        with open(arguments.receipts, "a") as handle:
            handle.write(receipt + "\n")
    print(json.dumps({"status": status, "seconds": round(time.monotonic() - started, 2)}))
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    report = commands.add_parser("report")
    report.add_argument("--port", type=int, required=True)
    report.add_argument("--connections", type=int, default=8)
    report.add_argument("--seconds", type=float, default=7)
    report.add_argument("--timeout", type=float, default=15)
    report.add_argument("--receipts", required=True)
    report.add_argument("--summary", required=True)
    read = commands.add_parser("read")
    read.add_argument("--port", type=int, required=True)
    read.add_argument("--timeout", type=float, default=30)
    read.add_argument("--receipts", required=True)
    read.add_argument("--limit", type=int, help="read only the first N receipts")
    read.add_argument("--summary", required=True)
    one = commands.add_parser("one")
    one.add_argument("--port", type=int, required=True)
    one.add_argument("--timeout", type=float, default=10)
    one.add_argument("--receipts")
    arguments = parser.parse_args()
    return {"report": run_report, "read": run_read, "one": run_one}[arguments.command](arguments)


if __name__ == "__main__":
    sys.exit(main())
