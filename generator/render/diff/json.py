"""A review as JSON, for tools: everything, never summarised."""

from __future__ import annotations

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
