"""The record of processing (GDPR Article 30), written from the registry: `loket privacy record --out docs/privacy.md`.
A test checks that the committed docs/privacy.md is what this writes."""

from django.utils import translation

from loket.privacy.registry import Erasure, kinds, stores, without_personal_data

INTRO = """# Record of processing

Generated from the registry (each app's `privacy.py`) by `loket privacy record --out docs/privacy.md`; do not edit
by hand. Loket is run by a public service, which is the controller; the legal basis of the processing is the
service's public task (GDPR Article 6(1)(e)).

A person's data is found by their e-mail address, and by the reference of a case or the token of a chat they can
show. `loket privacy export EMAIL` gives all of it as a zip, `loket privacy erase EMAIL --yes` erases it (also in the
admin, under Settings → Personal data). The retention rules below run every day (`loket privacy purge` runs them
at once).
"""


def generate() -> str:
    with translation.override("en"):
        lines = [INTRO]
        for kind in kinds():
            meta = kind.model._meta
            erasure = kind.erasure.value + (f" ({kind.keep_reason})" if kind.erasure is Erasure.KEEP else "")
            if kind.erasure is Erasure.ANONYMISE and isinstance(kind.anonymise, dict):
                erasure += f": {', '.join(kind.anonymise)} emptied"
            lines += [
                f"## {str(meta.verbose_name_plural).capitalize()} (`{kind.name}`)",
                "",
                f"- **What:** {kind.what}",
                f"- **Why:** {kind.why}",
                f"- **Kept:** {kind.kept_for()}"
                + (f"; then {kind.retention.action.value}" if kind.retention else "")
                + ".",
                f"- **Who can see it:** {kind.who}.",
                f"- **On an erasure request:** {erasure}.",
                "",
            ]
        lines += [
            "## Outside Loket's own tables",
            "",
            "Held by the libraries Loket uses, or as files; the daily purge and an erasure handle them as said.",
            "",
        ]
        for store in stores():
            lines += [
                f"### {store.name}",
                "",
                f"- **What:** {store.what}",
                f"- **Why:** {store.why}",
                f"- **Kept:** {store.kept}.",
                f"- **Who can see it:** {store.who}.",
                f"- **On an erasure request:** {store.erasure}.",
                "",
            ]
        lines += ["## Without personal data", ""]
        lines += [f"- `{label}`: {reason}." for label, reason in sorted(without_personal_data().items())]
    return "\n".join(lines) + "\n"
