#!/usr/bin/python3
"""Reads what `annalist build --format F` writes for a corpus back with each format's reference
reader and checks that it holds the same events as the timeline JSON.

    check_exports.py ANNALIST SOURCE_DIR CHECK

CHECK is one of:
  json         validates against docs/timeline.schema.json (python3-jsonschema, Draft 2020-12)
  csv          Python's csv module: one row per event, one per mention with --mentions
  ics          python3-icalendar: one VEVENT per dated event, dates, UIDs, line folding
  timelinejs   one slide per dated event, dates split as far as the granularity goes
  timeml       one .tml per document (xml.etree), DCT = publication time, and, when
               ../shared/tools/te3score.py is there, the TempEval-3 scorer reads them
  determinism  every format twice, and under TZ=Pacific/Auckland LC_ALL=C.UTF-8: same bytes

Exit 0 when the check holds, 1 with a message when it does not, 77 when a reader is missing.
Run by ctest (tests/CMakeLists.txt); needs Debian's /usr/bin/python3 for its modules.
"""

import csv
import io
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SKIP = 77
FORMATS = ["text", "json", "csv", "ics", "timelinejs", "html"]


class Failure(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise Failure(message)


class Runner:
    def __init__(self, binary, source):
        self.binary = binary
        self.source = source
        self.corpus = os.path.join(source, "samples", "reykjavik-2021")

    def build(self, fmt, *extra, env=None, output=None):
        args = [self.binary, "build", self.corpus, "--format", fmt, *extra]
        if output:
            args += ["-o", output]
        r = subprocess.run(args, capture_output=True, env=env)
        expect(r.returncode == 0, f"{' '.join(args)}: exit {r.returncode}\n{r.stderr.decode(errors='replace')}")
        return r.stdout

    def timeline(self):
        return json.loads(self.build("json"))


def dated(timeline):
    return [e for e in timeline["events"] if e["start"] is not None]


def check_json(run):
    try:
        import jsonschema
    except ImportError:
        print("skipped: python3-jsonschema is not installed (apt-get install python3-jsonschema)")
        return SKIP
    with open(os.path.join(run.source, "docs", "timeline.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    timeline = run.timeline()
    errors = sorted(validator.iter_errors(timeline), key=lambda e: list(e.path))
    expect(not errors, "\n".join(f"{'/'.join(map(str, e.path))}: {e.message}" for e in errors[:10]))
    expect(timeline["events"], "the sample gives no events")
    # What the schema cannot say: references resolve, the order is the documented one.
    ids = {d["id"] for d in timeline["documents"]}
    for e in timeline["events"]:
        for m in e["mentions"]:
            expect(m["document"] in ids, f"{e['id']}: mention of unknown document {m['document']}")
            expect(m["start"] <= m["end"], f"{e['id']}: sentence offsets reversed")
    events = {e["id"] for e in timeline["events"]}
    expect(len(events) == len(timeline["events"]), "event ids repeat")
    for c in timeline["conflicts"]:
        expect(c["event"] in events, f"conflict about unknown event {c['event']}")
    starts = [e["start"] or "9999" for e in timeline["events"]]
    expect(starts == sorted(starts), "events are not sorted by start")
    # And a document that breaks the contract is caught: the check can fail.
    broken = json.loads(json.dumps(timeline))
    broken["events"][0]["status"] = "rumoured"
    expect(any(True for _ in validator.iter_errors(broken)), "the schema accepts an unknown status")
    return 0


def check_csv(run):
    timeline = run.timeline()
    raw = run.build("csv")
    expect(not raw.startswith(b"\xef\xbb\xbf"), "CSV starts with a byte order mark")
    text = raw.decode("utf-8")
    expect(text.endswith("\r\n"), "CSV records do not end with CRLF")
    expect("\n" not in text.replace("\r\n", ""), "a bare LF outside CRLF")
    rows = list(csv.DictReader(io.StringIO(text, newline=""), strict=True))
    expect(len(rows) == len(timeline["events"]), f"{len(rows)} rows for {len(timeline['events'])} events")
    for row, e in zip(rows, timeline["events"]):
        expect(row["id"] == e["id"], f"row {row['id']} where {e['id']} was expected")
        for key in ("value", "granularity", "kind", "status", "title"):
            expect(row[key] == e[key], f"{e['id']}: {key} {row[key]!r} != {e[key]!r}")
        expect(row["start"] == (e["start"] or ""), f"{e['id']}: start")
        expect(row["end"] == (e["end"] or ""), f"{e['id']}: end")
        expect(row["actors"] == "; ".join(e["actors"]), f"{e['id']}: actors")
        expect(row["place"] == (e["place"] or ""), f"{e['id']}: place")
        expect(int(row["mention_count"]) == len(e["mentions"]), f"{e['id']}: mention_count")
        docs = []
        for m in e["mentions"]:
            if m["document"] not in docs:
                docs.append(m["document"])
        expect(len(row["sources"].split("; ")) == len(docs), f"{e['id']}: sources {row['sources']!r}")

    mentions = list(csv.DictReader(io.StringIO(run.build("csv", "--mentions").decode("utf-8"), newline=""),
                                   strict=True))
    expected = [(e["id"], m) for e in timeline["events"] for m in e["mentions"]]
    expect(len(mentions) == len(expected), f"{len(mentions)} mention rows for {len(expected)} mentions")
    for row, (eid, m) in zip(mentions, expected):
        expect(row["event"] == eid, f"mention row of {row['event']} where {eid} was expected")
        expect(row["document"] == m["document"], f"{eid}: document")
        expect(int(row["sentence_start"]) == m["start"] and int(row["sentence_end"]) == m["end"],
               f"{eid}: sentence offsets")
        expect(row["sentence"] == m["sentence"], f"{eid}: sentence differs")
        expect(row["quote"] == (m["quote"] or ""), f"{eid}: quote differs")
    r = subprocess.run([run.binary, "build", run.corpus, "--format", "json", "--mentions"], capture_output=True)
    expect(r.returncode == 2, "--mentions with --format json is accepted")
    return 0


def check_ics(run):
    try:
        import icalendar
    except ImportError:
        print("skipped: python3-icalendar is not installed (apt-get install python3-icalendar)")
        return SKIP
    timeline = run.timeline()
    raw = run.build("ics")
    lines = raw.split(b"\r\n")
    expect(lines[-1] == b"", "the calendar does not end with CRLF")
    for n, line in enumerate(lines, 1):
        expect(len(line) <= 75, f"line {n} is {len(line)} octets long (RFC 5545 folds at 75)")
        expect(b"\n" not in line and b"\r" not in line, f"line {n}: a bare line break")
    cal = icalendar.Calendar.from_ical(raw)
    expect(str(cal["VERSION"]) == "2.0", "VERSION is not 2.0")
    vevents = cal.walk("VEVENT")
    by_id = {str(v["X-ANNALIST-EVENT"]): v for v in vevents}
    expected = dated(timeline)
    expect(len(vevents) == len(expected), f"{len(vevents)} VEVENTs for {len(expected)} dated events")
    expect(set(by_id) == {e["id"] for e in expected}, "VEVENT ids differ from the timeline's")
    uids = {str(v["UID"]) for v in vevents}
    expect(len(uids) == len(vevents), "UIDs repeat")
    stamps = {v.decoded("DTSTAMP") for v in vevents}
    expect(len(stamps) == 1, "DTSTAMP differs between events")
    for e in expected:
        v = by_id[e["id"]]
        expect(str(v["SUMMARY"]) == (e["title"] or e["kind"]), f"{e['id']}: SUMMARY")
        expect(str(v["X-ANNALIST-GRANULARITY"]) == e["granularity"], f"{e['id']}: granularity")
        expect(str(v["X-ANNALIST-VALUE"]) == e["value"], f"{e['id']}: value")
        cats = v.get("CATEGORIES")
        expect(cats is not None and e["kind"] in [str(c) for c in cats.cats], f"{e['id']}: CATEGORIES")
        start, end = v.decoded("DTSTART"), v.decoded("DTEND")
        if e["granularity"] in ("second", "minute", "hour", "part_of_day"):
            expect(hasattr(start, "hour"), f"{e['id']}: a timed value written as a date")
            expect(start.date().isoformat() == e["start"], f"{e['id']}: DTSTART {start}")
        else:
            expect(not hasattr(start, "hour"), f"{e['id']}: an all-day value written with a time")
            expect(start.isoformat() == e["start"], f"{e['id']}: DTSTART {start} != {e['start']}")
            expect(end.isoformat() == e["end"], f"{e['id']}: DTEND {end} != {e['end']}")
        desc = str(v["DESCRIPTION"])
        for m in e["mentions"]:
            expect(m["sentence"].strip()[:40] in desc, f"{e['id']}: DESCRIPTION lacks a source sentence")
    return 0


def check_timelinejs(run):
    timeline = run.timeline()
    data = json.loads(run.build("timelinejs"))
    slides = data["events"]
    expected = dated(timeline)
    expect([s["unique_id"] for s in slides] == [e["id"] for e in expected], "slide ids differ from the timeline's")
    depth = {"year": 1, "decade": 1, "century": 1, "millennium": 1, "month": 2, "quarter": 2, "season": 2,
             "half_year": 2, "day": 3, "week": 3}
    for s, e in zip(slides, expected):
        fields = ["year", "month", "day", "hour", "minute"][: depth.get(e["granularity"], 5)]
        expect(list(s["start_date"]) == fields, f"{e['id']}: start_date {s['start_date']} for a {e['granularity']}")
        y, m, d = (int(x) for x in e["start"].split("-"))
        expect([s["start_date"][k] for k in fields[:3]] == [y, m, d][: len(fields[:3])], f"{e['id']}: start_date")
        expect(s["text"]["headline"], f"{e['id']}: empty headline")
        expect(s["group"] == e["kind"], f"{e['id']}: group")
        expect(s["display_date"], f"{e['id']}: no display_date")
    expect("headline" in data["title"]["text"], "no title slide")
    return 0


def check_timeml(run):
    timeline = run.timeline()
    with tempfile.TemporaryDirectory() as out:
        run.build("timeml", output=out)
        files = sorted(f for f in os.listdir(out) if f.endswith(".tml"))
        expect(len(files) == len(timeline["documents"]), f"{len(files)} .tml files for {len(timeline['documents'])} documents")
        timexes = events = 0
        for doc, name in zip(timeline["documents"], files):
            expect(name == os.path.splitext(doc["file"])[0] + ".tml", f"{name} for {doc['file']}")
            root = ET.parse(os.path.join(out, name)).getroot()
            expect(root.tag == "TimeML", f"{name}: root is {root.tag}")
            expect(root.findtext("DOCID") == doc["id"], f"{name}: DOCID")
            dct = root.find("DCT/TIMEX3")
            if doc["published"] is None:
                expect(dct is None, f"{name}: a DCT for an unknown publication time")
            else:
                expect(dct is not None and dct.get("functionInDocument") == "CREATION_TIME", f"{name}: no DCT")
                expect(dct.get("value") == doc["published"], f"{name}: DCT {dct.get('value')} != {doc['published']}")
            text = root.find("TEXT")
            timexes += len(text.findall(".//TIMEX3"))
            events += len(text.findall(".//EVENT"))
            for t in text.iter("TIMEX3"):
                expect(t.get("tid") and t.get("type") and t.get("value"), f"{name}: TIMEX3 without tid/type/value")
            for ev in text.iter("EVENT"):
                expect(ev.get("eid") and ev.get("class"), f"{name}: EVENT without eid/class")
            # The text survives: the source file's sentences are in it, tags aside.
            plain = "".join(text.itertext())
            for e in timeline["events"]:
                for m in e["mentions"]:
                    if m["document"] == doc["id"]:
                        expect(m["sentence"].split()[0] in plain, f"{name}: a mention's sentence is missing")
        expect(timexes > 0 and events > 0, f"{timexes} TIMEX3 and {events} EVENT tags in all")
        scorer = os.path.join(run.source, "..", "shared", "tools", "te3score.py")
        if os.path.exists(scorer):
            r = subprocess.run([sys.executable, scorer, out, out, "--json"], capture_output=True)
            expect(r.returncode == 0, f"te3score.py: exit {r.returncode}\n{r.stderr.decode(errors='replace')}")
            score = json.loads(r.stdout)
            expect(score["overall"]["counts"]["gold"] == timexes, f"te3score.py read {score['overall']['counts']['gold']} timexes, not {timexes}")
            expect(score["overall"]["strict"]["F1"] == 1.0, "te3score.py does not score the files 1.0 against themselves")
        else:
            print(f"note: {scorer} is absent; the TempEval-3 scorer was not run")
    return 0


def check_determinism(run):
    other = dict(os.environ, TZ="Pacific/Auckland", LC_ALL="C.UTF-8", LANG="C.UTF-8")
    plain = {k: v for k, v in os.environ.items() if k not in ("TZ", "LC_ALL", "LANG")}
    for fmt in FORMATS:
        first = run.build(fmt, env=plain)
        expect(first, f"{fmt}: empty output")
        expect(run.build(fmt, env=plain) == first, f"{fmt}: two runs differ")
        expect(run.build(fmt, env=other) == first, f"{fmt}: differs under TZ=Pacific/Auckland LC_ALL=C.UTF-8")
    expect(run.build("csv", "--mentions", env=other) == run.build("csv", "--mentions", env=plain),
           "csv --mentions differs under another TZ and locale")
    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
        run.build("timeml", output=a, env=plain)
        run.build("timeml", output=b, env=other)
        expect(sorted(os.listdir(a)) == sorted(os.listdir(b)), "timeml: different files")
        for name in os.listdir(a):
            with open(os.path.join(a, name), "rb") as x, open(os.path.join(b, name), "rb") as y:
                expect(x.read() == y.read(), f"timeml: {name} differs under another TZ and locale")
    return 0


CHECKS = {"json": check_json, "csv": check_csv, "ics": check_ics, "timelinejs": check_timelinejs,
          "timeml": check_timeml, "determinism": check_determinism}


def main(argv):
    if len(argv) != 4 or argv[3] not in CHECKS:
        print(f"usage: {argv[0]} ANNALIST SOURCE_DIR {{{'|'.join(CHECKS)}}}", file=sys.stderr)
        return 2
    try:
        return CHECKS[argv[3]](Runner(argv[1], argv[2]))
    except Failure as f:
        print(f"{argv[3]}: {f}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
