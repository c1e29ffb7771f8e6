"""A workflow definition drawn as SVG, on the server, without Graphviz.

The states are laid out in rows by their distance from the initial state
(breadth first), each row centred; a transition is an arrow from its source
to its destination, labelled with its trigger's label. Arrows that go back
up (a draft sent back) bend to the side, a transition that keeps its state
(a reminder) is listed inside its box (↻). Good enough to see the shape of a
process at a glance; the page puts a table of every transition next to it,
which is what a screen reader reads (the SVG is one labelled image).
"""

from __future__ import annotations

import dataclasses
from collections import deque
from xml.sax.saxutils import escape

from governance.workflow.definition import WorkflowDefinition

BOX_W, BOX_H = 150, 40
MAX_BOX_W = 260
GAP_X, GAP_Y = 64, 96
LABEL_ROOM = 260
"""Room left of the boxes for the labels of arrows that go back up."""
LINE = 13
LANE = 14
MARGIN = 28
CHAR_W = 6.4
"""Rough width of a character at 12px, to keep a label inside its box."""


@dataclasses.dataclass(frozen=True)
class Box:
    name: str
    label: str
    x: float
    y: float
    w: float
    h: float
    loops: list[str]
    initial: bool
    final: bool

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2


def rows(definition: WorkflowDefinition) -> list[list[str]]:
    """The states by distance from the initial state; unreachable ones last."""
    depth = {definition.initial: 0}
    queue = deque([definition.initial])
    while queue:
        state = queue.popleft()
        for tr in definition.transitions:
            if state in tr.sources and tr.dest is not None and tr.dest not in depth:
                depth[tr.dest] = depth[state] + 1
                queue.append(tr.dest)
    last = max(depth.values(), default=0)
    for state in definition.states:
        depth.setdefault(state, last + 1)
    grouped: dict[int, list[str]] = {}
    for state in definition.states:
        grouped.setdefault(depth[state], []).append(state)
    return [grouped[d] for d in sorted(grouped)]


def _short(text: str, width: float) -> str:
    most = max(4, int(width / CHAR_W))
    return text if len(text) <= most else text[: most - 1] + "…"


def svg(definition: WorkflowDefinition, lang: str = "de", *, title: str | None = None) -> str:
    """The definition as an ``<svg>`` element to put into a page (no script, no style)."""
    layout = rows(definition)
    labels = {s: definition.label(s, lang) for s in definition.states}
    edges: dict[tuple[str, str], list[str]] = {}
    loops: dict[str, list[str]] = {s: [] for s in definition.states}
    for tr in definition.transitions:
        name = definition.label(tr.trigger, lang)
        for source in tr.sources:
            dest = tr.dest if tr.dest is not None else source
            # A transition that keeps its state is listed inside the box (↻), not drawn.
            names = loops[source] if dest == source else edges.setdefault((source, dest), [])
            if name not in names:
                names.append(name)
    longest = max(
        [len(v) for v in labels.values()] + [len(n) + 2 for ns in loops.values() for n in ns]
    )
    box_w = min(MAX_BOX_W, max(BOX_W, longest * CHAR_W + 24))
    order = {state: i for i, row in enumerate(layout) for state in row}
    across = [
        len(n) * CHAR_W for (s, d), names in edges.items() if order[s] == order[d] for n in names
    ]
    gap_x = min(MAX_BOX_W, max([GAP_X] + [w + 24 for w in across]))
    heights = [max(BOX_H + len(loops[state]) * LINE for state in row) for row in layout]
    going_up = any(order[d] < order[s] for s, d in edges)
    left_margin = MARGIN + (LABEL_ROOM if going_up else 0)
    widest = max(len(r) for r in layout)
    inner = widest * box_w + (widest - 1) * gap_x
    width = left_margin + inner + MARGIN
    height = MARGIN * 2 + sum(heights) + (len(layout) - 1) * GAP_Y
    boxes: dict[str, Box] = {}
    top = MARGIN
    for i, row in enumerate(layout):
        row_w = len(row) * box_w + (len(row) - 1) * gap_x
        left = left_margin + (inner - row_w) / 2
        for j, state in enumerate(row):
            boxes[state] = Box(
                state,
                labels[state],
                left + j * (box_w + gap_x),
                top,
                box_w,
                BOX_H + len(loops[state]) * LINE,
                loops[state],
                state == definition.initial,
                state in definition.final_states,
            )
        top += heights[i] + GAP_Y
    ident = f"wf-{definition.name}"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="workflow-diagram" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" height="{height:.0f}" '
        f'role="img" aria-labelledby="{ident}-title">',
        f'<title id="{ident}-title">{escape(title or definition.name)}</title>',
        "<defs>",
        f'<marker id="{ident}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" '
        'markerHeight="8" orient="auto-start-reverse">'
        '<path d="M 0 0 L 10 5 L 0 10 z" fill="#1a1a1a"/></marker>',
        "</defs>",
    ]
    up = 0
    for (source, dest), names in edges.items():
        start, end = boxes[source], boxes[dest]
        parts.append(_edge(start, end, names, up, left_margin - 16, ident))
        if end.y < start.y:
            up += 1
    for box in boxes.values():
        parts.append(
            f'<rect x="{box.x:.1f}" y="{box.y:.1f}" width="{box.w:.0f}" height="{box.h:.0f}" rx="8" '
            f'fill="{"#e8f1fb" if box.initial else "#ffffff"}" stroke="#1a1a1a" '
            f'stroke-width="{3 if box.final else 1.5}"/>'
        )
        parts.append(
            f'<text x="{box.cx:.1f}" y="{box.y + BOX_H / 2 + 4:.1f}" text-anchor="middle" '
            f'font-size="13" font-family="sans-serif" fill="#1a1a1a">'
            f"{escape(_short(box.label, box.w - 12))}</text>"
        )
        for k, name in enumerate(box.loops):
            parts.append(
                f'<text x="{box.x + 10:.1f}" y="{box.y + BOX_H - 6 + (k + 1) * LINE:.1f}" '
                f'font-size="11" font-family="sans-serif" fill="#333333">'
                f"{escape(_short('↻ ' + name, box.w - 16))}</text>"
            )
    parts.append("</svg>")
    return "\n".join(parts)


def _lines(x: float, y: float, names: list[str], anchor: str) -> str:
    """Labels one under the other, the block centred on *y*."""
    top = y - (len(names) - 1) * LINE / 2
    spans = "".join(
        f'<tspan x="{x:.1f}" y="{top + i * LINE:.1f}">{escape(n)}</tspan>'
        for i, n in enumerate(names)
    )
    return (
        f'<text text-anchor="{anchor}" font-size="11" font-family="sans-serif" '
        f'fill="#333333">{spans}</text>'
    )


def _edge(start: Box, end: Box, names: list[str], up: int, lane_x: float, ident: str) -> str:
    arrow = f'marker-end="url(#{ident}-arrow)"'
    if end.y > start.y:  # downwards: straight, label beside the middle
        x1, y1 = start.cx, start.y + start.h
        x2, y2 = end.cx, end.y
        path = f"M {x1:.1f} {y1:.1f} L {x2:.1f} {y2:.1f}"
        # Near the arrow's end, where arrows fanning out of one state are apart.
        mx, my = x1 + (x2 - x1) * 0.6, y1 + (y2 - y1) * 0.6
        text = _lines(mx + 6, my + 4, names, "start" if x2 >= x1 else "end")
    elif end.y == start.y and abs(end.cx - start.cx) > 2 * start.w:
        # in the same row, boxes between: over them, in the gap above the row
        x1, x2, y = start.cx + 12, end.cx + 12, start.y
        lift = 14
        path = f"M {x1:.1f} {y:.1f} L {x1:.1f} {y - lift:.1f} L {x2:.1f} {y - lift:.1f} L {x2:.1f} {y:.1f}"
        text = _lines((x1 + x2) / 2, y - lift - 6 - (len(names) - 1) * LINE / 2, names, "middle")
    elif end.y == start.y:  # in the same row: straight across
        right = end.x > start.x
        x1 = start.x + start.w if right else start.x
        x2 = end.x if right else end.x + end.w
        y = start.y + BOX_H / 2
        path = f"M {x1:.1f} {y:.1f} L {x2:.1f} {y:.1f}"
        text = _lines((x1 + x2) / 2, y - 8 - (len(names) - 1) * LINE / 2, names, "middle")
    else:  # back up: along a lane left of every box, in the gaps between the rows
        lane = lane_x - LANE * up
        gap = 10 + 6 * (up % 3)
        x1, y1 = start.cx - 12, start.y + start.h
        x2, y2 = end.cx - 12, end.y
        path = (
            f"M {x1:.1f} {y1:.1f} L {x1:.1f} {y1 + gap:.1f} L {lane:.1f} {y1 + gap:.1f} "
            f"L {lane:.1f} {y2 - gap:.1f} L {x2:.1f} {y2 - gap:.1f} L {x2:.1f} {y2:.1f}"
        )
        text = _lines(lane - 4, (y1 + y2) / 2 + (up % 3) * 2 * LINE, names, "end")
    return f'<path d="{path}" fill="none" stroke="#1a1a1a" stroke-width="1.3" {arrow}/>{text}'


def transitions_table(definition: WorkflowDefinition, lang: str) -> list[dict[str, object]]:
    """Every transition as a row: from (labels), trigger (label), to (label or None)."""
    return [
        {
            "trigger": tr.trigger,
            "label": definition.label(tr.trigger, lang),
            "sources": [definition.label(s, lang) for s in tr.sources],
            "dest": definition.label(tr.dest, lang) if tr.dest is not None else None,
            "conditions": list(tr.conditions),
            "unless": list(tr.unless),
        }
        for tr in definition.transitions
    ]


__all__ = ["rows", "svg", "transitions_table"]
