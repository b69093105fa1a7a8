"""Why the till will not take a redemption, as exceptions its callers catch: the policy's no,
the server's, a PIN's, and the network's (architecture §4). Each carries the words a cashier
repeats to the customer and the verdict a receipt would have."""

from __future__ import annotations

from dataclasses import dataclass

from app.core.messages import Explained, Message, after_line_check
from app.core.offline.policy import PolicyDecision, Refusal
from app.core.services.members import Member
from app.core.services.orders import Order
from app.core.services.receipts import Verdict, what_to_do


class Refused(Explained):
    """The till will not take this redemption: the policy, the server, or the PIN said no.
    ``message`` is in words a cashier can repeat to the customer. Every refusal of
    :meth:`Redeemer.redeem` and :meth:`Redeemer.authorize_pin_for` is on the shift's record
    already: a caller records none of them again, so a refusal is counted once.

    ``verdict`` is how a screen and the shift's record say it, as a receipt would
    (architecture §4): ``NOT_REDEEMED`` when the server could not be asked and the offline
    rules would not take it on trust, the same verdict an entry voided by them has;
    ``REFUSED`` otherwise (a rule that holds online too, the server's own no).
    ``line_checked``: the till asked the server just before refusing (it believed itself
    offline) and found the line still down; its words say so. ``member_read``: the member as
    the till read them again on the way (their balance fell short of the cost), for a screen
    whose card still shows the balance they were looked up with."""

    def __init__(
        self,
        message: Message,
        *,
        refusal: Refusal | None = None,
        verdict: Verdict = Verdict.REFUSED,
        line_checked: bool = False,
    ) -> None:
        super().__init__(message)
        self.refusal = refusal
        self.verdict = verdict
        self.line_checked = line_checked
        self.member_read: Member | None = None

    @property
    def what_to_do(self) -> Message:
        """What the cashier does next: the words of a receipt with the same verdict."""
        return what_to_do(self.verdict, line_checked=self.line_checked)


@dataclass(frozen=True)
class Approval:
    """The policy's decision on an order for a member whose PIN is still to come: handed back
    to :meth:`Redeemer.redeem` with the PIN's request id, it stands for that decision, for that
    order, member and connection state only."""

    order: Order
    lane: str
    online: bool
    decision: PolicyDecision

    def stands_for(self, order: Order, member: Member, online: bool) -> bool:
        """Whether this decision is the one the policy would be asked for now."""
        return (self.order, self.lane, self.online) == (order, member.lane, online)


class PinRequired(Refused):
    """The member's redemptions need their PIN: authorise first, then redeem again with the
    request id and this ``approval`` (the policy has passed)."""

    def __init__(self, message: Message, *, approval: Approval) -> None:
        super().__init__(message)
        self.approval = approval


class PinRejected(Refused):
    """The server refused the PIN; ``attempts_left`` when it says how many remain."""

    def __init__(self, message: Message, attempts_left: int | None) -> None:
        super().__init__(message)
        self.attempts_left = attempts_left


class PinBlocked(Refused):
    """The server has blocked the member's PIN: the wrong PIN that left no attempt, or one
    typed for a PIN blocked already. Refused, not :class:`PinRejected`: no PIN typed now can
    mend it (the member must reset it), so the pad has nothing more to take."""


class NotOnline(Refused):
    """This needs the server, and the till cannot reach it."""


class CredentialsRefused(NotOnline):
    """The till's API token cannot be used: the server is there and refuses it, or it holds a
    character no request can carry and was never sent. A manager must set a new one."""


def pin_needs_server(*, line_checked: bool = False) -> NotOnline:
    """A PIN the till cannot have checked while it is offline: the offline rules' refusal of a
    member whose redemptions need their PIN, in their words and verdict (architecture §4)."""
    decision = PolicyDecision.refuse(Refusal.PIN_NEEDS_SERVER)
    assert decision.reason is not None
    return NotOnline(
        after_line_check(decision.reason) if line_checked else decision.reason,
        refusal=decision.refusal,
        verdict=Verdict.NOT_REDEEMED,
        line_checked=line_checked,
    )
