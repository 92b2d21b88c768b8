"""The colours of static/css/concord.css keep WCAG's 4.5:1 between text and its background. Read from
the stylesheet itself (Concord's custom properties, Pico's light theme for the var(--pico-…) it
uses), so a new badge colour is checked the day it is written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

STATIC = Path(__file__).resolve().parent.parent / "static"
CSS = (STATIC / "css" / "concord.css").read_text()
PICO = (STATIC / "vendor" / "pico" / "pico.min.css").read_text()
AA = 4.5


def parse_colour(value: str) -> tuple[float, float, float]:
    value = value.strip().lower()
    if value == "white":
        value = "#fff"
    if m := re.fullmatch(r"#([0-9a-f]{3}|[0-9a-f]{6})", value):
        digits = m.group(1)
        if len(digits) == 3:
            digits = "".join(c * 2 for c in digits)
        return tuple(int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]
    if m := re.fullmatch(r"rgb\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*\)", value):
        return tuple(float(m.group(i)) / 255 for i in (1, 2, 3))  # type: ignore[return-value]
    raise ValueError(value)


def luminance(colour: tuple[float, float, float]) -> float:
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in colour]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(parse_colour(a)), luminance(parse_colour(b))), reverse=True)
    return (high + 0.05) / (low + 0.05)


def custom_properties() -> dict[str, str]:
    found: dict[str, str] = {}
    # Pico's light theme comes first in its file: the first value of each variable is the light one.
    for name, value in re.findall(r"(--pico-[\w-]+):([^;}]+)", PICO):
        found.setdefault(name, value.strip())
    root = re.search(r":root\s*\{(.*?)\}", re.sub(r"/\*.*?\*/", "", CSS, flags=re.S), re.S)
    assert root is not None
    for name, value in re.findall(r"(--[\w-]+):\s*([^;]+)", root.group(1)):
        found[name] = value.strip()
    return found


PROPERTIES = custom_properties()


def resolve(value: str) -> str | None:
    for _ in range(5):
        m = re.fullmatch(r"var\((--[\w-]+)(?:,[^)]*)?\)", value.strip())
        if not m:
            break
        value = PROPERTIES.get(m.group(1), "")
    try:
        parse_colour(value)
    except ValueError:
        return None
    return value.strip()


def rules() -> list[tuple[str, dict[str, str]]]:
    text = re.sub(r"/\*.*?\*/", "", CSS, flags=re.S)
    text = re.sub(r"@media[^{]*\{((?:[^{}]*\{[^}]*\})*)\s*\}", r"\1", text)
    found = []
    for selector, body in re.findall(r"([^{}]+)\{([^}]*)\}", text):
        declarations = dict(
            (name.strip(), value.strip())
            for name, value in (d.split(":", 1) for d in body.split(";") if ":" in d)
        )
        found.append((" ".join(selector.split()), declarations))
    return found


PAGE_BACKGROUND = resolve("var(--pico-background-color)") or "#fff"
BODY_TEXT = resolve("var(--pico-color)") or "#000"
# Text drawn on something other than the page: the selector of what it sits in.
DRAWN_ON = {"mark.bracket sup": "mark.bracket"}


def pairs() -> list[tuple[str, str, str]]:
    """(selector, text colour, background) for every rule that sets a text colour or a background."""
    backgrounds = {}
    for selector, declarations in rules():
        background = declarations.get("background-color") or declarations.get("background")
        if background and (colour := resolve(background)):
            backgrounds[selector] = colour
    found = []
    for selector, declarations in rules():
        if ":hover" in selector or selector.startswith((".leaflet", "figure.qr")):
            continue
        text = resolve(declarations["color"]) if "color" in declarations else None
        background = backgrounds.get(selector)
        if text is None and background is None:
            continue
        if background is None:
            background = backgrounds.get(DRAWN_ON.get(selector, ""), PAGE_BACKGROUND)
        found.append((selector, text or BODY_TEXT, background))
    return found


def test_the_stylesheet_is_read():
    checked = {selector for selector, _, _ in pairs()}
    assert {
        ".badge.warn",
        ".badge.ok",
        ".errorlist",
        "td.warn",
        "del",
        "mark.bracket sup",
    } <= checked
    assert PAGE_BACKGROUND.lower() in {"#fff", "#ffffff"}


@pytest.mark.parametrize(("selector", "text", "background"), pairs(), ids=lambda v: str(v))
def test_text_keeps_4_5_to_1_on_its_background(selector, text, background):
    ratio = contrast(text, background)
    assert ratio >= AA, f"{selector}: {text} on {background} is {ratio:.2f}:1"


def test_pico_muted_text_and_the_default_badge_are_readable():
    assert contrast(PROPERTIES["--pico-muted-color"], PAGE_BACKGROUND) >= AA
    badge = resolve("var(--pico-secondary-background)")
    assert badge and contrast(resolve("var(--pico-secondary-inverse)") or "", badge) >= AA


def test_the_contrast_formula_matches_wcag_examples():
    assert contrast("#000", "#fff") == pytest.approx(21)
    assert contrast("#777", "#fff") == pytest.approx(4.48, abs=0.01)
    assert contrast("#b7791f", "#fff") == pytest.approx(3.64, abs=0.01)  # the old "frozen" badge
