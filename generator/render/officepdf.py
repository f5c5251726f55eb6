"""An Office file (the deck's PPTX) as PDF, by LibreOffice, for the pack's combined PDF.

python-pptx cannot lay out a slide; LibreOffice can, headless, in a private profile and a
temporary folder of its own, so that parallel runs do not collide and nothing is left behind.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from generator.exceptions import OutputError

#: how long LibreOffice may take for one file, in seconds
TIMEOUT = 180


def to_pdf(name: str, data: bytes) -> bytes:
    """The PDF of the Office file ``data`` (``name`` gives its extension)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise OutputError(
            f"{name} goes into the pack's PDF through LibreOffice, which is not installed "
            "(apt-get install libreoffice-impress)"
        )
    with tempfile.TemporaryDirectory(prefix="statusgen-office-") as folder:
        root = Path(folder)
        source = root / Path(name).name
        source.write_bytes(data)
        try:
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation={(root / 'profile').as_uri()}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(root),
                    str(source),
                ],
                check=True,
                capture_output=True,
                timeout=TIMEOUT,
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            raise OutputError(f"LibreOffice could not make a PDF of {name}: {exc}") from None
        result = source.with_suffix(".pdf")
        if not result.is_file():
            raise OutputError(f"LibreOffice made no PDF of {name}")
        return result.read_bytes()
