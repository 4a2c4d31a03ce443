"""The county screen's key figures, kept per report so that a re-plan costs a sum over small
tuples, not a re-read of every unit's report: at province size (1,400 units) reading them all
again took most of a second on the GUI thread after every click.

Which figures, and how they are computed, is `formspec.keyfigures` (declared in the forms'
YAML); this module only reads each spill file once.
"""

from __future__ import annotations

import json
from pathlib import Path

from unionclerk.formspec import FormSet
from unionclerk.formspec.keyfigures import Figures, UnitFigures, combine, unit_figures
from unionclerk.services.county.results import Candidate


class KeyFigures:
    """Per-report figures, read once per spill file (one cache per merge session)."""

    def __init__(self, forms: FormSet) -> None:
        self.forms = forms
        self._cache: dict[str, UnitFigures] = {}
        self.reads = 0  # spill files read so far (the tests count them)

    def unit(self, cand: Candidate) -> UnitFigures:
        known = self._cache.get(cand.spill)
        if known is None:
            self.reads += 1
            forms_json = json.loads(Path(cand.spill).read_bytes())["forms"]
            known = self._cache[cand.spill] = unit_figures(self.forms, forms_json)
        return known

    def of(self, winners: list[Candidate]) -> Figures:
        return combine(self.forms, [self.unit(w) for w in winners])
