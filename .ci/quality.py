#!/usr/bin/env python3
"""Runs the release example binary over the seed, the dev set and NEREL dev,
scores it with the project's scorer, and fails when a figure falls below its
floor (the floors the issues set; see README, Quality)."""
import json
import os
import subprocess
import sys

shared = sys.argv[1] if len(sys.argv) > 1 else "../shared"
# The example binary; CI uses the debug build `cargo test` leaves.
binary = os.environ.get("DIPNEWS_EXTRACT", "target/release/examples/extract")
score = os.path.join(shared, "tools", "score.py")

FLOORS = {
    "seed": {"record.exact": 1.0},
    "dev": {
        "dateline.city": 0.98, "dateline.date": 0.98, "dateline.agency": 0.98, "headline": 0.98,
        "kind": 0.98, "format": 0.98, "date": 0.98, "location": 0.98,
        "states.participants": 0.98, "orgs.participants": 0.98, "follow_ups": 0.95, "record.exact": 0.95,
    },
    "nerel": {"states.doc_set": 0.98, "states.mentions.overlap": 0.95, "orgs.doc_set": 0.92},
    # The parties of real news' events (issue 11).
    "nerel-train": {"states.event_participants(diplomatic docs)": 0.75},
    # Pages as users copy them (issues 10 and 11).
    "web": {
        "headline": 0.95, "dateline.present": 0.97,
        "dateline.city": 0.95, "dateline.date": 0.95, "dateline.agency": 0.95,
        "states.any_role": 0.97, "kind": 0.90, "date": 0.85, "format": 0.90, "location": 0.80,
        "states.participants": 0.93, "orgs.participants": 0.80, "follow_ups": 0.70, "record.exact": 0.50,
    },
}

SETS = {
    "seed": ([os.path.join(shared, "seed", "khovar-cis-consultations.txt")],
             os.path.join(shared, "seed", "khovar-cis-consultations.gold.jsonl"), []),
    "dev": ([os.path.join(shared, "data", "dev")], os.path.join(shared, "data", "dev", "gold.jsonl"), []),
    "web": ([os.path.join(shared, "data", "web")], os.path.join(shared, "data", "web", "gold.jsonl"), []),
    "nerel": ([os.path.join(shared, "data", "nerel", "dev")], os.path.join(shared, "data", "nerel", "dev.gold.jsonl"),
              ["--texts", os.path.join(shared, "data", "nerel", "dev")]),
    "nerel-train": ([os.path.join(shared, "data", "nerel", "train")],
                    os.path.join(shared, "data", "nerel", "train.gold.jsonl"), []),
}

failed = False
for name, (inputs, gold, extra) in SETS.items():
    pred = subprocess.run([binary, *inputs], check=True, capture_output=True, text=True).stdout
    path = f"target/ci-{name}.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        f.write(pred)
    out = subprocess.run([sys.executable, score, path, gold, "--json", *extra], check=True, capture_output=True, text=True)
    rows = json.loads(out.stdout)
    for metric, floor in FLOORS[name].items():
        row = rows[metric]
        value = row["acc"] if "acc" in row else row["F1"]
        ok = value is not None and value >= floor
        failed |= not ok
        print(f"{'ok  ' if ok else 'FAIL'} {name:<11} {metric:<28} {value} (floor {floor})")
sys.exit(1 if failed else 0)
