"""Two sentences' figures compared, as the figure tests ask it (test_figure_kinds.py,
test_readers_untuned.py)."""

from checker.checks.figures import compare_figures
from checker.checks.quantities import quantities


def conflicts(a: str, la: str, b: str, lb: str) -> list[tuple[str, str]]:
    check = compare_figures(quantities(a, la), quantities(b, lb))
    return [(p.a.text, p.b.text) for p in check.conflicts]


def agree(a: str, la: str, b: str, lb: str) -> bool:
    check = compare_figures(quantities(a, la), quantities(b, lb))
    return not check.conflicts and bool(check.agreements)
