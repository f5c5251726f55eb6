"""Opening outputs in real clients: LibreOffice converts, poppler reads the PDF back.

On a laptop without them these tests skip; on CI (CI=true) a missing client is a failure.
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from lxml import etree


def need(program: str) -> str:
    path = shutil.which(program)
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{program} is not installed, and CI must run this test")
        pytest.skip(f"{program} is not installed")
    return path


def to_pdf(document: Path, folder: Path) -> Path:
    """Convert with LibreOffice (headless, its own profile so parallel runs do not collide)."""
    soffice = need("soffice")
    profile = folder / "lo-profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(document),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    pdf = folder / (document.stem + ".pdf")
    assert pdf.is_file(), f"LibreOffice did not convert {document.name}"
    return pdf


def page_count(pdf: Path) -> int:
    output = subprocess.run(
        [need("pdfinfo"), str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    match = re.search(r"^Pages:\s+(\d+)", output, re.MULTILINE)
    assert match, output
    return int(match[1])


def page_texts(pdf: Path) -> list[str]:
    """The text of every page (pdftotext drops what lies outside the page)."""
    text = subprocess.run(
        [need("pdftotext"), "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return text.split("\f")[: page_count(pdf)]


def words(text: str) -> set[str]:
    text = unicodedata.normalize("NFKC", text).lower()
    return {w for w in re.findall(r"\w+", text) if len(w) > 1}


_MONTH = re.compile(
    r"\(?(jan|feb|mrt|apr|mei|jun|jul|aug|sept|okt|nov|dec|januari|februari|maart|april|juni"
    r"|juli|augustus|september|oktober|november|december)\b"
)


def broken_dates(pdf: Path) -> list[str]:
    """Dates the renderer broke over two lines, as "page: day / month": a day parted from its
    month, a week number from "Week", or a line that starts with a range's dash."""
    bbox = subprocess.run(
        [need("pdftotext"), "-bbox", str(pdf), "-"], check=True, capture_output=True
    ).stdout
    found = []
    for number, page in enumerate(etree.fromstring(bbox).iter("{*}page"), start=1):
        placed = [(w.text or "", float(w.get("yMin"))) for w in page.iter("{*}word")]
        for (first, y1), (second, y2) in itertools.pairwise(placed):
            if abs(y1 - y2) < 1:
                continue  # the same line
            day = re.fullmatch(r"\(?\d{1,2}", first) and _MONTH.match(second)
            week = first == "Week" and second.isdigit()
            if day or week or second == "–":
                found.append(f"{number}: {first} / {second}")
    return found


VNU_JAR = Path(__file__).resolve().parents[1] / ".cache/vnu/node_modules/vnu-jar/build/dist/vnu.jar"


def html_errors(html: Path) -> list[str]:
    """What the W3C Nu HTML checker (vnu-jar from npm, run with Java) calls an error."""
    java = need("java")
    jar = Path(os.environ.get("VNU_JAR", VNU_JAR))
    if not jar.is_file():
        message = (
            f"the W3C Nu checker is not at {jar} (npm install --prefix .cache/vnu vnu-jar@26.9.27)"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    result = subprocess.run(
        [java, "-jar", str(jar), "--errors-only", "--format", "text", str(html)],
        capture_output=True,
        text=True,
        timeout=240,
    )
    return [line for line in result.stderr.splitlines() if ": error:" in line]


def pdf_info(pdf: Path) -> dict[str, str]:
    output = subprocess.run(
        [need("pdfinfo"), str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    return {
        key.strip(): value.strip()
        for key, _, value in (line.partition(":") for line in output.splitlines())
    }
