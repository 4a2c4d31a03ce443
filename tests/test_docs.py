"""The README and docs/ are self-contained (issue 11, item 14): every link points at a file in
the repository, nothing points outside it, and the README's apt line for a bare Debian/Ubuntu
desktop names every package the start-up check (`syscheck`) can ask for."""

from __future__ import annotations

import re
from pathlib import Path

from unionclerk import syscheck

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def test_links_point_inside_the_repository() -> None:
    assert (ROOT / "docs" / "design.md").exists()
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        assert "../shared" not in text, f"{doc.name} points outside the repository"
        for target in LINK.findall(text):
            if target.startswith(("http://", "https://", "mailto:")):
                continue
            path = (doc.parent / target).resolve()
            assert path.exists(), f"{doc.name}: {target} does not exist"
            assert ROOT in path.parents, f"{doc.name}: {target} is outside the repository"


def test_readme_points_at_the_design_notes() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(docs/design.md)" in readme


def test_readme_names_every_package_the_start_up_check_asks_for() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme[
        readme.index("### A bare Debian or Ubuntu desktop") : readme.index("### The tests")
    ]
    for package in syscheck.PACKAGES.values():
        assert re.search(rf"(?<![\w-]){re.escape(package)}(?![\w-])", quick), package
