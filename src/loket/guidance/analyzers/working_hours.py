"""working-hours: a private, non-work post planned during working hours (only judged when `at` is given)."""

from collections.abc import Iterator

from loket.guidance.engine import Post, Span, analyzer, in_office_hours


@analyzer(
    "working-hours",
    guideline="working-time-ict",
    nl=(
        "U plant een privébericht tijdens de werkuren.",
        "Privégebruik tijdens de werkuren is heel beperkt en uitzonderlijk. Plan het bericht na de werkuren.",
    ),
    en=(
        "You plan a private post during working hours.",
        "Private use during working hours is very limited and exceptional. Schedule the post after hours.",
    ),
)
def working_hours(post: Post) -> Iterator[Span]:
    if post.at is not None and post.account == "private" and in_office_hours(post.at):
        yield Span(0, len(post.text), "warning")
