"""Records from Python equal the Rust example binary's JSON, with spans as
documented: byte offsets with byte_spans=True, else character offsets."""

import json

import pytest

import dipnews
from conftest import binary_records, byte_spans_to_chars, canonical, shared_path

SETS = [
    ("seed", ("seed", "khovar-cis-consultations.txt")),
    ("dev", ("data", "dev")),
    ("web", ("data", "web")),
]


def texts_of(records):
    """Each record's text, read from the path the binary put in its id."""
    return [open(r["id"], encoding="utf-8").read() for r in records]


@pytest.fixture(scope="module")
def char_extractor():
    return dipnews.Extractor()


@pytest.fixture(scope="module")
def byte_extractor():
    return dipnews.Extractor(byte_spans=True)


@pytest.mark.parametrize("name,parts", SETS, ids=[s[0] for s in SETS])
def test_byte_spans_equal_the_binary(binary, byte_extractor, name, parts):
    expected = binary_records(binary, shared_path(*parts))
    assert expected, f"the binary gave no record for {name}"
    for want, text in zip(expected, texts_of(expected)):
        got = byte_extractor.extract(text, id=want["id"])
        assert canonical(got) == canonical(want), want["id"]


@pytest.mark.parametrize("name,parts", SETS, ids=[s[0] for s in SETS])
def test_char_spans_equal_the_binary_converted(binary, char_extractor, name, parts):
    expected = binary_records(binary, shared_path(*parts))
    texts = texts_of(expected)
    got = char_extractor.extract_many((t, r["id"]) for t, r in zip(texts, expected))
    assert len(got) == len(expected)
    converted_somewhere = False
    for rec, want, text in zip(got, expected, texts):
        converted = byte_spans_to_chars(want, text)
        converted_somewhere |= converted != want
        assert canonical(rec) == canonical(converted), want["id"]
        # The point of character spans: they slice the Python str.
        for entity in rec["states"] + rec["organizations"]:
            for m in entity["mentions"]:
                assert text[m["span"][0] : m["span"][1]] == m["text"]
        if rec["date"]:
            assert text[rec["date"]["span"][0] : rec["date"]["span"][1]] == rec["date"]["text"]
    # Russian text: the two kinds of offsets must differ, or nothing was tested.
    assert converted_somewhere


def test_reference_date_equals_the_binarys_date_option(binary, name="dev"):
    expected = binary_records(binary, shared_path("data", "dev"), "--date", "2021-03-16")
    texts = texts_of(expected)
    fixed = dipnews.Extractor(reference_date="2021-03-16", byte_spans=True)
    per_doc = dipnews.Extractor(byte_spans=True)
    many = per_doc.extract_many(
        {"text": t, "id": r["id"], "date": "2021-03-16"} for t, r in zip(texts, expected)
    )
    undated = binary_records(binary, shared_path("data", "dev"))
    assert any(canonical(a) != canonical(b) for a, b in zip(expected, undated)), (
        "the reference date changed no record: this test would not see it ignored"
    )
    for want, text, from_many in zip(expected, texts, many):
        assert canonical(fixed.extract(text, id=want["id"])) == canonical(want)
        assert canonical(per_doc.extract(text, id=want["id"], date="2021-03-16")) == canonical(want)
        assert canonical(from_many) == canonical(want)


def test_bare_text_has_no_id_and_json_round_trips():
    rec = dipnews.Extractor().extract("Министр иностранных дел России провел переговоры с министром иностранных дел Китая.")
    assert "id" not in rec
    assert json.loads(json.dumps(rec)) == rec
    assert [s["iso2"] for s in rec["states"]] == ["RU", "CN"]
