"""The geometry of a horizontal stacked bar chart, drawn as SVG by a template
(templates/charts/_bars.html) for the annual report and the committee's page.

Plain arithmetic, no drawing library: the numbers are small (a bar per member
organisation, four parts each), the SVG must be the same bytes for the same
data (the documents' golden files and SHA-256 rely on it), and it must run
nothing in the browser (the pages' policy allows no script). The words (title,
description, legend) are the template's: this module knows no language.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

LABEL_WIDTH = 150
"""Room for a row's label (an organisation's short name) left of its bar."""
BAR_WIDTH = 330
VALUE_WIDTH = 60
"""Room right of the bar for its figure, e.g. ``7/8``."""
BAR_HEIGHT = 18
GAP = 8
LEGEND_HEIGHT = 30
MAX_LABEL = 22
"""Characters of a label drawn; a longer one is cut with an ellipsis (the table beside has it whole)."""

COLOURS = {
    "present": "#1f4e79",
    "represented": "#4f81bd",
    "excused": "#d9a400",
    "absent": "#b0b0b0",
    "done": "#2e7d32",
    "open": "#4f81bd",
    "overdue": "#c62828",
    "dropped": "#b0b0b0",
}
"""Fill per part; each pair of neighbours differs in lightness, not only in hue, and
the table beside the chart gives every number, so colour never carries a figure alone."""


@dataclasses.dataclass(frozen=True)
class Segment:
    key: str
    value: int
    x: float
    width: float
    colour: str


@dataclasses.dataclass(frozen=True)
class Bar:
    label: str
    y: int
    total: int
    figure: str
    """What is written right of the bar, e.g. ``7/8`` (first part of the whole)."""
    segments: tuple[Segment, ...]


@dataclasses.dataclass(frozen=True)
class BarChart:
    keys: tuple[str, ...]
    """The parts in stacking order (the legend's order)."""
    bars: tuple[Bar, ...]
    width: int
    height: int
    legend_y: int
    label_width: int = LABEL_WIDTH
    bar_width: int = BAR_WIDTH

    def colour(self, key: str) -> str:
        return COLOURS.get(key, "#777777")

    def legend_x(self, index: int) -> int:
        """Where the legend entry *index* starts (entries side by side below the bars)."""
        return self.label_width + index * (self.bar_width + VALUE_WIDTH) // max(len(self.keys), 1)


def stacked_bars(
    rows: Sequence[tuple[str, Mapping[str, int]]],
    keys: Sequence[str],
    *,
    figure_keys: Sequence[str] | None = None,
) -> BarChart:
    """A bar per (label, values) row, its parts in the order of *keys*, all bars on one
    scale (the largest total fills the width). The figure right of a bar is the sum of
    *figure_keys* (default: the first key) over the bar's total; with none, the total."""
    figure_keys = tuple(keys[:1] if figure_keys is None else figure_keys)
    largest = max((sum(values.get(k, 0) for k in keys) for _, values in rows), default=0)
    scale = BAR_WIDTH / largest if largest else 0.0
    bars = []
    for index, (label, values) in enumerate(rows):
        x = float(LABEL_WIDTH)
        segments = []
        for key in keys:
            value = int(values.get(key, 0))
            width = round(value * scale, 2)
            if value:
                segments.append(Segment(key, value, round(x, 2), width, COLOURS.get(key, "#777")))
            x += width
        total = sum(int(values.get(k, 0)) for k in keys)
        shown = sum(int(values.get(k, 0)) for k in figure_keys)
        bars.append(
            Bar(
                label=_cut(label),
                y=index * (BAR_HEIGHT + GAP),
                total=total,
                figure=f"{shown}/{total}" if figure_keys else str(total),
                segments=tuple(segments),
            )
        )
    bars_height = len(bars) * (BAR_HEIGHT + GAP)
    return BarChart(
        keys=tuple(keys),
        bars=tuple(bars),
        width=LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH,
        height=bars_height + LEGEND_HEIGHT,
        legend_y=bars_height + 8,
    )


def _cut(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "…"
