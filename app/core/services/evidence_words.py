"""What reconciliation read in a member's activity, as lines a manager reads.

The core keeps its evidence as a record (app/core/outbox/reconcile.py: moments as UTC stamps, the
lines it compared, the entries it waited on). The window's Exceptions pane and
``stamps-pos exceptions`` say it with this one builder, each in its own words (``wording``: the
translator, or :func:`app.core.messages.english`) and on its own clock (``when``): the command
line printed the record's keys and values, a store by its number, where the pane said sentences
and named the store by its code.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from app.core.domain import Channel, format_count
from app.core.messages import Message, say
from app.core.outbox.reconcile import FEED_AHEAD, LOOK_BEFORE
from app.core.outbox.transitions import read_error_text
from app.core.services.failures import SERVER_REFUSALS, failure_words
from app.core.services.receipts import feed_line_said, server_reason
from app.core.services.refused_words import recorded_refusal_words

#: How a caller says a message: the window's translator, or English.
Wording = Callable[[Message], str]
#: How a caller tells a moment: the window's local time, or the command line's.
Telling = Callable[[datetime], str]

_CHANNELS = {
    Channel.MOBILE_APP: "channel.mobile_app",
    Channel.POS: "channel.pos",
    Channel.KIOSK: "channel.kiosk",
    Channel.WEB: "channel.web",
    Channel.ANDROID: "channel.android",
    Channel.IOS: "channel.ios",
    Channel.CALL_CENTER: "channel.call_center",
    Channel.GRABFOOD: "channel.grabfood",
    Channel.GOFOOD: "channel.gofood",
}


#: Why a look at the member's activity failed, by the failure's class. The words of a failed send
#: (:func:`failure_words`) speak of the request as the redemption: "it was not sent", "nothing
#: was applied; it is sent again" said under a redemption whose answer never came, of a feed that
#: turned the till away (a 429, a 408, a refused token), which may well stand.
_FEED_FAILURES = {
    "StampsError": "feed.unreadable",
    "NetworkError": "feed.no_answer",
    "ConnectionFailed": "feed.unreachable",
    "ResponseLost": "feed.no_answer",
    "AnswerTooLarge": "feed.too_large",
    "ServerError": "feed.server_error",
    "ServiceUnavailable": "feed.server_error",
    "MalformedResponse": "feed.unreadable",
    "UnprovenAnswer": "feed.unreadable",
    "Unauthorized": "feed.turned_away",
    "Forbidden": "feed.turned_away",
    "CredentialsRejected": "feed.credentials",
    "CredentialsReplaced": "feed.credentials",
    "CredentialsUnusable": "feed.credentials",
    "AccessTokenUnavailable": "feed.credentials",
    "RequestTimedOut": "feed.wait",
    "RateLimited": "feed.wait",
    # a redirect's and a web page's own words say only that it is not known
    "Redirected": "failure.redirected",
    "WebPageAnswer": "failure.web_page",
}


def feed_failure_words(record: str, *, base_url: str = "") -> Message | None:
    """Why the member's activity could not be read (``record``: the failure as the evidence
    keeps it, ``"<class>: <message>"``), in words about that reading alone; the server's own
    words when it refused to give it."""
    if record == FEED_AHEAD:
        return say("feed.ahead")
    kind, _ = read_error_text(record)
    if kind == "RequestRefused":  # a 401/403 a working ping says was this request's alone
        return say("feed.turned_away")
    if kind in SERVER_REFUSALS:
        said = server_reason(record)
        return say("feed.refused", said=said) if said else say("feed.refused_silently")
    if kind == "CredentialsRejected":
        # the server's words, and the https address when it asks for it, as everywhere
        return recorded_refusal_words("feed.credentials", record, base_url)
    if kind in _FEED_FAILURES:
        return say(_FEED_FAILURES[kind])
    return failure_words(record, base_url=base_url)


@dataclass(frozen=True)
class EvidenceLine:
    """One line: its parts joined by commas, put in ``lead`` (a message taking ``line``) when
    there is one; ``listed`` an item of the list the line above opens; ``under`` a line of an
    earlier look, under the line that dates it."""

    parts: tuple[Message | str, ...]
    lead: str | None = None
    listed: bool = False
    under: bool = False

    def said(self, wording: Wording) -> str:
        """The line in ``wording``'s words."""
        text = ", ".join(wording(p) if isinstance(p, Message) else p for p in self.parts)
        if self.lead is not None:
            text = wording(say(self.lead, line=text))
        text = f"  • {text}" if self.listed else text
        return f"  {text}" if self.under else text


def moment(text: str) -> datetime | None:
    """The moment an ISO stamp of the core's names (``None`` for anything else)."""
    try:
        found = datetime.fromisoformat(text)
    except ValueError:
        return None
    return found if found.tzinfo is not None else None


def _when(value: Any, when: Telling) -> str:
    found = moment(value) if isinstance(value, str) else None
    return when(found) if found is not None else str(value)


#: The messages of an exception's reason that carry a moment as a UTC stamp, by the parameter
#: that holds it (the record keeps it so; a person reads it on a clock, as the window does).
MOMENTS = {"exception.not_found": "since", "manager.server_id_taken": "made"}


def told_when(said: Message, when: Telling) -> Message:
    """``said`` with the UTC stamp it carries (:data:`MOMENTS`) told by ``when``."""
    name = MOMENTS.get(said.id)
    stamp = said.params.get(name) if name is not None else None
    found = moment(stamp) if name is not None and isinstance(stamp, str) else None
    if name is None or found is None:
        return said
    return Message(said.id, {**said.params, name: when(found)})


def stamps_said(count: int) -> Message:
    """``1 stamp``, ``15 stamps``."""
    return say("evidence.stamps", n=format_count(count))


def channel_said(name: str) -> Message | str:
    """Where a line of the activity was made (the feed's channel name, any case); a channel
    the till does not know, as the feed names it."""
    channel = Channel.named(name)
    return say(_CHANNELS[channel]) if channel is not None else name


def feed_line_parts(line: dict[str, Any], when: Telling) -> tuple[Message | str, ...]:
    """One line of the member's activity: ``Croissant Mentega, 15 stamps, 1 Dec 13.41, at a
    kiosk, server id 2031``, and what it said of the redemption when it does not stand."""
    parts: list[Message | str] = [str(line.get("name") or "") or say("evidence.no_name")]
    if isinstance(line.get("stamps"), int):
        parts.append(stamps_said(line["stamps"]))
    if line.get("created"):
        parts.append(_when(line["created"], when))
    if line.get("channel"):
        parts.append(channel_said(str(line["channel"])))
    server_id = line.get("redemption_id")
    parts.append(
        say("evidence.server_id", id=str(server_id))
        if server_id is not None
        else say("evidence.no_server_id")
    )
    said = feed_line_said(line)
    if said is not None:
        parts.append(said)
    return tuple(parts)


def _sentence(message_id: str, **params: str | int) -> EvidenceLine:
    return EvidenceLine((say(message_id, **params),))


def _entries(value: Any, named: Mapping[str, str]) -> list[EvidenceLine]:
    """The redemptions an evidence's list names, a line each, as ``named`` tells them (one the
    till no longer has, by its id: nothing else is known of it)."""
    listed = value if isinstance(value, list) else [value]
    return [EvidenceLine((named.get(str(item), str(item)),), listed=True) for item in listed]


#: What a look that read the member's activity found, as its evidence records it: all of it
#: but when it looked, how many looks there were, and the verdict.
_FINDINGS = (
    "since",
    "until",
    "expected",
    "lines_read",
    "candidates",
    "store_unknown",
    "accounted_by_other_entries",
    "waiting_on",
    "rivals",
)


def looks(evidence: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """The latest look and, when it could not read the member's activity, what the last look
    that read it found (``None``: none did). A record kept before the till told the two apart
    has that look's findings beside the failure, its time lost: they are told as an earlier
    look's, undated, never as the latest's."""
    if evidence.get("result") != "feed_unreadable":
        return evidence, None
    before = evidence.get(LOOK_BEFORE)
    if isinstance(before, dict):
        return evidence, before
    if "lines_read" not in evidence:
        return evidence, None
    latest = {k: v for k, v in evidence.items() if k not in _FINDINGS}
    return latest, {k: v for k, v in evidence.items() if k in _FINDINGS}


def evidence_lines(
    evidence: dict[str, Any] | None,
    *,
    base_url: str,
    when: Telling,
    named: Mapping[str, str] | None = None,
    store_codes: Mapping[int, str] | None = None,
) -> list[EvidenceLine]:
    """What reconciliation read, a line for each thing it recorded. Why it could not read the
    member's activity is said of that reading (:func:`feed_failure_words`; ``base_url``, the
    till's, as :func:`failure_words` takes it), right under the latest look; what the last
    look that read it found then follows, dated and set in (:func:`looks`). The other
    redemptions it names by id are told as ``named`` tells them (by id: their words). A store
    the till knows the code of (``store_codes``, by store id) is told by that code, as the
    sign-in page names it: a manager knows "RDG-KMG", not "32"."""
    if not evidence:
        return [_sentence("evidence.not_read")]
    latest, before = looks(evidence)
    lines: list[EvidenceLine] = []
    checks, checked = latest.get("checks"), latest.get("checked_at")
    if checked:
        if checks in (None, 1):
            lines.append(_sentence("evidence.looked_once", when=_when(checked, when)))
        else:
            lines.append(_sentence("evidence.looked", count=str(checks), when=_when(checked, when)))
    error = latest.get("error")
    why = feed_failure_words(error, base_url=base_url) if isinstance(error, str) and error else None
    if why is not None:
        lines.append(EvidenceLine((why,), lead="evidence.unreadable"))
    lines += _found(latest, when, named or {}, store_codes or {})
    if before is not None:
        dated = before.get("checked_at")
        lines.append(
            _sentence("evidence.look_before", when=_when(dated, when))
            if dated
            else _sentence("evidence.look_before_undated")
        )
        lines += [
            replace(line, under=True)
            for line in _found(before, when, named or {}, store_codes or {})
        ]
    return lines


def _found(
    evidence: Mapping[str, Any],
    when: Telling,
    named: Mapping[str, str],
    store_codes: Mapping[int, str],
) -> list[EvidenceLine]:
    """What one look found: the lines it looked for, what it read, what it waited on."""
    lines: list[EvidenceLine] = []
    if evidence.get("since") and evidence.get("until"):
        lines.append(
            _sentence(
                "evidence.span",
                since=_when(evidence["since"], when),
                until=_when(evidence["until"], when),
            )
        )
    expected = evidence.get("expected")
    if isinstance(expected, dict):
        shown: list[Message | str] = [str(expected.get("name") or "?")]
        if isinstance(expected.get("stamps"), int):
            shown.append(stamps_said(expected["stamps"]))
        store = expected.get("store")
        if store is not None:
            shown.append(say("evidence.store", store=str(store_codes.get(store, store))))
        lines.append(EvidenceLine(tuple(shown), lead="evidence.looked_for"))
    if "lines_read" in evidence:
        lines.append(_sentence("evidence.lines_read", count=str(evidence["lines_read"])))
    candidates = evidence.get("candidates")
    if isinstance(candidates, list):
        lines.append(_sentence("evidence.matching", count=len(candidates)))
        lines += [
            EvidenceLine(feed_line_parts(c, when), listed=True)
            for c in candidates
            if isinstance(c, dict)
        ]
    unplaced = evidence.get("store_unknown")
    if isinstance(unplaced, list) and unplaced:
        lines.append(_sentence("evidence.store_unknown", count=len(unplaced)))
        lines += [
            EvidenceLine(feed_line_parts(c, when), listed=True)
            for c in unplaced
            if isinstance(c, dict)
        ]
    if evidence.get("accounted_by_other_entries"):
        lines.append(
            _sentence("evidence.accounted", count=str(evidence["accounted_by_other_entries"]))
        )
    if evidence.get("waiting_on"):
        lines.append(_sentence("evidence.waiting_on"))
        lines += _entries(evidence["waiting_on"], named)
    if evidence.get("rivals"):
        lines.append(_sentence("evidence.rivals"))
        lines += _entries(evidence["rivals"], named)
    return lines


def evidence_text(
    evidence: dict[str, Any] | None,
    wording: Wording,
    *,
    base_url: str,
    when: Telling,
    named: Mapping[str, str] | None = None,
    store_codes: Mapping[int, str] | None = None,
) -> str:
    """:func:`evidence_lines` in ``wording``'s words, a line each."""
    return "\n".join(
        line.said(wording)
        for line in evidence_lines(
            evidence, base_url=base_url, when=when, named=named, store_codes=store_codes
        )
    )
