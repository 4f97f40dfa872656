"""`lnrev sources`: each source once, with what cites it, and what names no source."""

import json

from typer.testing import CliRunner

from lnrev.cli import app

runner = CliRunner()

FILE = """
    [plan]
    name = "p"
    source = "The plan itself"

    [targets.a]
    name = "A"
    target = { value = 50, by = 2025 }
    source = { publisher = "Bureau", title = "Plan", date = "2023-02" }
    observations = [
      { at = 2021, value = 40, source = "Communiqué 2021" },
      { at = 2022, value = 42, published = 2023-02-28, source = { publisher = "Bureau", title = "Plan", date = "2023-02" } },
      { at = 2023, value = 44 },
    ]
    expectations = [{ at = 2024, value = 47, source = "Communiqué 2021" }]

    [targets.b]
    name = "B"
    target = { value = 1, by = 2025 }
"""


def test_sources_json_lists_each_source_once_with_its_citations(write_targets):
    write_targets(FILE)
    result = runner.invoke(app, ["sources", "--json"])
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert document["schema_version"] == 3 and document["file"] == "targets.toml"
    assert document["sources"] == [
        {"source": "The plan itself", "cited_by": [{"target": None, "what": "plan", "at": None}]},
        {
            "source": {"title": "Plan", "publisher": "Bureau", "date": "2023-02"},
            "cited_by": [
                {"target": "a", "what": "target", "at": None},
                {"target": "a", "what": "observation", "at": "2022-12-31"},
            ],
        },
        {
            "source": "Communiqué 2021",
            "cited_by": [
                {"target": "a", "what": "observation", "at": "2021-12-31"},
                {"target": "a", "what": "expectation", "at": "2024-12-31"},
            ],
        },
    ]
    assert document["unsourced"] == [
        {"target": "a", "what": "observation", "at": "2023-12-31"},
        {"target": "b", "what": "target", "at": None},
    ]


def test_one_target_and_as_of(write_targets):
    write_targets(FILE)
    result = runner.invoke(app, ["sources", "a", "--json", "--as-of", "2023-01-31"])
    document = json.loads(result.stdout)
    cited = [c for source in document["sources"] for c in source["cited_by"]]
    # the 2022 figure was published 2023-02-28 and the 2023 one lies after 2023-01-31
    assert {"target": "a", "what": "observation", "at": "2022-12-31"} not in cited
    assert document["unsourced"] == []
    assert all(c["target"] == "a" for c in cited)


def test_sources_table(write_targets):
    write_targets(FILE)
    result = runner.invoke(app, ["sources"])
    assert result.exit_code == 0
    assert "Bureau, “Plan”, 2023-02" in result.stdout
    assert "a observation 2022-12-31" in result.stdout
    assert "file: targets.toml · 3 sources" in result.stdout
    assert "no source: a observation 2023-12-31, b target" in result.stdout


def test_unknown_id_exits_2(write_targets):
    write_targets(FILE)
    result = runner.invoke(app, ["sources", "c"])
    assert result.exit_code == 2
    assert "no target 'c'" in result.stderr


def test_sources_as_csv_and_markdown(write_targets):
    import csv
    import io

    write_targets(FILE)
    rows = list(csv.reader(io.StringIO(runner.invoke(app, ["sources", "--format", "csv"]).stdout)))
    assert rows[0] == ["number", "source", "cited_by"]
    assert rows[1] == ["1", "The plan itself", "plan"]
    assert rows[2][1] == "Bureau, “Plan”, 2023-02"
    assert rows[2][2] == "a target; a observation 2022-12-31"
    assert ["", "", "a observation 2023-12-31"] in rows  # what names no source
    markdown = runner.invoke(app, ["sources", "--format", "markdown"]).stdout
    assert markdown.startswith(
        "| # | Source | Cited by |\n|---|---|---|\n| 1 | The plan itself | plan |"
    )
    assert "**No source:** a observation 2023-12-31" in markdown
