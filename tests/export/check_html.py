#!/usr/bin/python3
"""Opens the page `annalist build --format html` writes in a real browser (headless Chromium),
reads the DOM it built and checks it against the timeline JSON; saves a screenshot.

    check_html.py ANNALIST SOURCE_DIR SCREENSHOT.png

Checks: one entry per event, in the JSON's order, with its id, granularity and title; the page's
script ran (a link to an entry opens it); nothing in the DOM loads from the network.
ANNALIST_UPDATE_SCREENSHOT=1 also copies the screenshot to docs/screenshot.png (for the README).
Exit 0 when the checks hold, 1 when one fails, 77 when Chromium is not installed.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser

SKIP = 77
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--force-device-scale-factor=1"]


class Failure(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise Failure(message)


class Entries(HTMLParser):
    """The timeline entries of a DOM dump, and every URL the page would fetch."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.entries = []       # dicts of data-* attributes, plus "title" and "open"
        self.fetches = []       # src/href values that would load something
        self._title = None      # collecting the current entry's title text
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "li" and "entry" in classes:
            self.entries.append({k[5:]: v for k, v in a.items() if k.startswith("data-")} |
                                {"title": "", "open": False, "classes": classes})
        elif tag == "details" and self.entries:
            self.entries[-1]["open"] = "open" in a
        elif tag == "span" and "title" in classes and self.entries:
            self._title = ""
        if "src" in a or (tag == "link" and "href" in a):
            self.fetches.append(a.get("src") or a.get("href"))

    def handle_endtag(self, tag):
        if tag == "span" and self._title is not None:
            self.entries[-1]["title"] = self._title
            self._title = None

    def handle_data(self, data):
        if self._title is not None:
            self._title += data


def chromium(profile, *args):
    cmd = [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args]
    r = subprocess.run(cmd, capture_output=True, timeout=180)
    expect(r.returncode == 0, f"chromium exit {r.returncode}: {r.stderr.decode(errors='replace')[-2000:]}")
    return r.stdout.decode("utf-8")


def main(argv):
    if len(argv) != 4:
        print(f"usage: {argv[0]} ANNALIST SOURCE_DIR SCREENSHOT.png", file=sys.stderr)
        return 2
    binary, source, screenshot = argv[1:]
    if not os.access(CHROMIUM, os.X_OK):
        print(f"skipped: {CHROMIUM} is not installed (apt-get install chromium)")
        return SKIP
    corpus = os.path.join(source, "samples", "reykjavik-2021")
    with tempfile.TemporaryDirectory() as tmp:
        page = os.path.join(tmp, "timeline.html")
        for fmt, out in (("html", page), ("json", os.path.join(tmp, "timeline.json"))):
            r = subprocess.run([binary, "build", corpus, "--format", fmt, "-o", out], capture_output=True)
            expect(r.returncode == 0, f"build --format {fmt}: exit {r.returncode}\n{r.stderr.decode(errors='replace')}")
        with open(os.path.join(tmp, "timeline.json"), encoding="utf-8") as f:
            timeline = json.load(f)

        dom = Entries()
        dom.feed(chromium(os.path.join(tmp, "profile-1"), "--dump-dom", "file://" + page))
        entries, events = dom.entries, timeline["events"]
        expect(len(entries) == len(events), f"the browser shows {len(entries)} entries for {len(events)} events")
        for shown, e in zip(entries, events):
            expect(shown.get("event") == e["id"], f"entry {shown.get('event')} where {e['id']} was expected")
            expect(shown.get("granularity") == e["granularity"], f"{e['id']}: granularity {shown.get('granularity')}")
            expect(shown["title"] == (e["title"] or e["kind"]), f"{e['id']}: title {shown['title']!r} != {e['title']!r}")
            expect(("planned" in shown["classes"]) == (e["status"] != "happened"), f"{e['id']}: planned marking")
            expect(not shown["open"], f"{e['id']}: open before anyone asked")
        conflicted = {c["event"] for c in timeline["conflicts"]}
        marked = {s["event"] for s in entries if "conflict" in s["classes"]}
        expect(marked == conflicted, f"conflict highlighting on {sorted(marked)}, conflicts on {sorted(conflicted)}")
        expect(not dom.fetches, f"the page loads {dom.fetches}")
        # The title everyone reports (the event with the most mentions) is there to read.
        known = max(events, key=lambda e: len(e["mentions"]))
        expect(any(s["title"] == known["title"] for s in entries), f"{known['title']!r} is not on the page")

        # The script ran: following a link to an entry opens it.
        target = events[len(events) // 2]["id"]
        linked = Entries()
        linked.feed(chromium(os.path.join(tmp, "profile-2"), "--dump-dom", f"file://{page}#{target}"))
        opened = [s["event"] for s in linked.entries if s["open"]]
        expect(opened == [target], f"a link to #{target} opens {opened}")

        chromium(os.path.join(tmp, "profile-3"), f"--screenshot={screenshot}", "--window-size=1200,1600",
                 "file://" + page)
        with open(screenshot, "rb") as f:
            png = f.read()
        expect(png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 20000, f"{screenshot} is not a screenshot")
        if os.environ.get("ANNALIST_UPDATE_SCREENSHOT"):
            shutil.copyfile(screenshot, os.path.join(source, "docs", "screenshot.png"))
    print(f"{len(entries)} entries checked in Chromium; screenshot {screenshot}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except Failure as f:
        print(f"html: {f}", file=sys.stderr)
        sys.exit(1)
