"""`strata serve` in headless Chromium: a saved stylesheet is swapped in place (no reload), a save
elsewhere leaves the open page alone, a save of the open page reloads it with the change, and
when the server stops the page logs no script errors.

Run by `make test-browser` on a copy of the repository's site (content/ and templates/), so the
edits never touch the real sources.
"""

import argparse
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

from browser import start_browser

REPO = Path(__file__).resolve().parents[2]
NOTE = "content/notes/centralised-ai-risk.md"
OTHER = "content/notes/ai-assisted-crypto.md"
STYLESHEET = "templates/assets/strata.css"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait(what, condition, timeout=15):
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def append(path, text):
    with open(path, "a", encoding="utf-8") as f:
        f.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--strata", default=str(REPO / ".build" / "debug" / "strata"))
    args = parser.parse_args()
    failures = []
    with tempfile.TemporaryDirectory(prefix="strata-preview-") as tmp:
        root = Path(tmp)
        shutil.copytree(REPO / "content", root / "content")
        shutil.copytree(REPO / "templates", root / "templates")
        port = free_port()
        server = subprocess.Popen([args.strata, "serve", "--root", str(root), "--port", str(port)],
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        driver = None
        try:
            wait("the preview to answer", lambda: ping(base), timeout=60)
            driver = start_browser()
            driver.get(base + "/notes/centralised-ai-risk/")
            driver.execute_script("window.previewMarker = 'still here';")
            marker = lambda: driver.execute_script("return window.previewMarker || null")

            def check(name, act):
                try:
                    act()
                    print(f"ok    {name}")
                except AssertionError as error:
                    failures.append(name)
                    print(f"FAIL  {name}: {error}")

            def stylesheet():
                append(root / STYLESHEET, "\nbody { outline: 3px solid rgb(1, 2, 3); }\n")
                wait("the new stylesheet to apply", lambda: driver.execute_script(
                    "return getComputedStyle(document.body).outlineColor") == "rgb(1, 2, 3)")
                assert marker() == "still here", "the page reloaded for a stylesheet"
                href = driver.execute_script("return document.querySelector('link[rel=stylesheet]').href")
                assert "v=" in href, f"the stylesheet link was not swapped: {href}"

            def other_page():
                append(root / OTHER, f"\nAnother page, {uuid.uuid4().hex}.\n")
                time.sleep(2)
                assert marker() == "still here", "the page reloaded for another page's save"

            def own_page():
                word = "zq" + uuid.uuid4().hex[:10]
                append(root / NOTE, f"\nA new sentence with {word}.\n")
                wait("the page to reload with the change", lambda: word in driver.page_source and marker() is None)

            def server_stops():
                driver.get_log("browser")  # what came before is not this check's
                server.terminate()
                server.wait(timeout=20)
                time.sleep(5)
                errors = [entry["message"] for entry in driver.get_log("browser")
                          if "Uncaught" in entry.get("message", "")]
                assert not errors, f"script errors after the server stopped: {errors}"
                assert driver.execute_script("return document.body !== null"), "the page went"

            check("a saved stylesheet is swapped in place", stylesheet)
            check("a save elsewhere leaves the open page alone", other_page)
            check("a save of the open page reloads it", own_page)
            check("no script errors when the server stops", server_stops)
        finally:
            if driver is not None:
                driver.quit()
            if server.poll() is None:
                server.terminate()
                server.wait(timeout=20)
    if failures:
        print(f"{len(failures)} preview check(s) failed")
        return 1
    print("preview checks passed")
    return 0


def ping(base):
    try:
        with urllib.request.urlopen(base + "/", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


if __name__ == "__main__":
    sys.exit(main())
