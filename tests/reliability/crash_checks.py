"""What the crash matrix checks beyond the table's counts, with a story for each failure: the
rules of architecture §3 entry by entry (nothing resent after a possible arrival, nothing synced
after a kill without proof, cancels applied to their targets, balances as the till believes)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from app.core.domain import EntryStatus, OperationKind, Outcome
from app.core.storage.tables import Attempt, OutboxEntry
from app.sandbox.data import EXTRA_MEMBER_STAMPS

from .shop import REWARD_STAMPS


@dataclass
class RoundLog:
    """One process of the run: what it was, where it was killed, what it left."""

    number: int
    kind: str  # drain, cli-redeem, cli-cancel, service
    moment: str | None  # the state it was killed in; None: it ended on its own
    exit_code: int | None
    seconds: float
    stale_leases: int = 0  # entries the killed process left ``sending``
    concurrent_cancels: int = 0

    @property
    def killed(self) -> bool:
        return self.moment is not None


@dataclass
class Run:
    """Everything the checks need, and the story of how it got there."""

    mode: str
    seed: int
    entries: dict[str, OutboxEntry] = field(default_factory=dict)
    attempts: dict[str, list[Attempt]] = field(default_factory=dict)
    ledger: list[dict[str, Any]] = field(default_factory=list)
    cli_statuses: dict[str, str] = field(default_factory=dict)
    balances: dict[int, int] = field(default_factory=dict)
    cancel_requests: dict[str, str] = field(default_factory=dict)  # target -> what cancel() did
    cancel_refusals: dict[str, str] = field(default_factory=dict)  # target -> why refused
    accepted: set[str] = field(default_factory=set)  # ids the till said it had queued
    rounds: list[RoundLog] = field(default_factory=list)
    final_exit: int | None = None
    final_output: str = ""
    injected: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0
    #: looks at a frozen drain that found more of its claims in flight than it has lanes
    claims_beyond_lanes: int = 0

    @property
    def kills(self) -> Counter[str]:
        """Kills by the moment they landed in."""
        return Counter(f"{r.kind}: {r.moment}" for r in self.rounds if r.killed)

    def summary(self) -> str:
        statuses = Counter(f"{e.kind}:{e.status}" for e in self.entries.values())
        stale = sum(r.stale_leases for r in self.rounds)
        resent = sum(1 for a in self.attempts.values() if len(a) > 1)
        keys = {x["idempotency_key"] for x in self.ledger}
        unknown = [e for e in self.entries.values() if e.status == EntryStatus.UNKNOWN]
        unknown_applied = sum(1 for e in unknown if e.id in keys)
        verdicts = Counter(str((e.evidence or {}).get("result")) for e in unknown)
        reconciled = sum(1 for e in self.entries.values() if e.reconciled)
        return (
            f"[{self.mode} seed={self.seed}] {len(self.entries)} entries "
            f"{dict(sorted(statuses.items()))}; ledger {len(self.ledger)} lines; "
            f"{sum(self.kills.values())}/{len(self.rounds)} processes killed "
            f"{dict(sorted(self.kills.items()))}, {stale} stale leases expired, "
            f"{resent} entries with >1 attempt; cancels requested {len(self.cancel_requests)} "
            f"{dict(Counter(self.cancel_requests.values()))}, refused {len(self.cancel_refusals)}; "
            f"final sync exit {self.final_exit}; {self.seconds:.1f}s; "
            f"unknown {len(unknown)} (applied on the server: {unknown_applied}; last check "
            f"{dict(verdicts)}), reconciled {reconciled}"
        )


def describe(run: Run, entry_id: str) -> str:
    e = run.entries[entry_id]
    tries = [
        f"#{a.number}:{a.outcome}{'/' + str(a.status_code) if a.status_code else ''}"
        + (f"({a.error})" if a.error else "")
        for a in run.attempts.get(entry_id, [])
    ]
    lines = [
        f"seq={x['seq']} {x['kind']} rid={x['redemption_id']}"
        for x in run.ledger
        if x["idempotency_key"] == entry_id
    ]
    return (
        f"{e.kind} {e.id} seq={e.seq} {e.lane} status={e.status} server_id={e.server_redemption_id}"
        f" reconciled={e.reconciled} cancels={e.cancels} attempts={tries} ledger={lines}"
        f" last_error={e.last_error!r} evidence={e.evidence}"
    )


def common_checks(run: Run) -> list[str]:
    """What holds whatever the server does with keys. Returns failures, described."""
    problems: list[str] = []
    keys = Counter(x["idempotency_key"] for x in run.ledger)
    by_key: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for x in run.ledger:
        by_key[x["idempotency_key"]].append(x)

    # every ledger line carries a key, and it is one of this till's entries
    for key in keys:
        if key is None or key not in run.entries:
            problems.append(f"ledger line with a key this till never made: {by_key[key]}")

    # no redemption refunded twice; no voided entry ever applied
    refunds = Counter(x["redemption_id"] for x in run.ledger if x["kind"] == "cancel")
    for rid, count in refunds.items():
        if count > 1:
            problems.append(f"redemption {rid} refunded {count} times")
    for e in run.entries.values():
        if e.status == EntryStatus.VOIDED and keys.get(e.id):
            problems.append(f"voided entry applied: {describe(run, e.id)}")

    # a synced entry with a server id: its own key applied exactly once, with that id
    for e in run.entries.values():
        if e.status == EntryStatus.SYNCED and e.server_redemption_id is not None:
            lines = by_key.get(e.id, [])
            if len(lines) != 1 or lines[0]["redemption_id"] != e.server_redemption_id:
                problems.append(f"synced, but the ledger disagrees: {describe(run, e.id)}")
        if e.kind == OperationKind.CANCEL and e.status == EntryStatus.SYNCED:
            target = run.entries[e.cancels] if e.cancels else None
            lines = by_key.get(e.id, [])
            if (
                target is None
                or len(lines) != 1
                or lines[0]["kind"] != "cancel"
                or lines[0]["redemption_id"] != target.server_redemption_id
            ):
                problems.append(f"synced cancel not applied to its target: {describe(run, e.id)}")

    # nothing believed without proof: a synced entry has the id its answer named, or was
    # reconciled from the feed (a 200 that named nothing proves nothing)
    for e in run.entries.values():
        if e.status == EntryStatus.SYNCED and e.server_redemption_id is None and not e.reconciled:
            problems.append(f"synced without a named redemption: {describe(run, e.id)}")

    # nothing stuck in flight, never rejected for a redemption
    for e in run.entries.values():
        if e.status == EntryStatus.SENDING:
            problems.append(f"still sending after the final sync: {describe(run, e.id)}")
        if e.kind != OperationKind.CANCEL and e.status in (
            EntryStatus.QUEUED,
            EntryStatus.REJECTED,
            EntryStatus.EXPIRED,
            EntryStatus.DISMISSED,
        ):
            problems.append(f"redemption lost or refused: {describe(run, e.id)}")

    # the CLI sees what the outbox holds
    if run.cli_statuses != {e.id: str(e.status) for e in run.entries.values()}:
        problems.append("`outbox list --json` disagrees with the outbox")

    # the server's balances are what its ledger says
    deltas: Counter[int] = Counter()
    for x in run.ledger:
        deltas[x["member"]] += x["stamps_delta"]
    for pk, stamps in run.balances.items():
        if stamps != EXTRA_MEMBER_STAMPS + deltas[pk]:
            problems.append(f"member {pk}: {stamps} stamps, ledger says {deltas[pk]:+d}")
    return problems


def check_honoured(run: Run) -> list[str]:
    problems = common_checks(run)
    keys = Counter(x["idempotency_key"] for x in run.ledger)
    for key, count in keys.items():
        if count > 1:
            problems.append(f"key applied {count} times: {describe(run, key)}")
    for e in run.entries.values():
        if e.status not in (EntryStatus.SYNCED, EntryStatus.VOIDED):
            problems.append(f"not settled with idempotency honoured: {describe(run, e.id)}")
        if e.kind != OperationKind.CANCEL and e.status == EntryStatus.SYNCED and keys[e.id] != 1:
            problems.append(f"synced redemption not applied exactly once: {describe(run, e.id)}")
        if e.status == EntryStatus.SYNCED and e.reconciled:
            problems.append(f"reconciled though keys are honoured: {describe(run, e.id)}")
    # every requested cancel happened: voided before sending, or the redemption refunded
    refunded = {x["redemption_id"] for x in run.ledger if x["kind"] == "cancel"}
    for target_id in run.cancel_requests:
        target = run.entries[target_id]
        if target.status == EntryStatus.VOIDED:
            continue
        if target.server_redemption_id not in refunded:
            problems.append(f"cancel requested, not applied: {describe(run, target_id)}")
    # per member: server stamps == what the till believes (synced redemptions and cancels)
    problems += balances_match_till(run)
    return problems


def balances_match_till(run: Run) -> list[str]:
    problems = []
    believed: Counter[int] = Counter()
    for e in run.entries.values():
        if e.status != EntryStatus.SYNCED:
            continue
        pk = int(e.lane.split(":")[1])
        believed[pk] += REWARD_STAMPS if e.kind == OperationKind.CANCEL else -REWARD_STAMPS
    for pk, stamps in run.balances.items():
        if stamps != EXTRA_MEMBER_STAMPS + believed[pk]:
            problems.append(
                f"member {pk}: server has {stamps} stamps, the till believes "
                f"{EXTRA_MEMBER_STAMPS + believed[pk]}"
            )
    return problems


def check_not_honoured(run: Run) -> list[str]:
    problems = common_checks(run)
    keys = Counter(x["idempotency_key"] for x in run.ledger)
    for key, count in keys.items():
        if count > 1:
            problems.append(f"key applied {count} times (resent?): {describe(run, key)}")
    for entry_id, attempts in run.attempts.items():
        # never resent automatically after an attempt that may have arrived
        for earlier in attempts[:-1]:
            if earlier.outcome != Outcome.NEVER_ARRIVED:
                problems.append(f"resent after a possible arrival: {describe(run, entry_id)}")
                break
        killed = any("lease ran out" in (a.error or "") for a in attempts)
        entry = run.entries[entry_id]
        if killed and entry.status not in (EntryStatus.UNKNOWN, EntryStatus.SYNCED):
            problems.append(
                f"killed mid-flight, neither unknown nor synced: {describe(run, entry_id)}"
            )
        # synced after a kill: only by reconciliation, or by a late 2xx of that very attempt
        if (
            killed
            and entry.status == EntryStatus.SYNCED
            and entry.kind != OperationKind.CANCEL
            and not entry.reconciled
            and entry.server_redemption_id is None
        ):
            problems.append(f"synced after a kill without proof: {describe(run, entry_id)}")
    # per member, the till's beliefs are bounded by the server's truth:
    #   synced redemptions <= applied redemptions <= synced + unknown
    applied: Counter[str] = Counter()
    for x in run.ledger:
        if x["kind"].startswith("redeem"):
            applied[run.entries[x["idempotency_key"]].lane] += 1
    synced: Counter[str] = Counter()
    unknown: Counter[str] = Counter()
    for e in run.entries.values():
        if e.kind == OperationKind.CANCEL:
            continue
        if e.status == EntryStatus.SYNCED:
            synced[e.lane] += 1
        elif e.status == EntryStatus.UNKNOWN:
            unknown[e.lane] += 1
    for lane in set(applied) | set(synced) | set(unknown):
        if not synced[lane] <= applied[lane] <= synced[lane] + unknown[lane]:
            problems.append(
                f"{lane}: server applied {applied[lane]} redemptions, the till has "
                f"{synced[lane]} synced and {unknown[lane]} unknown"
            )
    # every applied redemption belongs to an entry the till has not given up on
    for x in run.ledger:
        e = run.entries[x["idempotency_key"]]
        if e.status not in (EntryStatus.SYNCED, EntryStatus.UNKNOWN):
            problems.append(f"applied, but the till says {e.status}: {describe(run, e.id)}")
    return problems


def false_reconciliation(run: Run) -> list[str]:
    """What reconciliation got wrong, though every count above holds: an entry reconciled
    (``synced``) whose own request never reached the server, having taken a feed line another
    unknown entry of its lane left; and an ``unknown`` entry whose evidence says ``not_found``
    though its redemption is on the server (a manager trusting it would resend)."""
    keys = {x["idempotency_key"] for x in run.ledger}
    wrong = [
        f"reconciled, never arrived: {describe(run, e.id)}"
        for e in run.entries.values()
        if e.status == EntryStatus.SYNCED and e.reconciled and e.id not in keys
    ]
    wrong += [
        f"'not_found', but applied: {describe(run, e.id)}"
        for e in run.entries.values()
        if e.status == EntryStatus.UNKNOWN
        and e.id in keys
        and (e.evidence or {}).get("result") == "not_found"
    ]
    return wrong
