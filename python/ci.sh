#!/usr/bin/env bash
# The Python package's CI: a fresh virtualenv under target/, the test tools
# from PyPI, the wheel built by maturin and installed, then pytest. Runs
# unattended (CI=true, no standard input, as root). Needs Rust, Python ≥ 3.9
# with venv, and Java 17 for the Spark test (installed from Debian if absent
# and we are root). The data-set comparisons skip, with a notice, when the
# shared folder (DIPNEWS_SHARED, default ../shared beside the repository) is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
export PIP_NO_INPUT=1 PIP_DISABLE_PIP_VERSION_CHECK=1
venv=target/python-ci
wheels=target/python-ci-wheels

if ! command -v java >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing Java 17 for the Spark test"
    DEBIAN_FRONTEND=noninteractive apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q openjdk-17-jre-headless
  else
    echo "no java: the Spark test will fail" >&2
  fi
fi

echo "== fresh virtualenv $venv"
rm -rf "$venv" "$wheels"
python3 -m venv "$venv"
# PySpark does not support pandas 3 yet.
"$venv/bin/pip" install -q maturin pytest pyspark pyarrow "pandas<3"

echo "== the Rust example binary (the tests compare with it)"
cargo build --release --example extract

echo "== wheel"
"$venv/bin/maturin" build --release --manifest-path python/Cargo.toml --interpreter "$venv/bin/python" --out "$wheels"
"$venv/bin/pip" install -q "$wheels"/dipnews-*.whl

echo "== pytest"
cd python
../"$venv"/bin/python -m pytest -rs tests
