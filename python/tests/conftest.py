"""Shared fixtures: where the repository, the shared data and the Rust
example binary are, and the binary's records for a set of texts."""

import json
import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("DIPNEWS_SHARED", REPO.parent / "shared")).resolve()
BINARY = REPO / "target" / "release" / "examples" / "extract"


def shared_path(*parts: str) -> Path:
    """A path under the shared data, or a skip (with the reason shown by
    `pytest -rs`) when the shared folder is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: the comparison with the Rust binary on this set is not run")
    return path


@pytest.fixture(scope="session")
def binary() -> Path:
    """The Rust example binary, built here if it is not yet."""
    if not BINARY.exists():
        subprocess.run(
            ["cargo", "build", "--release", "--example", "extract"], cwd=REPO, check=True
        )
    return BINARY


def binary_records(binary: Path, path: Path, *options: str) -> list:
    """The binary's JSON records for a file or a folder, in its order."""
    out = subprocess.run(
        [str(binary), *options, str(path)], capture_output=True, text=True, check=True
    ).stdout
    return [json.loads(line) for line in out.splitlines()]


def canonical(record: dict) -> str:
    """The form compared: JSON with sorted keys, text as written."""
    return json.dumps(record, sort_keys=True, ensure_ascii=False)


def byte_spans_to_chars(record, text: str):
    """The binary's record with its spans turned into character offsets, by
    decoding the text's bytes before each offset (independent of the Rust
    conversion under test). Spans are the values under a "span" key and the
    values of "evidence". A record in character offsets says so: "offsets":
    "chars", as the library's `EventRecord::to_char_offsets` writes it."""
    data = text.encode("utf-8")

    def chars(offset: int) -> int:
        return len(data[:offset].decode("utf-8"))

    def convert(value, is_span=False):
        if is_span:
            return None if value is None else [chars(value[0]), chars(value[1])]
        if isinstance(value, dict):
            return {
                k: (
                    {e: convert(s, True) for e, s in v.items()}
                    if k == "evidence"
                    else convert(v, k == "span")
                )
                for k, v in value.items()
            }
        if isinstance(value, list):
            return [convert(v) for v in value]
        return value

    return {**convert(record), "offsets": "chars"}
