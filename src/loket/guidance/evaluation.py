"""Precision and recall of the post check against a labelled set of posts (one JSON object per line)."""

import json
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from loket.guidance import analyzers  # noqa: F401 - registers the analyzers
from loket.guidance.engine import ANALYZERS, check


@dataclass
class Score:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0


@dataclass
class Evaluation:
    posts: int
    scores: dict[str, Score]
    mistakes: list[tuple[str, set[str], set[str]]]  # (post id, expected, found) where they differ

    @property
    def overall(self) -> Score:
        total = Counter[str]()
        for score in self.scores.values():
            total.update(vars(score))
        return Score(**total)

    def table(self) -> str:
        rows = [f"{'category':28} {'precision':>9} {'recall':>7} {'tp':>4} {'fp':>4} {'fn':>4}"]
        for name, score in [*self.scores.items(), ("overall", self.overall)]:
            rows.append(
                f"{name:28} {score.precision:9.2f} {score.recall:7.2f} {score.true_positives:4} "
                f"{score.false_positives:4} {score.false_negatives:4}"
            )
        return "\n".join(rows) + f"\n({self.posts} posts)"


def evaluate(path: Path) -> Evaluation:
    scores = {category: Score() for category in ANALYZERS}
    mistakes = []
    posts = 0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        post = json.loads(line)
        posts += 1
        at = datetime.fromisoformat(post["at"]) if post.get("at") else None
        found = {f.category for f in check(post["text"], account=post.get("account", "private"), at=at)}
        expected = set(post.get("expected", []))
        for category, score in scores.items():
            score.true_positives += category in found and category in expected
            score.false_positives += category in found and category not in expected
            score.false_negatives += category not in found and category in expected
        if found != expected:
            mistakes.append((str(post.get("id", number)), expected, found))
    return Evaluation(posts, scores, mistakes)
