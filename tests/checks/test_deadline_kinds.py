"""How the rules read 公开时限: posting periods and lead times are never publishing deadlines.

The same reading (govopen_cli.catalog.deadline) serves check (GO301 …), inspect (GI101) and
diff (GD201); tests/checks/test_lawful_catalog.py runs the three commands on real wordings.
"""

from __future__ import annotations

import pytest

from govopen_cli.catalog.deadline import parse_time_limits


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("公告30日", [(30, "minimum")]),
        ("公示30天", [(30, "minimum")]),
        ("挂牌10日", [(10, "minimum")]),
        ("规划报送审批前公告30日", [(30, "minimum")]),
        ("在村公示栏张贴公告，公告期10个工作日", [(10, "minimum")]),
        ("至少在投标、拍卖或者挂牌开始日前20日发布", [(20, "before")]),
        ("听证会举行7个工作日前公告", [(7, "before")]),
        ("公告后5个工作日内", [(5, "limit")]),
        ("批准后公告30日内", [(30, "limit")]),
        ("公告期满后5个工作日内", [(5, "limit")]),
        ("调查结束后5个工作日内公示，公示5个工作日", [(5, "limit"), (5, "minimum")]),
        ("自信息形成或者变更之日起15个工作日内", [(15, "limit")]),
    ],
)
def test_each_count_is_a_limit_a_minimum_or_a_lead_time(text, kinds):
    assert [(t.days, t.kind) for t in parse_time_limits(text)] == kinds
