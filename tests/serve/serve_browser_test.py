#!/usr/bin/env python3
"""dossier-serve's page in real headless Chromium (Debian's chromium, chromium-driver and
python3-selenium): search, an actor facet, a timeline bar and a drag across bars, an
article, an actor page, the back button, phone width and hostile article text. A screenshot of each step goes to
--screenshots."""
import argparse
import json
import shutil
import sys
import unittest
import urllib.parse
import urllib.request
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

import serve_support as support

ARGS = None

HOSTILE_TITLE = '<img src=x onerror="window.__xss=1">Caracas <b>bold</b> claims'


def add_hostile_article(corpus):
    """An article whose title and text are markup: the page must show it as text."""
    (corpus / "666_hostile.txt").write_text(
        HOSTILE_TITLE + "\n\n<script>window.__xss=2</script> Officials in Caracas said "
        "<img src=y onerror=\"window.__xss=3\"> nothing about Venezuela on Monday.\n",
        encoding="utf-8")


class BrowserTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.root = support.temp_root()
        binaries = support.Binaries(ARGS)
        corpus, cls.db = support.make_corpus(binaries, cls.root)
        add_hostile_article(corpus)
        support.index(binaries, cls.db, corpus)
        cls.server = support.Server(binaries, cls.db, "--quiet")
        cls.shots = Path(ARGS.screenshots)
        cls.shots.mkdir(parents=True, exist_ok=True)
        options = webdriver.ChromeOptions()
        for arg in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                    "--disable-gpu", "--window-size=1280,900", "--lang=en-GB"]:
            options.add_argument(arg)
        options.binary_location = ARGS.chromium
        cls.driver = webdriver.Chrome(service=Service(ARGS.chromedriver), options=options)
        cls.driver.set_window_size(1280, 900)

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        code, log = cls.server.stop()
        shutil.rmtree(cls.root, ignore_errors=True)
        assert code == 0, log

    # ---- helpers ----

    def render_count(self):
        return int(self.driver.execute_script("return document.body.dataset.render || '0'"))

    def wait_rendered(self, after):
        """Waits until the page finished a render later than `after`."""
        WebDriverWait(self.driver, 20).until(
            lambda d: self.render_count() > after and
            d.execute_script("return document.body.dataset.state") == "ready")
        status = self.driver.find_element(By.ID, "status").text
        self.assertEqual(status, "", status)

    def act(self, action):
        """Runs `action` (a click, a key, back) and waits for the page to draw its result."""
        before = self.render_count()
        action()
        self.wait_rendered(before)

    def shot(self, name):
        self.driver.execute_script("window.scrollTo(0, 0)")
        self.driver.save_screenshot(str(self.shots / f"{name}.png"))

    def api(self, path):
        with urllib.request.urlopen(self.server.url + path, timeout=30) as r:
            return json.loads(r.read())

    def api_search(self):
        """The API's answer for the page's current search state, as the page asks it."""
        query = urllib.parse.urlsplit(self.driver.current_url).query
        params = urllib.parse.parse_qsl(query)
        params += [("facets", "actor,date,source"), ("facet_size", "25"), ("limit", "10")]
        return self.api("/api/v1/search?" + urllib.parse.urlencode(params))

    def summary(self):
        return self.driver.find_element(By.ID, "summary").text

    def chips(self):
        return [c.text.replace("×", "").strip()
                for c in self.driver.find_elements(By.CSS_SELECTOR, "#chips .chip")]

    def facet_counts(self):
        """{(facet section, name): count} as the page shows them."""
        shown = {}
        for button in self.driver.find_elements(By.CSS_SELECTOR, ".facet-entry"):
            section = button.find_element(By.XPATH, "ancestor::section[1]").get_attribute("aria-labelledby")
            shown[(section, button.get_attribute("data-name"))] = int(button.get_attribute("data-count"))
        return shown

    def expected_facet_counts(self, answer):
        expected = {(f"facet-{a['type']}-h", a["name"]): a["count"] for a in answer["facets"]["actor"]}
        expected.update({("facet-source-h", s["source"]): s["count"]
                         for s in answer["facets"]["source"]})
        return expected

    def search(self, words):
        box = self.driver.find_element(By.ID, "q")
        box.clear()
        box.send_keys(words)
        self.act(lambda: box.send_keys(Keys.ENTER))

    # ---- the walk through the page ----

    def test_walk_through_the_page(self):
        d = self.driver
        d.get(self.server.url + "/")
        self.wait_rendered(0)

        # 1. Type a query, see the hits.
        self.search("maduro")
        self.assertEqual(self.summary(), "1–5 of 5 articles")
        titles = [h.text for h in d.find_elements(By.CSS_SELECTOR, ".hit h3")]
        self.assertEqual(len(titles), 5)
        self.assertTrue(d.find_elements(By.CSS_SELECTOR, ".hit .snippet mark"))
        self.assertEqual(self.facet_counts(), self.expected_facet_counts(self.api_search()))
        self.shot("01_search")

        # 2. Click an actor facet: the chip appears and every count is the filtered one.
        china = d.find_element(By.CSS_SELECTOR, '#facets .facet-entry[data-name="China"]')
        self.assertEqual(china.get_attribute("data-count"), "2")
        self.act(china.click)
        self.assertEqual(self.chips(), ["actor China"])
        self.assertEqual(self.summary(), "1–2 of 2 articles")
        filtered = self.api_search()
        self.assertEqual(filtered["total"], 2)
        self.assertEqual(self.facet_counts(), self.expected_facet_counts(filtered))
        self.assertIn("actor=country%3AChina", d.current_url)  # type and name: never ambiguous
        self.shot("02_actor_facet")
        url_after_facet = d.current_url

        # 3. Click a timeline bar: a date filter, and the totals of that period.
        bars = d.find_elements(By.CSS_SELECTOR, "#timeline .bar[tabindex='0']")
        self.assertTrue(bars)
        bucket = bars[0].get_attribute("data-bucket")
        self.act(bars[0].click)
        self.assertEqual(self.chips(), ["actor China", f"date {bucket}"])
        by_date = self.api_search()
        self.assertEqual(self.summary(), f"1–{by_date['total']} of {by_date['total']} article"
                         + ("" if by_date["total"] == 1 else "s"))
        self.assertEqual(self.facet_counts(), self.expected_facet_counts(by_date))
        self.shot("03_timeline_bar")

        # 4. Back restores the previous state.
        self.act(d.back)
        self.assertEqual(d.current_url, url_after_facet)
        self.assertEqual(self.chips(), ["actor China"])
        self.assertEqual(self.summary(), "1–2 of 2 articles")
        self.shot("04_back")

        # 5. Open an article: its actors are links to their pages.
        first = d.find_element(By.CSS_SELECTOR, ".hit h3 a")
        title = first.text
        self.act(first.click)
        self.assertTrue(d.find_element(By.ID, "search-view").get_attribute("hidden"))
        self.assertEqual(d.find_element(By.CSS_SELECTOR, "#doc-view h1").text, title)
        mentions = d.find_elements(By.CSS_SELECTOR, "#doc-view .text a.mention")
        self.assertTrue(mentions)
        self.shot("05_article")

        # 6. An actor page: its timeline, co-actors and articles.
        named = [m for m in mentions if "Maduro" in m.text] or mentions
        self.act(named[0].click)
        heading = d.find_element(By.CSS_SELECTOR, "#actor-view h1").text
        profile = self.api("/api/v1/actors/" + urllib.parse.quote(
            urllib.parse.parse_qs(urllib.parse.urlsplit(d.current_url).query)["id"][0]))["actor"]
        self.assertTrue(heading.startswith(profile["name"]))
        self.assertEqual(len(d.find_elements(By.CSS_SELECTOR, "#actor-view .bar")),
                         len(profile["timeline"]["buckets"]))
        self.assertEqual(len(d.find_elements(By.CSS_SELECTOR, "#actor-view .co-actors li")),
                         len(profile["co_actors"]))
        self.assertEqual(len(d.find_elements(By.CSS_SELECTOR, "#actor-view .recent li")),
                         len(profile["recent"]))
        self.shot("06_actor_page")

        # 7. Back twice: the article, then the filtered search as it was.
        self.act(d.back)
        self.assertEqual(d.find_element(By.CSS_SELECTOR, "#doc-view h1").text, title)
        self.act(d.back)
        self.assertEqual(d.current_url, url_after_facet)
        self.assertEqual(self.chips(), ["actor China"])

    def test_drag_across_the_timeline(self):
        d = self.driver
        d.get(self.server.url + "/?q=maduro")
        self.wait_rendered(0)
        bars = d.find_elements(By.CSS_SELECTOR, "#timeline .bar")
        self.assertEqual([b.get_attribute("data-bucket") for b in bars],
                         ["2019-01", "2019-02", "2019-03"])
        self.act(lambda: ActionChains(d).click_and_hold(bars[0]).move_to_element(bars[2])
                 .release().perform())
        self.assertEqual(self.chips(), ["date 2019-01 – 2019-03"])
        self.assertIn("from=2019-01&to=2019-03", d.current_url)
        self.assertEqual(self.summary(), "1–4 of 4 articles")
        self.assertEqual(self.api_search()["total"], 4)

    def test_keyboard_reaches_a_facet(self):
        d = self.driver
        d.get(self.server.url + "/?q=venezuela")
        self.wait_rendered(0)
        entry = d.find_element(By.CSS_SELECTOR, "#facet-person-h ~ ul .facet-entry")
        name = entry.get_attribute("data-name")
        d.execute_script("arguments[0].focus()", entry)
        self.act(lambda: d.switch_to.active_element.send_keys(Keys.ENTER))
        self.assertEqual(self.chips(), [f"actor {name}"])

    def test_phone_width(self):
        d = self.driver
        try:
            d.set_window_size(390, 844)
            d.get(self.server.url + "/?q=venezuela&actor=Russia")
            self.wait_rendered(0)
            width = d.execute_script("return document.documentElement.scrollWidth")
            self.assertLessEqual(width, d.execute_script("return window.innerWidth"))
            self.shot("07_phone")
        finally:
            d.set_window_size(1280, 900)

    def test_article_markup_is_shown_as_text(self):
        d = self.driver
        d.get(self.server.url + "/?q=officials")
        self.wait_rendered(0)
        hostile = [a for a in d.find_elements(By.CSS_SELECTOR, ".hit h3 a") if "<img" in a.text]
        self.assertEqual(len(hostile), 1)
        self.assertEqual(hostile[0].text, HOSTILE_TITLE)
        self.act(hostile[0].click)
        self.assertIn("<script>window.__xss=2</script>",
                      d.find_element(By.CSS_SELECTOR, "#doc-view .text").text)
        self.assertIsNone(d.execute_script("return window.__xss"))
        self.assertEqual(d.find_elements(By.CSS_SELECTOR, "#doc-view img, #doc-view script, .hit img"), [])
        self.shot("08_hostile_article")


def main():
    global ARGS
    parser = argparse.ArgumentParser()
    support.add_arguments(parser)
    parser.add_argument("--screenshots", required=True)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    ARGS, rest = parser.parse_known_args()
    unittest.main(argv=[sys.argv[0], *rest], verbosity=2)


if __name__ == "__main__":
    main()
