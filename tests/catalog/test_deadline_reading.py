"""Reading 公开时限: limits, minimum periods, lead times; anchors; 工作日 against 自然日."""

from __future__ import annotations

import pytest

from govopen_cli.catalog.deadline import (
    TimeLimit,
    describe,
    has_anchor,
    longer_than,
    minimum_period,
    parse_time_limits,
    publishing_limit,
    shorter_than,
)
from govopen_cli.catalog.model import Deadline


def kinds(text):
    return [(t.days, t.unit, t.kind) for t in parse_time_limits(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("自信息形成或者变更之日起20个工作日内", [(20, "工作日", "limit")]),
        ("公告时间不少于30日", [(30, "自然日", "minimum")]),
        ("预公告时间不少于十个工作日", [(10, "工作日", "minimum")]),
        ("公告时间为5个工作日", [(5, "工作日", "minimum")]),
        ("听证7个工作日前", [(7, "工作日", "before")]),
        ("每年1月31日前", []),
        ("3个月内", [(90, "自然日", "limit")]),
        # A cue belongs to the count right after it, not to the next one.
        ("公告不少于10个工作日后5个工作日内", [(10, "工作日", "minimum"), (5, "工作日", "limit")]),
        # 公告期满 ends the period: what follows is a limit.
        ("公告期满后5个工作日内", [(5, "工作日", "limit")]),
    ],
)
def test_counts_are_classified(text, expected):
    assert kinds(text) == expected


def test_publishing_limit_skips_periods_and_lead_times():
    limit = publishing_limit(Deadline("公示期不少于10个工作日，期满后20个工作日内公布"))
    assert limit is not None and (limit.days, limit.kind) == (20, "limit")
    assert publishing_limit(Deadline("听证7个工作日前")) is None
    assert minimum_period("公示期不少于10个工作日") is not None


@pytest.mark.parametrize(
    ("text", "anchored"),
    [
        ("自信息形成或者变更之日起20个工作日内", True),
        ("收到征地批准文件之日起15个工作日内", True),
        ("调查结束后5个工作日内", True),
        ("与政策性文件同步发布或公开后3个工作日内", True),
        ("20个工作日", False),
        ("20工作日", False),
        ("20个自然日内", False),
    ],
)
def test_anchor(text, anchored):
    assert has_anchor(text) is anchored


def limit(days, unit):
    return TimeLimit(days=days, unit=unit, kind="limit", fragment="")


@pytest.mark.parametrize(
    ("days", "unit", "over"),
    [(20, "工作日", False), (21, "工作日", True), (28, "自然日", False), (29, "自然日", True)],
)
def test_twenty_working_days_is_four_weeks(days, unit, over):
    assert longer_than(limit(days, unit), 20, "工作日") is over


@pytest.mark.parametrize(
    ("days", "unit", "under"),
    [(21, "工作日", True), (22, "工作日", False), (29, "自然日", True), (30, "自然日", False)],
)
def test_thirty_days_in_working_days(days, unit, under):
    assert shorter_than(limit(days, unit), 30, "自然日") is under


def test_describe():
    assert describe(limit(20, "工作日")) == "20个工作日"
    assert describe(limit(30, "自然日")) == "30日"
