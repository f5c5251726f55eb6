"""Time the deck's pictures and the live preview (issue #26), beside LibreOffice's conversion
of the same deck in the same run.

    python bench/preview.py [--runs 10]

Measures, on the seed deck (bench/seed, 36 slides):
- every slide as SVG: lay out and draw, warm (the process has laid the deck out once) and
  cold (a new process: interpreter, imports and all);
- ``statusgen serve``, warm: from saving a workstream file to the updated slide fetched, as
  the page does it (the event over SSE, then the slide's SVG);
- ``statusgen diff --visual`` of a one-workstream change (a new process, git included);
- LibreOffice converting the same deck's PPTX to PDF (what a picture of a slide cost before).

Targets: save to slide under 300 ms; every SVG slide under 0.5 s; the visual diff under 3 s.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import queue
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from seed_deck import MEETING, SEED
from timing import wall

ROOT = Path(__file__).resolve().parents[1]
STATUSGEN = [sys.executable, "-m", "generator"]
WORKSTREAM = "werkstromen/01-klantreis.yaml"
TITLE = "titel: Ontwerpen integrale klantreis en vertaling naar kaders uitvoering"


def cpu(args: list[str]) -> float:
    """User and system CPU seconds of one run of ``args`` (what it costs on an idle machine;
    the wall time also counts waiting for a core on a busy one)."""
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    return usage.ru_utime + usage.ru_stime


def svg_in_process(runs: int) -> tuple[float, float]:
    from generator.load.dataset import load
    from generator.load.diagnostics import Diagnostics
    from generator.render.deck import lay_out
    from generator.render.deck.svg import draw_all
    from generator.render.deck.template import Template
    from generator.resources import template

    dataset = load(SEED, Diagnostics())
    meeting = next(m for m in dataset.items("vergadering") if m.datum.isoformat() == MEETING)
    opened = Template(template("default.pptx"))
    start = time.perf_counter()
    laid = lay_out(dataset, meeting, template=opened)
    middle = time.perf_counter()
    draw_all(laid)
    first = time.perf_counter() - start
    print(f"  first time: laying out {(middle - start) * 1000:.0f} ms, drawing", end=" ")
    print(f"{(time.perf_counter() - middle) * 1000:.0f} ms")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        drawn = draw_all(lay_out(dataset, meeting, template=opened))
        times.append(time.perf_counter() - start)
    print(f"  {len(drawn)} slides")
    return first, statistics.median(times)


def _events(port: int, into: queue.Queue[tuple[float, dict[str, object]]]) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port)
    connection.request("GET", "/events")
    answer = connection.getresponse()
    while True:
        line = answer.readline()
        if not line:
            return
        if line.startswith(b"data: "):
            into.put((time.perf_counter(), json.loads(line[6:])))


def serve_latency(runs: int, folder: Path) -> list[float]:
    data = folder / "seed"
    shutil.copytree(SEED, data)
    port = 8790 + os.getpid() % 100
    server = subprocess.Popen(
        [*STATUSGEN, "serve", "--data", str(data), "--port", str(port), "--vergadering", MEETING],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
    )
    try:
        for _ in range(200):
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
                connection.request("GET", "/status")
                connection.getresponse().read()
                break
            except OSError:
                time.sleep(0.1)
        heard: queue.Queue[tuple[float, dict[str, object]]] = queue.Queue()
        threading.Thread(target=_events, args=(port, heard), daemon=True).start()
        time.sleep(0.5)
        file = data / WORKSTREAM
        original = file.read_text("utf-8")
        latencies = []
        for run in range(runs + 1):  # the first is the warm-up
            changed = original.replace(TITLE, f"{TITLE} ({run})")
            start = time.perf_counter()
            file.write_text(changed if run % 2 == 0 else original, "utf-8")
            _, news = heard.get(timeout=30)
            fetch = http.client.HTTPConnection("127.0.0.1", port)
            for number in news["changed"]:  # type: ignore[attr-defined]
                fetch.request("GET", f"/dia/{number}.svg")
                fetch.getresponse().read()
            if run:
                latencies.append(time.perf_counter() - start)
            time.sleep(0.3)
        return latencies
    finally:
        server.terminate()
        server.wait(timeout=10)


def visual_diff(runs: int, folder: Path) -> float:
    repo = folder / "repo"
    shutil.copytree(SEED, repo / "seed")
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "b",
        "GIT_AUTHOR_EMAIL": "b@example.org",
        "GIT_COMMITTER_NAME": "b",
        "GIT_COMMITTER_EMAIL": "b@example.org",
    }

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)

    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-qm", "seed")
    git("checkout", "-q", "-b", "change")
    file = repo / "seed" / WORKSTREAM
    file.write_text(file.read_text("utf-8").replace("status: zorgen", "status: gestart", 1))
    git("commit", "-qam", "one workstream")
    out = folder / "visual"
    args = [*STATUSGEN, "diff", "main", "change", "--data", str(repo / "seed")]
    args += ["--vergadering", MEETING, "--visual", str(out)]
    took = wall(args, runs)
    print(f"  {len(list((out / 'deck').glob('*-na.png')))} slides drawn before and after")
    print(f"  CPU time: {cpu(args):.2f} s")
    return took


def libreoffice(folder: Path) -> float | None:
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    subprocess.run(
        [
            *STATUSGEN,
            "deck",
            "--data",
            str(SEED),
            "--output",
            str(folder),
            "--vergadering",
            MEETING,
        ],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    deck = folder / f"sct-{MEETING}.pptx"
    profile = folder / "lo-profile"
    args = [soffice, f"-env:UserInstallation=file://{profile}", "--headless"]
    args += ["--convert-to", "pdf", "--outdir", str(folder), str(deck)]
    took = wall(args, 3)
    print(f"  CPU time: {cpu(args):.2f} s")
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory(prefix="statusgen-bench-") as scratch:
        folder = Path(scratch)
        print("every slide as SVG (lay out and draw, in a process that has its imports):")
        first, warm = svg_in_process(runs)
        print(f"  first time {first * 1000:.0f} ms, again {warm * 1000:.0f} ms (target < 500 ms)")
        cold_args = [*STATUSGEN, "deck", "--data", str(SEED), "--output", str(folder / "svg")]
        cold = wall([*cold_args, "--vergadering", MEETING, "--svg"], 3)
        print(f"  statusgen deck --svg, a new process (PPTX too): {cold:.2f} s")
        print(f"  CPU time: {cpu([*cold_args, '--vergadering', MEETING, '--svg']):.2f} s")
        print("statusgen serve, save to updated slide (warm):")
        latencies = serve_latency(runs, folder)
        median, worst = statistics.median(latencies), max(latencies)
        print(f"  median {median * 1000:.0f} ms, worst {worst * 1000:.0f} ms (target < 300 ms)")
        print("statusgen diff --visual, one workstream's status changed (a new process):")
        took = visual_diff(3, folder)
        print(f"  {took:.2f} s (target < 3 s)")
        print("LibreOffice, the same deck's PPTX to PDF:")
        office = libreoffice(folder)
        print("  not installed" if office is None else f"  {office:.2f} s")


if __name__ == "__main__":
    main()
