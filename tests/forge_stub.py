"""Stand-ins for the programs a CI example calls that would reach outside this machine: ``gh``
(GitHub's API), ``curl`` (GitLab's API), ``pip`` (the install from the repository's tag) and
``apt-get``/``sudo``. Each records what it was asked in FORGE_LOG (one JSON line per call); the
forges keep their comments in FORGE_STATE, so a second run sees what the first one posted.

Run as ``python forge_stub.py PROGRAM ARGS...`` from a wrapper named PROGRAM on PATH.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import urllib.parse
from pathlib import Path
from typing import Any

BOT = "github-actions[bot]"


def _log(program: str, args: list[str], **details: Any) -> None:
    with open(os.environ["FORGE_LOG"], "a", encoding="utf-8") as log:
        log.write(json.dumps({"program": program, "args": args, **details}) + "\n")


def _state() -> dict[str, Any]:
    path = Path(os.environ["FORGE_STATE"])
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"comments": []}


def _save(state: dict[str, Any]) -> None:
    Path(os.environ["FORGE_STATE"]).write_text(json.dumps(state, indent=1), encoding="utf-8")


def _new_id(state: dict[str, Any]) -> int:
    return max((c["id"] for c in state["comments"]), default=1000) + 1


def gh(args: list[str]) -> int:
    """``gh api [--method M] [--paginate] ENDPOINT [--jq EXPR] [-F body=@FILE]``."""
    if not args or args[0] != "api":
        _log("gh", args, refused=True)
        return 2
    method, endpoint, jq, fields = "GET", "", None, {}
    rest = iter(args[1:])
    for arg in rest:
        if arg in ("--method", "-X"):
            method = next(rest)
        elif arg == "--jq":
            jq = next(rest)
        elif arg in ("-F", "--field", "-f", "--raw-field"):
            key, _, value = next(rest).partition("=")
            fields[key] = Path(value[1:]).read_text() if value.startswith("@") else value
        elif arg == "--paginate":
            pass
        else:
            endpoint = arg
    _log("gh", args, method=method, endpoint=endpoint, fields=fields)
    state = _state()
    listing = re.fullmatch(r"repos/[^/]+/[^/]+/issues/(\d+)/comments", endpoint)
    single = re.fullmatch(r"repos/[^/]+/[^/]+/issues/comments/(\d+)", endpoint)
    if listing and method == "GET":
        found: Any = [c for c in state["comments"] if c["issue"] == int(listing[1])]
    elif listing and method == "POST":
        found = {"id": _new_id(state), "issue": int(listing[1]), "user": {"login": BOT},
                 "body": fields["body"]}  # fmt: skip
        state["comments"].append(found)
    elif single and method == "PATCH":
        (found,) = [c for c in state["comments"] if c["id"] == int(single[1])]
        found["body"] = fields["body"]
    else:
        print(f"gh: no such API call in the stub: {method} {endpoint}", file=sys.stderr)
        return 1
    _save(state)
    text = json.dumps(found)
    if jq is not None:
        text = subprocess.run(
            ["jq", "-r", jq], input=text, capture_output=True, text=True, check=True
        ).stdout
    sys.stdout.write(text)
    return 0


def curl(args: list[str]) -> int:
    """``curl -sSf [--request M] --header H [--data-urlencode body@FILE] URL``."""
    method, url, headers, body = "GET", "", [], None
    rest = iter(args)
    for arg in rest:
        if arg in ("--request", "-X"):
            method = next(rest)
        elif arg in ("--header", "-H"):
            headers.append(next(rest))
        elif arg == "--data-urlencode":
            key, _, value = next(rest).partition("@")
            assert key == "body", arg
            body = Path(value).read_text()
            method = "POST" if method == "GET" else method
        elif not arg.startswith("-"):
            url = arg
    _log("curl", args, method=method, url=url, headers=headers, body=body)
    if f"PRIVATE-TOKEN: {os.environ.get('STATUSGEN_TOKEN')}" not in headers:
        print("curl: (22) The requested URL returned error: 401", file=sys.stderr)
        return 22
    path = urllib.parse.urlsplit(url).path
    match = re.fullmatch(r"/api/v4/projects/(\d+)/merge_requests/(\d+)/notes(?:/(\d+))?", path)
    if match is None:
        print("curl: (22) The requested URL returned error: 404", file=sys.stderr)
        return 22
    state = _state()
    iid, note = int(match[2]), match[3]
    if method == "GET" and note is None:
        found: Any = [c for c in state["comments"] if c["issue"] == iid]
    elif method == "POST" and note is None and body is not None:
        found = {"id": _new_id(state), "issue": iid, "body": body, "author": {"username": "bot"}}
        state["comments"].append(found)
    elif method == "PUT" and note is not None and body is not None:
        (found,) = [c for c in state["comments"] if c["id"] == int(note)]
        found["body"] = body
    else:
        print("curl: (22) The requested URL returned error: 400", file=sys.stderr)
        return 22
    _save(state)
    sys.stdout.write(json.dumps(found))
    return 0


def pip(args: list[str]) -> int:
    """The install from the repository's tag becomes the install of the locally built wheel."""
    _log("pip", args)
    wanted = os.environ["FORGE_REQUIREMENT"]
    if args[:1] != ["install"] or wanted not in args:
        print(f"pip stub: expected 'pip install ... {wanted!r}', got {args}", file=sys.stderr)
        return 1
    command = [sys.executable, "-m", "pip", "--python", os.environ["FORGE_PYTHON"],
               "install", "-q", "--no-deps", os.environ["FORGE_WHEEL"]]  # fmt: skip
    return subprocess.run(command, check=False).returncode


def main() -> int:
    program, args = sys.argv[1], sys.argv[2:]
    if program == "sudo":
        return subprocess.run(args, check=False).returncode
    if program == "apt-get":
        _log("apt-get", args)
        return 0
    handlers = {"gh": gh, "curl": curl, "pip": pip}
    return handlers[program](args)


if __name__ == "__main__":
    sys.exit(main())
