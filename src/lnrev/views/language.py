"""The languages lnrev speaks to people: English (the default) and Chinese.

A language is a table of phrases with {placeholders}; numbers, dates and ids are filled in as they
are, in every language. The verdicts' names come from the scheme (`engine.verdicts.Label`): under
`ndrc` the Chinese names are the NDRC's own. JSON and CSV stay in English whatever the language:
they are for scripts. Adding a language is one more table here, and its name in LANGUAGES.
"""

from __future__ import annotations

from typing import NamedTuple

from lnrev.engine.verdicts import Label


class Language(NamedTuple):
    code: str
    phrases: dict[str, str]

    def say(self, key: str, **values: object) -> str:
        """The phrase `key` with its placeholders filled in."""
        return self.phrases[key].format(**values)

    def label(self, label: Label) -> str:
        return label.zh if self.code == "zh" else label.en


EN = Language(
    "en",
    {
        # the status table
        "Target": "Target",
        "Latest": "Latest",
        "Target by": "Target by",
        "Gap": "Gap",
        "Progress | time": "Progress | time",
        "Required": "Required",
        "Pace so far": "Pace so far",
        "Projected": "Projected",
        "Verdict": "Verdict",
        "binding": "binding",
        "baseline": "baseline",
        "years old": "{years} years old",
        "aged": " ({years} years old)",
        "targets": "{count} targets",
        "target": "{count} target",
        "summary": "{total}: {parts}",
        "list": ", ",
        "caption": "file: {file} · as of {as_of} · scheme: {scheme} · method: {method}"
        " (in use: {in_use})",
        "none": "none",
        "left out": " · left out at {width} columns: {names} (--wide, or a wider terminal, shows"
        " them)",
        "the bar": "the bar",
        "the table": "the table",
        "gap": "gap",
        "progress | time": "progress | time",
        "required": "required",
        "pace so far": "pace so far",
        "projected": "projected",
        # verdicts, outlooks, caveats
        "with outlook": "{label}, {outlook}",
        "likely_met": "likely met",
        "likely_missed": "likely missed",
        "stale": "stale",
        "short_span": "short span",
        "baseline_after_plan_start": "late baseline",
        "stale legend": "the latest figure is over {years} years old",
        "short_span legend": "the pace rests on less than {years} year of data",
        "baseline_after_plan_start legend": "the baseline is a figure from after the plan's base",
        "stale sentence": "the latest figure is {years} years old",
        "short_span sentence": "the pace rests on {days} days of data",
        "baseline_after_plan_start sentence": "the baseline is an observation from {at}, after"
        " the plan's base {base}",
        # where a target is, in words
        "value on": "{value} on {at}",
        "no figure yet": "no figure yet",
        "position": "{latest} → {target} by {by}",
        "{value} by {by}": "{value} by {by}",
        "{signed}% vs {base} by {by}": "{signed}% vs {base} by {by}",
        "{value} a year on average from {base} to {by}": "{value} a year on average from {base}"
        " to {by}",
        "at most {value} until {by}": "at most {value} until {by}",
        "at least {value} until {by}": "at least {value} until {by}",
        "a year": " a year",
        "aims, no data": "aims at {goal}; no observation yet",
        "must stay": "must stay {goal}; latest {latest}",
        "had to stay": "had to stay {goal}; {passed}; latest {latest}",
        "reached": "reached {goal} (latest {latest})",
        "missed": "missed {goal}: latest {latest}",
        "needs": "needs {rate} from {at} to reach {goal}",
        "pace so far is": "; the pace so far is {rate}",
        "deadline passed": "the deadline passed {years} years ago and its figure is not known yet",
        "aimed": "aimed at {goal}; {passed}; latest {latest}",
        "no pace": "; no pace to project from",
        "would have reached": "; at the pace so far ({rate}) it would have reached {projected}:"
        " {outlook}",
        # one target in depth
        "kind binding": "{kind} target, binding (约束性)",
        "kind not binding": "{kind} target, not marked binding",
        "source:": "source: {source}",
        "note:": "note: {note}",
        "verdict:": "verdict: ",
        "caveat:": "caveat: {caveat}",
        "method line": "method: {method}; scheme: {scheme}; thresholds: on track >= {on_track},"
        " acceleration needed >= {acceleration_needed}, limited progress >= {limited_progress}",
        "bound line": "bound: every observation from its start to the deadline is checked"
        " against it",
        "row baseline": "baseline",
        "row latest": "latest",
        "row target": "target",
        "row gap": "gap",
        "row progress": "progress (task done)",
        "row time": "time elapsed",
        "row years left": "years left",
        "row age": "age of the latest figure",
        "row pace": "pace so far",
        "row required": "required from the latest figure",
        "row projected": "projected at the deadline",
        "row ratio": "ratio",
        "at date": "{value} at {at}",
        "by date": "{value} by {by}",
        "years": "{years} years",
        "or": " or ",
        "Observations": "Observations",
        "Official expectations (not assessed)": "Official expectations (not assessed)",
        "Sources": "Sources",
        "at": "at",
        "value": "value",
        "recorded": "recorded",
        "assessed": "assessed",
        "source": "source",
        "note": "note",
        "yes": "yes",
        "no": "no",
    },
)

ZH = Language(
    "zh",
    {
        "Target": "目标",
        "Latest": "最新",
        "Target by": "目标值",
        "Gap": "差距",
        "Progress | time": "进度 | 时间",
        "Required": "所需速度",
        "Pace so far": "迄今速度",
        "Projected": "预计值",
        "Verdict": "评估",
        "binding": "约束性",
        "baseline": "基期",
        "years old": "已 {years} 年",
        "aged": "（已 {years} 年）",
        "targets": "{count} 个目标",
        "target": "{count} 个目标",
        "summary": "{total}：{parts}",
        "list": "，",
        "caption": "文件：{file} · 截至 {as_of} · 方案：{scheme} · 方法：{method}"
        "（使用中：{in_use}）",
        "none": "无",
        "left out": " · {width} 列宽度下省略：{names}（使用 --wide 或更宽的终端可显示）",
        "the bar": "进度条",
        "the table": "表格",
        "gap": "差距",
        "progress | time": "进度 | 时间",
        "required": "所需速度",
        "pace so far": "迄今速度",
        "projected": "预计值",
        "with outlook": "{label}，{outlook}",
        "likely_met": "可能已实现",
        "likely_missed": "可能未实现",
        "stale": "数据陈旧",
        "short_span": "时段过短",
        "baseline_after_plan_start": "基期偏晚",
        "stale legend": "最新数据已超过 {years} 年",
        "short_span legend": "速度所依据的数据不足 {years} 年",
        "baseline_after_plan_start legend": "基期数据晚于规划基期",
        "stale sentence": "最新数据已有 {years} 年",
        "short_span sentence": "速度仅依据 {days} 天的数据",
        "baseline_after_plan_start sentence": "基期为 {at} 的观测值，晚于规划基期 {base}",
        "value on": "{value}（{at}）",
        "no figure yet": "尚无数据",
        "position": "{latest} → {by} 前 {target}",
        "{value} by {by}": "{by} 前达到 {value}",
        "{signed}% vs {base} by {by}": "{by} 前较 {base} 变化 {signed}%",
        "{value} a year on average from {base} to {by}": "{base} 至 {by} 年均 {value}",
        "at most {value} until {by}": "{by} 前不高于 {value}",
        "at least {value} until {by}": "{by} 前不低于 {value}",
        "a year": "/年",
        "aims, no data": "目标：{goal}；尚无观测值",
        "must stay": "须{goal}；最新 {latest}",
        "had to stay": "须{goal}；{passed}；最新 {latest}",
        "reached": "已实现：{goal}（最新 {latest}）",
        "missed": "未实现：{goal}；最新 {latest}",
        "needs": "自 {at} 起需 {rate}，方能{goal}",
        "pace so far is": "；迄今速度为 {rate}",
        "deadline passed": "截止日期已过去 {years} 年，最终数据尚未公布",
        "aimed": "目标：{goal}；{passed}；最新 {latest}",
        "no pace": "；无速度可供外推",
        "would have reached": "；按迄今速度（{rate}）将达到 {projected}：{outlook}",
        "kind binding": "{kind} 类目标，约束性",
        "kind not binding": "{kind} 类目标，未标明约束性",
        "source:": "来源：{source}",
        "note:": "备注：{note}",
        "verdict:": "评估：",
        "caveat:": "提示：{caveat}",
        "method line": "方法：{method}；方案：{scheme}；阈值：进度正常 >= {on_track}，需加快 >="
        " {acceleration_needed}，进展有限 >= {limited_progress}",
        "bound line": "上下限：自起始至截止日期的每个观测值均须满足",
        "row baseline": "基期",
        "row latest": "最新",
        "row target": "目标",
        "row gap": "差距",
        "row progress": "进度（任务完成）",
        "row time": "时间进度",
        "row years left": "剩余年数",
        "row age": "最新数据的年龄",
        "row pace": "迄今速度",
        "row required": "自最新数据起所需速度",
        "row projected": "截止时预计值",
        "row ratio": "比率",
        "at date": "{value}（{at}）",
        "by date": "{by} 前 {value}",
        "years": "{years} 年",
        "or": " 或 ",
        "Observations": "观测值",
        "Official expectations (not assessed)": "官方预期（不评估）",
        "Sources": "来源",
        "at": "时间",
        "value": "数值",
        "recorded": "原始记录",
        "assessed": "参与评估",
        "source": "来源",
        "note": "备注",
        "yes": "是",
        "no": "否",
    },
)

LANGUAGES = {language.code: language for language in (EN, ZH)}
LANGUAGE_CODES = tuple(LANGUAGES)
