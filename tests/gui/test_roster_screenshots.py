"""Offscreen pictures of the cadres roster with its problems marked and of the import
matching dialog. Checked for size and for not being blank; set UNIONCLERK_SCREENSHOTS to a
folder (docs/images) to keep them there as roster-cadres.png and roster-import.png."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from openpyxl import Workbook

from unionclerk.formspec.validators import id_check_char


def clerks_workbook(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "干部名单"
    ws.append(["赤岸镇总工会委员及工作人员名单（2018年12月）"])
    ws.merge_cells("A1:J1")
    ws.append(
        [
            "序号",
            "姓名",
            "职务",
            "性别",
            "出生年月",
            "身份证号码",
            "专兼职",
            "文化程度",
            "工作单位及职务",
            "联系电话",
        ]
    )
    people = [
        ("楼建伟", "主席", "男", datetime(1972, 3, 1), "专职", "本科", "镇总工会", 1),
        ("陈丽萍", "常务副主席", "女", datetime(1980, 11, 1), "专职", "大专", "镇总工会", 2),
        ("吴海峰", "副主席", "男", "1979.13", "兼职", "本科", "华鸿控股工会主席", 3),
        ("金晓燕", "委员", "女", datetime(1988, 6, 1), "兼职", "硕士", "赤岸小学", 4),
        ("朱志强", "办公室主任", "男", datetime(1985, 1, 1), "兼职", "大专", "镇党政办", 5),
        ("傅美华", "女职委主任", "女", datetime(1976, 8, 1), "兼职", "中专", "镇妇联", 6),
        ("龚卫东", "经审会主任", "男", datetime(1969, 12, 1), "兼职", "高中", "镇财政所", 7),
        ("何丹婷", "工作人员", "女", datetime(1995, 4, 1), "聘用", "本科", "镇总工会", 8),
    ]
    for i, (name, post, gender, born, way, edu, unit, n) in enumerate(people):
        year, month = (born.year, born.month) if isinstance(born, datetime) else (1979, 3)
        body = f"330782{year}{month:02d}0{n}1{i}{2 if gender == '女' else 1}"
        ws.append(
            [
                n,
                name,
                post,
                gender,
                born,
                body + id_check_char(body),
                way,
                edu,
                unit,
                13957900000 + n,
            ]
        )
    ws.append(["合计", "8 人"])
    wb.save(path)
    return path


def test_roster_screenshots(
    ws, qtbot, clerk, dialogs, shots, chinese_buttons, save_shot, tmp_path
) -> None:
    from PySide6.QtWidgets import QDialog

    from unionclerk.services import demo

    demo.build_demo(ws)
    window = clerk.window(ws)
    window.resize(1280, 800)
    window.problems.hide()
    window.select_form("cadres")
    table = window.pages["cadres"].roster
    model = table.model
    model.set_text(1, model.column_of("birth"), "1980年13月")
    model.set_text(3, model.column_of("phone"), "0579-851")
    model.set_text(4, model.column_of("education"), "本科")
    model.set_text(6, model.column_of("position"), "办公室主任")
    model.set_text(9, model.column_of("ethnicity"), "其他")  # without saying what: a warning
    table.view.go_to(4, model.column_of("education"))
    save_shot(window, shots / "roster-cadres.png")

    seen = {}

    def picture(dialog):
        dialog.resize(1180, 640)
        dialog.show()
        dialog.set_column(8, "home_post")
        dialog.mapping_view.selectRow(2)
        save_shot(dialog, shots / "roster-import.png")
        seen["done"] = True
        return QDialog.DialogCode.Rejected

    dialogs.expect("open", ([str(clerks_workbook(tmp_path / "干部名单.xlsx"))], ""))
    dialogs.expect("exec", picture)
    table.import_button.click()
    qtbot.waitUntil(lambda: seen.get("done", False), timeout=10_000)
