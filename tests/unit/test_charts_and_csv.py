"""The geometry of the report's bar charts and the cells of the CSV exports: plain
functions, checked without a database."""

from __future__ import annotations

import csv
import datetime as dt
import io

from governance.clock import BERLIN
from governance.domain.charts import BAR_WIDTH, LABEL_WIDTH, stacked_bars
from governance.services.csv_export import cell, to_csv


def test_bars_share_one_scale_and_stack_their_parts_in_order():
    chart = stacked_bars(
        [("Rabenhaus", {"present": 3, "absent": 1}), ("VskA", {"excused": 1, "absent": 1})],
        ("present", "excused", "absent"),
    )
    first, second = chart.bars
    assert [s.key for s in first.segments] == ["present", "absent"]  # no empty part drawn
    assert first.segments[0].x == LABEL_WIDTH
    assert first.segments[0].width + first.segments[1].width == BAR_WIDTH  # the largest fills
    assert second.segments[0].width == BAR_WIDTH / 4  # 1 of the largest total 4
    assert (first.figure, second.figure) == ("3/4", "0/2")
    assert second.y > first.y and chart.height > second.y


def test_a_chart_without_rows_has_no_bars_and_a_long_label_is_cut():
    assert stacked_bars([], ("done",)).bars == ()
    chart = stacked_bars([("A" * 40, {"done": 2})], ("done",), figure_keys=())
    assert chart.bars[0].label.endswith("…") and len(chart.bars[0].label) == 22
    assert chart.bars[0].figure == "2"


def test_csv_cells_are_german_or_iso_dates_and_typed_text_never_a_formula():
    day = dt.date(2026, 3, 11)
    moment = dt.datetime(2026, 3, 11, 9, 30, tzinfo=dt.UTC)
    assert cell(day, "de") == "11.03.2026" and cell(day, "en") == "2026-03-11"
    assert cell(moment, "de") == "11.03.2026 10:30"  # Berlin time
    assert cell(moment.astimezone(BERLIN), "en") == "2026-03-11 10:30"
    assert cell(True, "de") == "ja" and cell(False, "en") == "no"
    assert cell(None, "de") == "" and cell(7, "de") == "7"
    assert cell("=HYPERLINK(1)", "de") == "'=HYPERLINK(1)"
    assert cell(["a@x.org", "b@x.org"], "de") == "a@x.org, b@x.org"


def test_a_csv_file_has_a_bom_semicolons_and_reads_back_whole():
    data = to_csv(
        ["Text", "Datum"], [["eins; zwei", dt.date(2026, 1, 2)], ['"Zitat"\nneu', None]], "de"
    )
    assert data.startswith(b"\xef\xbb\xbf") and data.endswith(b"\r\n")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows == [["Text", "Datum"], ["eins; zwei", "02.01.2026"], ['"Zitat"\nneu', ""]]
