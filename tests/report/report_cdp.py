"""A minimal Chrome DevTools Protocol client for headless Chromium, over
``--remote-debugging-pipe`` (no websocket, no driver library: the standard library only).

Chromium reads commands from file descriptor 3 and writes replies and events to descriptor 4,
one JSON message per NUL-terminated chunk.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import queue
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--hide-scrollbars", "--mute-audio"]


class BrowserError(RuntimeError):
    """Chromium failed, or a command returned an error."""


def find_chromium() -> str | None:
    """Path of a Chromium executable: ``$CHROMIUM``, /usr/bin/chromium, or one on PATH."""
    candidates = [os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                  shutil.which("chromium-browser"), shutil.which("google-chrome")]
    for candidate in candidates:
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


class Chromium:
    """A headless Chromium with one page, driven over the DevTools pipe."""

    def __init__(self, executable: str, width: int = 1280, height: int = 1000,
                 timeout: float = 20.0) -> None:
        self.timeout = timeout
        self._profile = tempfile.mkdtemp(prefix="neardup-chromium-")
        to_chrome_r, to_chrome_w = os.pipe()
        from_chrome_r, from_chrome_w = os.pipe()

        def child_fds() -> None:  # runs in the child: put the pipe ends on fds 3 and 4
            high_in = fcntl.fcntl(to_chrome_r, fcntl.F_DUPFD, 10)
            high_out = fcntl.fcntl(from_chrome_w, fcntl.F_DUPFD, 10)
            os.dup2(high_in, 3)
            os.dup2(high_out, 4)

        args = [executable, *FLAGS, f"--user-data-dir={self._profile}",
                f"--window-size={width},{height}", "--remote-debugging-pipe", "about:blank"]
        self._process = subprocess.Popen(  # noqa: S603
            args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, close_fds=False, preexec_fn=child_fds)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._write = os.fdopen(to_chrome_w, "wb", buffering=0)
        self._read_fd = from_chrome_r
        self._next_id = 0
        self._replies: dict[int, queue.Queue[dict[str, Any]]] = {}
        self._lock = threading.Lock()
        self.events: queue.Queue[dict[str, Any]] = queue.Queue()
        self._reader = threading.Thread(target=self._read_loop, daemon=True)
        self._reader.start()
        self.session: str | None = None
        try:
            target = self.call("Target.createTarget", {"url": "about:blank"}, session=False)
            attached = self.call("Target.attachToTarget",
                                 {"targetId": target["targetId"], "flatten": True},
                                 session=False)
            self.session = attached["sessionId"]
            self.call("Page.enable")
            self.call("Runtime.enable")
            self.call("Emulation.setDeviceMetricsOverride",
                      {"width": width, "height": height, "deviceScaleFactor": 1,
                       "mobile": False})
        except Exception:
            self.close()
            raise

    # ---- protocol ----
    def _read_loop(self) -> None:
        buffer = b""
        while True:
            try:
                chunk = os.read(self._read_fd, 1 << 16)
            except OSError:
                return
            if not chunk:
                return
            buffer += chunk
            while b"\0" in buffer:
                raw, buffer = buffer.split(b"\0", 1)
                message = json.loads(raw)
                if "id" in message:
                    with self._lock:
                        box = self._replies.get(message["id"])
                    if box is not None:
                        box.put(message)
                else:
                    self.events.put(message)

    def call(self, method: str, params: dict[str, Any] | None = None,
             session: bool = True) -> dict[str, Any]:
        """Send one command and wait for its result."""
        with self._lock:
            self._next_id += 1
            number = self._next_id
            box: queue.Queue[dict[str, Any]] = queue.Queue()
            self._replies[number] = box
        message: dict[str, Any] = {"id": number, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        try:
            self._write.write(json.dumps(message).encode() + b"\0")
        except OSError as error:
            raise BrowserError(f"chromium is gone ({error}): {self._stderr()}") from error
        try:
            reply = box.get(timeout=self.timeout)
        except queue.Empty:
            raise BrowserError(f"no reply to {method} in {self.timeout} s") from None
        finally:
            with self._lock:
                self._replies.pop(number, None)
        if "error" in reply:
            raise BrowserError(f"{method}: {reply['error']}")
        return reply.get("result", {})

    def wait_event(self, method: str, timeout: float | None = None) -> dict[str, Any]:
        """Wait for the next event named ``method`` (other events are dropped)."""
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BrowserError(f"no {method} event")
            try:
                event = self.events.get(timeout=left)
            except queue.Empty:
                continue
            if event.get("method") == method:
                return event.get("params", {})

    # ---- page helpers ----
    def open(self, url: str) -> None:
        """Navigate and wait for the load event."""
        while not self.events.empty():
            self.events.get_nowait()
        self.call("Page.navigate", {"url": url})
        self.wait_event("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        """Value of a JavaScript expression in the page (awaits promises)."""
        result = self.call("Runtime.evaluate", {"expression": expression,
                                                "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            raise BrowserError(f"{expression!r}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float | None = None) -> Any:
        """Poll until ``expression`` is truthy; return its value."""
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise BrowserError(f"timed out waiting for {expression!r}")
            time.sleep(0.05)

    def click(self, selector: str) -> None:
        """Click the centre of the first element matching ``selector``, as a mouse would."""
        script = ("(() => { const e = document.querySelector(SELECTOR); if (!e) return null;"
                  " e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
                  " return [r.left + r.width / 2, r.top + r.height / 2]; })()")
        box = self.evaluate(script.replace("SELECTOR", json.dumps(selector)))
        if box is None:
            raise BrowserError(f"no element {selector!r} to click")
        x, y = box
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y,
                                                   "button": "left", "clickCount": 1})

    def type_text(self, text: str) -> None:
        """Type ``text`` into the focused element, key by key."""
        for char in text:
            self.call("Input.dispatchKeyEvent", {"type": "keyDown", "text": char, "key": char})
            self.call("Input.dispatchKeyEvent", {"type": "keyUp", "key": char})

    def screenshot(self, path: Path, full_page: bool = False) -> None:
        """Save a PNG of the viewport (or the whole page)."""
        params: dict[str, Any] = {"format": "png"}
        if full_page:
            params["captureBeyondViewport"] = True
        data = self.call("Page.captureScreenshot", params)["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))

    def _stderr(self) -> str:
        if self._process.poll() is None or self._process.stderr is None:
            return ""
        return self._process.stderr.read().decode(errors="replace")[-2000:]

    def close(self) -> None:
        """Close the browser and remove its profile."""
        with contextlib.suppress(Exception):
            self.session = None
            self._write.write(json.dumps({"id": 10**9, "method": "Browser.close"}).encode()
                              + b"\0")
        with contextlib.suppress(Exception):
            self._write.close()
        try:
            self._process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        if self._process.stderr is not None:
            self._process.stderr.close()
        with contextlib.suppress(OSError):
            os.close(self._read_fd)
        shutil.rmtree(self._profile, ignore_errors=True)

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
