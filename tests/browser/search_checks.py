"""The search checks of check_site.py: the header box's list as you type, the search page, a
stemmed match, a "did you mean" suggestion, marked passages and the kind filter.

`SearchChecks` is mixed into the session class; it uses `Browser`'s tools (find, open, wait_for,
axe) and reads the built index with `IndexFiles` to know what the right answers are.
"""

import json
import urllib.parse
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from browser import CheckFailed

DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_!#$%&'()*+,./:;=>?@[]^`{|}~"


class IndexFiles:
    """The built index read from disk, as search.js reads it (SearchIndex.swift has the format)."""

    def __init__(self, public):
        self.search = Path(public) / "search"

    def piece(self, path):
        text = (self.search / path).read_text(encoding="utf-8")
        return json.loads(text[text.index(",") + 1: text.rindex(")")])

    def entries(self):
        for path in sorted((self.search / "words").glob("*.js")):
            yield from self.piece(Path("words") / path.name)

    @staticmethod
    def pages(lists):
        """Every page of an entry's lists (gaps, or a one-string bitmap)."""
        found = set()
        for code in lists:
            if isinstance(code, list):
                for k, char in enumerate(code[0]):
                    bits = DIGITS.index(char)
                    found |= {k * 6 + b for b in range(6) if bits >> b & 1}
                continue
            page, high = -1, 0
            for char in code:
                digit = DIGITS.index(char)
                if digit >= 64:
                    high = high * 27 + digit - 64
                else:
                    page += high * 64 + digit + 1
                    high = 0
                    found.add(page)
        return found

    def stem_example(self):
        """A word with a mate (`gpus` → `gpu`) that finds more pages with its mates than alone:
        (word, pages of the keys starting with it, pages with its mates too)."""
        entries = list(self.entries())
        keys = {entry[0]: entry for entry in entries}
        best = None
        for entry in entries:
            if not entry[1] or len(entry) < 4 or not entry[0].isalpha():
                continue
            alone = set().union(*(self.pages(e[2]) for e in entries if e[0].startswith(entry[0])))
            grouped = alone.union(*(self.pages(keys[mate][2]) for mate in entry[3] if mate in keys))
            if len(grouped) > len(alone) and (best is None or len(grouped) - len(alone) > best[2] - best[1]):
                best = (entry[0], len(alone), len(grouped))
        return best


class SearchChecks:
    """Search as a reader uses it. Needs `self.public`, the built site's folder."""

    def status_for(self, site, query):
        """Wait until the search page's status reports on `query`; return its text."""
        quoted = f"\u201c{query}\u201d"
        status = self.find(site, "#search-status[role=status]", "the search status line")
        self.wait_for(site, lambda: quoted in status.text, f"reporting on {quoted} in `#search-status` "
                      f"(it says {status.text!r})")
        return status.text

    def expect_results(self, site, query, title, page):
        self.find(site, "ol#search-results", "the search results list")
        self.status_for(site, query)
        self.wait_for(site, lambda: self.driver.find_elements(By.CSS_SELECTOR, "ol#search-results li a"),
                      f"any result in `ol#search-results li a` for {query!r}")
        first = self.driver.find_element(By.CSS_SELECTOR, "ol#search-results li a")
        text = first.get_attribute("textContent").strip()
        if title.lower() not in text.lower():
            raise CheckFailed(f"{self.where(site)}: the first result for {query!r} is {text!r}, expected {title!r}")
        target = site.page_of(first.get_attribute("href"))
        if target != page:
            raise CheckFailed(f"{self.where(site)}: the first result for {query!r} links to "
                              f"{first.get_attribute('href')}, expected the page {page}")

    def search_page(self, site, query):
        """Type `query` into the search page's box, replacing what is there."""
        field = self.find(site, "input#search-query", "the search page's query field")
        field.send_keys(Keys.CONTROL, "a")
        field.send_keys(query)
        return field

    def press_to_load(self, site, element, key, page, what):
        """Press `key` in `element`, wait for the new page and check it is `page`."""
        self.new_page(site, lambda: element.send_keys(key), what)
        self.expect_page(site, page, f"after {what}")
        self.after_load(site)

    def check_search(self, site):
        """Search from the header box, get Bittensor first, search again on the search page, open a result."""
        self.open(site, "")
        box = self.find(site, "header form[role=search] input#site-search", "the header search box")
        # The keyboard way in: "/" anywhere on the page focuses the search box.
        self.driver.find_element(By.TAG_NAME, "body").send_keys("/")
        if self.driver.switch_to.active_element != box:
            raise CheckFailed(f"{self.where(site)}: pressing / should focus input#site-search")
        box.send_keys("bittensor")
        self.press_to_load(site, box, Keys.ENTER, "search/", "Enter in the header search box (nothing chosen)")
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.driver.current_url).query)
        if query.get("q") != ["bittensor"]:
            raise CheckFailed(f"{self.where(site)}: expected ?q=bittensor in the URL after searching, "
                              f"got {self.driver.current_url}")
        self.expect_results(site, "bittensor", "Bittensor", "projects/bittensor/")
        field = self.find(site, "input#search-query", "the search page's query field")
        if field.get_attribute("value") != "bittensor":
            raise CheckFailed(f"{self.where(site)}: `input#search-query` should show the query 'bittensor', "
                              f"shows {field.get_attribute('value')!r}")
        boxes = [b for b in self.driver.find_elements(By.CSS_SELECTOR, "input[name=q]") if b.is_displayed()]
        if len(boxes) != 1:
            raise CheckFailed(f"{self.where(site)}: the search page should show one search box, shows {len(boxes)}")
        self.axe(site, "results")

        # A second search in the search page's own field, typed and submitted there.
        self.search_page(site, "cortex").send_keys(Keys.ENTER)
        self.wait_ready()
        self.expect_page(site, "search/", "after searching 'cortex' on the search page")
        self.expect_results(site, "cortex", "Cortex", "projects/cortex-t/")
        first = self.driver.find_element(By.CSS_SELECTOR, "ol#search-results li a")
        self.click_through(site, first, "projects/cortex-t/", "the first search result")
        self.axe(site)

    def loaded_index(self):
        return self.driver.execute_script(
            "return Array.from(document.scripts).some(s => /search\\/index\\.js$/.test(s.src))")

    def check_dropdown(self, site):
        """The header box lists the top results as you type: combobox, arrows, Enter, Escape."""
        self.open(site, "notes/")
        if self.loaded_index():
            raise CheckFailed(f"{self.where(site)}: search/index.js loaded before the search box had focus")
        box = self.find(site, "input#site-search[role=combobox]", "the header search box as a combobox")
        box.click()
        self.wait_for(site, self.loaded_index, "loading search/index.js on the first focus of the search box")
        box.send_keys("bittensor")
        listbox = self.find(site, "#site-search-list[role=listbox]", "the header's list of results")
        self.wait_for(site, lambda: listbox.is_displayed() and "Bittensor" in listbox.text,
                      f"listing Bittensor under the header box (the list shows {listbox.text!r})")
        if box.get_attribute("aria-expanded") != "true":
            raise CheckFailed(f"{self.where(site)}: the open list should set aria-expanded=true on the box")
        options = listbox.find_elements(By.CSS_SELECTOR, "[role=option]")
        if "Bittensor" not in options[0].text:
            raise CheckFailed(f"{self.where(site)}: the first option for 'bittensor' is {options[0].text!r}")
        self.axe(site, "search list open")
        box.send_keys(Keys.ARROW_DOWN)
        if (box.get_attribute("aria-activedescendant") != options[0].get_attribute("id")
                or options[0].get_attribute("aria-selected") != "true"):
            raise CheckFailed(f"{self.where(site)}: ArrowDown should select the first option "
                              f"(aria-activedescendant and aria-selected)")
        box.send_keys(Keys.ESCAPE)
        if listbox.is_displayed() or box.get_attribute("aria-expanded") != "false":
            raise CheckFailed(f"{self.where(site)}: Escape should close the list")
        box.send_keys(Keys.ARROW_DOWN)  # opens the list again
        self.wait_for(site, listbox.is_displayed, "reopening the list on ArrowDown")
        box.send_keys(Keys.ARROW_DOWN)
        self.press_to_load(site, box, Keys.ENTER, "projects/bittensor/", "Enter on Bittensor chosen in the header's list")

    def check_better_matches(self, site):
        """A stemmed match, a suggestion for a typo, marked passages, and narrowing by kind."""
        word, alone, grouped = IndexFiles(self.public).stem_example()
        self.open(site, "search/")
        self.search_page(site, word)
        status = self.status_for(site, word)
        if not status.startswith(f"{grouped} result"):
            raise CheckFailed(f"{self.where(site)}: {word!r} should find {grouped} pages with the words of its "
                              f"stem ({alone} without them); the status says {status!r}")

        self.search_page(site, "bittensr")
        hint = self.find(site, "#search-suggestion", "the suggestion line")
        self.wait_for(site, lambda: "Did you mean bittensor?" in hint.text,
                      f"suggesting bittensor for 'bittensr' (`#search-suggestion` says {hint.text!r})")
        hint.find_element(By.TAG_NAME, "button").click()
        self.expect_results(site, "bittensor", "Bittensor", "projects/bittensor/")

        self.search_page(site, "validators")
        self.status_for(site, "validators")
        marks = self.driver.find_elements(By.CSS_SELECTOR, "ol#search-results li .summary mark")
        if not marks or any(not m.text.lower().startswith("validator") for m in marks):
            raise CheckFailed(f"{self.where(site)}: results for 'validators' should mark the word in their "
                              f"passages, marked: {[m.text for m in marks]}")

        Select(self.find(site, "select#search-kind", "the kind filter")).select_by_value("note")
        self.wait_for(site, lambda: "kind=note" in self.driver.current_url, "kind=note in the URL")
        self.status_for(site, "validators")
        kinds = {k.text for k in self.driver.find_elements(By.CSS_SELECTOR, "ol#search-results li .count")}
        if kinds != {"note"}:
            raise CheckFailed(f"{self.where(site)}: narrowed to notes, the results are of the kinds {kinds}")
        self.axe(site, "narrowed")
