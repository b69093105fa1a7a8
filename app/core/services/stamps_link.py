"""The Stamps client, as the outbox sees it (:class:`~app.core.outbox.remote.OutboxTransport`).

Every outcome also reaches the connectivity monitor, so the status bar follows what real requests
prove (and a sending till needs no heartbeat's ping); all but a token that never left the till
(it proves nothing of the network).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from app.core import clock
from app.core.domain import Channel, OperationKind
from app.core.offline.connectivity import ConnectivityMonitor
from app.core.outbox.remote import ActivityRecord, SubmitResult
from app.core.stamps.client import StampsClient
from app.core.stamps.errors import (
    CredentialsRejected,
    CredentialsReplaced,
    CredentialsUnusable,
    MalformedResponse,
    StampsError,
    line_outcome,
)


class ClientTransport:
    """Adapts :class:`StampsClient` for the sync worker.

    The activity feed names a store by its code, not its id; ``store_code`` is this store's code,
    so a feed line can be proven to come from this store. A line whose store cannot be proven is
    given store 0, which no entry expects: an unproven match stays ``unknown`` for a manager.

    ``take_up_token`` makes the client use the API token where it is kept now
    (:meth:`Line.take_up_token`): a send the server refuses looks there first.
    """

    def __init__(
        self,
        client: StampsClient,
        monitor: ConnectivityMonitor | None = None,
        *,
        store_code: str | None = None,
        take_up_token: Callable[[], object] | None = None,
    ) -> None:
        self.client = client
        self.monitor = monitor
        self.store_code = store_code
        self.take_up_token = take_up_token

    async def submit(
        self, kind: OperationKind, payload: Mapping[str, Any], *, idempotency_key: str
    ) -> SubmitResult:
        """Send one outbox entry.

        A refusal of the till's credentials first takes up the token where it is kept: a
        manager may have set a new one from another process (``stamps-pos token set``) while
        this one still held the old. When the token in use is not the one the request carried,
        the refusal is :class:`CredentialsReplaced`: nothing was applied (a 401 or 403 proves
        it), the entry goes again at once under the new token, and the queue does not pause
        for a token no longer in use.
        """
        carried = self.client.token_changes
        sent_at = clock.monotonic()  # a failure after a newer answer says nothing of the line
        try:
            result = await self.client.submit(kind, payload, idempotency_key=idempotency_key)
        except CredentialsRejected as refused:
            if self.take_up_token is not None:
                self.take_up_token()
            if self.client.token_changes == carried:
                self._report(refused, sent_at, send=True)
                raise
            self._report(
                None, sent_at, send=True
            )  # the server answered; the token it refused is gone
            raise CredentialsReplaced.instead_of(refused) from None
        except CredentialsReplaced:
            self._report(None, sent_at, send=True)
            raise
        except StampsError as exc:
            self._report(exc, sent_at, send=True)
            raise
        self._report(None, sent_at, send=True)
        return SubmitResult(
            redemption_id=result.redemption_id,
            stamps_remaining=result.stamps_remaining,
            raw=result.raw,
            errors=result.errors,
        )

    async def member_activity(self, user: str, *, since: datetime) -> Sequence[ActivityRecord]:
        """The member's redemptions since ``since``, each placed in time and at a store.

        A redemption line the till cannot place (no time it can read) or compare (no name or
        stamps) makes the whole reading :class:`MalformedResponse`: it may be the very line
        looked for, and left out it would read as "not in the member's activity", on which a
        manager sends the redemption again. A line that names no store is kept as one whose
        store the till cannot tell (``store=None``), never as another store's; one at another
        merchant (its ``merchant.id`` is not the client's) is another store's, whatever its
        store's code."""
        sent_at = clock.monotonic()
        try:
            activities = await self.client.redemptions_since(user, since)
        except StampsError as exc:
            self._report(exc, sent_at)
            raise
        self._report(None, sent_at)
        records = []
        for activity in activities:
            # a line dated by its day alone cannot be placed in an attempt's window either
            span = activity.created_span
            detail = activity.redemption
            if (
                span is None
                or span[1] >= _DAY
                or detail is None
                or detail.stamps is None
                or not detail.name
            ):
                raise MalformedResponse(
                    "the member's activity has a redemption line this till cannot read",
                    status_code=200,
                )
            store_name = activity.store.name if activity.store else None
            store: int | None = None  # without the store's code, any store's line could be ours
            if _merchant_of(activity.merchant) not in (None, self.client.merchant):
                # the feed spans the member's merchants, and a store's code is its merchant's
                # own: "RDG-KMG" at another merchant is not this store
                store = 0
            elif self.store_code is not None and store_name is not None:
                store = self.client.store if store_name == self.store_code else 0
            records.append(
                ActivityRecord(
                    store=store,
                    stamps=detail.stamps,
                    name=detail.name,
                    created=span[0],
                    created_within=span[1],
                    channel=Channel.named(detail.channel),
                    status=_scalar(detail.status),
                )
            )
        return records

    def _report(self, exc: StampsError | None, sent_at: float, *, send: bool = False) -> None:
        if isinstance(exc, CredentialsUnusable):
            return  # never sent: it proves nothing of the network (the queue pauses for it)
        if self.monitor is not None:
            # A 429 or 408 is the server answering (the monitor's TURNED_AWAY): read as
            # "degraded", the probe's pong read "online" a moment later, and going online woke
            # the entry it had turned away long before its Retry-After.
            report = self.monitor.report_send if send else self.monitor.report
            if exc is None:
                report(None, sent_at=sent_at)
            else:
                # (a send's outcome is its own: line_outcome splits only a read's refusal)
                outcome = exc.outcome if send else line_outcome(exc)
                report(outcome, status_code=exc.status_code, sent_at=sent_at)


#: A feed line's time that says its day and no more.
_DAY = timedelta(days=1)


def _merchant_of(merchant: Mapping[str, Any] | None) -> int | None:
    """The id of the merchant a feed line names (``{"id": 5, "name": "Ace Hardware"}``, its id
    as a number or its digits); ``None`` when it names none the till can read."""
    said = merchant.get("id") if isinstance(merchant, Mapping) else None
    if isinstance(said, str) and said.strip().isdigit():
        return int(said)
    return said if isinstance(said, int) and not isinstance(said, bool) else None


def _scalar(said: Any) -> int | float | str | None:
    """A line's status as evidence can keep it: one that is no JSON scalar, as its text."""
    if said is None or isinstance(said, int | float | str):
        return said
    return json.dumps(said)[:100]
