"""Throughput of dipnews from Python against the Rust example binary, and a
side-by-side with natasha, on NEREL dev.

    python bench.py [--shared ../shared] [--rounds 5] [--repeat 20] [--no-natasha]

1. Speed: the NEREL dev texts (``*.txt``), repeated ``--repeat`` times, through
   the Rust binary (one process, every copy of the folder given as a path,
   output to /dev/null) and through ``Extractor.extract_many`` (texts already
   in memory, records as dicts); on 1 thread and on one per core. Rounds
   alternate the two, so both see the same load; the best round counts (and
   the median is shown). MB are 10^6 bytes of UTF-8 input.
2. Quality: states doc-set F1 with the project's scorer
   (``tools/score.py``) for dipnews and for natasha. natasha's NER
   (segmenter, news embedding, NER tagger; morphology and syntax are not
   needed for LOC spans and are not run) gives LOC spans; each span's text is
   mapped to states by dipnews's own gazetteer (the states dipnews finds in
   the span alone, e.g. «России» → RU, «Вашингтоне» → none), so both sides
   share one name table and differ only in finding the names. natasha's
   MB/s counts its NER only, after its models are loaded; the mapping is
   not timed.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import dipnews

REPO = Path(__file__).resolve().parents[1]


def mbps(nbytes: int, seconds: float) -> float:
    return nbytes / 1e6 / seconds


def time_binary(binary: Path, folder: Path, repeat: int, threads: int) -> float:
    start = time.perf_counter()
    subprocess.run(
        [str(binary), "--threads", str(threads)] + [str(folder)] * repeat,
        stdout=subprocess.DEVNULL,
        check=True,
    )
    return time.perf_counter() - start


def time_python(ex: dipnews.Extractor, texts: list, threads: int) -> float:
    start = time.perf_counter()
    records = ex.extract_many(texts, threads=threads)
    elapsed = time.perf_counter() - start
    assert len(records) == len(texts)
    return elapsed


def score(records: list, shared: Path, folder: Path) -> dict:
    """The scorer's rows for these records, by metric name."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    try:
        out = subprocess.run(
            [sys.executable, str(shared / "tools" / "score.py"), f.name,
             str(shared / "data" / "nerel" / "dev.gold.jsonl"), "--texts", str(folder), "--json"],
            capture_output=True, text=True, check=True,
        ).stdout
    finally:
        os.unlink(f.name)
    return json.loads(out)


def natasha_records(paths: list, texts: list, mapper: dipnews.Extractor):
    """natasha's LOC spans as records (states only) and its NER seconds."""
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    segmenter, tagger = Segmenter(), NewsNERTagger(NewsEmbedding())
    spans = []
    start = time.perf_counter()
    for text in texts:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_ner(tagger)
        spans.append([(s.start, s.stop) for s in doc.spans if s.type == "LOC"])
    seconds = time.perf_counter() - start
    records = []
    for path, text, locs in zip(paths, texts, spans):
        states = {}
        for a, b in locs:
            for s in mapper.extract(text[a:b])["states"]:
                byte_span = [len(text[:a].encode()), len(text[:b].encode())]
                form = s["mentions"][0]["form"]
                entry = states.setdefault(s["iso2"], {"iso2": s["iso2"], "mentions": []})
                entry["mentions"].append({"span": byte_span, "text": text[a:b], "form": form})
        records.append({"id": path.name, "states": list(states.values()), "organizations": []})
    return records, seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--binary", type=Path, default=REPO / "target" / "release" / "examples" / "extract")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--repeat", type=int, default=20, help="copies of NEREL dev per timed run")
    ap.add_argument("--no-natasha", action="store_true")
    a = ap.parse_args()

    folder = a.shared / "data" / "nerel" / "dev"
    paths = sorted(folder.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    nbytes = sum(len(t.encode()) for t in texts)
    print(f"NEREL dev: {len(texts)} texts, {nbytes / 1e6:.3f} MB; {a.repeat} copies per run, "
          f"best of {a.rounds} rounds; {os.cpu_count()} cores")

    ex = dipnews.Extractor()
    ex.extract_many(texts)  # warm-up: compiles the gazetteers once
    many = texts * a.repeat
    cores = os.cpu_count() or 1
    print("| threads | Rust binary MB/s (best, median) | Python extract_many MB/s (best, median) | Python / Rust |")
    print("|---|---|---|---|")
    for threads in sorted({1, cores}):
        rust, py = [], []
        for _ in range(a.rounds):
            rust.append(mbps(nbytes * a.repeat, time_binary(a.binary, folder, a.repeat, threads)))
            py.append(mbps(nbytes * a.repeat, time_python(ex, many, threads)))
        print(f"| {threads} | {max(rust):.1f}, {statistics.median(rust):.1f} "
              f"| {max(py):.1f}, {statistics.median(py):.1f} | {max(py) / max(rust):.0%} |")

    scorer = dipnews.Extractor(byte_spans=True)
    start = time.perf_counter()
    ours = scorer.extract_many([(t, p.name) for t, p in zip(texts, paths)], threads=1)
    ours_seconds = time.perf_counter() - start
    rows = {"dipnews (Python, 1 thread)": (score(ours, a.shared, folder), ours_seconds)}
    if not a.no_natasha:
        recs, seconds = natasha_records(paths, texts, dipnews.Extractor(byte_spans=True))
        rows["natasha NER + dipnews gazetteer"] = (score(recs, a.shared, folder), seconds)
    print()
    print("| on NEREL dev, one pass, 1 thread | MB/s | states doc-set P | R | F1 |")
    print("|---|---|---|---|---|")
    for name, (s, seconds) in rows.items():
        d = s["states.doc_set"]
        print(f"| {name} | {mbps(nbytes, seconds):.2f} | {d['P']:.3f} | {d['R']:.3f} | {d['F1']:.3f} |")


if __name__ == "__main__":
    main()
