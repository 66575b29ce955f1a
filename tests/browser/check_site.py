#!/usr/bin/env python3
"""Real-browser checks of a built Strata site, in headless Chromium.

The site is opened twice: from a local HTTP server under a nested path
(http://127.0.0.1:PORT/docs/site/) and from file:// (public/index.html). In
each, the test searches (from the header's list as you type, and on the search
page: a stemmed match, a suggestion, snippets, the kind filter), filters the
projects table, follows a relation link, the breadcrumbs and the relation map, scrolls a long page's
table of contents, follows heading anchors, opens scorecard reasons on a phone, and runs axe on every
page it visits; serious or critical accessibility
violations fail the test. It then saves screenshots of five pages at desktop
(1280x900) and phone (390x844) widths.

Run it after building the site (`make test-browser` does both):

    python3 tests/browser/check_site.py --public public --screenshots docs/screenshots

Needs Debian `chromium` and `chromium-driver` and PyPI `selenium` and
`axe-selenium-python`, which runs the axe-core 4 of PyPI `axe-core-python`.
Set CHROMIUM or CHROMEDRIVER to use other binaries.
Exit status: 0 all checks pass, 1 a check failed, 2 no built site or no browser.
"""

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from browser import SUBPATH, WAIT, Browser, CheckFailed, Site, default_axe_script, serve, start_browser
from reading_checks import ReadingChecks
from search_checks import SearchChecks

REPO = Path(__file__).resolve().parents[2]
NAV_LINKS = ["Stack", "Landscape", "Projects", "Notes", "Scorecard", "Tags", "Search"]
FILTERS = ["layer", "direction", "sector", "status", "chain", "verdict"]
SCREENSHOT_PAGES = [
    ("home", ""),
    ("layer", "stack/compute/"),
    ("profile", "projects/bittensor/"),
    ("projects", "projects/"),
    ("search", "search/?q=bittensor"),
]
# Pages checked for layout and axe beside those above: the relation map and a note's breadcrumbs.
OTHER_PAGES = [("map", "map/"), ("note", "notes/depin-cold-start/")]
# name, width, height, mobile, and the most a full-page shot may grow to, to keep the files small
VIEWPORTS = [("desktop", 1280, 900, False, 1800), ("phone", 390, 844, True, 2400)]


class SiteChecks(SearchChecks, ReadingChecks, Browser):
    """The checks a reader's visit makes: layout, search, the projects filter, a relation, screenshots."""

    def check_layout(self, site):
        """Every page has the header search form, the main nav, main#main and a skip link."""
        problems = {}  # problem -> pages
        for _, path in SCREENSHOT_PAGES + OTHER_PAGES:
            self.open(site, path)
            here = path.split("?")[0] or "home"
            form = self.driver.find_elements(By.CSS_SELECTOR, "header form[role=search]")
            if not form:
                problems.setdefault("no `header form[role=search]`", []).append(here)
            elif not form[0].find_elements(By.CSS_SELECTOR, "input#site-search[name=q]"):
                problems.setdefault("the header search form has no `input#site-search[name=q]`", []).append(here)
            nav = self.driver.find_elements(By.CSS_SELECTOR, "nav[aria-label=Main]")
            if not nav:
                problems.setdefault("no `nav[aria-label=Main]`", []).append(here)
            else:
                texts = [a.get_attribute("textContent").strip() for a in nav[0].find_elements(By.TAG_NAME, "a")]
                missing = [name for name in NAV_LINKS if name not in texts]
                if missing:
                    problems.setdefault(f"`nav[aria-label=Main]` lacks links {missing} (has {texts})", []).append(here)
            if not self.driver.find_elements(By.CSS_SELECTOR, "main#main"):
                problems.setdefault("no `main#main`", []).append(here)
            skip = self.driver.find_elements(By.CSS_SELECTOR, "a.skip-link")
            if not skip or skip[0].get_attribute("hash") != "#main":
                problems.setdefault("no `a.skip-link` pointing to #main", []).append(here)
            self.axe(site)
        if problems:
            raise CheckFailed("\n".join(f"{site.mode}: {problem} (on {', '.join(pages)})"
                                         for problem, pages in problems.items()))

    def rows(self):
        """State of every body row of the projects table, read in one script call."""
        return self.driver.execute_script("""
            return Array.from(document.querySelectorAll('#projects-table tbody tr')).map(r => ({
              data: Object.assign({}, r.dataset), hidden: r.hidden,
              shown: r.getClientRects().length > 0, text: r.textContent,
              name: r.cells.length ? r.cells[0].textContent.trim() : '' }));""")

    def expect_filtered(self, site, description, matches):
        """Rows that match are shown, the others carry `hidden` and are not displayed.

        matches(row) is True (must be shown), False (must be hidden) or None (either is right)."""
        def wrong(rows):
            return [r for r in rows if matches(r) is not None and r["hidden"] == matches(r)]
        try:
            WebDriverWait(self.driver, WAIT).until(lambda d: not wrong(self.rows()))
        except TimeoutException:
            rows = wrong(self.rows())
            shown = [r["name"] for r in rows if not r["hidden"]]
            hidden = [r["name"] for r in rows if r["hidden"]]
            raise CheckFailed(f"{self.where(site)}: with {description}, rows of `#projects-table` without `hidden` "
                              f"that should have it: {shown}; with `hidden` that should not: {hidden}") from None
        rows = self.rows()
        visible = [r for r in rows if not r["hidden"]]
        if not visible or len(visible) == len(rows):
            raise CheckFailed(f"{self.where(site)}: with {description}, expected some but not all of the "
                              f"{len(rows)} rows shown, {len(visible)} are")
        leaking = [r["name"] for r in rows if r["hidden"] and r["shown"]]
        if leaking:
            raise CheckFailed(f"{self.where(site)}: rows with `hidden` are still displayed (CSS overrides it?): {leaking}")
        count = self.find(site, "#projects-count[role=status]", "the projects count")
        if str(len(visible)) not in count.text:
            raise CheckFailed(f"{self.where(site)}: with {description}, `#projects-count` says {count.text!r}, "
                              f"expected it to mention {len(visible)}")

    def check_projects(self, site):
        """Reach the projects table from the nav, filter by layer and text, reload with the query."""
        self.open(site, "")
        nav = self.find(site, "nav[aria-label=Main]", "the main navigation")
        link = next((a for a in nav.find_elements(By.TAG_NAME, "a")
                     if a.get_attribute("textContent").strip() == "Projects"), None)
        if link is None:
            raise CheckFailed(f"{self.where(site)}: `nav[aria-label=Main]` has no link 'Projects'")
        self.click_through(site, link, "projects/", "'Projects' in the main nav")
        self.find(site, "table#projects-table", "the projects table")
        rows = self.rows()
        if len(rows) < 2:
            raise CheckFailed(f"{self.where(site)}: `#projects-table tbody` has {len(rows)} rows, expected the projects")
        missing = sorted({f"data-{name}" for r in rows for name in FILTERS if name not in r["data"]})
        if missing:
            raise CheckFailed(f"{self.where(site)}: rows of `#projects-table tbody` lack {missing} "
                              f"(they carry {sorted('data-' + k for k in rows[0]['data'])})")
        form = self.find(site, "form#project-filters", "the filter form")
        self.wait_for(site, form.is_displayed, "showing `form#project-filters` (is the script that reveals it missing?)")
        for name in FILTERS:
            selects = form.find_elements(By.CSS_SELECTOR, f"select[name={name}]")
            if not selects:
                raise CheckFailed(f"{self.where(site)}: `form#project-filters` has no `select[name={name}]`")
            first = Select(selects[0]).options[0].get_attribute("value")
            if first != "":
                raise CheckFailed(f"{self.where(site)}: the first option of `select[name={name}]` "
                                  f"has value {first!r}, expected \"\" (all)")
        text = self.find(site, "form#project-filters input[type=search][name=q]", "the filter text box")

        def has(value, key="layer"):
            return lambda r: value in r["data"].get(key, "").split()
        Select(form.find_element(By.CSS_SELECTOR, "select[name=layer]")).select_by_value("compute")
        self.expect_filtered(site, "layer = compute", has("compute"))
        self.wait_for(site, lambda: "layer=compute" in self.driver.current_url,
                      f"mirroring the filter in the URL (expected layer=compute in {self.driver.current_url})")
        self.axe(site, "filtered")

        # The contract leaves open whether the text filter reads names or whole rows:
        # a row that mentions io.net outside its name may go either way.
        def named_io_net(r):
            if not has("compute")(r) or "io.net" not in r["text"].lower():
                return False
            return True if "io.net" in r["name"].lower() else None
        text.send_keys("io.net")
        self.expect_filtered(site, "layer = compute and text 'io.net'", named_io_net)
        text.send_keys(Keys.CONTROL, "a")
        text.send_keys(Keys.DELETE)  # deleting, unlike clear(), fires an input event
        self.expect_filtered(site, "layer = compute after clearing the text", has("compute"))

        # A page loaded with the query applies it.
        self.driver.refresh()
        self.wait_ready()
        self.after_load(site)
        self.expect_page(site, "projects/", "after reloading the filtered projects page")
        chosen = Select(self.find(site, "form#project-filters select[name=layer]", "the layer filter"))
        if chosen.first_selected_option.get_attribute("value") != "compute":
            raise CheckFailed(f"{self.where(site)}: loaded with ?layer=compute, the layer filter shows "
                              f"{chosen.first_selected_option.get_attribute('value')!r}")
        self.expect_filtered(site, "?layer=compute in the URL", has("compute"))

    def check_relation(self, site):
        """Open Cortex.t from the projects table and follow its 'Runs on' relation to Bittensor."""
        self.open(site, "projects/")
        links = [a for a in self.driver.find_elements(By.CSS_SELECTOR, "#projects-table a")
                 if a.get_attribute("textContent").strip() == "Cortex.t"]
        if not links:
            raise CheckFailed(f"{self.where(site)}: `#projects-table` has no link 'Cortex.t'")
        self.click_through(site, links[0], "projects/cortex-t/", "'Cortex.t' in the projects table")
        self.axe(site)
        related = [a for a in self.driver.find_elements(By.CSS_SELECTOR, ".relations a")
                   if "Bittensor" in a.get_attribute("textContent")]
        if not related:
            raise CheckFailed(f"{self.where(site)}: no link 'Bittensor' inside `.relations`")
        self.click_through(site, related[0], "projects/bittensor/", "the relation 'Bittensor'")
        heading = self.find(site, "h1", "the page title")
        if "Bittensor" not in heading.text:
            raise CheckFailed(f"{self.where(site)}: `h1` is {heading.text!r}, expected it to contain 'Bittensor'")
        self.axe(site)

    def check_breadcrumbs(self, site):
        """A note's breadcrumbs lead Home and to the notes list, and mark the note itself."""
        self.open(site, "notes/depin-cold-start/")
        trail = self.find(site, "nav[aria-label=Breadcrumb]", "the breadcrumbs")
        texts = [a.get_attribute("textContent").strip() for a in trail.find_elements(By.TAG_NAME, "a")]
        if texts != ["Home", "Notes"]:
            raise CheckFailed(f"{self.where(site)}: the breadcrumbs link {texts}, expected ['Home', 'Notes']")
        if not trail.find_elements(By.CSS_SELECTOR, "[aria-current=page]"):
            raise CheckFailed(f"{self.where(site)}: the breadcrumbs do not mark the page (`aria-current=page`)")
        notes = trail.find_elements(By.TAG_NAME, "a")[1]
        self.click_through(site, notes, "notes/", "'Notes' in the breadcrumbs")

    def check_map(self, site):
        """Reach the relation map from the stack page; every profile is a box that links to it."""
        self.open(site, "stack/")
        links = [a for a in self.driver.find_elements(By.CSS_SELECTOR, "main a")
                 if a.get_attribute("textContent").strip() == "The relation map"]
        if not links:
            raise CheckFailed(f"{self.where(site)}: the stack page has no link 'The relation map'")
        self.click_through(site, links[0], "map/", "'The relation map' on the stack page")
        boxes = self.driver.find_elements(By.CSS_SELECTOR, "main svg a.graph-node")
        profiles = len(list((self.public / "projects").glob("*/index.html")))
        if len(boxes) != profiles:
            raise CheckFailed(f"{self.where(site)}: the map has {len(boxes)} boxes, expected one per profile ({profiles})")
        if not self.driver.find_elements(By.CSS_SELECTOR, "main svg path[stroke]"):
            raise CheckFailed(f"{self.where(site)}: the map draws no relations (`svg path[stroke]`)")
        if not self.driver.find_elements(By.CSS_SELECTOR, "#map-relations"):
            raise CheckFailed(f"{self.where(site)}: the map has no list of its relations as text (`#map-relations`)")
        self.axe(site)
        box = next(b for b in boxes if b.get_attribute("aria-label") == "Bittensor")
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
        self.click_through(site, box, "projects/bittensor/", "the box 'Bittensor' on the map")
        back = [a for a in self.driver.find_elements(By.CSS_SELECTOR, "main a")
                if a.get_attribute("textContent").strip() == "Every relation on the map"]
        if not back:
            raise CheckFailed(f"{self.where(site)}: the profile has no link 'Every relation on the map'")

    def check_screenshots(self, site):
        """Full-page screenshots (height capped) at each viewport, plus axe at phone width."""
        self.screenshots.mkdir(parents=True, exist_ok=True)
        try:
            for viewport, width, height, mobile, max_height in VIEWPORTS:
                self.viewport = viewport
                for name, path in SCREENSHOT_PAGES:
                    self.set_viewport(width, height, mobile)
                    self.open(site, path)
                    if name == "search":  # the results are drawn by script
                        try:
                            WebDriverWait(self.driver, WAIT).until(
                                lambda d: d.find_elements(By.CSS_SELECTOR, "ol#search-results li"))
                        except TimeoutException:
                            pass  # check_search reports it; the screenshot shows what there is
                    self.driver.execute_script("return document.fonts.ready")
                    full = self.driver.execute_script(
                        "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)")
                    self.set_viewport(width, min(max(full, height), max_height), mobile)
                    self.driver.execute_script("window.scrollTo(0, 0)")
                    time.sleep(0.2)  # let the resized page lay out before capturing
                    target = self.screenshots / f"{name}-{viewport}.png"
                    target.write_bytes(self.driver.get_screenshot_as_png())
                    # axe after the capture: it scrolls boxes such as the table's while it checks contrast.
                    self.set_viewport(width, height, mobile)
                    self.axe(site)
        finally:
            self.viewport = "desktop"
            self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--public", default=str(REPO / "public"), help="the built site (default: public/)")
    parser.add_argument("--screenshots", default=str(REPO / "docs" / "screenshots"),
                        help="where to save the PNGs (default: docs/screenshots/)")
    parser.add_argument("--axe-script", default=os.environ.get("AXE_SCRIPT") or default_axe_script(),
                        help="the axe.min.js to run (default: axe-core-python's axe-core 4.x)")
    args = parser.parse_args()

    public = Path(args.public).resolve()
    if not (public / "index.html").is_file():
        print(f"error: {public}/index.html not found; build the site first (make site)", file=sys.stderr)
        return 2
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="strata-browser-") as tmp:
        # A copy, so the served tree is exactly the built site below a nested path.
        shutil.copytree(public, Path(tmp) / SUBPATH.strip("/"))
        server, server_failures = serve(tmp)
        http_site = Site("http", f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}")
        file_site = Site("file", public.as_uri() + "/")
        try:
            driver = start_browser()
        except WebDriverException as error:
            print(f"error: could not start Chromium: {error.msg}", file=sys.stderr)
            server.shutdown()
            return 2
        try:
            checker = SiteChecks(driver, Path(args.screenshots), args.axe_script)
            checker.public = public
            for site in (http_site, file_site):
                checker.run("layout", site, checker.check_layout)
                checker.run("search", site, checker.check_search)
                checker.run("search as you type", site, checker.check_dropdown)
                checker.run("stems, suggestions, snippets, kinds", site, checker.check_better_matches)
                checker.run("projects filter", site, checker.check_projects)
                checker.run("relation link", site, checker.check_relation)
                checker.run("breadcrumbs", site, checker.check_breadcrumbs)
                checker.run("relation map", site, checker.check_map)
                checker.run("table of contents", site, checker.check_toc)
                checker.run("table of contents without JavaScript", site, checker.check_toc_without_script)
                checker.run("heading anchors", site, checker.check_anchors)
                checker.run("scorecard and wide tables on a phone", site, checker.check_phone_tables)
            checker.run("screenshots", http_site, checker.check_screenshots)
            status = checker.report(server_failures)
        finally:
            driver.quit()
            server.shutdown()
    print(f"browser checks took {time.monotonic() - started:.0f}s")
    return status


if __name__ == "__main__":
    sys.exit(main())
