"""Dialogue blocks: speakers, placeholders, a missing first speaker, empty or unclosed blocks."""

from __future__ import annotations

from tools.build.checks.source import Context, Source, spans, unclosed
from tools.build.dialogue_syntax import OPEN_RE, SLOT_RE, classify, suggest
from tools.build.problems import Problem


def check(source: Source, context: Context) -> list[Problem]:
    problems: list[Problem] = []
    for span in spans(source.lines, OPEN_RE):
        if not span.closed:
            problems.append(unclosed(source.rel, span, "对话块", "对话"))
        turns = 0
        expecting_speaker = True
        for number, line in span.body:
            item = classify(line, context.speakers)
            problems += check_braces(source.rel, number, item.text)
            if item.kind == "say":
                turns += 1
                expecting_speaker = False
                if item.who not in context.speakers:
                    problems.append(unknown_speaker(source.rel, number, item.who, context.speakers))
            elif item.kind == "more" and expecting_speaker:
                turns += 1  # it still shows as text: the block is not empty
                expecting_speaker = False
                problems.append(
                    Problem(
                        source.rel,
                        number,
                        "这一句没有说话人（对话开头和场景提示之后，要先写是谁在说）",
                        "在这一行开头写上“角色：”，例如“信贷员：”",
                    )
                )
            elif item.kind == "note":
                expecting_speaker = True
        if span.closed and not turns:
            problems.append(
                Problem(
                    source.rel,
                    span.start,
                    "对话块是空的，没有一句话",
                    "在 /// dialogue 和 /// 之间写上对话，或删掉这两行",
                )
            )
    return problems


def unknown_speaker(rel: str, number: int, who: str, speakers: dict[str, str]) -> Problem:
    meant = suggest(who, speakers)
    add = f"如果“{who}”是新角色，在 snippets/speakers.txt 加一行“{who} = 英文样式名”"
    if meant:
        fix = f"你是不是想写“{meant}”？改成“{meant}：”；{add}"
    else:
        fix = f"改成已有的角色（{'、'.join(speakers) or '角色表是空的'}）；{add}"
    return Problem(rel, number, f"未知的说话人「{who}」", fix)


def check_braces(rel: str, number: int, text: str) -> list[Problem]:
    problems = []
    depth = 0
    for char in text:
        if char == "{":
            depth += 1
            if depth == 2:
                problems.append(
                    Problem(
                        rel,
                        number,
                        "占位符里又套了一个“{”",
                        "每个占位符写成一对 {名称}，中间不要再有大括号",
                    )
                )
        elif char == "}":
            depth -= 1
            if depth < 0:
                problems.append(
                    Problem(
                        rel, number, "多了一个“}”，前面没有配对的“{”", "补上“{”，或删掉多余的“}”"
                    )
                )
                depth = 0
    if depth > 0:
        problems.append(Problem(rel, number, "有“{”没有配对的“}”", "在占位符名称后面补上“}”"))
    for match in SLOT_RE.finditer(text):
        if not match.group(1).strip():
            problems.append(
                Problem(
                    rel, number, "占位符是空的：“{}”", "在大括号里写上要替换的内容，例如 {客户姓名}"
                )
            )
    return problems
