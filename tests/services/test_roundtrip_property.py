"""Issue 13 "Done when": every report the forms allow survives import → export (xlsx, pdf,
json) → inspect intact → re-import equal → merge with exact totals (tests/roundtrip.py), over
reports drawn from the whole value space (tests/reportgen.py).

Both ends always run, as explicit examples: every field at its maximum (text exactly at the
longest each field keeps, numbers at the largest accepted, every choice 其他 with its text, full
roster rows, explanations of 5,000 characters) and a report with nothing filled. Then a few
drawn pairs, with rosters up to 12 rows (often exactly 12) and text often exactly at a field's
max_length. The benchmark benchmarks/bench_roundtrip.py runs many more, longer examples, with
large rosters."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, example, given, settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reportgen import empty_doc, maximal_doc, report_docs  # noqa: E402
from roundtrip import round_trip  # noqa: E402

from unionclerk.formspec import shipped_forms  # noqa: E402

FORMS = shipped_forms()
FIRST, SECOND = "330782101000", "330782102000"


# Generation only: shrinking an example that takes seconds would outlast the timeout.
@settings(
    max_examples=2,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    first=report_docs(FIRST, max_rows=12, most_text=400),
    second=report_docs(SECOND, max_rows=3, most_text=60),
)
@example(
    first=maximal_doc(FIRST, 3, every_explanation=False),
    second=maximal_doc(SECOND, 0, every_explanation=False),
).via("all at maximum")
@example(first=empty_doc(FIRST), second=empty_doc(SECOND)).via("all empty")
def test_every_accepted_report_round_trips(first, second) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        round_trip([first, second], Path(tmp), FORMS)
