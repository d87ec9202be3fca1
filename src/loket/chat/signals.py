"""What the chat tells the rest of Loket without knowing who listens (the reports count chats turned away)."""

from django.dispatch import Signal

# A visitor asked for a chat and was refused (closed, no agent, queue full: sent to e-mail). Sent outside any
# transaction, with `topic` (a Topic), `language`, `reason` (the ChatUnavailable code) and `at`.
turned_away = Signal()
