"""`tables.to_json`, the text every stored value is kept as: byte for byte what
`json.dumps(value, ensure_ascii=False, separators=(",", ":"))` writes, over any JSON-ready
value (one encoder for every call), and the same refusal of a value that
is not JSON-ready."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unionclerk.storage.tables import from_json, to_json

json_ready = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**30), 10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(json_ready)
def test_the_stored_text_is_json_dumps_compact(value: Any) -> None:
    assert to_json(value) == json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@pytest.mark.parametrize(
    "value", [{"姓名": "张三", "面积": 80.5, "在职": True}, 1e16, -0.0, "“引号”\n\t", [None]]
)
def test_the_stored_text_reads_back(value: Any) -> None:
    assert from_json(to_json(value)) == value


def test_a_value_that_is_not_json_ready_is_refused_as_json_dumps_refuses_it() -> None:
    with pytest.raises(TypeError, match="Object of type Decimal is not JSON serializable"):
        to_json({"经费": Decimal("1.50")})
