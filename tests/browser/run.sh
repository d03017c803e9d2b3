#!/usr/bin/env bash
# The HTML views in a real browser (headless Chromium from Debian's
# `chromium` package, installed when missing): renders the seed, a copied
# web page and a hostile text, loads each page, and checks from the DOM the
# browser built that every mention of the record is marked with its role,
# that the hostile text ran no script and added no element, and that the
# policy blocked nothing of the page's own. Then the index of a run over
# ../shared/data/dev (60 rows, the chart, the matrix; skipped with a notice
# when ../shared is absent). Screenshots: target/browser/shots/.
#
#   bash tests/browser/run.sh [SHARED_DIR]
#
# UPDATE_DOCS=1 also copies the seed page's screenshot to docs/.
set -euo pipefail
cd "$(dirname "$0")/../.."
shared="${1:-${DIPNEWS_SHARED:-../shared}}"
out=target/browser
nice="nice -n 15"

if ! command -v chromium >/dev/null; then
  echo "== installing chromium"
  if ! { apt-get update && apt-get install -y chromium; }; then
    echo "tests/browser: cannot install chromium" >&2
    exit 1
  fi
fi

echo "== unit and property tests of the HTML views"
$nice cargo test --features html --test html

echo "== release build of the dipnews command (it writes the pages with --html)"
$nice cargo build --release -p dipnews-cli

rm -rf "$out"
mkdir -p "$out/in" "$out/shots" "$out/dom"
cp examples/data/khovar-cis-consultations.txt "$out/in/seed.txt"
cp tests/data/web-page.txt "$out/in/web-page.txt"
cp tests/data/hostile.txt "$out/in/hostile.txt"
# A NUL byte too, which a text file in git should not hold.
printf 'МОСКВА, 6 октября. /ТАСС/. Лавров\000 провел переговоры с главой МИД Таджикистана.\000\n' > "$out/in/nul.txt"
web="$shared/data/web/web-001-tass-phone_call.txt"
if [ -f "$web" ]; then cp "$web" "$out/in/web-001.txt"; fi

target/release/dipnews --html "$out/pages" "$out/in" > "$out/records.jsonl"
# The article pages in input order (their names are numbered), then the index.
{ ls "$out/pages"/[0-9]*.html; echo "$out/pages/index.html"; } > "$out/pages.txt"

# Loads one page (NAME: the page's file name by default): its DOM to $out/dom/NAME.html, the console (policy
# reports included) to $out/dom/NAME.log, a screenshot to $out/shots/NAME.png.
load() {
  local page="$1" name="${2:-$(basename "$1" .html)}"
  local url="file://$(realpath "$page")"
  local flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --enable-logging=stderr --v=0)
  $nice chromium "${flags[@]}" --dump-dom "$url" > "$out/dom/$name.html" 2> "$out/dom/$name.log"
  $nice chromium "${flags[@]}" --window-size=1280,1400 --screenshot="$out/shots/$name.png" "$url" \
    >/dev/null 2>&1
  test -s "$out/dom/$name.html" && test -s "$out/shots/$name.png"
}

echo "== loading the pages in chromium"
while read -r page; do load "$page"; done < "$out/pages.txt"
python3 tests/browser/check.py pages "$out"

if [ -d "$shared/data/dev" ]; then
  echo "== the index of a run over $shared/data/dev"
  target/release/dipnews --html "$out/dev" "$shared/data/dev" > /dev/null
  load "$out/dev/index.html" dev-index
  python3 tests/browser/check.py dev-index "$out" 60
else
  echo "NOTICE: no $shared/data/dev: the index of the dev run is not checked" >&2
fi

if [ "${UPDATE_DOCS:-}" = 1 ]; then
  cp "$out/shots/0"*"-seed.png" docs/seed-page.png
fi
echo "browser: all checks passed"
