"""The review state in the summary's 报送情况: a unit received for review shows 已报 /
退回修改中 / 已重报 / 通过 instead of a bare 已报 (units never reviewed keep the merge's word)."""

from __future__ import annotations

from typing import Any

from unionclerk.domain.period import Period
from unionclerk.exporters.summary import model as sm
from unionclerk.services import review
from unionclerk.services.workspace import Workspace


def apply(ws: Workspace, period: Period, plan: Any) -> None:
    """Replace 已报 by the unit's review state in the plan's 报送情况 entries."""
    states = review.unit_states(ws, period)
    for entry in list(plan.reporting) + list(plan.expected or []):
        if entry.state == sm.REPORTED and entry.division_code in states:
            entry.state = states[entry.division_code]
