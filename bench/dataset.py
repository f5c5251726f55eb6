"""Make a scaled copy of the demo data for benchmarks: N workstreams and M actions, renumbered.

python bench/dataset.py bench/data/10x --werkstromen 130 --acties 860
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path
from typing import Any

import yaml

DEMO = Path(__file__).resolve().parent.parent / "status"


def make(target: Path, *, werkstromen: int, acties: int) -> Path:
    """Write a dataset into ``target`` (replaced if it exists) and return it."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(DEMO, target, ignore=shutil.ignore_patterns("werkstromen", "acties"))
    (target / "werkstromen").mkdir()
    (target / "acties").mkdir()
    ws_sources = [_load(p) for p in sorted((DEMO / "werkstromen").glob("*.yaml"))]
    for number in range(1, werkstromen + 1):
        document = dict(ws_sources[(number - 1) % len(ws_sources)])
        document["nummer"] = number
        document["opdrachten"] = [
            {**opdracht, "nummer": f"{number}.{index}", "afhankelijkheden": []}
            for index, opdracht in enumerate(document["opdrachten"], start=1)
        ]
        _dump(target / "werkstromen" / f"{number:03d}-werkstroom.yaml", document)
    actie_sources = [_load(p) for p in sorted((DEMO / "acties").glob("*.yaml"))]
    for number in range(1, acties + 1):
        document = {**actie_sources[(number - 1) % len(actie_sources)], "nummer": number}
        _dump(target / "acties" / f"{number:04d}-actie.yaml", document)
    return target


def _load(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return loaded


def _dump(path: Path, document: dict[str, Any]) -> None:
    path.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), encoding="utf-8")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path)
    parser.add_argument("--werkstromen", type=int, default=130)
    parser.add_argument("--acties", type=int, default=860)
    args = parser.parse_args()
    make(args.target, werkstromen=args.werkstromen, acties=args.acties)
