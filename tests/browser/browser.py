"""What every browser check of a built Strata site needs: the site served below a nested path
or opened from file://, headless Chromium, and `Browser`, whose methods find elements, click
through like a reader, run axe, collect console errors and print the report.
`check_site.py` holds the checks themselves.
"""

import functools
import http.server
import os
import threading
import time
import traceback
import urllib.parse
from pathlib import Path

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

SUBPATH = "/docs/site/"  # the site is served below a nested path, as on a project page host
WAIT = 5  # seconds for script-driven changes (search results, filters)
BLOCKING_IMPACTS = ("serious", "critical")


def default_axe_script():
    """axe-core 4.x from the axe-core-python package: axe-selenium-python runs it instead of the
    axe-core 3.1 it bundles, which fails correct markup (visually hidden labels, autocomplete="off",
    <div> groups in <dl>) and lacks the current rules."""
    try:
        import axe_core_python
    except ImportError:
        return None
    script = Path(axe_core_python.__file__).parent / "axe.min.js"
    return str(script) if script.is_file() else None


class CheckFailed(Exception):
    """A check's expectation did not hold; the message says where and what."""


class Site:
    """One way of opening the built site: over HTTP under SUBPATH, or from file://."""

    def __init__(self, mode, base_url):
        self.mode = mode
        self.base_url = base_url  # ends with "/"

    def url(self, path):
        """URL of a site-relative page path such as "projects/" or "search/?q=x"."""
        path, _, query = path.partition("?")
        if self.mode == "file" and (path == "" or path.endswith("/")):
            path += "index.html"  # file:// has no directory index
        return self.base_url + path + ("?" + query if query else "")

    def page_of(self, url):
        """Site-relative folder path of a URL ("projects/bittensor/"), or None if outside the site."""
        parts = urllib.parse.urlsplit(url)
        base = urllib.parse.urlsplit(self.base_url).path
        path = urllib.parse.unquote(parts.path)
        if not path.startswith(urllib.parse.unquote(base)):
            return None
        path = path[len(urllib.parse.unquote(base)):]
        if path == "index.html" or path.endswith("/index.html"):
            path = path[: -len("index.html")]
        return path


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files silently and records every request that failed."""

    failures = None  # list shared with the test, set by serve()

    def log_message(self, format, *args):
        pass

    def log_request(self, code="-", size="-"):
        code = code if isinstance(code, int) else 0  # HTTPStatus is an int
        # Chromium asks for /favicon.ico on its own when a page names no icon.
        if code >= 400 and self.path != "/favicon.ico":
            self.failures.append(f"{code} {self.path}")


def serve(root):
    """Start an HTTP server on a free port for root; return (server, failed requests)."""
    failures = []
    handler = type("Handler", (QuietHandler,), {"failures": failures})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, failures


def start_browser():
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    # Needed in containers and as root; harmless elsewhere. No flag that loosens file:// rules:
    # the site must work from file:// as readers' browsers open it.
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1280,900", "--hide-scrollbars", "--force-color-profile=srgb"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "SEVERE"})
    service = Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)  # axe on a long page
    # Screenshots and contrast checks in the light scheme, whatever the machine prefers.
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"features": [{"name": "prefers-color-scheme", "value": "light"}]})
    return driver


class Browser:
    """One Chromium session over the site: the checks' shared tools and their failures."""
    def __init__(self, driver, screenshots, axe_script=None):
        self.driver = driver
        self.axe_script = axe_script
        self.screenshots = screenshots
        self.failures = []  # (check, message)
        self.axe_seen = set()
        self.axe_violations = {}  # violation -> pages
        self.axe_version = None
        self.console_errors = []
        self.viewport = "desktop"

    def where(self, site):
        page = site.page_of(self.driver.current_url)
        return f"{site.mode} {(page or 'home') if page is not None else self.driver.current_url}"

    def find(self, site, css, what):
        found = self.driver.find_elements(By.CSS_SELECTOR, css)
        if not found:
            raise CheckFailed(f"{self.where(site)}: no element matches `{css}` ({what})")
        return found[0]

    def wait_for(self, site, condition, expected, timeout=WAIT):
        try:
            return WebDriverWait(self.driver, timeout).until(lambda d: condition())
        except TimeoutException:
            raise CheckFailed(f"{self.where(site)}: after {timeout}s, still not {expected}") from None

    def open(self, site, path):
        self.driver.get(site.url(path))
        self.after_load(site)

    def click_through(self, site, link, expected_page, what):
        """Click a link like a reader and check the page it lands on."""
        href = link.get_attribute("href")
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
        self.new_page(site, link.click, f"clicking {what} (href {href})")
        self.expect_page(site, expected_page, f"after clicking {what} (href {href})")
        self.after_load(site)

    def new_page(self, site, act, what):
        """Do `act` (a click, a key press) and wait until the new page it opens is loaded."""
        old = self.driver.find_element(By.TAG_NAME, "html")
        act()
        try:
            WebDriverWait(self.driver, 10).until(EC.staleness_of(old))
        except TimeoutException:
            raise CheckFailed(f"{self.where(site)}: {what} did not load a new page") from None
        self.wait_ready()

    def wait_ready(self):
        WebDriverWait(self.driver, 10).until(
            lambda d: d.execute_script("return document.readyState") == "complete")

    def expect_page(self, site, expected_page, context):
        url = self.driver.current_url
        if site.mode == "file" and urllib.parse.urlsplit(url).path.endswith("/"):
            raise CheckFailed(f"{site.mode}: {context}, the browser shows the folder {url} instead of its "
                              f"index.html (under file:// folder links and form actions must point to index.html)")
        page = site.page_of(url)
        if page != expected_page:
            raise CheckFailed(f"{site.mode}: {context}, expected page {expected_page or 'home'} "
                              f"but the browser is at {url}")
        if not self.driver.find_elements(By.CSS_SELECTOR, "main#main"):
            raise CheckFailed(f"{self.where(site)}: {context}, the page has no `main#main`")

    def after_load(self, site):
        """Collect errors the page logged (script errors, missing files); any fails the test."""
        for entry in self.driver.get_log("browser"):
            message = entry.get("message", "")
            if "favicon.ico" in message:
                continue
            self.console_errors.append(f"{self.where(site)}: {message}")

    def axe(self, site, label=None):
        """Run axe once per page and viewport; keep serious and critical violations."""
        page = site.page_of(self.driver.current_url)
        key = (site.mode, page, self.viewport, label)
        if key in self.axe_seen:
            return
        self.axe_seen.add(key)
        checker = Axe(self.driver, **({"script_url": self.axe_script} if self.axe_script else {}))
        checker.inject()
        results = checker.run()
        self.axe_version = self.driver.execute_script("return axe.version")
        name = f"{site.mode} {page or 'home'} ({self.viewport}{', ' + label if label else ''})"
        for violation in results["violations"]:
            if violation.get("impact") not in BLOCKING_IMPACTS:
                continue
            targets = []
            for node in violation["nodes"]:
                targets.append(", ".join(node["target"]))
            if not targets:
                continue
            shown = "; ".join(targets[:5]) + (f"; and {len(targets) - 5} more" if len(targets) > 5 else "")
            key = f"{violation['impact']} {violation['id']}: {violation['help']} at {shown}"
            self.axe_violations.setdefault(key, []).append(name)

    def run(self, name, site, check):
        """Run one check; a failure is recorded and the next check still runs."""
        label = f"{name} [{site.mode}]"
        started, failures = time.monotonic(), len(self.failures)
        try:
            check(site)
        except CheckFailed as failure:
            self.failures.append((label, str(failure)))
        except WebDriverException as error:
            self.failures.append((label, f"{self.where(site)}: browser error: {error.msg}"))
        except Exception:
            self.failures.append((label, traceback.format_exc()))
        status = "FAIL" if len(self.failures) > failures else "ok"
        print(f"{status:4} {label} ({time.monotonic() - started:.1f}s)", flush=True)

    def set_viewport(self, width, height, mobile):
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})

    def report(self, server_failures):
        if self.axe_violations:
            lines = [f"{violation}\n    on {', '.join(pages)}" for violation, pages in self.axe_violations.items()]
            self.failures.append((f"axe {self.axe_version}", "serious or critical violations:\n" + "\n".join(lines)))
        if self.console_errors:
            self.failures.append(("console errors", "\n".join(dict.fromkeys(self.console_errors))))
        if server_failures:
            self.failures.append(("missing files", "the HTTP server answered: " + ", ".join(dict.fromkeys(server_failures))))
        print()
        for label, message in self.failures:
            print(f"FAILED {label}:\n  " + message.replace("\n", "\n  "))
        print(f"{len(self.failures)} failed" if self.failures else "all browser checks passed")
        return 1 if self.failures else 0
