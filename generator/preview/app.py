"""The preview's web application: Starlette routes, a watchfiles watcher and Server-Sent Events.

Starlette and uvicorn are an established ASGI stack with streaming responses, which SSE needs;
watchfiles (Rust's notify) reports changes as the file system does, without a polling loop of
our own. A change is followed by one rebuild in a worker thread; each open page then hears the
new version, which slides changed, and the diagnostics, and fetches only those slides.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from pathlib import Path

import anyio
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from starlette.routing import Route
from watchfiles import awatch

from generator.preview import page
from generator.preview.state import Preview, Snapshot
from generator.render.typography.fontfiles import FONT_FILES, font_folder

#: the data files the source pages show
SOURCES = (".yaml", ".yml", ".md")
#: a comment sent to an idle event stream, so that proxies and browsers keep it open
KEEP_ALIVE = 15.0


class Hub:
    """The open event streams; each gets every message."""

    def __init__(self) -> None:
        self.queues: set[asyncio.Queue[str]] = set()

    def subscribe(self) -> asyncio.Queue[str]:
        queue: asyncio.Queue[str] = asyncio.Queue()
        self.queues.add(queue)
        return queue

    def unsubscribe(self, queue: asyncio.Queue[str]) -> None:
        self.queues.discard(queue)

    def publish(self, message: str) -> None:
        for queue in self.queues:
            queue.put_nowait(message)


def message(snapshot: Snapshot, root: Path) -> str:
    return json.dumps(
        {
            "version": snapshot.version,
            "changed": list(snapshot.changed),
            "count": len(snapshot.slides),
            "stale": snapshot.stale,
            "diagnostics": page.diagnostics(snapshot, root),
        }
    )


class Endpoints:
    """What the preview's pages ask for: each method answers one route."""

    def __init__(self, preview: Preview, hub: Hub) -> None:
        self.preview = preview
        self.hub = hub
        self.root = preview.root

    async def watch(self, stop: anyio.Event) -> None:
        # step: how long the folder must be quiet before the changes are reported (an editor
        # writes a file in a few steps); debounce: the longest they are held together
        async for _ in awatch(self.root, stop_event=stop, step=20, debounce=400):
            snapshot = await anyio.to_thread.run_sync(self.preview.rebuild)
            self.hub.publish(message(snapshot, self.root))

    @contextlib.asynccontextmanager
    async def lifespan(self, app: Starlette) -> AsyncIterator[None]:
        if not self.preview.snapshot.version:
            await anyio.to_thread.run_sync(self.preview.rebuild)
        stop = anyio.Event()
        async with anyio.create_task_group() as tasks:
            tasks.start_soon(self.watch, stop)
            try:
                yield
            finally:
                stop.set()
                for queue in self.hub.queues:
                    queue.put_nowait("")  # ends the open streams
                tasks.cancel_scope.cancel()

    def reports(self) -> list[str]:
        return self.preview.reports()

    async def deck(self, request: Request) -> Response:
        return HTMLResponse(page.deck_page(self.preview.snapshot, self.reports(), self.root))

    async def slide(self, request: Request) -> Response:
        snapshot = self.preview.snapshot
        number = request.path_params["number"]
        if not 1 <= number <= len(snapshot.slides):
            return HTMLResponse("<p>There is no such slide.</p>", status_code=404)
        return HTMLResponse(page.slide_page(snapshot, number, self.reports(), self.root))

    async def slide_svg(self, request: Request) -> Response:
        snapshot = self.preview.snapshot
        number = request.path_params["number"]
        if not 1 <= number <= len(snapshot.slides):
            return Response("no such slide", status_code=404)
        return Response(snapshot.slides[number - 1].svg, media_type="image/svg+xml")

    async def sorter(self, request: Request) -> Response:
        return HTMLResponse(page.sorter(self.preview.snapshot))

    async def document(self, request: Request) -> Response:
        report = request.path_params.get("report")
        name = "actietabel" if report is None else f"rapportage/{report}"
        if report is not None and report not in self.reports():
            return HTMLResponse("<p>There is no such report.</p>", status_code=404)
        pages = await anyio.to_thread.run_sync(self.preview.pages, name)
        if request.url.path.startswith("/fragment/"):
            return HTMLResponse(page.pages_fragment(pages))
        title = "Actietabel" if report is None else f"Rapportage {report}"
        snapshot = self.preview.snapshot
        return HTMLResponse(
            page.pages_page(snapshot, title, name, pages, self.reports(), self.root)
        )

    async def source(self, request: Request) -> Response:
        name = request.path_params["name"]
        file = (self.root / name).resolve()
        if (
            not file.is_relative_to(self.root.resolve())
            or file.suffix not in SOURCES
            or not file.is_file()
        ):
            return HTMLResponse("<p>There is no such data file.</p>", status_code=404)
        text = file.read_text("utf-8", errors="replace")
        snapshot = self.preview.snapshot
        return HTMLResponse(page.source_page(snapshot, name, text, self.reports(), self.root))

    async def font(self, request: Request) -> Response:
        name = request.path_params["name"]
        if name not in FONT_FILES.values():
            return Response("no such font", status_code=404)
        data = font_folder().joinpath(name).read_bytes()
        return Response(data, media_type="font/ttf", headers={"Cache-Control": "max-age=3600"})

    async def status(self, request: Request) -> Response:
        snapshot = self.preview.snapshot
        return JSONResponse(
            {
                "version": snapshot.version,
                "slides": len(snapshot.slides),
                "stale": snapshot.stale,
                "errors": sum(1 for d in snapshot.diagnostics if d.severity.value == "error"),
                "seconds": snapshot.seconds,
                "parsed": snapshot.parsed,
            }
        )

    async def events(self, request: Request) -> Response:
        return StreamingResponse(
            self._stream(self.hub.subscribe()),
            media_type="text/event-stream",
            headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
        )

    async def _stream(self, queue: asyncio.Queue[str]) -> AsyncIterator[str]:
        try:
            yield "retry: 1000\n\n"
            while True:
                try:
                    data = await asyncio.wait_for(queue.get(), KEEP_ALIVE)
                except TimeoutError:
                    yield ": still here\n\n"
                    continue
                if not data:
                    return
                yield f"data: {data}\n\n"
        finally:
            self.hub.unsubscribe(queue)


def create_app(preview: Preview) -> Starlette:
    at = Endpoints(preview, Hub())
    routes = [
        Route("/", at.deck),
        Route("/dia/{number:int}", at.slide),
        Route("/dia/{number:int}.svg", at.slide_svg),
        Route("/fragment/sorter", at.sorter),
        Route("/actietabel", at.document),
        Route("/fragment/actietabel", at.document),
        Route("/rapportage/{report}", at.document),
        Route("/fragment/rapportage/{report}", at.document),
        Route("/bron/{name:path}", at.source),
        Route("/fonts/{name}", at.font),
        Route("/status", at.status),
        Route("/events", at.events),
    ]
    return Starlette(routes=routes, lifespan=at.lifespan)
