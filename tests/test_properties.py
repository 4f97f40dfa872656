"""Properties of the assessment that must hold for any data (hypothesis)."""

import json
from datetime import date, timedelta

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from lnrev.engine.timeline import decimal_year
from lnrev.engine.verdicts import Verdict
from lnrev.model.targets_file import TargetsFile
from lnrev.reports.status import assess_file
from lnrev.views.json_document import assessment_json, dumps

values = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
positive = st.floats(min_value=1e-3, max_value=1e6, allow_nan=False, allow_infinity=False)
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31))
methods = st.sampled_from(["linear", "compound", "unsd"])


@st.composite
def level_targets(draw, value=values):
    """A level target with 1-6 observations at distinct points, in random file order."""
    points = draw(st.lists(days, min_size=1, max_size=6, unique_by=decimal_year))
    observations = [{"at": point, "value": draw(value)} for point in points]
    deadline = draw(st.dates(min_value=max(points), max_value=date(2040, 12, 31)))
    return {
        "name": "t",
        "method": draw(methods),
        "target": {"value": draw(value), "by": deadline},
        "observations": observations,
    }


def assess_one(target: dict, as_of: date = date(2045, 1, 1)):
    targets_file = TargetsFile.model_validate({"targets": {"t": target}})
    return assess_file(targets_file, as_of)[0]


@given(level_targets())
def test_linear_ratio_at_least_one_exactly_when_the_projection_meets_the_target(target):
    target["method"] = "linear"
    a = assess_one(target)
    m = a.measures
    assume(m.ratio is not None and m.projected is not None and abs(m.ratio - 1) > 1e-9)
    d = 1 if a.direction == "increase" else -1
    meets = d * (m.projected - target["target"]["value"]) >= 0
    assert (m.ratio >= 1) == meets


@given(level_targets())
def test_a_target_met_at_its_latest_observation_is_met(target):
    a = assess_one(target)
    assume(a.latest is not None)
    d = 1 if a.direction == "increase" else -1
    if d * (a.latest.value - target["target"]["value"]) >= 0:
        assert a.verdict is Verdict.MET


@given(level_targets())
def test_as_of_before_every_observation_is_insufficient_data(target):
    first = min(observation["at"] for observation in target["observations"])
    a = assess_one(target, as_of=first - timedelta(days=1))
    assert a.verdict is Verdict.INSUFFICIENT_DATA
    assert a.latest is None


@given(level_targets(), st.randoms(use_true_random=False))
def test_reordering_observations_changes_nothing(target, random):
    shuffled = {
        **target,
        "observations": random.sample(target["observations"], len(target["observations"])),
    }
    assert assess_one(shuffled) == assess_one(target)


@given(level_targets(value=st.floats(allow_nan=False, allow_infinity=False)))
@settings(max_examples=300)
def test_json_never_holds_nan_or_infinity_whatever_the_magnitudes(target):
    text = dumps(
        assessment_json(assess_one(target)), pretty=False
    )  # allow_nan=False raises on any slip
    assert json.loads(text)["verdict"] in {verdict.value for verdict in Verdict}


@given(level_targets(value=positive))
def test_progress_and_time_elapsed_are_shares_while_heading_for_the_target(target):
    a = assess_one(target, as_of=target["target"]["by"])
    m = a.measures
    assume(m.progress is not None and m.time_elapsed is not None)
    assert 0 <= m.time_elapsed <= 1
    d = 1 if a.direction == "increase" else -1
    if d * (a.latest.value - a.baseline.value) >= 0 and a.verdict is not Verdict.MET:
        assert 0 <= m.progress <= 1


rates = st.floats(min_value=-99.9, max_value=1e4, allow_nan=False, allow_infinity=False)


@st.composite
def index_targets(draw):
    """A change or growth target with observations after its baseline, at fractional dates."""
    kind = draw(st.sampled_from(["change", "growth"]))
    baseline = draw(st.dates(min_value=date(2000, 1, 1), max_value=date(2020, 12, 31)))
    points = draw(
        st.lists(
            st.dates(min_value=baseline + timedelta(days=1), max_value=date(2030, 12, 31)),
            min_size=0, max_size=5, unique_by=decimal_year,
        )
    )  # fmt: skip
    if kind == "growth":
        observations = [{"at": p, "rate": draw(rates)} for p in points]
        goal = {"rate": draw(rates)}
    else:
        field = st.sampled_from(["value", "yoy"])
        observations = [{"at": p, draw(field): draw(rates)} for p in points]
        goal = {"change": draw(rates)}
    deadline = draw(
        st.dates(min_value=max([baseline, *points]) + timedelta(days=1), max_value=date(2040, 1, 1))
    )
    target = {
        "kind": kind,
        "name": "t",
        "tolerance": draw(st.floats(min_value=0, max_value=10)),
        "target": {**goal, "by": deadline},
        "baseline": {"at": baseline},
        "observations": observations,
    }
    if kind == "change":
        target["method"] = draw(methods)
    return target


@given(index_targets(), days)
@settings(max_examples=300)
def test_change_and_growth_targets_always_assess_to_finite_json(target, as_of):
    a = assess_one(target, as_of=as_of)
    document = json.loads(dumps(assessment_json(a), pretty=False))
    assert document["kind"] == target["kind"]
    if (
        a.latest is not None
        and document["latest"]["value"] is not None
        and target["kind"] == "change"
    ):
        assert a.baseline.value == 0.0
