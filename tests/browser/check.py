"""Checks the DOM Chromium built for the pages `run.sh` loaded.

    check.py pages OUT          every article page against its record, and the run's index
    check.py dev-index OUT ROWS the index of the dev run: ROWS rows, the chart, the matrix
"""
import json
import sys
from html.parser import HTMLParser
from pathlib import Path

VOID = {"meta", "br", "img", "input", "link", "hr", "area", "base", "col", "embed", "source", "track", "wbr"}


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    def text(self):
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def walk(self):
        for c in self.children:
            if isinstance(c, Node):
                yield c
                yield from c.walk()

    def classes(self):
        return set((self.attrs.get("class") or "").split())


class Tree(HTMLParser):
    """A DOM-like tree of an HTML document (enough for serialized DOMs and our own pages)."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", [], None)
        self.cur = self.root
        self.starts = 0
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.starts += 1
        node = Node(tag, attrs, self.cur)
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_startendtag(self, tag, attrs):
        self.starts += 1
        self.cur.children.append(Node(tag, attrs, self.cur))

    def handle_endtag(self, tag):
        node = self.cur
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.cur = node.parent

    def handle_data(self, data):
        self.cur.children.append(data)

    def find(self, pred):
        return [n for n in self.root.walk() if pred(n)]


def shown(text):
    """The text as the page shows it: controls as visible symbols (see html::Clean)."""
    out = []
    for ch in text:
        c = ord(ch)
        if ch in "\t\n\r":
            out.append(ch)
        elif c < 0x20:
            out.append(chr(0x2400 + c))
        elif c == 0x7F:
            out.append("\u2421")
        elif 0x80 <= c < 0xA0 or 0xFDD0 <= c <= 0xFDEF or (c & 0xFFFE) == 0xFFFE:
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


def policy_quiet(log, name):
    """Chromium reports to the console what the policy blocked: nothing of ours may be."""
    bad = [l for l in log.read_text(errors="replace").splitlines() if "Content Security Policy" in l or "Refused to" in l]
    check(not bad, f"{name}: the policy blocked something: {bad[:2]}")


def check_article(out, page, record):
    name = page.stem
    source, dom = Tree(page.read_text()), Tree((out / "dom" / f"{name}.html").read_text())
    policy_quiet(out / "dom" / f"{name}.log", name)
    title = lambda t: [n.text() for n in t.find(lambda n: n.tag == "title")]
    check(title(dom) == title(source) and len(title(dom)) == 1, f"{name}: title changed: {title(dom)}")
    # A script that ran would have added elements (the hostile text tries).
    check(dom.starts == source.starts, f"{name}: {source.starts} elements in the file, {dom.starts} in the DOM")
    for tag in ("script", "img", "iframe", "svg", "a", "object", "embed"):
        check(not dom.find(lambda n: n.tag == tag), f"{name}: a <{tag}> element in the page")
    check(not dom.find(lambda n: any(k.startswith("on") for k in n.attrs)), f"{name}: an event handler attribute")
    files = [n.text() for n in dom.find(lambda n: "file" in n.classes())]
    check(files == [record["id"]], f"{name}: page of {files}, record {record['id']}")
    marked = {n.attrs.get("data-span"): n for n in dom.find(lambda n: "data-span" in n.attrs)}
    count = 0
    for group, key, kind in (("states", "iso2", "state"), ("organizations", "id", "org")):
        for e in record[group]:
            for m in e["mentions"]:
                count += 1
                span = f"{m['span'][0]}-{m['span'][1]}"
                n = marked.get(span)
                what = f"{name}: {e[key]} {m['text']!r} at {span}"
                if n is None:
                    check(False, f"{what}: not marked")
                    continue
                got = (n.attrs.get("data-id"), n.attrs.get("data-role"), n.attrs.get("data-form"), n.text())
                check(got == (e[key], e["role"], m["form"], shown(m["text"])), f"{what}: marked as {got}")
                check({"m", kind, e["role"]} <= n.classes(), f"{what}: classes {n.classes()}")
                check(e[key] in n.attrs.get("title", "") and e["role"] in n.attrs.get("title", ""), f"{what}: title")
    check(len(marked) == count, f"{name}: {len(marked)} marked mentions, {count} in the record")
    print(f"{name}: {count} mentions marked, {dom.starts} elements")
    return count


def check_index(out, name, rows):
    dom = Tree((out / "dom" / f"{name}.html").read_text())
    policy_quiet(out / "dom" / f"{name}.log", name)
    tables = dom.find(lambda n: n.tag == "table")
    check(len(tables) == 1 and tables[0].attrs.get("data-sort-ready") == "yes", f"{name}: the sorting script did not run")
    body_rows = dom.find(lambda n: n.tag == "tr" and n.parent.tag == "tbody")
    check(len(body_rows) == rows, f"{name}: {len(body_rows)} rows, {rows} expected")
    links = [n for r in body_rows for n in r.walk() if n.tag == "a"]
    check(len(links) == rows and all(a.attrs["href"].endswith(".html") and ":" not in a.attrs["href"] for a in links),
          f"{name}: row links")
    bars = dom.find(lambda n: n.tag == "rect" and "bar" in n.classes())
    cells = dom.find(lambda n: n.tag == "rect" and "cell" in n.classes())
    check(bars and dom.find(lambda n: n.tag == "svg" and "chart" in n.classes()), f"{name}: no chart bars")
    check(cells and any(int(c.attrs["data-count"]) > 0 for c in cells), f"{name}: no matrix")
    print(f"{name}: {len(body_rows)} rows, {len(bars)} bar segments, {len(cells)} matrix cells")


def main():
    mode, out = sys.argv[1], Path(sys.argv[2])
    if mode == "pages":
        pages = [Path(l) for l in (out / "pages.txt").read_text().splitlines()]
        records = [json.loads(l) for l in (out / "records.jsonl").read_text().splitlines()]
        articles = pages[:-1]
        check(len(articles) == len(records), f"{len(articles)} pages for {len(records)} records")
        total = sum(check_article(out, p, r) for p, r in zip(articles, records))
        check(total > 0, "no mention at all")
        check_index(out, pages[-1].stem, len(articles))
    else:
        check_index(out, "dev-index", int(sys.argv[3]))
    for f in failures:
        print("FAIL", f)
    print(f"{len(failures)} failed")
    sys.exit(1 if failures else 0)


main()
