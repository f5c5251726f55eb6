"""The house style's colours and the contrast rule every output judges them by.

Rijkshuisstijl community tokens (not the official palette); the status colours live with their
legends in ``legend``. WCAG 2.1's contrast ratio decides whether text on a colour is set black
or white, so that information is never carried by a colour that cannot be read.
"""

from __future__ import annotations

#: hex RGB without "#", as Office files want them; CSS gets the same values in templates/
LINTBLAUW = "154273"
DONKERBLAUW = "01689B"
GRIJS = "535353"
#: red that stays readable as text on white (contrast 5:1)
ROOD = "D52B1E"
WIT = "FFFFFF"
ZWART = "000000"


def luminance(colour: str) -> float:
    """WCAG relative luminance of a hex colour ("154273", "#fff")."""
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    channels = []
    for i in (0, 2, 4):
        c = int(digits[i : i + 2], 16) / 255
        channels.append(c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
    r, g, b = channels
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours, 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_colour(fill: str) -> str:
    """Black or white, whichever contrasts more with ``fill``."""
    return ZWART if contrast(fill, ZWART) > contrast(fill, WIT) else WIT
