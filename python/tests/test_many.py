"""extract_many: same records on any number of threads, in input order, from
any iterable of the documented item shapes."""

import datetime

import pytest

import dipnews
from conftest import shared_path, canonical


def dev_texts():
    folder = shared_path("data", "dev")
    paths = sorted(folder.glob("*.txt"))
    web = shared_path("data", "web")
    paths += sorted(web.glob("*.txt"))
    return [(p.read_text(encoding="utf-8"), p.name) for p in paths]


def test_two_threads_equal_one():
    docs = dev_texts()
    ex = dipnews.Extractor()
    one = ex.extract_many(docs, threads=1)
    two = ex.extract_many(iter(docs), threads=2)
    assert len(one) == len(docs)
    assert [canonical(r) for r in one] == [canonical(r) for r in two]
    # Input order: each record carries its document's id.
    assert [r["id"] for r in two] == [name for _, name in docs]
    assert [canonical(ex.extract(t, id=n)) for t, n in docs[:10]] == [canonical(r) for r in one[:10]]


def test_item_shapes_and_dates():
    text = "Вчера в Душанбе состоялись консультации Таджикистана и Китая."
    ex = dipnews.Extractor()
    recs = ex.extract_many(
        [
            text,
            (text,),
            (text, "a"),
            (text, "b", "2021-03-16"),
            (text, None, datetime.date(2021, 3, 16)),
            {"text": text, "id": "c", "date": datetime.datetime(2021, 3, 16, 10, 0)},
            {"text": text},
        ],
        threads=2,
    )
    assert [r.get("id") for r in recs] == [None, None, "a", "b", None, "c", None]
    dates = [r["date"]["start"] if r["date"] else None for r in recs]
    assert dates == [None, None, None, "2021-03-15", "2021-03-15", "2021-03-15", None]


def test_empty_and_odd_inputs():
    ex = dipnews.Extractor()
    assert ex.extract_many([]) == []
    odd = ["", " ", "😀" * 1000, "\x00\n\r\t", "Россия" * 5000, "«»«»«" * 100]
    recs = ex.extract_many(odd, threads=2)
    assert [r["kind"] for r in recs] == [ex.extract(t)["kind"] for t in odd]


def test_char_spans_after_four_byte_characters():
    text = "😀😀 Москва. Россия и Казахстан провели переговоры в Астане."
    rec = dipnews.Extractor().extract(text)
    byte = dipnews.Extractor(byte_spans=True).extract(text)
    names = [m["text"] for s in rec["states"] for m in s["mentions"]]
    assert "Россия" in names and "Казахстан" in names
    for s, b in zip(rec["states"], byte["states"]):
        for m, mb in zip(s["mentions"], b["mentions"]):
            assert text[m["span"][0] : m["span"][1]] == m["text"]
            assert text.encode()[mb["span"][0] : mb["span"][1]].decode() == mb["text"]
            assert m["span"] != mb["span"]


def test_threads_must_be_positive():
    with pytest.raises(ValueError):
        dipnews.Extractor().extract_many(["Россия"], threads=0)


def test_the_gil_is_released_while_rust_works():
    # A Python thread keeps stamping the time; if extract_many held the GIL,
    # no stamp could fall well inside the call.
    import threading
    import time

    docs = [t for t, _ in dev_texts()] * 50
    stamps, stop = [], threading.Event()

    def stamp():
        while not stop.is_set():
            stamps.append(time.perf_counter())
            time.sleep(0.001)

    ex = dipnews.Extractor()
    worker = threading.Thread(target=stamp)
    worker.start()
    try:
        start = time.perf_counter()
        ex.extract_many(docs, threads=1)
        end = time.perf_counter()
    finally:
        stop.set()
        worker.join()
    margin = (end - start) * 0.1
    assert end - start > 0.05, "too little work to tell"
    assert any(start + margin < s < end - margin for s in stamps)
