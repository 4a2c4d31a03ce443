"""The county screen's decision for one unit: which of its files counts, or leave it out.

Offered when a unit has more than one file (duplicates, a forged copy) or an edited one. The
default rule (newest intact export wins) stays until the clerk picks otherwise; the choice is
recorded with the merge (问题清单 says "用户选择") and kept for the period.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from unionclerk.services.county.decide import EXCLUDE, Plan, where
from unionclerk.services.county.results import Candidate

DEFAULT = ""  # no decision: the default rule applies


class DecisionDialog(QDialog):
    def __init__(self, plan: Plan, code: str, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("county_decision")
        cands: list[Candidate] = plan.groups.get(code, [])
        name = cands[0].union_name if cands else code
        self.setWindowTitle(self.tr("选择计入汇总的文件"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr("{0}（{1}）收到 {2} 份文件。请选择计入汇总的一份：")
                .replace("{0}", name)
                .replace("{1}", code)
                .replace("{2}", str(len(cands)))
            )
        )
        self.choices = QListWidget()
        self.choices.setObjectName("choices")
        self._add(self.tr("按默认规则（最新导出、未被改动的文件）"), DEFAULT)
        for c in cands:
            used, why = plan.fates.get(c.ident, (False, ""))
            mark = self.tr("【当前计入】") if used else ""
            integrity = {
                "edited": self.tr("导出后被改动"),
                "intact": self.tr("完好"),
                "unverified": self.tr("JSON 文件"),
            }.get(c.integrity, c.integrity)
            text = f"{mark}{where(c)}\n    " + self.tr("导出时间 {0}　导出编号 {1}　{2}").replace(
                "{0}", c.exported_at[:16].replace("T", " ")
            ).replace("{1}", c.export_id[:8] or "—").replace("{2}", integrity)
            if why and not used:
                text += f"\n    {why}"
            self._add(text, c.ident)
        self._add(self.tr("不计入这个单位"), EXCLUDE)
        for i in range(self.choices.count()):
            if self.choices.item(i).data(256) == current:
                self.choices.setCurrentRow(i)
        layout.addWidget(self.choices)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 360)

    def _add(self, text: str, value: str) -> None:
        item = QListWidgetItem(text, self.choices)
        item.setData(256, value)  # Qt.UserRole

    def choice(self) -> str:
        item = self.choices.currentItem()
        return DEFAULT if item is None else str(item.data(256))
