"""What the e-mail channel tells the rest of Loket, without knowing who listens (the console passes it on to the
open consoles; contact itself never imports the chat)."""

from django.dispatch import Signal

# A case was created, got a reply, an answer, a note, or a new status or assignee. Sent after the commit, with
# `case` (a Case) and `change` ("created", "reply", "answered", "note", "updated").
case_changed = Signal()
