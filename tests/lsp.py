"""A small Language Server Protocol client (JSON-RPC over stdio), to drive yaml-language-server
as an editor does: open a document, wait for its diagnostics, ask for completions."""

from __future__ import annotations

import json
import queue
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

#: what VS Code's YAML extension sends; the schema comes from each file's modeline
SETTINGS = {
    "yaml": {
        "validate": True,
        "completion": True,
        "hover": True,
        "format": {"enable": False},
        "schemaStore": {"enable": False},
        "schemas": {},
    }
}


class Client:
    def __init__(self, command: list[str], root: Path) -> None:
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.diagnostics: dict[str, list[dict[str, Any]]] = {}
        self._next = 0
        threading.Thread(target=self._read, args=(self.process.stdout,), daemon=True).start()
        self.request(
            "initialize",
            {
                "processId": None,
                "rootUri": root.as_uri(),
                "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
                "capabilities": {
                    "workspace": {"configuration": True, "didChangeConfiguration": {}},
                    "textDocument": {
                        "completion": {"completionItem": {"snippetSupport": False}},
                        "publishDiagnostics": {},
                        "synchronization": {},
                    },
                },
            },
        )
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": SETTINGS})

    def _read(self, stream: IO[bytes] | None) -> None:
        assert stream is not None
        while True:
            length = 0
            while True:
                line = stream.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            self.messages.put(json.loads(stream.read(length)))

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self._send({"method": method, "params": params})

    def _answer(self, message: dict[str, Any]) -> None:
        """The server's own requests: settings for each section asked, and acknowledgements."""
        result: Any = None
        if message["method"] == "workspace/configuration":
            result = [
                SETTINGS.get(item.get("section", ""), SETTINGS["yaml"])
                for item in message["params"]["items"]
            ]
        self._send({"id": message["id"], "result": result})

    def _take(self, timeout: float) -> dict[str, Any]:
        try:
            message = self.messages.get(timeout=timeout)
        except queue.Empty:
            raise TimeoutError("yaml-language-server did not answer") from None
        if "method" in message and "id" in message:
            self._answer(message)
        elif message.get("method") == "textDocument/publishDiagnostics":
            params = message["params"]
            self.diagnostics[params["uri"]] = params["diagnostics"]
        return message

    def request(self, method: str, params: dict[str, Any], timeout: float = 60) -> Any:
        self._next += 1
        number = self._next
        self._send({"id": number, "method": method, "params": params})
        while True:
            message = self._take(timeout)
            if message.get("id") == number and "method" not in message:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result")

    def open(
        self,
        file: Path,
        text: str,
        until: Callable[[list[dict[str, Any]]], bool] = lambda diagnostics: True,
        timeout: float = 60,
    ) -> list[dict[str, Any]]:
        """Open ``file`` with ``text`` (as typed, not saved) and return the diagnostics the
        server publishes for it, the first that satisfy ``until`` (or the last before a few
        seconds of silence, when none does)."""
        uri = file.as_uri()
        self.diagnostics.pop(uri, None)
        self.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}},
        )
        while uri not in self.diagnostics:
            self._take(timeout)
        while not until(self.diagnostics[uri]):
            try:
                self._take(5)
            except TimeoutError:
                break
        return self.diagnostics[uri]

    def complete(self, file: Path, line: int, character: int) -> list[dict[str, Any]]:
        result = self.request(
            "textDocument/completion",
            {
                "textDocument": {"uri": file.as_uri()},
                "position": {"line": line, "character": character},
            },
        )
        items: list[dict[str, Any]] = (
            result.get("items", []) if isinstance(result, dict) else result or []
        )
        return items

    def close(self) -> None:
        try:
            self.request("shutdown", {}, timeout=10)
            self.notify("exit", {})
            self.process.wait(timeout=10)
        except (TimeoutError, OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()
