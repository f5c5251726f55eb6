"""A review as JSON, for tools: everything, never summarised."""

from __future__ import annotations

import json
from typing import Any

from generator.domain.review import Review


def as_json(review: Review) -> dict[str, Any]:
    return {
        "base": review.base,
        "head": review.head,
        "summary": review.summary,
        "counts": review.counts(),
        "invalid": [{"side": side, "message": message} for side, message in review.invalid],
        "groups": [
            {"title": g.title, "changes": [c.as_json() for c in g.changes]} for g in review.groups
        ],
    }


def render(review: Review) -> bytes:
    """The review as indented JSON, names and all as they are in it."""
    return (json.dumps(as_json(review), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
