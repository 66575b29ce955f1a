"""The reading checks of check_site.py: the table of contents marking the section being read
(and working without JavaScript), the anchor link on every heading, and on a phone-sized window
the scorecard's reasons opening on a tap or a key and wide tables keeping their first and last
columns in view.

`ReadingChecks` is mixed into the session class; it uses `Browser`'s tools (find, open, wait_for, axe).
"""

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from browser import CheckFailed

LONG_PAGES = ["notes/open-source-and-incentives/", "projects/bittensor/"]
PHONE = (390, 844, True)


class ReadingChecks:
    def marked(self):
        """The hrefs of the table-of-contents links marked as the section being read."""
        return self.driver.execute_script(
            "return Array.from(document.querySelectorAll('.toc a[aria-current=true]'), a => a.getAttribute('href'))")

    def scroll_to_heading(self, href):
        """Put the heading a little below the top of the window, where a reader starts reading it."""
        self.driver.execute_script(
            "var h = document.getElementById(arguments[0].slice(1));"
            "window.scrollTo(0, h.getBoundingClientRect().top + scrollY - innerHeight / 10)", href)

    def check_toc(self, site):
        """Scrolling marks the heading being read in the table of contents, one at a time."""
        for path in LONG_PAGES:
            self.open(site, path)
            hrefs = [a.get_attribute("hash") for a in self.driver.find_elements(By.CSS_SELECTOR, ".toc a")]
            if len(hrefs) < 3:
                raise CheckFailed(f"{self.where(site)}: `.toc` has {len(hrefs)} links, expected 3 or more")
            for href in [hrefs[2], hrefs[-1], hrefs[0]]:
                self.scroll_to_heading(href)
                self.wait_for(site, lambda: self.marked() == [href],
                              f"marking only `.toc a[href='{href}']` with aria-current=true after scrolling to "
                              f"its heading (marked: {self.marked()})")
            self.axe(site, "table of contents")

    def check_toc_without_script(self, site):
        """With JavaScript off the table of contents is there and its links go to their headings."""
        self.driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
        try:
            self.open(site, LONG_PAGES[0])
            links = self.driver.find_elements(By.CSS_SELECTOR, ".toc a")
            if len(links) < 3 or not links[1].is_displayed():
                raise CheckFailed(f"{self.where(site)}: without JavaScript `.toc` shows {len(links)} links")
            target = links[1].get_attribute("hash")
            links[1].click()
            self.wait_for(site, lambda: self.driver.execute_script("return location.hash") == target,
                          f"at {target} after clicking its table-of-contents link without JavaScript")
            if self.marked():
                raise CheckFailed(f"{self.where(site)}: without JavaScript links are marked: {self.marked()}")
        finally:
            self.driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})

    def check_anchors(self, site):
        """Every heading of the text ends with a visible link to itself, named for screen readers."""
        self.open(site, LONG_PAGES[0])
        headings = self.driver.find_elements(By.CSS_SELECTOR, ".prose h2, .prose h3, .prose h4")
        if not headings:
            raise CheckFailed(f"{self.where(site)}: no headings in `.prose`")
        for heading in headings:
            hid = heading.get_attribute("id")
            anchors = heading.find_elements(By.CSS_SELECTOR, "a.anchor")
            if not anchors:
                raise CheckFailed(f"{self.where(site)}: heading #{hid} has no `a.anchor`")
            anchor = anchors[-1]
            label = anchor.get_attribute("aria-label") or ""
            text = heading.text.rsplit("#", 1)[0].strip()
            if anchor.get_attribute("hash") != "#" + hid or label != f"Link to section: {text}":
                raise CheckFailed(f"{self.where(site)}: the anchor of #{hid} links to {anchor.get_attribute('hash')!r} "
                                  f"named {label!r}, expected '#{hid}' named 'Link to section: {text}'")
            if not anchor.is_displayed() or anchor.size["width"] == 0:
                raise CheckFailed(f"{self.where(site)}: the anchor of #{hid} is not visible")
        last = headings[-1]
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", last)
        last.find_element(By.CSS_SELECTOR, "a.anchor").click()
        self.wait_for(site, lambda: self.driver.execute_script("return location.hash") == "#" + last.get_attribute("id"),
                      f"at #{last.get_attribute('id')} after clicking its anchor")
        self.axe(site, "anchors")

    def edges_in_view(self, site, table):
        """A wide table keeps its first column in view scrolled to the right end, its last at the start."""
        result = self.driver.execute_script("""
            var wrap = document.querySelector(arguments[0]).closest('.table-wrap');
            var row = wrap.querySelector('tbody tr'), box = wrap.getBoundingClientRect();
            wrap.scrollLeft = 0;
            var right = box.right - row.cells[row.cells.length - 1].getBoundingClientRect().right;
            wrap.scrollLeft = wrap.scrollWidth;
            var left = row.cells[0].getBoundingClientRect().left - box.left;
            return {scrolls: wrap.scrollWidth > wrap.clientWidth, left: left, right: right,
                    focusable: wrap.tabIndex === 0,
                    label: wrap.getAttribute('aria-labelledby') || wrap.getAttribute('aria-label') || ''};""", table)
        if not result["scrolls"]:
            raise CheckFailed(f"{self.where(site)}: `{table}` fits a phone's width; expected it to scroll sideways")
        if abs(result["left"]) > 2:
            raise CheckFailed(f"{self.where(site)}: scrolled to its right end, `{table}` has its first column "
                              f"{result['left']:.0f}px from the left edge; expected it in view (position: sticky)")
        if result["right"] < -2:
            raise CheckFailed(f"{self.where(site)}: scrolled to its start, `{table}` has its last column "
                              f"{-result['right']:.0f}px past the right edge; expected it in view (position: sticky)")
        if not result["focusable"] or not result["label"]:
            raise CheckFailed(f"{self.where(site)}: the scrolling box of `{table}` needs tabindex=0 and a label")

    def check_phone_tables(self, site):
        """On a phone: a scorecard reason opens on a tap and on Enter; wide tables keep their edges."""
        self.viewport = "phone"
        self.set_viewport(*PHONE)
        try:
            self.open(site, "scorecard/")
            if self.driver.find_elements(By.CSS_SELECTOR, ".scorecard [title]"):
                raise CheckFailed(f"{self.where(site)}: the scorecard still keeps text in `title` attributes")
            if "Hover" in self.find(site, ".lead", "the lead").text:
                raise CheckFailed(f"{self.where(site)}: the scorecard's lead still says to hover")
            reasons = self.driver.find_elements(By.CSS_SELECTOR, ".scorecard td details")
            if len(reasons) < 2:
                raise CheckFailed(f"{self.where(site)}: {len(reasons)} answers with a reason, expected several")
            tapped, keyed = reasons[0], reasons[1]
            for details, act, how in [(tapped, lambda s: s.click(), "a tap"),
                                      (keyed, lambda s: s.send_keys(Keys.ENTER), "Enter")]:
                summary = details.find_element(By.TAG_NAME, "summary")
                reason = details.find_element(By.TAG_NAME, "p")
                self.driver.execute_script("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", summary)
                if reason.is_displayed():
                    raise CheckFailed(f"{self.where(site)}: a reason is shown before it is opened")
                act(summary)
                self.wait_for(site, reason.is_displayed, f"showing the reason {reason.get_attribute('textContent')!r} after {how}")
            self.axe(site, "reasons open")
            self.edges_in_view(site, ".scorecard")
            self.open(site, "projects/")
            self.edges_in_view(site, "#projects-table")
            self.axe(site, "scrolled")
        finally:
            self.viewport = "desktop"
            self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
