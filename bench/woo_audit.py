"""Measure the Woo audit: recall and false positives on labelled sentences, and its time.

    python bench/woo_audit.py [--runs 5] [--no-timing]

The sentences are tests/fixtures/woo/zinnen.yaml: status texts in the seeds' style with
fictional civil servants (to be reported), public officials and registered people (not to be
reported), organisations and words that are also surnames. Each sentence becomes the stand van
zaken of an action in a copy of the small test dataset, with the fixture's registry and publiek
list in its organisatie.yaml, and the dataset is audited as `check --openbaar` audits it.

- recall: the labelled names (namen) that a finding covers, of all labelled names;
- false positives: findings that cover no labelled name, split into public officials and
  registered people that were reported anyway (should be none) and everything else.

Then the time of `statusgen check --openbaar` on the demo data against plain `check` (a new
process each run, the lookup structures cached), and of the first build of deduce's lookup
structures (an empty cache folder).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from timing import times

from generator.load.dataset import load
from generator.load.diagnostics import Diagnostics
from generator.progress import Say
from generator.publish import audit, detector

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "woo" / "zinnen.yaml"
VALID = ROOT / "tests" / "fixtures" / "valid"
DEMO = ROOT / "status"
STATUSGEN = [sys.executable, "-m", "generator"]


def dataset_of(sentences: list[dict[str, Any]], fixture: dict[str, Any], target: Path) -> Path:
    """A copy of the small valid dataset with one action per sentence (acties/1NN-zin.yaml)."""
    shutil.copytree(VALID, target)
    organisatie = yaml.safe_load((target / "organisatie.yaml").read_text(encoding="utf-8"))
    organisatie["personen"] += fixture["personen"]
    organisatie["publiek"] = fixture["publiek"]
    (target / "organisatie.yaml").write_text(
        yaml.safe_dump(organisatie, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    for index, sentence in enumerate(sentences, start=1):
        actie = {
            "nummer": 100 + index,
            "sectie": "Zinnen",
            "omschrijving": f"Zin {index}",
            "status": "loopt",
            "stand_van_zaken": sentence["zin"],
        }
        (target / "acties" / f"{100 + index}-zin.yaml").write_text(
            yaml.safe_dump(actie, allow_unicode=True, sort_keys=False, width=1000),
            encoding="utf-8",
        )
    return target


def _span(sentence: str, text: str) -> tuple[int, int]:
    start = sentence.find(text)
    if start < 0:
        raise SystemExit(f"'{text}' is not in: {sentence}")
    return start, start + len(text)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score(say: Say) -> dict[str, Any]:
    fixture = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    sentences = fixture["zinnen"]
    with tempfile.TemporaryDirectory() as tmp:
        root = dataset_of(sentences, fixture, Path(tmp) / "status")
        diagnostics = Diagnostics()
        dataset = load(root, diagnostics)
        if diagnostics.errors:
            raise SystemExit("\n".join(d.human() for d in diagnostics.errors))
        names = detector.load(say)
        started = time.perf_counter()
        found = audit.audit(dataset, names).findings
        elapsed = time.perf_counter() - started
    by_file: dict[str, list[audit.Finding]] = {}
    for finding in found:
        by_file.setdefault(finding.relative, []).append(finding)
    names = hits = 0
    officials = registered = other = 0
    missed: list[str] = []
    wrong: list[str] = []
    for index, sentence in enumerate(sentences, start=1):
        text = sentence["zin"]
        spans = [_span(text, f.name) for f in by_file.get(f"acties/{100 + index}-zin.yaml", [])]
        for label in sentence.get("namen", []):
            names += 1
            if any(_overlap(_span(text, label), s) for s in spans):
                hits += 1
            else:
                missed.append(f"{label!r} in: {text}")
        private = [_span(text, label) for label in sentence.get("namen", [])]
        public = [_span(text, label) for label in sentence.get("publiek", [])]
        known = [_span(text, label) for label in sentence.get("geregistreerd", [])]
        for span in spans:
            if any(_overlap(span, p) for p in private):
                continue
            if any(_overlap(span, p) for p in public):
                officials += 1
            elif any(_overlap(span, p) for p in known):
                registered += 1
            else:
                other += 1
            wrong.append(f"{text[span[0] : span[1]]!r} in: {text}")
    outside = [f for f in found if not f.relative.startswith("acties/1")]
    return {
        "sentences": len(sentences),
        "names": names,
        "hits": hits,
        "officials": officials,
        "officials_total": sum(len(s.get("publiek", [])) for s in sentences),
        "registered": registered,
        "registered_total": sum(len(s.get("geregistreerd", [])) for s in sentences),
        "other": other,
        "missed": missed,
        "wrong": wrong,
        "outside": outside,
        "seconds": elapsed,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-timing", action="store_true")
    args = parser.parse_args()
    if not detector.available():
        raise SystemExit(f"the Woo audit needs deduce: {audit.INSTALL}")

    result = score(lambda text: print(text, file=sys.stderr))
    false_positives = result["officials"] + result["registered"] + result["other"]
    print(f"sentences: {result['sentences']}")
    print(
        f"recall: {result['hits']}/{result['names']} labelled names reported "
        f"({result['hits'] / result['names']:.0%})"
    )
    print(
        f"false positives: {false_positives} (public officials reported: "
        f"{result['officials']} of {result['officials_total']}, registered people reported: "
        f"{result['registered']} of {result['registered_total']}, other: {result['other']})"
    )
    for line in result["missed"]:
        print(f"  missed: {line}")
    for line in result["wrong"]:
        print(f"  false positive: {line}")
    for finding in result["outside"]:
        print(f"  also (in the base dataset): {finding.diagnostic().human()}")
    print(f"audit of the {result['sentences']} sentences: {result['seconds'] * 1000:.0f} ms")
    if args.no_timing:
        return

    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "STATUSGEN_CACHE": cache}
        started = time.perf_counter()
        subprocess.run(
            [*STATUSGEN, "check", "--data", str(DEMO), "--openbaar"],
            capture_output=True,
            check=False,
            env=env,
        )
        first = time.perf_counter() - started
    rows = [
        ("check, demo data", [*STATUSGEN, "check", "--data", str(DEMO)]),
        ("check --openbaar, demo data", [*STATUSGEN, "check", "--data", str(DEMO), "--openbaar"]),
    ]
    print(f"\n{'what':45} {'median':>8} {'best':>8}")
    print(f"{'check --openbaar, first use (empty cache)':45} {first:8.3f} {'':>8}")
    for label, command in rows:
        found = times(command, args.runs, ok=(0, 1))
        print(f"{label:45} {statistics.median(found):8.3f} {min(found):8.3f}")


if __name__ == "__main__":
    main()
