"""Excel's clipboard text: reading it into a block, writing it back, and filling a selection
with a smaller block the way Excel does."""

from __future__ import annotations

from unionclerk.services.roster_cells import parse_tsv, tile, to_tsv


def test_round_trip_keeps_tabs_and_line_breaks_inside_cells() -> None:
    rows = [["张三", "第一行\n第二行"], ["李四", "含\t制表符"], ["", '"引号"']]
    assert parse_tsv(to_tsv(rows)) == rows


def test_ragged_rows_are_padded_and_the_trailing_break_gives_no_row() -> None:
    assert parse_tsv("a\tb\r\nc\r\n") == [["a", "b"], ["c", ""]]
    assert parse_tsv("") == []


def test_one_cell_fills_any_selection() -> None:
    assert tile([["专职"]], 3, 2) == [["专职", "专职"]] * 3


def test_a_block_repeats_when_the_selection_is_a_whole_number_of_blocks() -> None:
    block = [["专职", "男"], ["兼职", "女"]]
    assert tile(block, 6, 2) == block * 3
    assert tile(block, 2, 4) == [["专职", "男", "专职", "男"], ["兼职", "女", "兼职", "女"]]


def test_otherwise_the_block_is_pasted_once_as_copied() -> None:
    block = [["专职", "男"], ["兼职", "女"]]
    assert tile(block, 5, 2) == block  # 5 rows is not a whole number of 2-row blocks
    assert tile(block, 1, 1) == block  # a single cell selected: the whole block from there
    assert tile(block, 4, 1) == block  # narrower than the block: no repeat
    assert tile([], 4, 4) == []
