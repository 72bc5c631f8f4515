"""A real browser for the tests: Debian's chromium, headless, driven over the DevTools
protocol on a pipe (--remote-debugging-pipe: JSON messages ending in NUL on fd 3 and 4), so
no websocket library and no downloaded browser are needed. axe-core comes from npm, in
tools/axe (installed by ./dev and .ci/run)."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "tools" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def chromium() -> str | None:
    """The browser binary; Debian's /usr/bin/chromium is a shell wrapper that sources
    /etc/chromium.d, so the binary behind it is taken when it is there."""
    real = Path("/usr/lib/chromium/chromium")
    if real.exists() and os.access(real, os.X_OK):
        return str(real)
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def saknas() -> str | None:
    """Why the browser test cannot run here, or None."""
    if chromium() is None:
        return "ingen chromium installerad (apt-get install chromium; .ci/run gör det)"
    if not AXE.exists():
        return "axe-core saknas (npm ci --prefix tools/axe; ./dev och .ci/run gör det)"
    return None


class Browser:
    """One headless chromium with one page, attached to flat sessions."""

    def __init__(self, profile: Path) -> None:
        exe = chromium()
        assert exe is not None
        to_chrome_r, self._w = os.pipe()
        self._r, from_chrome_w = os.pipe()
        # A small launcher puts the pipes where chromium expects them: fd 3 in, fd 4 out
        # (a shell cannot: dash takes single-digit descriptors only).
        launcher = (
            "import os, sys; a, b = os.dup(int(sys.argv[1])), os.dup(int(sys.argv[2])); "
            "os.dup2(a, 3); os.dup2(b, 4); os.set_inheritable(3, True); "
            "os.set_inheritable(4, True); os.execv(sys.argv[3], sys.argv[3:])"
        )
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-c",
                launcher,
                str(to_chrome_r),
                str(from_chrome_w),
                exe,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--remote-debugging-pipe",
                f"--user-data-dir={profile}",
                "about:blank",
            ],
            pass_fds=(to_chrome_r, from_chrome_w),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._buf = b""
        self._id = 0
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]

    def send(self, method: str, params: dict[str, Any] | None = None, *, page: bool = False) -> Any:
        self._id += 1
        msg: dict[str, Any] = {"id": self._id, "method": method, "params": params or {}}
        if page:
            msg["sessionId"] = self.session
        os.write(self._w, json.dumps(msg).encode() + b"\0")
        while True:
            while b"\0" not in self._buf:
                chunk = os.read(self._r, 1 << 16)
                if not chunk:
                    raise RuntimeError("chromium stängdes")
                self._buf += chunk
            raw, self._buf = self._buf.split(b"\0", 1)
            reply = json.loads(raw)
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]

    def evaluate(self, expression: str) -> Any:
        result = self.send(
            "Runtime.evaluate",
            {"expression": expression, "awaitPromise": True, "returnByValue": True},
            page=True,
        )
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")

    def open(self, path: Path, width: int = 1280, height: int = 900) -> None:
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
            page=True,
        )
        self.send("Page.navigate", {"url": path.resolve().as_uri()}, page=True)
        self.evaluate(
            "new Promise(r => { const ok = () => document.readyState === 'complete';"
            " if (ok()) r(1); else window.addEventListener('load', () => r(1)); })"
        )

    def axe(self, tags: list[str]) -> list[dict[str, Any]]:
        """The axe-core violations of the open page for the given rule tags."""
        self.evaluate(AXE.read_text(encoding="utf-8"))
        found = self.evaluate(
            f"axe.run(document, {{runOnly: {{type: 'tag', values: {json.dumps(tags)}}}}})"
            ".then(r => JSON.stringify(r.violations))"
        )
        return list(json.loads(found))

    def close(self) -> None:
        with contextlib.suppress(RuntimeError):
            self.send("Browser.close")
        os.close(self._w)
        os.close(self._r)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
