"""Driving the system's Chromium through Selenium and its chromedriver (Debian's packages), and
starting ``statusgen serve`` for it. Without them the tests skip; on CI (CI=true) they fail."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = ("/usr/bin/chromium", "chromium", "chromium-browser")
CHROMEDRIVER = ("/usr/bin/chromedriver", "chromedriver")


def _found(candidates: tuple[str, ...]) -> str | None:
    for candidate in candidates:
        path = shutil.which(candidate)
        if path:
            return path
    return None


def need_browser() -> tuple[str, str]:
    browser, driver = _found(CHROMIUM), _found(CHROMEDRIVER)
    if browser is None or driver is None:
        message = "Chromium and chromedriver are not installed (apt: chromium chromium-driver)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message}, and CI must run this test")
        pytest.skip(message)
    return browser, driver


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium with a profile of its own, that reaches nothing but this machine."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    browser, driver = need_browser()
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    with tempfile.TemporaryDirectory(prefix="statusgen-chromium-") as profile:
        for argument in (
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--window-size=1400,1000",
            f"--user-data-dir={profile}",
        ):
            options.add_argument(argument)
        session = webdriver.Chrome(service=Service(executable_path=driver), options=options)
        try:
            yield session
        finally:
            session.quit()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def serving(data: Path, *extra: str) -> Iterator[str]:
    """``statusgen serve`` on ``data``; its address once it answers."""
    port = free_port()
    command = [sys.executable, "-m", "generator", "serve", "--data", str(data)]
    command += ["--port", str(port), *extra]
    root = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=root)
        address = f"http://127.0.0.1:{port}"
        try:
            _wait_for(address, process, log)
            yield address
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_for(address: str, process: subprocess.Popen[bytes], log: Any) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{address}/status", timeout=2):
                return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                output = log.read().decode(errors="replace")
                raise AssertionError(f"statusgen serve did not start:\n{output}") from None
            time.sleep(0.2)
