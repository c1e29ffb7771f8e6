"""Moving through a page with the keyboard alone, as a person without a mouse does:
Tab to the next control, Space to choose, Enter to send. What has the focus is
read from the page (reading is not acting)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return {tag: "BODY"};
  const labels = e.labels ? Array.from(e.labels).map(l => l.innerText.trim()) : [];
  return {
    tag: e.tagName, type: (e.type || "").toLowerCase(), name: e.name || "", value: e.value || "",
    id: e.id || "", checked: !!e.checked, labels: labels,
    text: (e.innerText || "").trim(), aria: e.getAttribute("aria-label") || "",
    form: e.form ? (e.form.getAttribute("action") || "") : "",
  };
}"""

Focus = dict[str, Any]


def focused(page: Any) -> Focus:
    return dict(page.evaluate(FOCUSED))


def tab_to(page: Any, wanted: Callable[[Focus], bool], what: str, limit: int = 400) -> Focus:
    """Press Tab until the focused element is *wanted*; fail naming *what* was not reached."""
    passed: list[str] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = focused(page)
        if wanted(now):
            return now
        passed.append(f"{now.get('tag')}[{now.get('name') or now.get('text', '')[:20]}]")
    raise AssertionError(f"Tab never reached {what}; passed {', '.join(passed[-15:])}")


def labelled(focus: Focus) -> bool:
    """A control has a label a screen reader reads (<label for>, or aria-label on a button)."""
    if focus.get("tag") == "BUTTON":
        return bool(focus.get("text") or focus.get("aria"))
    return bool(focus.get("labels") or focus.get("aria"))


def choose_radio(page: Any, name: str, value: str) -> Focus:
    """Tab into the radio group *name* and make *value* the chosen one (arrows move within
    a group and choose; Space chooses the focused radio when none is chosen yet)."""
    focus = tab_to(
        page,
        lambda f: f.get("type") == "radio" and f.get("name") == name,
        f"the radio group {name}",
    )
    for _ in range(10):
        if focus.get("value") == value:
            break
        page.keyboard.press("ArrowDown")
        focus = focused(page)
    assert focus.get("value") == value, f"{name}: the arrows never reached {value!r}"
    if not focus.get("checked"):
        page.keyboard.press("Space")
        focus = focused(page)
    assert focus.get("checked"), f"{name}={value} is not chosen after Space"
    assert labelled(focus), f"the radio {name}={value} has no label"
    return focus


def press_button(page: Any, text: str) -> None:
    """Tab to the button whose text contains *text* and press Enter (waits for the next page)."""
    focus = tab_to(
        page,
        lambda f: f.get("tag") == "BUTTON" and text in str(f.get("text")),
        f"the button „{text}“",
    )
    assert labelled(focus)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def type_into(
    page: Any, name: str, text: str, *, after: Callable[[Focus], bool] | None = None
) -> None:
    """Tab to the field *name* (optionally: the first such field where *after* holds) and type."""
    focus = tab_to(
        page,
        lambda f: f.get("name") == name and (after is None or after(f)),
        f"the field {name}",
    )
    assert labelled(focus), f"the field {name} has no label"
    page.keyboard.press("Control+A")
    page.keyboard.type(text)
