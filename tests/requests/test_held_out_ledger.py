"""The held-out check of issue 10: a 15-request 2025 ledger written as real ledgers are.

ledgers/市自然资源和规划局-2025.csv uses the headers of real 登记台账 (申请编号, 申请人,
收到申请日期, 答复类型, 答复依据 …), dates written 2025年1月8日 and 2025/3/3, the
wordings of 条例第三十六条 as the 答复类型 (“经检索没有所申请公开的信息”, “所申请公开信息
不属于本行政机关负责公开”, “重复申请，不予重复处理”), and 村民委员会 / 居民委员会 as
applicants. Every answer is on time. The table below was counted by hand, row by row:

申请           收到        申请人类型 → 列         答复         结果 → 行
2024-041       2024-12-09  自然人                  2025-01-06   予以公开
2024-043       2024-12-16  其他组织（村民委员会）→其他  2025-01-10   （四）→ 无法提供-1
2024-045       2024-12-23  商业企业（延期）        2025-02-14   部分公开
2024-046       2024-12-27  自然人                  2025-01-20   不予公开-5（内部事务）
2025-001       2025-01-08  自然人                  2025-01-24   予以公开
2025-002       2025-02-10  法律服务机构            2025-03-07   予以公开
2025-003       2025-03-03  其他组织（村民委员会）→其他  2025-03-25   （五）→ 无法提供-1
2025-004       2025-03-17  自然人                  2025-04-03   不予公开-4（第三方）
2025-005       2025-04-14  自然人                  2025-04-30   予以公开（已主动公开）
2025-006       2025-05-12  科研机构                2025-06-06   部分公开
2025-007       2025-06-09  自然人                  2025-06-20   （六）→ 不予处理-2
2025-008       2025-07-14  居民委员会 → 其他       2025-08-08   予以公开
2025-009       2025-09-26  自然人                  2025-10-30   无法提供-2（另行制作）
2025-010       2025-12-15  自然人                  —            结转下年度
2025-011       2025-12-22  商业企业                —            结转下年度

So 一 = 11 of the 15 (four were received in 2024), 二 = 4, 无法提供-1 = 2 (both 其他).
王某某 asked three times for the same 宅基地 file (2024-041, 2025-001, 2025-005): one
applicant, not a 第四十四条 candidate.
"""

from __future__ import annotations

import json
from pathlib import Path

LEDGER = Path(__file__).parent / "ledgers" / "市自然资源和规划局-2025.csv"

#                          自然人 商业 科研 公益 法律 其他 总计
EXPECTED: dict[str, list[int]] = {
    "new": [6, 1, 1, 0, 1, 2, 11],
    "carried": [2, 1, 0, 0, 0, 1, 4],
    "result:予以公开": [3, 0, 0, 0, 1, 1, 5],
    "result:部分公开": [0, 1, 1, 0, 0, 0, 2],
    "result:不予公开:4": [1, 0, 0, 0, 0, 0, 1],
    "result:不予公开:5": [1, 0, 0, 0, 0, 0, 1],
    "result:无法提供:1": [0, 0, 0, 0, 0, 2, 2],
    "result:无法提供:2": [1, 0, 0, 0, 0, 0, 1],
    "result:不予处理:2": [1, 0, 0, 0, 0, 0, 1],
    "result-total": [7, 1, 1, 0, 1, 3, 13],
    "next": [1, 1, 0, 0, 0, 0, 2],
}
ZERO = [0] * 7


def test_the_table_is_right_cell_by_cell(run_line):
    result = run_line(f"govopen requests report {LEDGER} --year 2025 --format json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["columns"] == [
        "自然人",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
        "总计",
    ]
    rows = {row["key"]: row["values"] for row in data["rows"]}
    assert len(rows) == 25  # 一、二, (一)(二), 8 + 3 + 5 + 3 sub-rows, (七), 四
    for key, values in rows.items():
        assert values == EXPECTED.get(key, ZERO), key
    assert data["identity"] == {"holds": True, "failing_columns": [], "uncounted": []}


def test_the_lawful_ledger_has_no_finding(run_line):
    result = run_line(f"govopen requests check {LEDGER} --today 2025-12-31")
    assert result.exit_code == 0
    assert result.stdout.strip() == "检查了 1 个文件，错误 0 个，警告 0 个，提示 0 个。"


def test_without_the_applicant_column_the_repeated_requests_count_as_three(run_line, tmp_path):
    lines = LEDGER.read_text(encoding="utf-8").splitlines()
    nameless = [
        "".join(cell + "," for i, cell in enumerate(line.split(",")) if i != 2)[:-1]
        for line in lines
    ]
    path = tmp_path / "台账.csv"
    path.write_text("\n".join(nameless) + "\n", encoding="utf-8")
    result = run_line(f"govopen requests check {path} --today 2025-12-31")
    assert "GR105 info" in result.stdout
    assert (
        "3 件申请（2024-041、2025-001、2025-005；台账没有“申请人”列，按申请件数计）"
        in result.stdout
    )
