"""The stylesheet's colours meet WCAG AA where they are used: text 4.5:1, controls' borders 3:1."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import governance.web

CSS = (Path(governance.web.__file__).parent / "static" / "gremium.css").read_text("utf-8")
COLOURS = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-f]{6})", CSS))


def luminance(hex_colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(COLOURS.get(a, a)), luminance(COLOURS.get(b, b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize(
    ("text", "background"),
    [
        ("ink", "paper"),
        ("ink", "tint"),
        ("muted", "paper"),
        ("muted", "tint"),
        ("accent", "paper"),
        ("accent", "tint"),
        ("accent-dark", "tint"),
        ("paper", "accent"),  # primary buttons
        ("paper", "accent-dark"),
        ("paper", "error"),  # danger buttons
        ("ok", "ok-tint"),
        ("warn", "warn-tint"),
        ("error", "error-tint"),
        ("error", "paper"),
        ("accent-dark", "#e8f0fa"),
    ],
)
def test_text_colours_have_aa_contrast(text, background):
    assert contrast(text, background) >= 4.5


def test_control_borders_and_the_focus_ring_stand_out():
    assert contrast("line", "paper") >= 3.0
    assert contrast("ink", "paper") >= 3.0  # the focus outline


def test_touch_targets_are_at_least_44px():
    assert "--touch: 2.75rem" in CSS and "min-height: var(--touch)" in CSS
