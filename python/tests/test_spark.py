"""The Spark example in local mode on the dev articles: one row per article,
each row's record equal to the Rust binary's (with or without a date)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import binary_records, canonical, shared_path

pytest.importorskip("pyspark")
pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "spark_extract.py"
DATE = "2021-03-16"


def test_spark_example_on_the_dev_articles(binary, tmp_path):
    dev = shared_path("data", "dev")
    plain = binary_records(binary, dev)
    dated = {r["id"]: r for r in binary_records(binary, dev, "--date", DATE)}
    # Every other article carries a publication date.
    dates = {r["id"]: DATE if k % 2 else None for k, r in enumerate(plain)}
    articles = pd.DataFrame(
        {
            "id": list(dates),
            "text": [open(r["id"], encoding="utf-8").read() for r in plain],
            "date": list(dates.values()),
        }
    )
    articles.to_parquet(tmp_path / "articles.parquet")
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    subprocess.run(
        [
            sys.executable,
            str(EXAMPLE),
            str(tmp_path / "articles.parquet"),
            str(tmp_path / "records"),
            "--master",
            "local[2]",
        ],
        check=True,
        env=env,
        timeout=600,
    )
    rows = pd.read_parquet(tmp_path / "records")
    assert sorted(rows["id"]) == sorted(articles["id"])
    for _, row in rows.iterrows():
        want = dated[row["id"]] if dates[row["id"]] else next(r for r in plain if r["id"] == row["id"])
        assert canonical(json.loads(row["record"])) == canonical(want), row["id"]
        assert row["kind"] == want["kind"]
        assert row["format"] == want["format"]
        assert row["date_start"] == (want["date"] or {}).get("start")
        assert list(row["states"]) == [s["iso2"] for s in want["states"]]
        assert list(row["participants"]) == [
            e.get("iso2") or e["id"]
            for e in want["states"] + want["organizations"]
            if e["role"] == "participant"
        ]
    # The dev set is diplomatic news: most rows have participants and a kind.
    assert (rows["kind"] != "other").sum() > len(rows) // 2
    assert sum(len(p) > 0 for p in rows["participants"]) > len(rows) // 2
    # The date column was used: some dated rows differ from the undated binary.
    assert any(
        canonical(dated[r["id"]]) != canonical(r) for r in plain if dates[r["id"]]
    )
