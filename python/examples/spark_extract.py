"""Runs dipnews over a Parquet file of articles on Spark.

    python spark_extract.py ARTICLES.parquet RECORDS.parquet [--master local[2]]

ARTICLES has the columns ``id`` (string), ``text`` (string) and ``date``
(a ``YYYY-MM-DD`` string or a date, the day of publication; may be null).
RECORDS gets one row per article, in these columns:

- ``id``, ``kind``, ``status``, ``format``, ``title``;
- ``date_start``, ``date_end``: the main event's ISO dates (partial dates
  such as ``2021`` or ``--10-06`` stay as the contract writes them);
- ``location``: the venue's name; ``dateline_city``, ``dateline_date``,
  ``agency``: the agency dateline's;
- ``states``, ``organizations``: every state (ISO 3166-1 alpha-2) and
  organization id mentioned; ``participants``: those whose role is
  ``participant``;
- ``follow_ups``: how many follow-up events the article reports;
- ``record``: the whole record as the contract's JSON, spans in UTF-8 bytes
  (exactly what the Rust example binary prints, ``id`` included).

The articles are read in the executors with ``mapInPandas``: each Python
worker process builds one ``dipnews.Extractor`` and reuses it for every
batch of every task it runs; each task extracts on one thread, since Spark
already runs one task per core.
"""

import argparse
import json

import dipnews

SCHEMA = (
    "id string, kind string, status string, format string, title string, "
    "date_start string, date_end string, location string, "
    "dateline_city string, dateline_date string, agency string, "
    "states array<string>, organizations array<string>, participants array<string>, "
    "follow_ups int, record string"
)


def extractor() -> "dipnews.Extractor":
    """This worker process's extractor, built on first use.

    It is kept on the imported ``dipnews`` module, which lives as long as the
    (reused) Python worker; a global of this script would be pickled with the
    function and so rebuilt for every task."""
    ex = getattr(dipnews, "_spark_extractor", None)
    if ex is None:
        ex = dipnews.Extractor(byte_spans=True)
        dipnews._spark_extractor = ex
    return ex


def _date(value):
    """A date cell as dipnews takes it: None for a null (None, NaN, NaT, NA)."""
    import pandas as pd

    return None if pd.isna(value) else value


def row(record: dict) -> dict:
    """The output row of one record."""
    date = record["date"] or {}
    dateline = record["dateline"] or {}
    entities = record["states"] + record["organizations"]
    return {
        "id": record.get("id"),
        "kind": record["kind"],
        "status": record["status"],
        "format": record["format"],
        "title": record["title"],
        "date_start": date.get("start"),
        "date_end": date.get("end"),
        "location": (record["location"] or {}).get("name"),
        "dateline_city": (dateline.get("city") or {}).get("name"),
        "dateline_date": dateline.get("date"),
        "agency": (dateline.get("agency") or {}).get("id"),
        "states": [s["iso2"] for s in record["states"]],
        "organizations": [o["id"] for o in record["organizations"]],
        "participants": [e.get("iso2") or e["id"] for e in entities if e["role"] == "participant"],
        "follow_ups": len(record["follow_ups"]),
        "record": json.dumps(record, ensure_ascii=False),
    }


def extract_batches(batches):
    """mapInPandas: article batches in, record batches out."""
    import pandas as pd

    ex = extractor()
    for batch in batches:
        docs = [
            (text, id_, _date(date))
            for text, id_, date in zip(batch["text"], batch["id"], batch["date"])
        ]
        records = ex.extract_many(docs, threads=1)
        yield pd.DataFrame([row(r) for r in records], columns=[c.split()[0] for c in SCHEMA.split(", ")])


def run(spark, articles: str, records: str) -> None:
    """Reads ARTICLES, extracts in the executors, writes RECORDS."""
    df = spark.read.parquet(articles).select("id", "text", "date")
    df.mapInPandas(extract_batches, schema=SCHEMA).write.mode("overwrite").parquet(records)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("articles", help="Parquet file or folder with id, text, date")
    parser.add_argument("records", help="Parquet folder to write")
    parser.add_argument("--master", default=None, help="Spark master, e.g. local[2] (default: spark-submit's)")
    args = parser.parse_args()

    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("dipnews")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        run(spark, args.articles, args.records)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
