"""Issue 13 "Done when": every report the forms allow survives import → export (xlsx, pdf,
json) → inspect intact → re-import equal → merge with exact totals (tests/roundtrip.py), over
reports drawn from the whole value space (tests/reportgen.py). Bounded here; the benchmark
benchmarks/bench_roundtrip.py runs many more and longer examples."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reportgen import report_docs  # noqa: E402
from roundtrip import round_trip  # noqa: E402

from unionclerk.formspec import shipped_forms  # noqa: E402

FORMS = shipped_forms()


# Generation only: shrinking an example that takes seconds would outlast the timeout.
@settings(max_examples=3, deadline=None, database=None, phases=[Phase.generate],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(first=report_docs("330782101000", max_rows=3, most_text=400),
       second=report_docs("330782102000", max_rows=2, most_text=60))
def test_every_accepted_report_round_trips(first, second) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        round_trip([first, second], Path(tmp), FORMS)
