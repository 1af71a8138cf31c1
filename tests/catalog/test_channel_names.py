"""The channel vocabulary: official names, typography, variants, suggestions."""

from __future__ import annotations

import pytest

from govopen_cli.catalog.channel import (
    CHANNEL_VARIANTS,
    OFFICIAL_CHANNELS,
    canonical_channel,
    classify_channel,
    closest_channel,
)


def test_thirteen_official_names():
    assert len(OFFICIAL_CHANNELS) == 13
    assert all(classify_channel(n).status == "official" for n in OFFICIAL_CHANNELS)


def test_every_variant_maps_to_an_official_name():
    assert set(CHANNEL_VARIANTS.values()) <= set(OFFICIAL_CHANNELS)
    assert not set(CHANNEL_VARIANTS) & set(OFFICIAL_CHANNELS)


@pytest.mark.parametrize(
    "written",
    [
        "社区/企事业单位/村公示栏（电子屏）",
        "社区／企事业单位／村公示栏(电子屏)",
        "政府 网站",
        "政府网站　",
    ],
)
def test_width_and_spaces_do_not_change_a_name(written):
    found = classify_channel(written)
    assert found.status == "official"


@pytest.mark.parametrize(
    ("written", "official"),
    [
        ("纸质载体", "纸质媒体"),
        ("政府服务中心", "政务服务中心"),
        ("行政服务中心", "政务服务中心"),
        ("公开查询点", "公开查阅点"),
        ("村（居）公示栏", "社区/企事业单位/村公示栏(电子屏)"),
        ("村(居)务公开栏", "社区/企事业单位/村公示栏(电子屏)"),
        ("村(居)/企事业单位公示栏", "社区/企事业单位/村公示栏(电子屏)"),
        ("发布会", "发布会/听证会"),
        ("政府门户网站", "政府网站"),
        ("微信公众号", "两微一端"),
        ("入户、现场", "入户/现场"),
    ],
)
def test_known_variants(written, official):
    found = classify_channel(written)
    assert (found.status, found.canonical) == ("variant", official)
    assert canonical_channel(written) == official


def test_project_extras_are_accepted_as_written():
    found = classify_channel("征地信息公开平台", ["征地信息公开平台"])
    assert (found.status, found.canonical) == ("extra", "征地信息公开平台")
    assert classify_channel("征地信息公开平台").status == "unknown"


@pytest.mark.parametrize(
    ("written", "guess"),
    [
        ("征地平台", "征地信息公开平台"),
        ("政府公告", "政府公报"),
        ("乡镇便民服务中心", "政务服务中心"),
    ],
)
def test_closest_channel(written, guess):
    assert closest_channel(written, ["征地信息公开平台"]) == guess


def test_no_guess_when_nothing_is_close():
    assert closest_channel("12345热线") is None
