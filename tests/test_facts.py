import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.checks.facts import number_conflict, numbers
from checker.cli import main
from checker.errors import ExitCode


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("about 20,000 troops", [20000]),
        ("20 000 солдат", [20000]),
        ("около 5 тысяч военнослужащих", [5000]),
        ("около 5 тыс. человек", [5000]),
        ("نحو 20 ألف جندي", [20000]),
        ("٢٠٬٠٠٠ جندي", [20000]),
        ("خمسة آلاف جندي", [5000]),
        ("five thousand troops", [5000]),
        ("It costs 3.5 million", [3500000]),
        ("в течение двух недель", [2]),
        ("No numbers here.", []),
        ("version2 and A4 paper", []),
    ],
)
def test_numbers(text: str, expected: list[float]) -> None:
    assert numbers(text) == expected


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        ("The force will number about 20,000 troops.", "Численность сил — около 5 тысяч.", True),
        ("The force will number about 20,000 troops.", "قوام القوة نحو 20 ألف جندي.", False),
        ("20,000 troops arrived on day 5.", "Прибыли 20 тысяч военных.", False),  # added detail
        ("Decision within two weeks.", "Решение в течение двух недель.", False),
        ("Decision within two weeks.", "Решение в течение трёх недель.", True),
        ("The talks were held in Geneva.", "Численность сил — 5 тысяч.", False),
    ],
)
def test_number_conflict(a: str, b: str, conflict: bool) -> None:
    reason = number_conflict(a, b)
    assert (reason is not None) is conflict
    if conflict:
        assert reason is not None and reason.startswith("numbers differ: ")


def test_number_check_overrides_an_agreeing_model(samples: list[Path], nli_agreeing: Path) -> None:
    """The tiny model calls every pair entailment; differing numbers still raise a finding."""
    args = ["compare", *map(str, samples), "--nli-model", str(nli_agreeing), "--format", "json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == ExitCode.CONTRADICTIONS, result.output
    flagged = [f for f in json.loads(result.stdout)["findings"] if f["verdict"] == "contradiction"]
    assert flagged and all(f["reason"].startswith("numbers differ") for f in flagged)
    texts = {(f["a"]["text"], f["b"]["text"]) for f in flagged}
    assert any("20,000" in a + b and "5 тысяч" in a + b for a, b in texts)
    assert not any("20 ألف" in a + b and "20,000" in a + b for a, b in texts)  # same number
    off = CliRunner().invoke(main, [*args, "--no-number-check"])
    assert off.exit_code == ExitCode.OK
    assert all(f["reason"] is None for f in json.loads(off.stdout)["findings"])


def test_arabic_teens_are_read_whole() -> None:
    """«الاثنتي عشرة» is twelve, not ten: it used to flag "12 vs 10" between a wire story
    and its own Arabic translation."""
    assert numbers("جرى إخلاء جميع القرى الاثنتي عشرة الواقعة أسفل السد") == [12.0]
    assert numbers("وصل أحد عشر جنديا") == [11.0] and numbers("عشرة جنود") == [10.0]
    assert (
        number_conflict(
            "All twelve villages below the dam were evacuated.",
            "جرى إخلاء جميع القرى الاثنتي عشرة الواقعة أسفل السد قبل وصول المياه.",
        )
        is None
    )
