"""The guidance app holds no personal data: the trainer's answers are anonymous by design (docs/privacy.md)."""

from loket.privacy.registry import no_personal_data

no_personal_data(
    [
        ("guidance.guideline", "guidelines written by the integrity office"),
        ("guidance.dilemma", "the trainer's dilemmas"),
        ("guidance.option", "a dilemma's options"),
        (
            "guidance.answer",
            "a trainer answer: the dilemma, the option, the verdict and the day; no account, session, "
            "address or free text, so nobody can be found in it (the visitor's progress lives in their "
            "own session)",
        ),
    ]
)
