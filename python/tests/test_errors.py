"""Bad input raises Python exceptions carrying the Rust library's message."""

import pytest

import dipnews


def test_error_is_a_value_error():
    assert issubclass(dipnews.Error, ValueError)


@pytest.mark.parametrize("bad", ["2021-13-01", "2021", "16.03.2021", ""])
def test_bad_reference_date(bad):
    with pytest.raises(dipnews.Error, match="invalid option"):
        dipnews.Extractor(reference_date=bad)
    with pytest.raises(dipnews.Error):
        dipnews.Extractor().extract("Россия", date=bad)
    with pytest.raises(dipnews.Error):
        dipnews.Extractor().extract_many([("Россия", None, bad)])


def test_date_of_the_wrong_type():
    with pytest.raises(TypeError):
        dipnews.Extractor(reference_date=20210316)


def test_missing_gazetteer_folder(tmp_path):
    missing = tmp_path / "nowhere"
    with pytest.raises(dipnews.Error, match="not a directory") as e:
        dipnews.Extractor(gazetteers=missing)
    assert str(missing) in str(e.value)


def test_malformed_gazetteer_row(tmp_path):
    (tmp_path / "states.tsv").write_text("iso2\twikidata\tname\tnames\tadjectives\nXX\n", encoding="utf-8")
    with pytest.raises(dipnews.Error, match=r"states\.tsv:2"):
        dipnews.Extractor(gazetteers=str(tmp_path))


def test_custom_gazetteer_folder_extends_the_embedded_one(tmp_path):
    # A row with a known id adds its names to that state.
    text = "Глава МИД Ниппонии провел переговоры с Сергеем Лавровым в Москве."
    assert "JP" not in [s["iso2"] for s in dipnews.Extractor().extract(text)["states"]]
    (tmp_path / "states.tsv").write_text(
        "iso2\twikidata\tname\tnames\tadjectives\nJP\tQ17\tЯпония\tНиппония\t\n",
        encoding="utf-8",
    )
    states = dipnews.Extractor(gazetteers=tmp_path).extract(text)["states"]
    assert "JP" in [s["iso2"] for s in states]
    assert [m["text"] for s in states if s["iso2"] == "JP" for m in s["mentions"]] == ["Ниппонии"]


def test_wrong_types():
    ex = dipnews.Extractor()
    with pytest.raises(TypeError):
        ex.extract(b"bytes are not text")
    with pytest.raises(TypeError):
        ex.extract_many(["ok", 42])
    with pytest.raises(TypeError):
        ex.extract_many([{"id": "no text"}])
    with pytest.raises(TypeError):
        ex.extract_many(42)
