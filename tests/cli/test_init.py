"""``govopen init``: a first repository that passes ``govopen check`` at once, never overwriting."""

from __future__ import annotations

import yaml

INIT = "govopen init {folder} --agency 某某县自然资源局 --year 2026 --id mouxian-zrzyj"


def _snapshot(folder):
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_init_makes_a_repository_that_check_passes_at_once(run_line, tmp_path):
    repo = tmp_path / "目录仓库"
    made = run_line(INIT.format(folder=repo))
    assert made.exit_code == 0, made.stderr
    assert {str(p) for p in _snapshot(repo)} == {
        "govopen.toml",
        "catalogs/mouxian-zrzyj/2026.yaml",
        "catalogs/mouxian-zrzyj/sanding.yaml",
        ".pre-commit-config.yaml",
        ".github/workflows/govopen.yml",
        ".gitlab-ci.yml",
        "README.md",
    }
    checked = run_line("govopen check", cwd=repo)
    assert checked.exit_code == 0, checked.stdout
    assert checked.lines == [
        "检查了 2 个文件，错误 0 个，警告 0 个，提示 0 个。配置：govopen.toml。"
    ]
    coverage = run_line("govopen coverage catalogs/mouxian-zrzyj/2026.yaml", cwd=repo)
    assert coverage.exit_code == 0 and "覆盖率 100%" in coverage.lines[-1]


def test_the_starter_catalog_holds_the_rows_every_agency_must_have(run_line, tmp_path):
    run_line(INIT.format(folder=tmp_path) + " --level 市级")
    catalog = yaml.safe_load((tmp_path / "catalogs/mouxian-zrzyj/2026.yaml").read_text("utf-8"))
    assert catalog["catalog"]["agency"] == "某某县自然资源局"
    assert catalog["catalog"]["level"] == "市级"
    names = [item["matter"][-1] for item in catalog["items"]]
    for needed in ("机构职能", "规范性文件", "专项规划", "许可事项", "处罚事项", "财政预决算"):
        assert needed in names
    assert "政府信息公开指南" in names and "政府信息公开工作年度报告" in names
    report = next(i for i in catalog["items"] if i["matter"][-1] == "政府信息公开工作年度报告")
    assert report["deadline"] == "每年1月31日前"
    assert all(b.startswith("《") for item in catalog["items"] for b in item["basis"])
    hooks = yaml.safe_load((tmp_path / ".pre-commit-config.yaml").read_text("utf-8"))
    assert hooks["repos"][0]["hooks"][0]["id"] == "govopen-check"
    workflow = (tmp_path / ".github/workflows/govopen.yml").read_text("utf-8")
    assert "govopen check --format github" in workflow
    assert "--format junit" in (tmp_path / ".gitlab-ci.yml").read_text("utf-8")


def test_init_never_overwrites_and_changes_nothing(run_line, tmp_path):
    (tmp_path / "README.md").write_text("本科室原有的说明\n", encoding="utf-8")
    before = _snapshot(tmp_path)
    result = run_line(INIT.format(folder=tmp_path))
    assert result.exit_code == 2
    assert "README.md" in result.stderr and "不覆盖任何文件" in result.stderr
    assert _snapshot(tmp_path) == before


def test_init_twice_is_refused(run_line, tmp_path):
    assert run_line(INIT.format(folder=tmp_path)).exit_code == 0
    before = _snapshot(tmp_path)
    again = run_line(INIT.format(folder=tmp_path))
    assert again.exit_code == 2
    assert _snapshot(tmp_path) == before


def test_missing_options_without_a_terminal_are_a_usage_error(run_line, tmp_path):
    result = run_line(f"govopen init {tmp_path} --agency 某某县自然资源局")
    assert result.exit_code == 2
    assert "--year" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_every_missing_option_is_named_at_once(run_line, tmp_path):
    result = run_line(f"govopen init {tmp_path}")
    assert result.exit_code == 2
    assert "缺少 --agency、--year、--id" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_bad_id_is_refused(run_line, tmp_path):
    result = run_line(f"govopen init {tmp_path} --agency 某局 --year 2026 --id 某某局")
    assert result.exit_code == 2 and "目录标识" in result.stderr


class _Terminal:
    """Typed answers on a terminal: stdin that says it is a TTY."""

    def __init__(self, answers: list[str]) -> None:
        self.answers = [a + "\n" for a in answers]

    def isatty(self) -> bool:
        return True

    def readline(self, *args: object) -> str:
        return self.answers.pop(0)


def test_on_a_terminal_missing_options_are_asked_for(run_line, tmp_path, monkeypatch):
    monkeypatch.setattr("sys.stdin", _Terminal(["某某县自然资源局", "2026", "mouxian-zrzyj"]))
    result = run_line(f"govopen init {tmp_path}")
    assert result.exit_code == 0, result.stderr
    assert "机关全称" in result.stdout and "目录年度" in result.stdout
    assert (tmp_path / "catalogs/mouxian-zrzyj/2026.yaml").is_file()
