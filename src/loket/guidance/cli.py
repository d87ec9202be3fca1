"""`loket check`: the post check from the command line, one post or a batch, without starting Django."""

import argparse
import io
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import TextIO

from loket.guidance import (
    analyzers,  # noqa: F401 - registers the analyzers
    engine,
)


def _at(value: str) -> datetime:
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date and time: {value!r} (e.g. 2026-03-10T14:30+01:00)") from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", nargs="?", help="the post; '-' reads it from standard input")
    parser.add_argument("--json", action="store_true", help="print the findings as JSON")
    parser.add_argument(
        "--jsonl", action="store_true", help="batch: one post per input line (plain text or a JSON object), JSONL out"
    )
    parser.add_argument("--at", type=_at, help="when the post is planned (ISO 8601); judges working hours")
    parser.add_argument("--account", choices=engine.ACCOUNTS, default="private")
    parser.add_argument("--language", choices=engine.LANGUAGES, default="nl", help="language of the messages")
    parser.add_argument("--eval", type=Path, metavar="FILE", help="precision and recall against a labelled JSONL file")


def _human(findings: list[engine.Finding], text: str, out: TextIO) -> None:
    if not findings:
        print("No findings.", file=out)
    for f in findings:
        print(f"{f.severity:7} {f.category} [{f.start}:{f.end}] “{text[f.start : f.end]}”", file=out)
        print(f"        {f.message} {f.suggestion} (guideline: {f.guideline})", file=out)


def _batch(args: argparse.Namespace, lines: TextIO, out: TextIO) -> int:
    failures = 0
    for line in lines:
        line = line.rstrip("\n")
        if not line.strip():
            continue
        post: dict[str, object] = {"text": line}
        if line.lstrip().startswith("{"):
            try:
                post = json.loads(line)
            except json.JSONDecodeError as error:
                print(json.dumps({"error": f"invalid JSON: {error.msg}"}), file=out)
                failures += 1
                continue
        try:
            at = datetime.fromisoformat(str(post["at"])) if post.get("at") else args.at
            findings = engine.check(
                post.get("text"),  # type: ignore[arg-type]
                account=str(post.get("account", args.account)),
                at=at,
                language=str(post.get("language", args.language)),
            )
        except (engine.PostError, ValueError) as error:
            message = error.messages[args.language] if isinstance(error, engine.PostError) else str(error)
            print(json.dumps({**({"id": post["id"]} if "id" in post else {}), "error": message}), file=out)
            failures += 1
            continue
        result = {"findings": [f.as_dict() for f in findings]}
        print(json.dumps({"id": post["id"], **result} if "id" in post else result, ensure_ascii=False), file=out)
    return 1 if failures else 0


def run(args: argparse.Namespace, stdin: TextIO | None = None, out: TextIO = sys.stdout) -> int:
    # Bytes that are not UTF-8 become U+FFFD instead of stopping the check.
    stdin = stdin or io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
    if args.eval:
        from loket.guidance.evaluation import evaluate

        print(evaluate(args.eval).table(), file=out)
        return 0
    if args.jsonl:
        return _batch(args, stdin if args.text in (None, "-") else open(args.text, encoding="utf-8"), out)
    if args.text is None:
        print("loket check: give the post as an argument, or '-' to read it from standard input", file=sys.stderr)
        return 2
    text = stdin.read() if args.text == "-" else args.text
    try:
        findings = engine.check(text, account=args.account, at=args.at, language=args.language)
    except engine.PostError as error:
        print(f"loket check: {error.messages[args.language]}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps({"findings": [f.as_dict() for f in findings]}, ensure_ascii=False, indent=2), file=out)
    else:
        _human(findings, engine.clean(text), out)
    return 0
