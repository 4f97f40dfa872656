"""What a person and a spreadsheet see of contract v3: the methods side by side, the trend as a
sentence, reached_by, the methods_disagree mark, the CSV columns, the report's table and band."""

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lnrev.cli import app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "china-14th-fyp.toml"
runner = CliRunner()
# On 2025-11-01 energy use per unit of GDP is known at -2.7% (2021), -7.3% (2023) and -11.6%
# (2024) against -13.5% by 2025: four points with the base, on the linear scale (ndrc's method).
ENERGY = ("energy-intensity", "-f", "china-14th-fyp.toml", "--as-of", "2025-11-01")


@pytest.fixture(autouse=True)
def _example(tmp_path):
    shutil.copy(EXAMPLE, tmp_path / EXAMPLE.name)


def run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_gap_says_the_trend_and_reached_by_in_words():
    trend = json.loads(run("gap", *ENERGY, "--json"))["trend"]
    assert trend["points"] == 4 and trend["scale"] == "linear"
    text = " ".join(run("gap", *ENERGY, "--no-chart").split())
    assert (
        "on 4 points the straight-line trend gives -13.74% at the deadline, 80% between -15.9%"
        " and -11.58%: a 57% chance the target is met"
    ) in text
    assert f"{trend['projected']:.2f}" == "-13.74" and round(trend["probability"] * 100) == 57
    assert "at the pace so far the target is reached by the end of 2025" in text


def test_gap_in_chinese():
    text = "".join(run("gap", *ENERGY, "--no-chart", "--lang", "zh").split())
    assert (
        "基于4个数据点的直线趋势，截止时为-13.74%，80%区间为-15.9%至-11.58%：实现目标的概率为57%"
        in text
    )
    assert "按迄今速度，将于2025年底前实现目标" in text
    assert "分方法评估" in text and "快于预期" in text


def test_three_points_are_said_to_be_a_rough_guide():
    # on 2024-06-30 only -2.7% (2021) and -7.3% (2023) are known: three points with the base
    text = " ".join(
        run(
            "gap",
            "energy-intensity",
            "-f",
            "china-14th-fyp.toml",
            "--as-of",
            "2025-06-30",
            "--no-chart",
        ).split()
    )
    assert "on 3 points the straight-line trend" in text
    assert "(3 points leave one degree of freedom: a rough guide only)" in text


def test_gap_shows_the_verdict_under_each_published_method():
    document = json.loads(run("gap", *ENERGY, "--json"))
    table = run("gap", *ENERGY, "--no-chart")
    lines = table.splitlines()
    start = lines.index("By method")
    assert lines[start + 1].split() == ["scheme", "method", "verdict", "ratio", "projected"]
    rows = [line.split() for line in lines[start + 3 : start + 8]]
    assert [row[:2] for row in rows] == [
        ["eurostat", "compound"], ["unsd2022", "compound"], ["unsd2023", "unsd"],
        ["sdsn", "linear"], ["ndrc", "linear"],
    ]  # fmt: skip
    for row, method in zip(rows, document["methods"], strict=True):
        assert row[-2] == f"{method['ratio']:.2f}".rstrip("0").rstrip(".")
        assert row[-1] == f"{method['projected']:.2f}".rstrip("0").rstrip(".") + "%"
    markdown = run("gap", *ENERGY, "--format", "markdown")
    assert "**By method**\n\n| scheme | method | verdict | ratio | projected |\n" in markdown
    assert "| ndrc | linear | faster than expected | 1.07 | -14.5% |" in markdown


def test_status_marks_disagreeing_methods_and_explains_the_mark():
    out = run("status", "-f", "china-14th-fyp.toml", "--as-of", "2024-12-31", "--wide")
    assert "stale, methods disagree" in out
    assert "methods disagree: the published methods reach opposite verdicts (lnrev gap ID)" in out
    zh = run(
        "status", "-f", "china-14th-fyp.toml", "--as-of", "2024-12-31", "--wide", "--lang", "zh"
    )
    assert "方法分歧: 各已发布方法（见 lnrev gap ID 的分方法表）结论相反" in zh
    gap = " ".join(
        run(
            "gap",
            "energy-intensity",
            "-f",
            "china-14th-fyp.toml",
            "--as-of",
            "2024-12-31",
            "--no-chart",
        ).split()
    )
    assert (
        "caveat: the published methods disagree: sdsn (on track), ndrc (faster than expected)"
        " against eurostat (acceleration needed), unsd2022 (fair progress, acceleration needed),"
        " unsd2023 (moderate progress, acceleration needed)"
    ) in gap


def test_csv_flattens_methods_and_trend_into_documented_columns():
    args = ("status", "-f", "china-14th-fyp.toml", "--as-of", "2025-11-01")
    document = json.loads(run(*args, "--json"))
    rows = list(csv.DictReader(io.StringIO(run(*args, "--format", "csv"))))
    header = list(rows[0])
    schemes = ["eurostat", "unsd2022", "unsd2023", "sdsn", "ndrc"]
    fields = ["method", "verdict", "label", "outlook", "ratio", "projected"]
    trend = ["points", "scale", "projected", "low", "high", "probability"]
    assert header[-37:] == [
        *(f"{s}_{f}" for s in schemes for f in fields), *(f"trend_{f}" for f in trend), "reached_by"
    ]  # fmt: skip
    for row, target in zip(rows, document["targets"], strict=True):
        for method in target["methods"]:
            for field in fields:
                value = method[field]
                assert row[f"{method['scheme']}_{field}"] == ("" if value is None else str(value))
        for field in trend:
            value = target["trend"][field] if target["trend"] else None
            assert row[f"trend_{field}"] == ("" if value is None else str(value))
        assert row["reached_by"] == (
            "" if target["reached_by"] is None else str(target["reached_by"])
        )


def test_the_report_has_the_methods_table_the_band_and_reached_by():
    trend = json.loads(run("gap", *ENERGY, "--json"))["trend"]
    page = run("report", "energy-intensity", "-f", "china-14th-fyp.toml", "--as-of", "2025-11-01")
    assert '<table class="methods">' in page
    assert len(re.findall(r'<tr data-scheme="', page)) == 5
    band = re.search(r'<g class="series interval" data-points="([^"]+)"><rect ', page)
    (t_low, low), (t_high, high) = (map(float, p.split(",")) for p in band.group(1).split())
    assert t_low == t_high == 2026.0  # at the deadline, 2025-12-31
    assert (low, high) == (trend["low"], trend["high"])
    assert "80% interval of the trend at the deadline" in page
    assert "at the pace so far the target is reached by the end of 2025" in page
    markdown = run(
        "report",
        "energy-intensity",
        "-f",
        "china-14th-fyp.toml",
        "--as-of",
        "2025-11-01",
        "--format",
        "markdown",
    )
    assert "| unsd2023 | unsd | on track |" in markdown
    assert "a 57% chance the target is met" in markdown


def test_methods_and_trend_keys_follow_the_contract():
    document = json.loads(
        run("status", "-f", "china-14th-fyp.toml", "--as-of", "2025-11-01", "--json")
    )
    for target in document["targets"]:
        assert [m["scheme"] for m in target["methods"]] == [
            "eurostat",
            "unsd2022",
            "unsd2023",
            "sdsn",
            "ndrc",
        ]
        for method in target["methods"]:
            assert list(method) == [
                "scheme",
                "method",
                "verdict",
                "label",
                "outlook",
                "ratio",
                "projected",
            ]
        if target["trend"] is not None:
            assert list(target["trend"]) == [
                "points",
                "scale",
                "projected",
                "low",
                "high",
                "probability",
            ]
            assert target["trend"]["low"] <= target["trend"]["projected"] <= target["trend"]["high"]
            assert 0 <= target["trend"]["probability"] <= 1
    energy = document["targets"][0]
    assert energy["trend"] is not None and isinstance(energy["reached_by"], int)
