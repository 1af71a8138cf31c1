"""The README's two commands are the ones CI and a newcomer run."""

from __future__ import annotations

import re

from conftest import REPO


def readme_commands() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    return re.findall(r"^(python3 -m venv \.venv && .+)$", text, flags=re.MULTILINE)


def test_ci_runs_the_readme_test_command_verbatim():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    [test_command] = {c for c in readme_commands() if "pytest" in c}
    assert f'TEST_COMMAND="{test_command}"' in ci


def test_readme_first_command_checks_the_bundled_catalogs():
    check_commands = {c for c in readme_commands() if "govopen check" in c}
    assert check_commands == {
        "python3 -m venv .venv && .venv/bin/pip install -q -e . && .venv/bin/govopen check catalogs/"
    }
    assert (REPO / "catalogs").is_dir()


def test_bundled_catalogs_pass_their_own_check(run_line):
    result = run_line(f"govopen check {REPO / 'catalogs'}", cwd=REPO)
    assert result.exit_code == 0, result.stdout
    assert "错误 0 个" in result.lines[-1]


def test_readme_configuration_example_is_valid(tmp_path):
    from govopen_cli.catalog.config import load_config
    from govopen_cli.codes import is_known_code

    text = (REPO / "README.md").read_text(encoding="utf-8")
    [example] = re.findall(r"```toml\n(.*?)```", text, flags=re.DOTALL)
    path = tmp_path / "govopen.toml"
    path.write_text(example, encoding="utf-8")
    config = load_config(path, known_code=is_known_code)
    assert config.extra_channels == ["征地信息公开平台"]
    assert config.holidays == "holidays/2027.yaml"


def test_readme_sample_output_is_what_check_prints(run_line):
    text = (REPO / "README.md").read_text(encoding="utf-8")
    [sample] = re.findall(r"```text\n(.*?)```", text, flags=re.DOTALL)
    result = run_line("govopen check examples/mistakes/unquoted-id.yaml", cwd=REPO)
    assert result.stdout == sample
