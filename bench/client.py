"""An HTTP client for the benchmarks: keep-alive, cookies, CSRF-posted forms, uploads."""

from __future__ import annotations

import http.client
import random
import re
import subprocess
import time
from collections import Counter
from pathlib import Path
from urllib.parse import quote_plus


class Browser:
    """One keep-alive connection with its cookies; counts every status it sees."""

    def __init__(self, port: int, stats: Counter, latencies: list, cookie: str = "") -> None:
        self.port, self.stats, self.latencies = port, stats, latencies
        self.cookies = dict([cookie.split("=", 1)]) if cookie else {}
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)

    def request(
        self, method: str, url: str, body: bytes | None = None, headers: dict | None = None
    ):
        headers = dict(headers or {})
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        started = time.perf_counter()
        for attempt in (1, 2):
            try:
                self.connection.request(method, url, body=body, headers=headers)
                response = self.connection.getresponse()
                content = response.read()
                break
            except (OSError, http.client.HTTPException):
                # gunicorn closes a connection idle for its keep-alive (5 s); a browser opens a
                # new one and sends again. Only a second failure is an error.
                self.connection.close()
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
                if attempt == 2:
                    self.stats["connection error"] += 1
                    return 0, b"", None
        self.latencies.append((time.perf_counter() - started) * 1000)
        self.stats[response.status] += 1
        for header in response.msg.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, content, response

    def post_form(self, url: str, fields: dict, extra: dict | None = None):
        token = self.cookies.get("csrftoken", "")
        body = "&".join(
            f"{k}={quote_plus(str(v))}" for k, v in {"csrfmiddlewaretoken": token, **fields}.items()
        ).encode()
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": "http://127.0.0.1/",
            **(extra or {}),
        }
        return self.request("POST", url, body, headers)


def multipart(name: str, filename: str, content: bytes, fields: dict) -> tuple[bytes, str]:
    boundary = "soak" + str(random.getrandbits(64))
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
        for k, v in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
        "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        "\r\n\r\n".encode()
        + content
        + b"\r\n"
    )
    return b"".join(
        parts
    ) + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def rss(server: subprocess.Popen) -> int:
    """Resident memory of gunicorn's master and workers, in MB."""
    pids = [server.pid]
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children")
    if children.exists():
        pids += [int(pid) for pid in children.read_text().split()]
    total = 0
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
    return total // 1024
