"""The placeholder for a value a catalog does not give yet, and the fields that may hold one.

``govopen import`` writes :data:`PLACEHOLDER` (待填写) where the workbook leaves a
required value out, so the file is still written and nothing is lost;
``govopen check`` reports every such value (GX006) until someone fills it in.
"""

from __future__ import annotations

#: Marker of a value the workbook did not give: ``govopen check`` reports it (GX006).
PLACEHOLDER = "待填写"

#: The Chinese name of each field import may leave empty or as a placeholder, for messages.
FIELD_NAMES = {
    "id": "目录标识",
    "title": "目录名称",
    "agency": "制定机关",
    "year": "年度",
    "matter": "公开事项",
    "matter1": "一级事项",
    "content": "公开内容",
    "basis": "公开依据",
    "deadline": "公开时限",
    "owner": "公开主体",
    "channels": "公开渠道和载体",
    "audience": "公开对象",
    "mode": "公开方式",
    "levels": "公开层级",
}
