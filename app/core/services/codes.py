"""What a cashier types as a code (the sale's invoice number, a voucher code, a promo code),
checked one way for the window and the command line.

These travel: an invoice number goes into the outbox, to the Stamps server, onto the slip, the
shift's CSV and manager mode's history; a code is sent to be validated, then redeemed. A control
or formatting character would reach all of them while the cashier saw something else (a
right-to-left override shows "PROMO\\u202eEVIL" as "PROMOLIVE"; a zero-width space hides in a
scan), so it is refused, never cleaned, by the same rule as a manager's names and notes
(fields.py): what is sent is what the cashier saw. So are accents stacked past any language's (a
"zalgo" code, dozens deep, drew over the lines around it on the panel, the slip and the CSV).
Surrounding whitespace (a scanner's tab or line end) is trimmed and the text composed (NFC), so an
accent typed two ways is one code.

The Stamps docs give no length for ``invoice_number`` or a code: 64 characters is more than any
POS receipt number or code the docs show. The window's fields take more, so a longer one pasted is
refused here with the reason, never cut to 64 and sent.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Literal

from app.core.messages import Message, say
from app.core.services.fields import first_hidden, is_mark, stacks_marks
from app.core.services.orders import ASKS_FIRST_IDS, InvalidOrder
from app.core.stamps.server_text import MARKS_PER_LETTER

INVOICE_MAX = 64
CODE_MAX = 64


@dataclass(frozen=True)
class CodeField:
    """One of the cashier's code fields: its name, the most characters it takes, and the ids of
    the messages that refuse a value in it (empty, holding a hidden character, too long, stacking
    accents)."""

    name: str
    limit: int
    empty: str
    hidden: str
    too_long: str
    stacked: str


INVOICE = CodeField(
    "invoice number", INVOICE_MAX, "code.invoice_empty", "code.invoice_hidden",
    "code.invoice_too_long", "code.invoice_mark_stack",
)  # fmt: skip
VOUCHER_CODE = CodeField(
    "voucher code", CODE_MAX, "order.type_voucher_code", "code.voucher_hidden",
    "code.voucher_too_long", "code.voucher_mark_stack",
)  # fmt: skip
PROMO_CODE = CodeField(
    "promo code", CODE_MAX, "order.type_promo_code", "code.promo_hidden", "code.promo_too_long",
    "code.promo_mark_stack",
)  # fmt: skip


#: Every message id of a refusal the till makes itself for something the cashier puts right
#: first (a code or an invoice number typed wrong, an empty cart): no customer was turned away.
ASKED_FIRST = ASKS_FIRST_IDS | {
    message_id
    for field in (INVOICE, VOUCHER_CODE, PROMO_CODE)
    for message_id in (field.empty, field.hidden, field.too_long, field.stacked)
}


class CodeRefused(InvalidOrder):
    """A code the cashier typed cannot be used as it stands; ``field`` says which. An
    :class:`InvalidOrder`: refused before anything is queued or sent, shown as one the till
    asks to be put right first."""

    asks_first = True

    def __init__(self, field: CodeField, message: Message) -> None:
        super().__init__(message)
        self.field = field


def check_code(text: str, field: CodeField) -> str:
    """``text`` as it is sent: trimmed and composed (NFC). :class:`CodeRefused` when it is
    empty, holds a control, formatting or invisible character (named, as ``U+202E``), stacks
    more than :data:`MARKS_PER_LETTER` accents on a letter, or is longer than ``field`` takes."""
    code = unicodedata.normalize("NFC", text.strip())
    if not code:
        raise CodeRefused(field, say(field.empty))
    hidden = first_hidden(code)
    if hidden is not None:
        raise CodeRefused(field, say(field.hidden, character=f"U+{ord(hidden):04X}"))
    if stacks_marks(text):  # as typed: composing takes one mark into its letter
        raise CodeRefused(field, say(field.stacked, limit=MARKS_PER_LETTER))
    if len(code) > field.limit:
        raise CodeRefused(field, say(field.too_long, limit=field.limit))
    return code


def check_invoice(text: str | None) -> str | None:
    """The sale's invoice number as it is sent, or ``None`` when none was typed (it is optional,
    but for a promo code); :class:`CodeRefused` as :func:`check_code` says."""
    if text is None or not text.strip():
        return None
    return check_code(text, INVOICE)


def shown(text: str) -> str:
    """``text`` with its hidden characters written out (``\\u202e``), and the accents a letter
    stacks past :data:`MARKS_PER_LETTER`, as a refused code is quoted back: what the cashier
    typed, never obeyed by the screen (the command line shows them so). Past :data:`CODE_MAX`
    characters only its start is quoted, and "…" says there was more: 10,000 characters pasted
    as a voucher code filled the result panel's headline, and the panel pushed the shift's list
    off the screen."""
    cut = len(text) > CODE_MAX
    quoted: list[str] = []
    run = 0
    for char in text[:CODE_MAX] if cut else text:
        run = run + 1 if is_mark(char) else 0
        if first_hidden(char) or run > MARKS_PER_LETTER:
            quoted.append(char.encode("unicode_escape").decode("ascii"))
        else:
            quoted.append(char)
    return "".join(quoted) + ("…" if cut else "")


#: What a scan or a typed code is by the store's formats (:meth:`ScanFormats.kind_of`).
CodeKind = Literal["card", "invoice", "voucher"]


@dataclass(frozen=True)
class ScanFormats:
    """The store's prefix rules for what a scan or a typed code is (architecture §5): its
    members' card numbers begin with one of ``card``, its receipts' numbers with one of
    ``invoice``, its vouchers' codes with one of ``voucher`` (the settings ``card_prefixes``,
    ``invoice_prefixes`` and ``voucher_prefixes``, each a list split at commas; empty, no
    rule). Capitals or not alike: "inv-0042" typed is INV-0042's receipt.

    A code two formats claim is the one whose prefix is the longer: a store whose cards begin
    "KR" and whose vouchers begin "KR-V" reads KR-V0042 as a voucher, KR24000006 as a card.
    The same prefix in two lists tells nothing: no rule decides, and the till reads the code
    as it would with no rule (a member first). Nor does any rule take an email: it names a
    member, whatever it begins with."""

    card: tuple[str, ...] = ()
    invoice: tuple[str, ...] = ()
    voucher: tuple[str, ...] = ()

    @classmethod
    def read(
        cls, card_prefixes: str, invoice_prefixes: str, voucher_prefixes: str = ""
    ) -> ScanFormats:
        """The rules as the settings write them ("KR, 7014")."""
        return cls(
            card=split_prefixes(card_prefixes),
            invoice=split_prefixes(invoice_prefixes),
            voucher=split_prefixes(voucher_prefixes),
        )

    def kind_of(self, code: str) -> CodeKind | None:
        """What ``code`` is by the store's formats (more than a prefix alone): the format whose
        matching prefix is the longest; ``None`` when none matches, or two match as long."""
        folded = code.strip().casefold()
        if "@" in folded:
            return None  # an email is a member's, whatever it begins with ("rindang-…@…")
        formats: tuple[tuple[CodeKind, tuple[str, ...]], ...] = (
            ("card", self.card), ("invoice", self.invoice), ("voucher", self.voucher)
        )  # fmt: skip
        best: dict[CodeKind, int] = {}
        for kind, prefixes in formats:
            for prefix in prefixes:
                if folded.startswith(prefix.casefold()) and len(folded) > len(prefix):
                    best[kind] = max(best.get(kind, 0), len(prefix))
        if not best:
            return None
        longest = max(best.values())
        winners = [kind for kind, length in best.items() if length == longest]
        return winners[0] if len(winners) == 1 else None

    def may_begin_a_code(self, text: str) -> bool:
        """Whether ``text`` is a code by the store's formats or may yet become one as more keys
        come: it begins with one of their prefixes, or is the start of one ("KR" of "KR24").
        Never an email, as :meth:`kind_of` says."""
        folded = text.strip().casefold()
        if not folded or "@" in folded:
            return False
        return any(
            folded.startswith(prefix.casefold()) or prefix.casefold().startswith(folded)
            for prefix in (*self.card, *self.invoice, *self.voucher)
        )

    def is_card(self, code: str) -> bool:
        """Whether ``code`` is a card number by the store's format."""
        return self.kind_of(code) == "card"

    def is_invoice(self, code: str) -> bool:
        """Whether ``code`` is a receipt's number by the store's format."""
        return self.kind_of(code) == "invoice"

    def may_be_invoice(self, code: str) -> bool:
        """Whether ``code`` may be a receipt's number: the store has no receipt format, or it
        begins with one (also where another format claims the same prefix)."""
        folded = code.strip().casefold()
        return not self.invoice or any(
            folded.startswith(prefix.casefold()) and len(folded) > len(prefix)
            for prefix in self.invoice
        )

    def is_voucher(self, code: str) -> bool:
        """Whether ``code`` is a voucher code by the store's format."""
        return self.kind_of(code) == "voucher"


def split_prefixes(text: str) -> tuple[str, ...]:
    """The prefixes of a setting's list: split at commas, trimmed, the empty ones dropped."""
    return tuple(part.strip() for part in text.split(",") if part.strip())
