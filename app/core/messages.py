"""Everything the core says to a person, as message ids with parameters, and the English words.

The core never hands a screen a finished sentence: it hands a :class:`Message` (an id and its
parameters). The command line prints :func:`english`; the window looks the template up through
Qt's translator (context ``"messages"``, the English template as the source text) and fills in
the parameters, so the same id reads in Bahasa Indonesia once a translation exists.

Parameters are values, not words: numbers, names, codes, money already formatted as ``Rp 100.000``
(the same in both languages), and the server's own text, which is never translated.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass, field

#: The translator's context for every message of the core.
CONTEXT = "messages"

TEMPLATES: dict[str, str] = {
    # --- the offline policy (architecture §4), one per refusal ---------------------------------
    "policy.member_blocked": "This member is blocked. Ask them to contact the store.",
    "policy.redemption_not_allowed": "Redemptions are not allowed for this member.",
    "policy.pin_blocked": (
        "This member's PIN is blocked after too many wrong tries; they must reset it."
    ),
    "policy.pin_needs_server": (
        "This member's redemptions need their PIN, which only the Stamps server can check. "
        "Try again when the till is back online."
    ),
    "policy.pin_needs_server.line_checked": (
        "This member's redemptions need their PIN, which only the Stamps server can check."
    ),
    "policy.member_too_old": (
        "This member was last seen more than {hours} h ago; the till cannot vouch for their "
        "balance offline."
    ),
    "policy.member_age_unknown": (
        "The till's clock reads earlier than when this member was last seen, so it cannot tell "
        "how old their balance is and cannot vouch for it offline. Set the clock right, or try "
        "again when the till is back online."
    ),
    "policy.not_enough_stamps": (
        "Not enough stamps: this costs {cost} and the member has {stamps} after what is "
        "waiting to sync."
    ),
    "policy.short_of_stamps": (
        "Not enough stamps by the balance the Stamps server gave when the member was looked "
        "up: this costs {cost} and the member has {stamps}, after anything still waiting to "
        "sync. Nothing was sent. If they have just earned stamps, look them up again."
    ),
    "policy.short_of_stamps_now": (
        "Not enough stamps by the balance the Stamps server gives now: this costs {cost} and "
        "the member has {stamps}, after anything still waiting to sync. Nothing was sent."
    ),
    "policy.stamps_unknown": (
        "The Stamps server has not given this member's stamps, so the till cannot tell offline "
        "whether they have enough. Try again when the till is back online."
    ),
    "policy.stamps_unknown.line_checked": (
        "The Stamps server has not given this member's stamps, so the till cannot tell offline "
        "whether they have enough."
    ),
    "policy.too_costly_offline": (
        "Offline, one redemption may cost at most {limit} stamps; this costs {cost}."
    ),
    "policy.outage_stamps_cap": (
        "This would take offline redemptions to {total} stamps in this outage; the limit is "
        "{limit}."
    ),
    "policy.outage_count_cap": (
        "This till has accepted {count} redemptions offline, the most allowed in one outage. "
        "A manager can raise the limit."
    ),
    "policy.voucher_not_cached": (
        "The till has not seen this voucher before and cannot check it offline."
    ),
    "policy.voucher_inactive": "This voucher is not active.",
    "policy.voucher_out_of_date": "This voucher is not valid today.",
    "policy.voucher_used_here": "This voucher was already used on this till.",
    "policy.promo_already_on_invoice": (
        "Promo code {code} already went on invoice {invoice} for this member: not sent again. A "
        "promo counts once on a sale; if the first was wrong, a manager cancels it (F8)."
    ),
    "policy.voucher_value_cap": (
        "Offline, a voucher may be worth at most {limit}; this one is {value}."
    ),
    "policy.voucher_kind_unconfirmed": (
        "The Stamps server has not confirmed that this is a balance voucher, so nothing can be "
        "deducted from it offline. Try again when the till is back online."
    ),
    "policy.code_needs_server": (
        "Voucher and promo codes can only be checked online. Try again when the till is back "
        "online."
    ),
    "policy.code_needs_server.line_checked": "Voucher and promo codes can only be checked online.",
    # the kiosk refuses everything offline: the reason is the customer's as much as the cashier's
    "policy.kiosk_offline": (
        "The kiosk could not send this to the Stamps server, so nothing was redeemed and no "
        "stamps were taken."
    ),
    # --- the kiosk: words for the customer at the counter terminal (docs/kiosk.md) ------------
    "kiosk.paused": "Redemptions are paused right now. Please ask at the counter.",
    "kiosk.scan_card": ("For your security, please scan your member card, or ask at the counter."),
    "kiosk.lookup_trouble": "We could not look up your card. Please ask at the counter.",
    "kiosk.not_found": "We could not find that card. Please try again, or ask at the counter.",
    "kiosk.ask_counter": "We cannot redeem here for you. Please ask at the counter.",
    "kiosk.waiting": ("Your last redemption is still being processed. Please ask at the counter."),
    "kiosk.pin_wrong": "That PIN is not right. Please try again.",
    "kiosk.pin_trouble": "We could not check your PIN. Please ask at the counter.",
    "kiosk.not_enough": "You do not have enough stamps for this reward.",
    "kiosk.refused": "This reward could not be redeemed. Please ask at the counter.",
    "kiosk.not_redeemed": (
        "Your redemption did not go through, and nothing was taken from your stamps."
    ),
    "kiosk.not_confirmed": (
        "We could not confirm your redemption yet. Please ask at the counter and show them "
        "this reference."
    ),
    "handover.not_kiosk": "This code is not a redemption from this shop's kiosk.",
    "handover.unknown": (
        "This till has no record of kiosk redemption {reference}. It may have been made on a "
        "kiosk that keeps its own records."
    ),
    "handover.not_confirmed": (
        "Not confirmed yet: do not hand over the reward until it turns green, or ask a manager."
    ),
    "handover.not_redeemed": "This redemption did not go through: nothing to hand over.",
    # --- finding a member ---------------------------------------------------------------------
    "member.type_something": "Type or scan an email, member ID, phone or card number.",
    "member.not_found": "No member matches “{query}”. Check it, or search by name.",
    "member.not_found_because": "No member matches “{query}”: {reason}",
    "member.card_not_found_because": (
        "No member matches “{query}”: {reason} If it is a card's number: the Stamps server "
        "finds a member by email, Member ID, phone or account number, not by every card's "
        "number. Ask for the member's email, phone or Member ID."
    ),
    "member.card_not_found": (
        "No member matches “{query}”. If it is a card's number: the Stamps server finds a "
        "member by email, Member ID, phone or account number, not by every card's number. Ask "
        "for the member's email, phone or Member ID."
    ),
    "member.lookup_refused": (
        "The Stamps server refused the lookup over what this till sends, not over the member: "
        "“{said}”. Call a manager to check the till's settings (merchant and store; "
        "stamps-pos doctor says which)."
    ),
    "member.ambiguous": (
        "{count} members this till remembers match “{query}”; use the email or the member ID."
    ),
    "member.unknown_offline": (
        "The Stamps server cannot be reached and this till has not seen “{query}” before. "
        "Try again when the till is back online."
    ),
    "member.unknown_line_checked": (
        "The till checked the line just now: the Stamps server still cannot be reached, and "
        "this till has not seen “{query}” before. Try again when the till is back online."
    ),
    "member.server_slow": (
        "The Stamps server has not answered in time ({seconds} s) and this till has not seen "
        "“{query}” before. Try again; if it keeps happening, a manager can give lookups more "
        "time (the lookup_timeout setting)."
    ),
    "member.no_answer": (
        "The Stamps server did not answer and this till has not seen “{query}” before. Try "
        "again in a moment."
    ),
    "member.too_large": (
        "The Stamps server answered, but its answer about “{query}” was too large for this till "
        "to read, and this till has not seen them before. Call a manager: the member's details "
        "on the Stamps dashboard may hold something far too long."
    ),
    "member.server_failing": (
        "The Stamps server is failing ({status}) and this till has not seen “{query}” before. "
        "Try again in a moment."
    ),
    "member.unreadable": (
        "The Stamps server answered, but this till could not read what it said, and it has not "
        "seen “{query}” before. Try again; call a manager if it keeps happening."
    ),
    "member.copy_answer_unread": (
        "The Stamps server answered about “{query}”, but this till could not read what it said: "
        "shown is the till's saved copy of them, not the server's word. Try again; call a manager "
        "if it keeps happening."
    ),
    "member.unreadable_copy_held_back": (
        "The Stamps server answered about “{query}”, but this till could not read what it said. "
        "The till's saved copy of them is not used: the server may have said something the copy "
        "does not know (a blocked account). Try again; call a manager if it keeps happening."
    ),
    "member.suggestions_some_unread": (
        "{count} members found could not be read and are not listed: the Stamps server sent "
        "them in a form this till cannot read. Scan their card, or type their email, member ID "
        "or phone."
    ),
    # the server may have answered, with a failure or in a form the till cannot read: "did not
    # answer" was said of a 502 too
    "member.suggestions_from_copy": (
        "Only members this till has seen before are listed: the Stamps server did not give its "
        "matches for this search."
    ),
    "member.moved_look_alike": (
        "The answer sends this till to another address ({address}), whose name may only look "
        "like the Stamps server's, and this till has not seen “{query}” before. Call a manager: "
        "do not set the Server URL (base_url) to it; ask Stamps support for the till's address."
    ),
    "member.moved": (
        "The answer sends this till to another address ({address}), and this till has not seen "
        "“{query}” before. Call a manager: the Server URL (base_url) may need to be that "
        "address, or a network's sign-in page is in the way."
    ),
    # a 3xx to another path of the same server: the Server URL's path is wrong
    "member.redirected": (
        "The answer sends this till to another address on the Stamps server, and this till has "
        "not seen “{query}” before. Call a manager to check the Server URL (base_url)."
    ),
    "member.server_said": (
        "The Stamps server answered without saying who “{query}” is. It said: “{said}”. This "
        "till has not seen “{query}” before: try again, or call a manager if it keeps happening."
    ),
    "member.web_page": (
        "A web page answers instead of the Stamps server: the shop's network may need signing in "
        "(a Wi-Fi login page). This till has not seen “{query}” before; call a manager."
    ),
    "member.no_email_or_member_id": (
        "{name} has no email or Member ID on their Stamps account, and the server needs an email "
        "or Member ID for this. Add one on the Stamps dashboard, then find the member again."
    ),
    "member.no_email_or_phone": (
        "{name} has no email or phone number on their Stamps account, and the server needs an "
        "email or phone number for this. Add one on the Stamps dashboard, then find the member "
        "again."
    ),
    # a level's name is the server's; one known by its number alone (customer_api §12)
    "member.level": "{name}",
    # the docs show a membership's stamps only by example: a balance not given is said, never 0
    "member.stamps_unknown": "Stamps: not given by the Stamps server",
    # The docs keep owed stamps apart (stamps_owed), yet a server may send a balance below zero:
    # shown as it came, with a line saying it is no misprint.
    "member.below_zero": "Below zero on the Stamps server: no reward can be paid in stamps.",
    "member.level_number": "Level {number}",
    # what no member can answer to is never sent (members.py, member_query)
    "member.hidden_characters": (
        "This cannot be a member's email, member ID, phone or card number: it holds an invisible "
        "or control character ({character}). Type or scan it again."
    ),
    "member.too_long": (
        "This cannot be a member's email, member ID, phone or card number: it is longer than "
        "{limit} characters."
    ),
    "member.pick_one": "{count} members match “{query}”. Pick one from the list.",
    "member.credentials": (
        "The Stamps server refuses this till's API token, so members cannot be looked up. "
        "Call a manager to set the new token (Settings in manager mode, or stamps-pos token set)."
    ),
    "member.credentials.said": (
        "The Stamps server refuses this till's API token, so members cannot be looked up. It "
        "said: “{said}”. Call a manager to set the new token (Settings in manager mode, or "
        "stamps-pos token set)."
    ),
    # over plain http the server may refuse http itself (testing.rst §5): a token won't help
    "member.credentials.https": (
        "The Stamps server refuses plain http, so members cannot be looked up. It said: "
        "“{said}”. Call a manager to set the Server URL (base_url) to {address}; a new API token "
        "would not help."
    ),
    # a token no request header can carry is never sent (stamps-pos token set refuses one)
    "member.token_unusable": (
        "This till's API token holds characters a request cannot carry, so members cannot be "
        "looked up. Call a manager to set it again (Settings in manager mode, or stamps-pos token "
        "set)."
    ),
    # --- the PIN --------------------------------------------------------------------------------
    "pin.required": "This member's redemptions need their PIN.",
    "pin.lane_busy": (
        "This member still has a redemption waiting to sync; it must go through before one "
        "with a PIN."
    ),
    # the kiosk's own rule, its counterpart of the PIN's "lane busy": a member with an entry still
    # waiting is sent to the counter, PIN or not (docs/kiosk.md)
    "pin.lane_busy_at_kiosk": (
        "This member still has a redemption waiting to sync; the kiosk takes no other until it "
        "goes through."
    ),
    "pin.wrong": "Wrong PIN. Ask the customer to try again.",
    "pin.refused": "The PIN was not accepted: {reason}",
    # a wrong PIN as the shift's record keeps it (the cashier was told "Wrong PIN…" and the pad
    # how many attempts are left); never the PIN, nor how long it was
    "pin.wrong_attempts_left": "Wrong PIN: {left} attempts left.",
    "pin.unchecked": (
        "The PIN could not be checked: the Stamps server did not answer. Try again in a moment."
    ),
    "pin.unproven": (
        "The PIN could not be checked: the Stamps server answered without confirming it, and "
        "said: “{said}”. Nothing was redeemed; try again, and call a manager if it keeps "
        "happening."
    ),
    "pin.unreadable": (
        "The PIN could not be checked: the Stamps server answered in a form this till cannot "
        "read. Nothing was redeemed; try again, and call a manager if it keeps happening."
    ),
    "pin.server_failing": (
        "The PIN could not be checked: the Stamps server is failing ({status}). Nothing was "
        "redeemed; try again in a moment."
    ),
    # --- the catalogue and orders ---------------------------------------------------------------
    "catalogue.rewards_unavailable": (
        "The rewards could not be read: the Stamps server did not answer and this till has no "
        "copy of them yet. Try again in a moment."
    ),
    "catalogue.vouchers_unavailable": (
        "This member's vouchers could not be read: the Stamps server did not answer and this "
        "till has not seen them before. Try again in a moment."
    ),
    "catalogue.rewards_unreachable": (
        "The rewards could not be read: the Stamps server cannot be reached and this till has no "
        "copy of them yet. Try again when the till is back online."
    ),
    "catalogue.vouchers_unreachable": (
        "This member's vouchers could not be read: the Stamps server cannot be reached and this "
        "till has not seen them before. Try again when the till is back online."
    ),
    "catalogue.rewards_failing": (
        "The rewards could not be read: the Stamps server is failing ({status}) and this till has "
        "no copy of them yet. Try again in a moment."
    ),
    "catalogue.vouchers_failing": (
        "This member's vouchers could not be read: the Stamps server is failing ({status}) and "
        "this till has not seen them before. Try again in a moment."
    ),
    "catalogue.rewards_refused": (
        "The rewards could not be read: the Stamps server refused to list them ({status}: "
        "“{reason}”) and this till has no copy of them yet. Call a manager if it keeps "
        "happening."
    ),
    "catalogue.vouchers_refused": (
        "This member's vouchers could not be read: the Stamps server refused to list them "
        "({status}: “{reason}”) and this till has not seen them before. Call a manager if it "
        "keeps happening."
    ),
    "catalogue.rewards_unreadable": (
        "The rewards could not be read: the Stamps server answered in a form this till cannot "
        "read, and this till has no copy of them yet. Call a manager if it keeps happening."
    ),
    "catalogue.vouchers_unreadable": (
        "This member's vouchers could not be read: the Stamps server answered in a form this till "
        "cannot read, and this till has not seen them before. Call a manager if it keeps "
        "happening."
    ),
    "catalogue.rewards_some_unread": (
        "{count} rewards could not be read and are not shown: the Stamps server sent them in a "
        "form this till cannot read. Call a manager if it keeps happening."
    ),
    "catalogue.rewards_cut": (
        "Only the first {count} rewards are shown, the most this till reads: the store may "
        "offer more."
    ),
    "catalogue.vouchers_some_unread": (
        "{count} vouchers could not be read and are not shown: the Stamps server sent them in a "
        "form this till cannot read. Call a manager if it keeps happening."
    ),
    "catalogue.vouchers_need_user": (
        "{name} has no email or Member ID, which the Stamps server needs to list their vouchers."
    ),
    "catalogue.as_of": (
        "The Stamps server did not answer: shown as this till last saw them ({when})."
    ),
    "order.reward_not_offered": "That reward ({reward}) is not offered at this store.",
    "order.reward_unreadable": (
        "Reward {reward} cannot be redeemed here: the Stamps server lists it in a form this till "
        "cannot read. Call a manager if it keeps happening."
    ),
    "order.only_flexible_takes_stamps": (
        "{name}: only a flexible reward takes a number of stamps."
    ),
    "order.flexible_needs_stamps": "{name} is a flexible reward: say how many stamps to spend.",
    "order.no_reward_code": "No reward with code {code} at this store.",
    "order.reward_without_code": (
        "{name} has no reward code, so it cannot go in a cart: redeem it on its own."
    ),
    "order.code_of_several": (
        "Code {code} is the code of more than one reward at this store: {names}. A cart names "
        "its rewards by code alone, so the till cannot tell which is meant: redeem the one meant "
        "on its own, picked from the rewards or by its id."
    ),
    "order.cart_empty": "The cart is empty.",
    # the till turned it away itself, before sending anything: no server refused it
    "order.asks_first.todo": (
        "Nothing was sent to Stamps and nothing was redeemed. Put right what is said above, "
        "then redeem again."
    ),
    "order.qty_range": "{name}: the quantity must be from 1 to {most}.",
    "order.stamps_range": "{name}: the stamps must be from {least} to {most}.",
    "order.voucher_not_members": "Voucher {voucher} is not one of this member's vouchers.",
    "order.voucher_unreadable": (
        "Voucher {voucher} cannot be used here: the Stamps server lists it in a form this till "
        "cannot read. Call a manager if it keeps happening."
    ),
    "order.voucher_not_known": (
        "The till cannot check voucher {voucher} now: the Stamps server did not answer and the "
        "till's copy of this member's vouchers does not have it. Try again in a moment."
    ),
    "order.balance_left": "{name} has only {left} left.",
    "order.balance_only_deducts": (
        "{name} is a balance voucher: deduct an amount from it, or use it up whole on purpose."
    ),
    "order.value_positive": "Type an amount above Rp 0.",
    "order.type_voucher_code": "Type or scan the voucher code.",
    "order.type_promo_code": "Type or scan the promo code.",
    "order.code_not_redeemable": "Voucher code {code} cannot be redeemed here.",
    "order.code_unknown_template": "The Stamps server did not say which voucher {code} is.",
    "order.code_offline_unknown": (
        "Offline, the till cannot tell which voucher {code} is. Try again when the till is back "
        "online."
    ),
    "order.code_offline_unknown.line_checked": (
        "Offline, the till cannot tell which voucher {code} is."
    ),
    # the check left unanswered for the lookup's wait: neither "not valid" nor taken on trust
    "order.code_not_checked": (
        "The Stamps server has not answered in time ({seconds} s), so voucher code {code} was "
        "not checked and nothing was redeemed. Try again; if it keeps happening, a manager can "
        "give the server more time (the lookup_timeout setting)."
    ),
    "order.promo_not_checked": (
        "The Stamps server has not answered in time ({seconds} s), so promo code {code} was not "
        "checked and nothing was redeemed. Try again; if it keeps happening, a manager can give "
        "the server more time (the lookup_timeout setting)."
    ),
    "order.code_check_unreadable": (
        "The Stamps server answered the check of voucher code {code} in a form this till cannot "
        "read, so the code was not checked and nothing was redeemed. Call a manager if it keeps "
        "happening."
    ),
    "order.promo_check_unreadable": (
        "The Stamps server answered the check of promo code {code} in a form this till cannot "
        "read, so the code was not checked and nothing was redeemed. Call a manager if it keeps "
        "happening."
    ),
    "order.code_not_checked.todo": (
        "Nothing was redeemed: try the code again, or tell the customer it cannot be checked now."
    ),
    "order.promo_inactive": "Promo code {code} is not active.",
    "order.promo_needs_invoice": "A promo code needs the invoice number of the sale.",
    "order.check_fields": "This cannot be sent as it stands: check {fields}.",
    # --- what a cashier types as a code (codes.py): the field named, the character said --------
    "code.invoice_empty": "Type or scan the invoice number.",
    "code.invoice_hidden": (
        "The invoice number holds an invisible or control character ({character}); type or scan "
        "it again without it."
    ),
    "code.invoice_too_long": "The invoice number is longer than {limit} characters.",
    "code.voucher_hidden": (
        "The voucher code holds an invisible or control character ({character}); type or scan "
        "it again without it."
    ),
    "code.voucher_too_long": "The voucher code is longer than {limit} characters.",
    "code.promo_hidden": (
        "The promo code holds an invisible or control character ({character}); type or scan it "
        "again without it."
    ),
    "code.promo_too_long": "The promo code is longer than {limit} characters.",
    "code.invoice_mark_stack": (
        "The invoice number stacks more than {limit} accents on one letter; type or scan it "
        "again without them."
    ),
    "code.voucher_mark_stack": (
        "The voucher code stacks more than {limit} accents on one letter; type or scan it again "
        "without them."
    ),
    "code.promo_mark_stack": (
        "The promo code stacks more than {limit} accents on one letter; type or scan it again "
        "without them."
    ),
    # --- what a redemption is, in the shift's list and on the result panel ---------------------
    "what.reward": "{name}",
    "what.rewards": "{qty} × {name}",
    # A reward that is a voucher (given to the member) and a voucher the member used read apart
    # in the shift's list: both were the voucher's name alone, and a cashier reconciling the
    # shift could not tell what the till gave from what it took.
    "what.reward_voucher": "Voucher given: {name}",
    "what.rewards_voucher": "Voucher given: {qty} × {name}",
    "what.cart": "{items}",
    "what.voucher": "Voucher used: {name}",
    "what.whole_balance": "{name}, used up whole",
    "what.deduct": "{value} from {name}",
    "what.code": "Voucher code {code}",
    "what.code_named": "Voucher code {code} ({name})",
    "what.promo": "Promo code {code}",
    # the kiosk asks the PIN before a reward is chosen: a refusal there has no order to name
    "what.kiosk_pin": "Kiosk redemption (at the PIN, before a reward was chosen)",
    "what.kiosk_identify": "Kiosk redemption (on identifying, before a reward was chosen)",
    # --- what the server said -------------------------------------------------------------------
    "server.refused": "The Stamps server refused it: {reason}",
    "server.refused_silently": "The Stamps server refused it without saying why.",
    "server.no_answer": (
        "The Stamps server did not answer in time. Nothing was redeemed; try again in a moment."
    ),
    "server.unreachable": (
        "The Stamps server cannot be reached. Nothing was redeemed; try again when the till is "
        "back online."
    ),
    "server.failed": (
        "The Stamps server had a problem and could not check this. Nothing was redeemed; try "
        "again in a moment."
    ),
    "server.credentials": (
        "The Stamps server refuses this till's API token. Nothing was redeemed; call a manager."
    ),
    "server.credentials.said": (
        "The Stamps server refuses this till's API token. It said: “{said}”. Nothing was "
        "redeemed; call a manager."
    ),
    "server.token_unusable": (
        "This till's API token holds characters a request cannot carry, so the PIN was not "
        "checked. Nothing was redeemed; call a manager to set it again (Settings in manager mode, "
        "or stamps-pos token set)."
    ),
    "server.credentials.https": (
        "The Stamps server refuses plain http. It said: “{said}”. Nothing was redeemed; call a "
        "manager to set the Server URL (base_url) to {address}."
    ),
    # --- the outcome of a redemption (the receipt) ----------------------------------------------
    "receipt.confirmed": "Confirmed",
    "receipt.confirmed.todo": "Hand over the reward.",
    # Confirmed without the server's answer (the cashier was told "do not hand over yet" until
    # then): how it was confirmed goes in the details, and what to give now in the advice.
    "receipt.detail.reconciled": (
        "Found in the member's activity. It has no server id here: a later cancel must be made "
        "on the Stamps dashboard."
    ),
    "receipt.detail.reconciled.status_unread": (
        "Found in the member's activity, so it reached the Stamps server, but the server gives "
        "it a status the till does not know ({status}): counted as redeemed, check on the "
        "Stamps dashboard whether it still stands. A later cancel must be made there."
    ),
    "receipt.detail.reconciled.status_none": (
        "Found in the member's activity, so it reached the Stamps server, but its line gives no "
        "status: counted as redeemed, check on the Stamps dashboard whether it still stands. A "
        "later cancel must be made there."
    ),
    "receipt.detail.reconciled.status_not_kept": (
        "Found in the member's activity, so it reached the Stamps server, before this till kept "
        "what its line said: counted as redeemed, check on the Stamps dashboard whether it still "
        "stands. A later cancel must be made there."
    ),
    "receipt.detail.marked_applied": (
        "A manager marked it applied. It has no server id here: a later cancel must be made on "
        "the Stamps dashboard."
    ),
    "receipt.detail.marked_applied.server_id": (
        "A manager marked it applied, as server redemption {server_id} on the Stamps dashboard."
    ),
    "receipt.confirmed.later.todo": "Confirmed after all: the reward may be handed over now.",
    "receipt.confirmed.later.todo.cart": (
        "Confirmed after all: the rewards may be handed over now."
    ),
    "receipt.confirmed.later.todo.voucher": "Confirmed after all: the voucher may be applied now.",
    "receipt.confirmed.later.todo.deduct": (
        "Confirmed after all: the amount may be taken off the bill now."
    ),
    "receipt.confirmed.later.todo.promo": "Confirmed after all: the promo may be applied now.",
    # A reward that is a voucher went to the member's vouchers when the server applied it.
    "receipt.confirmed.later.todo.issued": (
        "Confirmed after all: the reward is a voucher, added to the member's vouchers. Nothing "
        "to hand over."
    ),
    "receipt.confirmed.later.todo.cart_issued": (
        "Confirmed after all: the rewards that are not vouchers may be handed over now; the "
        "vouchers were added to the member's vouchers."
    ),
    # Confirmed after the till accepted it offline: it went over the counter then.
    "receipt.confirmed.offline.todo": (
        "Nothing more to give: it was handed over when the till accepted it offline."
    ),
    "receipt.confirmed.offline.todo.cart": (
        "Nothing more to give: they were handed over when the till accepted it offline."
    ),
    "receipt.confirmed.offline.todo.voucher": (
        "Nothing more to give: the voucher was applied when the till accepted it offline."
    ),
    "receipt.confirmed.offline.todo.deduct": (
        "Nothing more to give: the amount was taken off the bill when the till accepted it offline."
    ),
    "receipt.confirmed.offline.todo.promo": (
        "Nothing more to give: the promo was applied when the till accepted it offline."
    ),
    "receipt.confirmed.offline.todo.issued": (
        "Nothing more to give: the voucher was added to the member's vouchers."
    ),
    "receipt.confirmed.offline.todo.cart_issued": (
        "Nothing more to give: the rewards that are not vouchers were handed over when the till "
        "accepted it offline, and the vouchers were added to the member's vouchers."
    ),
    # Confirmed after the till accepted it to send again when the server turned an attempt away
    # (a 408 or 429: it asked for the request again): the till was never offline.
    "receipt.confirmed.sent_again.todo": (
        "Nothing more to give: it was handed over when the till accepted it to send again, "
        "after the Stamps server asked for it again."
    ),
    "receipt.confirmed.sent_again.todo.cart": (
        "Nothing more to give: they were handed over when the till accepted it to send again, "
        "after the Stamps server asked for it again."
    ),
    "receipt.confirmed.sent_again.todo.voucher": (
        "Nothing more to give: the voucher was applied when the till accepted it to send again, "
        "after the Stamps server asked for it again."
    ),
    "receipt.confirmed.sent_again.todo.deduct": (
        "Nothing more to give: the amount was taken off the bill when the till accepted it to "
        "send again, after the Stamps server asked for it again."
    ),
    "receipt.confirmed.sent_again.todo.promo": (
        "Nothing more to give: the promo was applied when the till accepted it to send again, "
        "after the Stamps server asked for it again."
    ),
    "receipt.confirmed.sent_again.todo.issued": (
        "Nothing more to give: the voucher was added to the member's vouchers."
    ),
    "receipt.confirmed.sent_again.todo.cart_issued": (
        "Nothing more to give: the rewards that are not vouchers were handed over when the till "
        "accepted it to send again, after the Stamps server asked for it again, and the vouchers "
        "were added to the member's vouchers."
    ),
    # A reward that is a voucher: the server adds it to the member's vouchers (its code in the
    # answer), so there is nothing to hand over for it.
    "receipt.confirmed.todo.issued": (
        "The reward is a voucher: it was added to the member's vouchers."
    ),
    "receipt.confirmed.todo.cart_issued": (
        "Hand over the rewards that are not vouchers; the vouchers were added to the member's "
        "vouchers."
    ),
    "receipt.accepted_offline": "Accepted offline — will sync",
    "receipt.accepted_offline.todo": (
        "Hand over the reward; the till sends it when the network is back."
    ),
    # Accepted offline, then the network came back to a server that refuses the till (its token,
    # or plain http): it waits for a manager, not for the network.
    "receipt.accepted_offline.paused.todo": (
        "Hand over the reward; the till sends it once a manager sets this till's new API token."
    ),
    "receipt.accepted_offline.paused.https.todo": (
        "Hand over the reward; the till sends it once a manager sets the till's Server URL to "
        "https."
    ),
    # Accepted offline after the server asked the till to slow down (a 429): the server is there,
    # and the till sends it again by itself once the wait it asked for is over; "when the network
    # is back" told the cashier of an outage there was not.
    "receipt.accepted_offline.slowed": "Accepted — will sync",
    "receipt.accepted_offline.slowed.todo": (
        "Hand over the reward; the till sends it by itself once the Stamps server's wait is over."
    ),
    "receipt.accepted_offline.slowed.todo.issued": (
        "The reward is a voucher: nothing to hand over. It reaches the member's vouchers once the "
        "till has sent it, by itself, when the Stamps server's wait is over."
    ),
    "receipt.accepted_offline.slowed.todo.cart_issued": (
        "Hand over the rewards that are not vouchers; the vouchers reach the member's vouchers "
        "once the till has sent the cart, by itself, when the Stamps server's wait is over."
    ),
    "receipt.accepted_offline.slowed.todo.cart": (
        "Hand over the rewards; the till sends them by itself once the Stamps server's wait is "
        "over."
    ),
    "receipt.accepted_offline.slowed.todo.voucher": (
        "Apply the voucher: give its item or discount. The till sends it by itself once the "
        "Stamps server's wait is over."
    ),
    "receipt.accepted_offline.slowed.todo.deduct": (
        "Take the amount off the bill; the till sends it by itself once the Stamps server's wait "
        "is over."
    ),
    "receipt.accepted_offline.slowed.todo.promo": (
        "Apply the promo to this sale; the till sends it by itself once the Stamps server's wait "
        "is over."
    ),
    # Accepted offline after the server timed out waiting for the request (a 408): the server is
    # there and applied nothing; the till sends it again by itself. "When the network is back"
    # told the cashier of an outage there was not.
    "receipt.accepted_offline.timed_out": "Accepted — will sync",
    "receipt.accepted_offline.timed_out.todo": (
        "Hand over the reward; the till sends it again by itself."
    ),
    "receipt.accepted_offline.timed_out.todo.issued": (
        "The reward is a voucher: nothing to hand over. It reaches the member's vouchers once the "
        "till has sent it again, by itself."
    ),
    "receipt.accepted_offline.timed_out.todo.cart_issued": (
        "Hand over the rewards that are not vouchers; the vouchers reach the member's vouchers "
        "once the till has sent the cart again, by itself."
    ),
    "receipt.accepted_offline.timed_out.todo.cart": (
        "Hand over the rewards; the till sends them again by itself."
    ),
    "receipt.accepted_offline.timed_out.todo.voucher": (
        "Apply the voucher: give its item or discount. The till sends it again by itself."
    ),
    "receipt.accepted_offline.timed_out.todo.deduct": (
        "Take the amount off the bill; the till sends it again by itself."
    ),
    "receipt.accepted_offline.timed_out.todo.promo": (
        "Apply the promo to this sale; the till sends it again by itself."
    ),
    # A reward that is a voucher, accepted offline: the server adds the voucher when it gets it.
    "receipt.accepted_offline.todo.issued": (
        "The reward is a voucher: nothing to hand over. It reaches the member's vouchers once "
        "the till sends it, when the network is back."
    ),
    "receipt.accepted_offline.paused.todo.issued": (
        "The reward is a voucher: nothing to hand over. It reaches the member's vouchers once a "
        "manager sets this till's new API token."
    ),
    "receipt.accepted_offline.paused.https.todo.issued": (
        "The reward is a voucher: nothing to hand over. It reaches the member's vouchers once a "
        "manager sets the till's Server URL to https."
    ),
    # A cart with a voucher among its rewards, accepted offline: the others go over the counter.
    "receipt.accepted_offline.todo.cart_issued": (
        "Hand over the rewards that are not vouchers; the vouchers reach the member's vouchers "
        "once the till sends the cart, when the network is back."
    ),
    "receipt.accepted_offline.paused.todo.cart_issued": (
        "Hand over the rewards that are not vouchers; the vouchers reach the member's vouchers "
        "once a manager sets this till's new API token."
    ),
    "receipt.accepted_offline.paused.https.todo.cart_issued": (
        "Hand over the rewards that are not vouchers; the vouchers reach the member's vouchers "
        "once a manager sets the till's Server URL to https."
    ),
    "receipt.not_confirmed": "NOT CONFIRMED — do not hand over yet",
    "receipt.not_confirmed.todo": (
        "The Stamps server has not confirmed it. Keep the reward back until this turns green, "
        "or ask a manager to decide."
    ),
    # Accepted offline (the cashier was told to hand it over), then an attempt that may have
    # reached the server went unanswered: still not confirmed, but the reward has gone.
    "receipt.not_confirmed.offline": "NOT CONFIRMED — accepted offline",
    "receipt.not_confirmed.offline.todo": (
        "It was handed over when the till accepted it offline. The Stamps server has not "
        "confirmed it yet: the till is finding out, and a manager sees it if the till cannot."
    ),
    "receipt.not_confirmed.offline.todo.issued": (
        "The reward is a voucher: nothing went over the counter. The Stamps server has not "
        "confirmed it yet: the till is finding out, and a manager sees it if the till cannot."
    ),
    "receipt.not_confirmed.offline.todo.cart_issued": (
        "The rewards that are not vouchers were handed over when the till accepted it offline. "
        "The Stamps server has not confirmed it yet: the till is finding out, and a manager sees "
        "it if the till cannot."
    ),
    # Accepted to send again when the server turned an attempt away (a 408 or 429), handed over
    # then, and an attempt since may have reached the server unanswered: never offline.
    "receipt.not_confirmed.sent_again": "NOT CONFIRMED — accepted to send again",
    "receipt.not_confirmed.sent_again.todo": (
        "It was handed over when the till accepted it to send again, after the Stamps server "
        "asked for it again. The Stamps server has not confirmed it yet: the till is finding "
        "out, and a manager sees it if the till cannot."
    ),
    "receipt.not_confirmed.sent_again.todo.issued": (
        "The reward is a voucher: nothing went over the counter. The Stamps server has not "
        "confirmed it yet: the till is finding out, and a manager sees it if the till cannot."
    ),
    "receipt.not_confirmed.sent_again.todo.cart_issued": (
        "The rewards that are not vouchers were handed over when the till accepted it to send "
        "again, after the Stamps server asked for it again. The Stamps server has not confirmed "
        "it yet: the till is finding out, and a manager sees it if the till cannot."
    ),
    "receipt.not_confirmed.sent_again.todo.cart": (
        "They were handed over when the till accepted it to send again, after the Stamps server "
        "asked for it again. The Stamps server has not confirmed it yet: the till is finding "
        "out, and a manager sees it if the till cannot."
    ),
    "receipt.not_confirmed.sent_again.todo.voucher": (
        "The voucher was applied when the till accepted it to send again, after the Stamps "
        "server asked for it again. The Stamps server has not confirmed it yet: the till is "
        "finding out, and a manager sees it if the till cannot."
    ),
    "receipt.not_confirmed.sent_again.todo.deduct": (
        "The amount was taken off the bill when the till accepted it to send again, after the "
        "Stamps server asked for it again. The Stamps server has not confirmed it yet: the till "
        "is finding out, and a manager sees it if the till cannot."
    ),
    "receipt.not_confirmed.sent_again.todo.promo": (
        "The promo was applied when the till accepted it to send again, after the Stamps server "
        "asked for it again. The Stamps server has not confirmed it yet: the till is finding "
        "out, and a manager sees it if the till cannot."
    ),
    "receipt.waiting": "Waiting to send — do not hand over yet",
    "receipt.waiting.todo": (
        "The Stamps server cannot be reached yet; the till keeps trying while the customer's "
        "PIN authorisation lasts."
    ),
    # A PIN's redemption the server asked the till to send more slowly (a 429), or timed out
    # waiting for (a 408): no outage.
    "receipt.waiting.slowed.todo": (
        "The till sends it again by itself while the customer's PIN authorisation lasts. Keep "
        "the reward back until this turns green."
    ),
    "receipt.waiting.paused.todo": (
        "Nothing is sent until a manager sets this till's new API token; then it goes. Keep the "
        "reward back until this turns green, or ask a manager to decide."
    ),
    "receipt.waiting.paused.https.todo": (
        "Nothing is sent until a manager sets the till's Server URL to https; then it goes. Keep "
        "the reward back until this turns green, or ask a manager to decide."
    ),
    # What the cashier gives for each kind of order, where a reward's words would be wrong: a
    # cart is several rewards; a voucher (or a voucher code) gives an item or a discount, as its
    # template says ("Free Kaya Bun", "Rp 100,000 Discount"); a deduction takes rupiah off the
    # bill; a promo applies to the sale's invoice. The id is the reward's, then the kind's family.
    "receipt.confirmed.todo.cart": "Hand over the rewards.",
    "receipt.confirmed.todo.voucher": "Apply the voucher: give its item or discount.",
    "receipt.confirmed.todo.deduct": "Take the amount off the bill.",
    "receipt.confirmed.todo.promo": "Apply the promo to this sale.",
    "receipt.accepted_offline.todo.cart": (
        "Hand over the rewards; the till sends them when the network is back."
    ),
    "receipt.accepted_offline.todo.voucher": (
        "Apply the voucher: give its item or discount. The till sends it when the network is back."
    ),
    "receipt.accepted_offline.todo.deduct": (
        "Take the amount off the bill; the till sends it when the network is back."
    ),
    "receipt.accepted_offline.todo.promo": (
        "Apply the promo to this sale; the till sends it when the network is back."
    ),
    "receipt.accepted_offline.paused.todo.cart": (
        "Hand over the rewards; the till sends them once a manager sets this till's new API token."
    ),
    "receipt.accepted_offline.paused.todo.voucher": (
        "Apply the voucher: give its item or discount. The till sends it once a manager sets "
        "this till's new API token."
    ),
    "receipt.accepted_offline.paused.todo.deduct": (
        "Take the amount off the bill; the till sends it once a manager sets this till's new API "
        "token."
    ),
    "receipt.accepted_offline.paused.todo.promo": (
        "Apply the promo to this sale; the till sends it once a manager sets this till's new API "
        "token."
    ),
    "receipt.accepted_offline.paused.https.todo.cart": (
        "Hand over the rewards; the till sends them once a manager sets the till's Server URL "
        "to https."
    ),
    "receipt.accepted_offline.paused.https.todo.voucher": (
        "Apply the voucher: give its item or discount. The till sends it once a manager sets the "
        "till's Server URL to https."
    ),
    "receipt.accepted_offline.paused.https.todo.deduct": (
        "Take the amount off the bill; the till sends it once a manager sets the till's Server "
        "URL to https."
    ),
    "receipt.accepted_offline.paused.https.todo.promo": (
        "Apply the promo to this sale; the till sends it once a manager sets the till's Server "
        "URL to https."
    ),
    "receipt.not_confirmed.voucher": "NOT CONFIRMED — do not apply the voucher yet",
    "receipt.not_confirmed.deduct": "NOT CONFIRMED — do not take it off the bill yet",
    "receipt.not_confirmed.promo": "NOT CONFIRMED — do not apply the promo yet",
    "receipt.not_confirmed.todo.cart": (
        "The Stamps server has not confirmed it. Keep the rewards back until this turns green, "
        "or ask a manager to decide."
    ),
    "receipt.not_confirmed.todo.voucher": (
        "The Stamps server has not confirmed it. Do not apply the voucher until this turns "
        "green, or ask a manager to decide."
    ),
    "receipt.not_confirmed.todo.deduct": (
        "The Stamps server has not confirmed it. Do not take the amount off the bill until this "
        "turns green, or ask a manager to decide."
    ),
    "receipt.not_confirmed.todo.promo": (
        "The Stamps server has not confirmed it. Do not apply the promo until this turns green, "
        "or ask a manager to decide."
    ),
    "receipt.not_confirmed.offline.todo.cart": (
        "They were handed over when the till accepted it offline. The Stamps server has not "
        "confirmed it yet: the till is finding out, and a manager sees it if the till cannot."
    ),
    "receipt.not_confirmed.offline.todo.voucher": (
        "The voucher was applied when the till accepted it offline. The Stamps server has not "
        "confirmed it yet: the till is finding out, and a manager sees it if the till cannot."
    ),
    "receipt.not_confirmed.offline.todo.deduct": (
        "The amount was taken off the bill when the till accepted it offline. The Stamps server "
        "has not confirmed it yet: the till is finding out, and a manager sees it if the till "
        "cannot."
    ),
    "receipt.not_confirmed.offline.todo.promo": (
        "The promo was applied when the till accepted it offline. The Stamps server has not "
        "confirmed it yet: the till is finding out, and a manager sees it if the till cannot."
    ),
    "receipt.waiting.voucher": "Waiting to send — do not apply the voucher yet",
    "receipt.waiting.deduct": "Waiting to send — do not take it off the bill yet",
    "receipt.waiting.promo": "Waiting to send — do not apply the promo yet",
    "receipt.waiting.paused.todo.cart": (
        "Nothing is sent until a manager sets this till's new API token; then it goes. Keep the "
        "rewards back until this turns green, or ask a manager to decide."
    ),
    "receipt.waiting.paused.todo.voucher": (
        "Nothing is sent until a manager sets this till's new API token; then it goes. Do not "
        "apply the voucher until this turns green, or ask a manager to decide."
    ),
    "receipt.waiting.paused.todo.deduct": (
        "Nothing is sent until a manager sets this till's new API token; then it goes. Do not "
        "take the amount off the bill until this turns green, or ask a manager to decide."
    ),
    "receipt.waiting.paused.todo.promo": (
        "Nothing is sent until a manager sets this till's new API token; then it goes. Do not "
        "apply the promo until this turns green, or ask a manager to decide."
    ),
    "receipt.waiting.paused.https.todo.cart": (
        "Nothing is sent until a manager sets the till's Server URL to https; then it goes. Keep "
        "the rewards back until this turns green, or ask a manager to decide."
    ),
    "receipt.waiting.paused.https.todo.voucher": (
        "Nothing is sent until a manager sets the till's Server URL to https; then it goes. Do "
        "not apply the voucher until this turns green, or ask a manager to decide."
    ),
    "receipt.waiting.paused.https.todo.deduct": (
        "Nothing is sent until a manager sets the till's Server URL to https; then it goes. Do "
        "not take the amount off the bill until this turns green, or ask a manager to decide."
    ),
    "receipt.waiting.paused.https.todo.promo": (
        "Nothing is sent until a manager sets the till's Server URL to https; then it goes. Do "
        "not apply the promo until this turns green, or ask a manager to decide."
    ),
    "receipt.refused": "Refused",
    "receipt.refused.todo": "Nothing was redeemed. Tell the customer why.",
    # Refused when the till sent it after accepting it offline: the reward went over then.
    "receipt.refused.offline": "Refused after it was accepted offline",
    "receipt.refused.offline.todo": (
        "It was handed over when the till accepted it offline; the Stamps server refused it "
        "since. Tell a manager: it is listed under Exceptions."
    ),
    "receipt.refused.offline.todo.issued": (
        "The reward is a voucher: nothing went over the counter, and the Stamps server refused "
        "it since, so the member does not get it. Tell a manager: it is listed under Exceptions."
    ),
    "receipt.refused.offline.todo.cart_issued": (
        "The rewards that are not vouchers were handed over when the till accepted it offline; "
        "the Stamps server refused the cart since, so the member does not get its vouchers. Tell "
        "a manager: it is listed under Exceptions."
    ),
    "receipt.refused.offline.todo.cart": (
        "They were handed over when the till accepted it offline; the Stamps server refused it "
        "since. Tell a manager: it is listed under Exceptions."
    ),
    "receipt.refused.offline.todo.voucher": (
        "The voucher was applied when the till accepted it offline; the Stamps server refused it "
        "since. Tell a manager: it is listed under Exceptions."
    ),
    "receipt.refused.offline.todo.deduct": (
        "The amount was taken off the bill when the till accepted it offline; the Stamps server "
        "refused it since. Tell a manager: it is listed under Exceptions."
    ),
    "receipt.refused.offline.todo.promo": (
        "The promo was applied when the till accepted it offline; the Stamps server refused it "
        "since. Tell a manager: it is listed under Exceptions."
    ),
    # Refused when the till sent it again after accepting it to send again (the server had
    # turned an attempt away, a 408 or 429): what it gives went over then, never offline.
    "receipt.refused.sent_again": "Refused after it was accepted to send again",
    "receipt.refused.sent_again.todo": (
        "It was handed over when the till accepted it to send again, after the Stamps server "
        "asked for it again; the Stamps server refused it since. Tell a manager: it is listed "
        "under Exceptions."
    ),
    "receipt.refused.sent_again.todo.issued": (
        "The reward is a voucher: nothing went over the counter, and the Stamps server refused "
        "it since, so the member does not get it. Tell a manager: it is listed under Exceptions."
    ),
    "receipt.refused.sent_again.todo.cart_issued": (
        "The rewards that are not vouchers were handed over when the till accepted it to send "
        "again, after the Stamps server asked for it again; the Stamps server refused the cart "
        "since, so the member does not get its vouchers. Tell a manager: it is listed under "
        "Exceptions."
    ),
    "receipt.refused.sent_again.todo.cart": (
        "They were handed over when the till accepted it to send again, after the Stamps server "
        "asked for it again; the Stamps server refused it since. Tell a manager: it is listed "
        "under Exceptions."
    ),
    "receipt.refused.sent_again.todo.voucher": (
        "The voucher was applied when the till accepted it to send again, after the Stamps "
        "server asked for it again; the Stamps server refused it since. Tell a manager: it is "
        "listed under Exceptions."
    ),
    "receipt.refused.sent_again.todo.deduct": (
        "The amount was taken off the bill when the till accepted it to send again, after the "
        "Stamps server asked for it again; the Stamps server refused it since. Tell a manager: "
        "it is listed under Exceptions."
    ),
    "receipt.refused.sent_again.todo.promo": (
        "The promo was applied when the till accepted it to send again, after the Stamps server "
        "asked for it again; the Stamps server refused it since. Tell a manager: it is listed "
        "under Exceptions."
    ),
    "receipt.not_redeemed": "Not redeemed",
    "receipt.not_redeemed.todo": (
        "The server could not be reached and the offline rules do not allow this. Nothing was "
        "redeemed; tell the customer why."
    ),
    "receipt.not_redeemed.line_checked.todo": (
        "The till checked the line just now: the Stamps server still cannot be reached, and the "
        "offline rules do not allow this. Nothing was redeemed; tell the customer why."
    ),
    "receipt.not_redeemed.slowed.todo": (
        "The Stamps server asked the till to slow down, and the offline rules do not allow this "
        "without its answer. Nothing was redeemed; tell the customer why, or try again in a "
        "moment."
    ),
    "receipt.not_redeemed.timed_out.todo": (
        "The Stamps server timed out waiting for the request, and the offline rules do not allow "
        "this without its answer. Nothing was redeemed; tell the customer why, or try again in a "
        "moment."
    ),
    "receipt.not_redeemed.kiosk.todo": (
        "The kiosk could not send it and never will: nothing was redeemed. Redeem it here if the "
        "customer still wants it."
    ),
    "receipt.cancelled": "Cancelled",
    "receipt.cancelled.todo": "It was never sent; nothing was redeemed.",
    # Found in the member's activity on a line that says "Canceled": it reached the server and
    # was cancelled there (from the dashboard), so nothing of it stands.
    "receipt.cancelled.on_server": "Cancelled on the Stamps server",
    "receipt.cancelled.on_server.todo": (
        "Nothing of it stands: the member keeps their stamps. It is not sent again. If the "
        "reward was already handed over, tell a manager."
    ),
    # what an audit line's line of the member's activity said of the redemption, after the line
    "audit.line.cancelled": "cancelled on the Stamps server since",
    "audit.line.status_unread": "with a status the till does not know ({status})",
    "audit.line.status_none": "with no status",
    "audit.line.status_not_kept": "its status not kept (found before this till kept it)",
    "receipt.detail.cancelled_on_server": (
        "Found in the member's activity, so it reached the Stamps server, where it has been "
        "cancelled since."
    ),
    "receipt.expired": "PIN authorisation ran out",
    "receipt.expired.todo": "Nothing was redeemed. Ask the customer for their PIN again.",
    "receipt.expired.kiosk": "Not redeemed: not sent in time",
    "receipt.expired.kiosk.todo": (
        "The kiosk could not send it while the customer was there, so it will never be sent: "
        "nothing was redeemed and no stamps were taken."
    ),
    "receipt.confirmed.by_manager": "Confirmed by a manager",
    # The unknown state's one name where a manager reads it (History, Exceptions, End of day,
    # the command line, the CSVs); the cashier's result panel says it with what to do after it
    # ("NOT CONFIRMED — do not hand over yet").
    "standing.not_confirmed": "Not confirmed",
    # --- what reconciliation read in the member's activity (evidence_words.py): the window's
    # Exceptions pane and ``stamps-pos exceptions`` say it alike
    "evidence.not_read": "The member's activity has not been read for this one.",
    "evidence.looked_once": "Looked at it once, at {when}.",
    "evidence.looked": "Looked at it {count} times, last at {when}.",
    "evidence.span": "Lines looked for: made between {since} and {until}.",
    # ``line``: the reward's name, its stamps and its store (by code), with commas
    "evidence.looked_for": "Looked for: {line}.",
    "evidence.store": "store {store}",
    "evidence.stamps": "{n} stamps",
    "evidence.lines_read": "Lines read: {count}.",
    "evidence.matching": "Lines that match: {count}.",
    "evidence.store_unknown": (
        "Lines alike at a store the till cannot tell (it has no store code): {count}."
    ),
    "evidence.accounted": "Of these, owned by other redemptions of this till: {count}.",
    "evidence.waiting_on": "Waiting for these redemptions of the member to reach the server:",
    "evidence.rivals": "Other unconfirmed redemptions that could own the same lines:",
    # ``line``: why, as the till says a failure everywhere
    "evidence.unreadable": "Why it could not be read: {line}",
    # the last look that read the member's activity, under a latest look that could not: what
    # it found follows, set in; undated in a record kept before the till told the two apart
    "evidence.look_before": "The last look that read it, at {when}, found:",
    "evidence.look_before_undated": "An earlier look that read it found:",
    # why a look at the member's activity failed: said of that look, never of the redemption
    # (the words of a failed send, "it was not sent", "nothing was applied", would be false)
    "feed.unreachable": "The Stamps server could not be reached.",
    "feed.no_answer": "No whole answer came back from the Stamps server.",
    "feed.too_large": "The Stamps server's answer was too large to read.",
    "feed.server_error": "The Stamps server failed while giving it.",
    "feed.unreadable": (
        "The Stamps server's answer cannot be read as the member's whole activity since the "
        "redemption."
    ),
    "feed.turned_away": "The Stamps server turned the till's request for it away.",
    "feed.credentials": "The Stamps server refuses this till's API token.",
    "feed.credentials.said": "The Stamps server refuses this till's API token. It said: “{said}”.",
    "feed.credentials.https": (
        "The Stamps server refuses plain http: set the Server URL (base_url) to {address}. It "
        "said: “{said}”."
    ),
    "feed.wait": "The Stamps server asked the till to wait before asking again.",
    "feed.refused": "The Stamps server would not give it, and said: “{said}”",
    "feed.refused_silently": "The Stamps server would not give it.",
    "feed.ahead": (
        "It dates a redemption later than the till's clock reads: the server's clock and the "
        "till's disagree, so no line's time can be set beside the redemption's."
    ),
    "evidence.no_name": "a reward without a name",
    "evidence.server_id": "server id {id}",
    "evidence.no_server_id": "no server id",
    # where a line of the member's activity was made (the feed's channel)
    "channel.mobile_app": "in the Stamps app",
    "channel.pos": "at a till",
    "channel.kiosk": "at a kiosk",
    "channel.web": "on the web",
    "channel.android": "in the Android app",
    "channel.ios": "in the iOS app",
    "channel.call_center": "by the call centre",
    "channel.grabfood": "through GrabFood",
    "channel.gofood": "through GoFood",
    # --- the day's summary, by standing (End of day, ``stamps-pos summary``) -------------------
    "summary.standing.confirmed": "Confirmed",
    "summary.standing.confirmed_by_manager": "Confirmed by a manager",
    "summary.standing.accepted_offline": "Accepted offline",
    "summary.standing.not_confirmed": "Not confirmed",
    "summary.standing.refused": "Refused",
    "summary.standing.not_redeemed": "Not redeemed",
    "summary.standing.cancelled": "Cancelled",
    "summary.standing.expired": "PIN ran out",
    # a kiosk's redemption its bound ended: its customer was told to ask at the counter
    "summary.standing.not_sent_in_time": "Not sent in time",
    "summary.standing.sent_again": "Sent again by a manager",
    "summary.standing.closed": "Closed by a manager",
    "receipt.closed": "Closed by a manager",
    "receipt.closed.todo": (
        "Nothing more to do at the till. The manager's note is in manager mode's History."
    ),
    "receipt.closed.sent_again": "Sent again by a manager: see the new redemption",
    # A cancel's own words: its "confirmed" takes something back rather than hands it over.
    "receipt.cancel.confirmed": "Cancel confirmed",
    # what goes back, by the kind cancelled: only what the contract says (redemption_api §6).
    # Of a spent voucher it says nothing; of the till's unknown kind, nor does the till.
    "receipt.cancel.confirmed.todo": "The Stamps server cancelled the redemption.",
    "receipt.cancel.confirmed.todo.stamps": (
        "The Stamps server cancelled the redemption; the stamps it spent go back to the member."
    ),
    "receipt.cancel.confirmed.todo.promo": "The Stamps server cancelled the promo redemption.",
    "receipt.cancel.confirmed.todo.voucher.not_replaced": (
        "The Stamps server cancelled the voucher redemption; no replacement voucher was asked for."
    ),
    "receipt.cancel.confirmed.todo.voucher.replaced": (
        "The Stamps server cancelled the voucher redemption and gave the member a replacement "
        "voucher."
    ),
    "receipt.cancel.confirmed.todo.deduct.not_replaced": (
        "The Stamps server cancelled the deduction from the voucher; no replacement voucher was "
        "asked for."
    ),
    "receipt.cancel.confirmed.todo.deduct.replaced": (
        "The Stamps server cancelled the deduction from the voucher and gave the member a "
        "replacement voucher."
    ),
    # a promo code spent no stamps: the stamps the server's answer counts are not what came back
    "receipt.cancel.detail.promo": "The promo redemption no longer stands; it spent no stamps.",
    "receipt.cancel.detail.promo.also_said": (
        "The promo redemption no longer stands; it spent no stamps. The Stamps server also "
        "said: {said}"
    ),
    "receipt.cancel.detail.voucher.not_replaced": (
        "The voucher redemption no longer stands; it spent no stamps, and no replacement "
        "voucher was asked for."
    ),
    "receipt.cancel.detail.voucher.not_replaced.also_said": (
        "The voucher redemption no longer stands; it spent no stamps, and no replacement "
        "voucher was asked for. The Stamps server also said: {said}"
    ),
    "receipt.cancel.detail.voucher.replaced": (
        "The voucher redemption no longer stands; it spent no stamps. The member was given a "
        "replacement voucher."
    ),
    "receipt.cancel.detail.voucher.replaced.also_said": (
        "The voucher redemption no longer stands; it spent no stamps. The member was given a "
        "replacement voucher. The Stamps server also said: {said}"
    ),
    "receipt.cancel.detail.deduct.not_replaced": (
        "The deduction from the voucher no longer stands; it spent no stamps, and no "
        "replacement voucher was asked for."
    ),
    "receipt.cancel.detail.deduct.not_replaced.also_said": (
        "The deduction from the voucher no longer stands; it spent no stamps, and no "
        "replacement voucher was asked for. The Stamps server also said: {said}"
    ),
    "receipt.cancel.detail.deduct.replaced": (
        "The deduction from the voucher no longer stands; it spent no stamps. The member was "
        "given a replacement voucher."
    ),
    "receipt.cancel.detail.deduct.replaced.also_said": (
        "The deduction from the voucher no longer stands; it spent no stamps. The member was "
        "given a replacement voucher. The Stamps server also said: {said}"
    ),
    # a cancel by server id of another till's redemption: the answer counts the member's stamps
    # and says nothing of what the redemption spent, nor does the till know it
    "receipt.cancel.detail.unknown": (
        "The redemption no longer stands. The member has {stamps} stamps now; the till does not "
        "know what the redemption spent."
    ),
    "receipt.cancel.detail.unknown.also_said": (
        "The redemption no longer stands. The member has {stamps} stamps now; the till does not "
        "know what the redemption spent. The Stamps server also said: {said}"
    ),
    "receipt.cancel.refused": "Cancel refused",
    "receipt.cancel.refused.todo": "The redemption still stands on the Stamps server.",
    # a 404: the server has no redemption by the id the cancel named (a mistyped server id)
    "receipt.cancel.refused.not_found.todo": (
        "The Stamps server has no redemption by this id, so nothing was cancelled: check the id, "
        "and the redemption on the Stamps dashboard."
    ),
    # never sent: the till has no server id for a redemption found in the member's activity
    "receipt.cancel.needs_dashboard": "Cancel not sent",
    "receipt.cancel.needs_dashboard.todo": (
        "The redemption still stands: only the Stamps dashboard can cancel it."
    ),
    # voided: nothing was left to cancel (the redemption was never applied, or is cancelled)
    "receipt.cancel.cancelled": "Nothing to cancel",
    "receipt.cancel.cancelled.todo": "No cancel was sent to the Stamps server.",
    "receipt.cancel.not_confirmed": "Cancel NOT CONFIRMED",
    "receipt.cancel.not_confirmed.todo": (
        "The Stamps server has not confirmed the cancel; until the till finds out, treat the "
        "redemption as standing."
    ),
    "receipt.cancel.waiting": "Cancel waiting to send",
    "receipt.cancel.waiting.todo": (
        "The Stamps server cannot be reached yet; the redemption stands until the cancel is sent."
    ),
    # Why a cancel waits when its server can be reached: never "cannot be reached" of those.
    "receipt.cancel.waiting.queued.todo": (
        "Not sent yet: the till sends it by itself. The redemption stands until the cancel is sent."
    ),
    "receipt.cancel.waiting.behind.todo": (
        "It goes after this member's earlier redemption: the till sends a member's entries one "
        "at a time, in order. The redemption stands until the cancel is sent."
    ),
    "receipt.cancel.waiting.held.todo": (
        "It goes once the till knows the redemption went through. The redemption stands until "
        "the cancel is sent."
    ),
    "receipt.cancel.waiting.slowed.todo": (
        "The Stamps server asked the till to wait: the till sends the cancel again by itself. "
        "The redemption stands until the cancel is sent."
    ),
    "receipt.cancel.waiting.paused.todo": (
        "Nothing is sent until a manager puts the till's settings right; then it goes. The "
        "redemption stands until the cancel is sent."
    ),
    "receipt.stamps_left": "{stamps} stamps left.",
    "receipt.also_said": "The Stamps server also said: {said}",
    "receipt.stamps_left_also_said": "{stamps} stamps left. The Stamps server also said: {said}",
    "receipt.detail.sending": "Sending to the Stamps server…",
    "receipt.detail.unreachable": "The Stamps server cannot be reached; the till keeps trying.",
    # A 429: the server is there and asked the till to wait (its Retry-After, when it gave one).
    "receipt.detail.slowed": (
        "The Stamps server asked the till to slow down: nothing was applied yet. The till sends "
        "it again in {seconds} s by itself."
    ),
    "receipt.detail.slowed.minutes": (
        "The Stamps server asked the till to slow down: nothing was applied yet. The till sends "
        "it again in {minutes} min by itself."
    ),
    # A 408: the server is there, and timed out waiting for the request before acting on it.
    "receipt.detail.timed_out": (
        "The Stamps server timed out waiting for the request: nothing was applied. The till "
        "sends it again in {seconds} s by itself."
    ),
    "receipt.detail.timed_out.minutes": (
        "The Stamps server timed out waiting for the request: nothing was applied. The till "
        "sends it again in {minutes} min by itself."
    ),
    "receipt.detail.timed_out.now": (
        "The Stamps server timed out waiting for the request: nothing was applied. The till "
        "sends it again by itself in a moment."
    ),
    "receipt.detail.slowed.now": (
        "The Stamps server asked the till to slow down: nothing was applied yet. The till sends "
        "it again by itself in a moment."
    ),
    "receipt.detail.lost": (
        "It was sent but no answer came back: it may have gone through. The till is finding out."
    ),
    "receipt.detail.behind": (
        "Waiting for this member's earlier redemption to go through first: the till sends a "
        "member's redemptions one at a time, in order."
    ),
    # the earlier one was tried and not settled (unanswered, or turned away): it goes again first
    "receipt.detail.behind.retried": (
        "Waiting for this member's earlier redemption, which the till is sending again: it "
        "sends a member's redemptions one at a time, in order, so this one goes after it."
    ),
    "receipt.detail.web_page": (
        "It was sent, but a web page answered instead of the Stamps server (a network's sign-in "
        "page?): it may have gone through. The till is finding out."
    ),
    # a 3xx, not followed: it reached something, and whether that was the Stamps API is unknown
    "receipt.detail.redirected": (
        "It was sent, but the answer sent the till to another address, which it does not follow: "
        "the Server URL (base_url) may be wrong, or a network's sign-in page is in the way. It "
        "may have gone through: the till is finding out, and a manager should check the Server "
        "URL."
    ),
    "receipt.detail.unreadable": (
        "The server answered, but its answer does not show whether it went through. The till is "
        "finding out."
    ),
    "receipt.detail.server_error": (
        "The Stamps server failed while handling it: it may have gone through. The till is "
        "finding out."
    ),
    "receipt.detail.still_handled": (
        "The Stamps server says it is still handling this redemption, sent before: it may go "
        "through. The till is finding out."
    ),
    "receipt.detail.unknown": (
        "The till could not prove whether it went through; a manager must check it."
    ),
    "receipt.detail.unknown.said": (
        "The till could not prove whether it went through; a manager must check it. The "
        "server's answer named no redemption, and said: “{said}”"
    ),
    "receipt.detail.unproven": (
        "The server answered without naming the redemption, so it is not confirmed. It said: "
        "“{said}”. The till is finding out."
    ),
    "receipt.detail.closed.unknown": (
        "The Stamps server never confirmed it: if it was applied there, it stays applied."
    ),
    "receipt.detail.paused": (
        "Sync is paused: the Stamps server refuses this till's API token. Call a manager."
    ),
    "receipt.detail.paused.https": (
        "Sync is paused: the Stamps server refuses plain http. Call a manager."
    ),
    # --- the queue and the credentials ----------------------------------------------------------
    "queue.paused": (
        "Sync is paused: the Stamps server refuses this till's API token. A manager must set "
        "the new token (Settings in manager mode, or stamps-pos token set); the till checks again "
        "by itself."
    ),
    "queue.paused.said": (
        "Sync is paused: the Stamps server refuses this till's API token. It said: “{said}”. A "
        "manager must set the new token (Settings in manager mode, or stamps-pos token set); the "
        "till checks again by itself."
    ),
    # over plain http the server may refuse http itself (testing.rst §5): a token won't help
    "queue.paused.https": (
        "Sync is paused: the Stamps server refuses plain http. It said: “{said}”. A manager must "
        "set the Server URL (base_url) to {address}; a new API token would not help."
    ),
    "queue.paused.token_unusable": (
        "Sync is paused: the till's API token holds characters a request cannot carry. A manager "
        "must set it again (Settings in manager mode, or stamps-pos token set)."
    ),
    "queue.resumed": "The API token works again: sync has resumed.",
    "queue.still_refused": (
        "The Stamps server still refuses this till's API token. A manager must set the new "
        "token (Settings in manager mode, or stamps-pos token set)."
    ),
    "queue.still_refused.said": (
        "The Stamps server still refuses this till's API token. It said: “{said}”. A manager "
        "must set the new token (Settings in manager mode, or stamps-pos token set)."
    ),
    "queue.still_refused.https": (
        "The Stamps server still refuses plain http. It said: “{said}”. A manager must set the "
        "Server URL (base_url) to {address}; a new API token would not help."
    ),
    "queue.no_token": "There is no API token. A manager must set it (Settings in manager mode, or "
    "stamps-pos token set).",
    "queue.check_failed": (
        "The Stamps server could not be asked about the token just now; the till tries again "
        "by itself."
    ),
    # --- cancelling and the manager's decisions -------------------------------------------------
    "cancel.pending": "Cancel pending",
    "cancel.done": "Cancelled",
    "cancel.refused_by_server": "Cancel refused: {reason}",
    "cancel.refused_silently": "Cancel refused: the server said no",
    "cancel.needs_dashboard": "Cancel not sent: cancel it on the Stamps dashboard",
    "cancel.not_confirmed": "Cancel NOT CONFIRMED: a manager must check",
    "cancel.closed": "Cancel closed by a manager",
    # --- the same, with the note the manager typed in the Cancel dialog (the CSVs' reason)
    "cancel.pending.noted": "Cancel pending, asked by {who}: {note}",
    "cancel.done.noted": "Cancelled by {who}: {note}",
    "cancel.refused_by_server.noted": "Cancel refused: {reason} (asked by {who}: {note})",
    "cancel.refused_silently.noted": (
        "Cancel refused: the server said no (asked by {who}: {note})"
    ),
    "cancel.needs_dashboard.noted": (
        "Cancel not sent: cancel it on the Stamps dashboard (asked by {who}: {note})"
    ),
    "cancel.not_confirmed.noted": (
        "Cancel NOT CONFIRMED: a manager must check (asked by {who}: {note})"
    ),
    # --- a manager's decision, as the CSVs give it for the reason (the audit line's who and note)
    "decided.void": "Cancelled before it was sent by {who}: {note}",
    "decided.void.bare": "Cancelled before it was sent by {who}",
    "decided.mark_applied": "Marked applied by {who}: {note}",
    "decided.mark_applied.bare": "Marked applied by {who}",
    "decided.retry": "Sent again by {who} as {ref}: {note}",
    "decided.retry.bare": "Sent again by {who} as {ref}",
    "decided.dismiss": "Closed by {who}: {note}",
    "decided.dismiss.bare": "Closed by {who}",
    # --- why an entry waits for a manager (the exceptions) ------------------------------------
    "exception.unchecked": (
        "No answer came from the server; the member's activity has not been checked yet."
    ),
    "exception.not_found": "Not in the member's activity: {lines} lines read since {since}.",
    "exception.cannot_reconcile": (
        "It cannot be looked for in the member's activity: check it on the Stamps dashboard."
    ),
    "exception.cancel_not_in_feed": (
        "A cancel leaves no line in the member's activity: check it on the Stamps dashboard."
    ),
    "exception.no_expected_line": (
        "The till does not know which line of the member's activity it would leave (the reward, "
        "the stamps or the store is missing): check it on the Stamps dashboard."
    ),
    "exception.no_member_contact": (
        "The member has no email or phone number, which reading their activity needs: check it "
        "on the Stamps dashboard."
    ),
    "exception.no_ambiguous_attempt": (
        "No unanswered attempt is on record to look for in the member's activity."
    ),
    "exception.deferred": (
        "Another redemption of this member may still reach the server: the till looks at the "
        "member's activity again once it has."
    ),
    "exception.ambiguous": (
        "The member's activity has {lines} matching lines, and {entries} unconfirmed redemptions "
        "of this till could each own them: the till cannot tell which is whose."
    ),
    "exception.feed_unreadable": (
        "The member's activity could not be read just now: the till looks again by itself."
    ),
    "exception.store_unknown": (
        "The member's activity has {lines} lines that may be this redemption, but this till has "
        "no store code (store_code) to tell its store's lines from another store's: check it on "
        "the Stamps dashboard before sending it again, and have the store code set."
    ),
    "exception.other": (
        "Reconciliation recorded a result this till has no words for: stamps-pos exceptions "
        "--json shows it."
    ),
    # --- what one attempt proved (its outcome, architecture §3), as a manager reads it: the
    # window's details and audit trail, ``stamps-pos outbox show`` (failures.outcome_words)
    "outcome.applied": "applied by the server",
    "outcome.refused": "refused by the server: nothing applied",
    "outcome.never_arrived": "never reached the server: nothing applied",
    # a timeout, a 500, an answer that named nothing: the server may have applied it
    "outcome.ambiguous": "no clear answer: not known whether it was applied",
    # --- what a recorded failure means (app/core/services/failures.py), in a manager's details --
    "failure.lease_lost": (
        "The till stopped during this attempt (it was closed, crashed or was killed): whether the "
        "server got it is not known."
    ),
    "failure.pin_expired": (
        "The member's PIN authorisation ran out before it could be sent: nothing was redeemed."
    ),
    "failure.kiosk_expired": (
        "Not sent in time: the kiosk could not send it while its customer was there, and told "
        "them to ask at the counter. It will never be sent: nothing was redeemed."
    ),
    "failure.unreachable": "The Stamps server could not be reached: it was not sent.",
    "failure.no_answer": "It was sent but no answer came back: the server may have applied it.",
    "failure.answer_too_large": (
        "The server's answer was too large to read: the server may have applied it."
    ),
    "failure.uncertain": (
        "The exchange with the Stamps server failed without showing whether the server applied it."
    ),
    "failure.server_error": (
        "The Stamps server failed while handling it: the server may have applied it."
    ),
    "failure.unreadable": "The server answered, but its answer does not show that it applied it.",
    "failure.unproven": ("The server answered without naming what it applied, and said: “{said}”"),
    "failure.redirected": (
        "The answer sent the till to another address (a redirect), which it does not follow: the "
        "Server URL (base_url) may be wrong, or a network's sign-in page is in the way. Whether "
        "the Stamps server applied it is not known."
    ),
    "failure.web_page": (
        "A web page answered instead of the Stamps server (a network's sign-in page, or a wrong "
        "base_url): whether the server got it is not known."
    ),
    "failure.not_allowed": (
        "The Stamps server turned this request away: nothing was applied; it is sent again."
    ),
    "failure.credentials": (
        "The Stamps server refuses this till's API token: nothing was applied; sync waits for a "
        "new token."
    ),
    "failure.credentials.said": (
        "The Stamps server refuses this till's API token: nothing was applied; sync waits for a "
        "new token. It said: “{said}”."
    ),
    "failure.credentials.https": (
        "The Stamps server refuses plain http: nothing was applied; sync waits for the Server "
        "URL (base_url) to be set to {address}. It said: “{said}”."
    ),
    "failure.token_replaced": (
        "The Stamps server refused the API token the till held before a manager set a new one: "
        "nothing was applied; it was sent again with the new token."
    ),
    "failure.token_unusable": (
        "The till's API token holds characters a request cannot carry: it was not sent; sync "
        "waits for a new token."
    ),
    "failure.access_token": (
        "The till could not get its access token from the Stamps server: it was not sent."
    ),
    "failure.request_timeout": (
        "The Stamps server timed out waiting for the request (408): nothing was applied; the "
        "till sends it again by itself."
    ),
    "failure.rate_limited": (
        "The Stamps server asked the till to slow down (too many requests): nothing was applied; "
        "the till sends it again by itself once the wait the server asked for is over."
    ),
    "failure.invalid_request": "The till did not send it: its values are not valid.",
    "failure.stale_claim": (
        "It was not sent: the till was held up between taking it and sending it; it is sent again."
    ),
    "failure.stopped": "It was not sent: the till stopped before it left.",
    "failure.unexpected": (
        "The till failed unexpectedly while sending it: the till's log has the details."
    ),
    "failure.unrecognised": (
        "The till recorded a problem it has no words for: stamps-pos outbox show gives it as "
        "recorded."
    ),
    # --- what a manager types (docs/manager-mode.md, "Names and notes"), beside the field ------
    "field.not_text": "This must be text.",
    "field.hidden_characters": (
        "This holds a control or invisible character; type it again without it."
    ),
    "field.empty": "This cannot be empty.",
    "field.mark_stack": (
        "This stacks more than {limit} accents on one letter; type it again without them."
    ),
    "field.too_long": "This is longer than {limit} characters.",
    "field.markup": "These characters are not allowed: {characters}",
    "field.no_letter": "A name needs at least one letter.",
    "field.look_alike": (
        "This mixes letters of alphabets that look alike (a Cyrillic е in a Latin name), or"
        " styled letters; type it again in plain letters of one alphabet."
    ),
    "field.note_required": "A note is required: say why.",
    "field.pin_required": "Type a PIN.",
    "field.pin_digits": "A PIN is digits only.",
    "field.pin_length_manager": "A manager's PIN has {fewest} to {most} digits.",
    "field.pin_length_cashier": "A cashier's PIN has {fewest} to {most} digits.",
    "field.pin_repeated": "One digit repeated is too easy to guess: choose another PIN.",
    "field.pin_run": "A straight run of digits is too easy to guess: choose another PIN.",
    "field.manager_pin": "A manager always has a PIN.",
    # --- a setting the settings dialog refuses (app/settings_file.py), beside its field ---------
    "setting.required": "This setting is required.",
    "setting.unknown": "This is not a setting of stamps-pos.",
    "setting.locked": "This is set by {variable}: change it there.",
    "setting.fixed": "This was fixed when the till was started.",
    "setting.whole_number": "Type a whole number, in the digits 0–9 only (at most 19 of them).",
    "setting.number": "Type a number, in the digits 0–9 with at most one “.”.",
    "setting.yes_or_no": "This is yes or no (true or false).",
    "setting.quoted": "The settings file has this in quotes, which makes it text: write {fix}.",
    "setting.at_least": "This must be at least {limit}.",
    "setting.more_than": "This must be more than {limit}.",
    "setting.at_most": "This must be at most {limit}.",
    "setting.less_than": "This must be less than {limit}.",
    "setting.one_of": "Pick one of: {choices}.",
    "setting.no_spaces": "This cannot hold spaces.",
    "setting.prefixes": (
        "Type prefixes of letters, digits, “-”, “/” and “.”, at most {most} characters each, "
        "split by commas (KR, 7014)."
    ),
    "setting.prefixes_one_text": (
        'Write the prefixes as one text split by commas, in quotes ("KR, 7014"), not as a list.'
    ),
    "setting.heartbeat": "Type 0 (never), or from {least} to {most} seconds.",
    "setting.language": (
        "Pick id (Bahasa Indonesia), en (English) or auto (the system's language)."
    ),
    "setting.folder_needed": "Name a folder, or leave it empty for the platform's data folder.",
    "setting.no_home": "This starts with ~, but this user has no home folder.",
    "setting.not_absolute": (
        "Type an absolute path: a relative one would depend on the folder the till was started in."
    ),
    "setting.not_a_folder": "This names a file, not a folder.",
    "setting.dangling_link": (
        "This is a link to a folder that is not there: link it to one that is."
    ),
    "setting.not_web_address": "Type a web address such as https://stamps.co.id.",
    "setting.address_characters": (
        "Type one web address in ASCII, without spaces, line breaks or control characters (a "
        "host outside ASCII in its xn-- form)."
    ),
    "setting.address_invalid": (
        "This is not a valid web address (is the port a number from 1 to 65535?)."
    ),
    "setting.address_credentials": (
        "Leave out the user name and password: the till sends its token in a header."
    ),
    "setting.address_query": "Leave out the query (?…) and the fragment (#…).",
    "setting.address_api_path": (
        "Leave out {path}: the till adds /api/v2/… itself (the server's address alone, such as "
        "https://stamps.co.id)."
    ),
    "setting.address_port_zero": "Port 0 is not a port: a port is a number from 1 to 65535.",
    "setting.address_plain_http": (
        "Plain http:// is only for this computer (a loopback address); use https://."
    ),
    "setting.file_not_text": "The settings file {path} is not UTF-8 text.",
    "setting.file_unwritable": "The settings file {path} cannot be written: {reason}",
    "setting.file_unwritable.not_a_folder": (
        "The settings file {path} cannot be written: {file} is a file, not a folder"
    ),
    "setting.file_refused": "The settings file cannot be used: {reason}",
    "setting.refused": "This value is refused: {reason}",
    # --- why a till cannot start, as the command line says it (its window's cannot-start page
    # says it in the window's language, app/ui/cannot_start.py; stderr keeps these words) -------
    "start.settings_unreadable": "settings file {path} cannot be read: {reason}",
    "start.settings_bom": (
        "settings file {path} starts with a byte order mark (BOM), which TOML does not allow; "
        "save it again as UTF-8 without BOM"
    ),
    "start.settings_not_utf8": (
        "settings file {path} is not UTF-8 text; write it again as a plain TOML file"
    ),
    "start.settings_not_toml": "settings file {path} is not valid TOML: {reason}",
    "start.settings_not_toml_at": (
        "settings file {path} is not valid TOML at line {line}, column {column}: {reason}"
    ),
    "start.settings_not_toml_at_end": (
        "settings file {path} is not valid TOML where it ends: {reason}"
    ),
    "start.settings_set_twice": (
        "settings file {path} sets '{name}' twice, on lines {first} and {again}: keep the one "
        "the till should use and delete the other"
    ),
    "start.settings_nested": "settings file {path} is nested too deeply to be a settings file",
    "start.settings_not_a_file": (
        "settings file {path} is not a regular file (a pipe or a socket); name a TOML file"
    ),
    "start.settings_too_large": (
        "settings file {path} is larger than {mib} MiB: it is not a settings file"
    ),
    "start.token_in_settings": (
        "settings file {path}: the API token is never kept in the settings file; remove it and "
        "set {variable} or run `stamps-pos token set`"
    ),
    "start.no_token": "no API token: set {variable} or run `stamps-pos token set`",
    # A token read at the start that cannot be used (app.core.credentials gives these ids: it
    # may not import this module). stderr says the English, the cannot-start page the window's.
    "token.lines.env": (
        "{variable} cannot be sent: it holds more than one line, and a token is a single line "
        "(was a file, or two tokens, pasted?)"
    ),
    "token.lines.keyring": (
        "the token in the system keyring cannot be sent: it holds more than one line, and a "
        "token is a single line (was a file, or two tokens, pasted?)"
    ),
    "token.lines.file": (
        "the token in {path} cannot be sent: it holds more than one line, and a token is a "
        "single line (was a file, or two tokens, pasted?)"
    ),
    "token.too_long.env": (
        "{variable} cannot be sent: it is {length} characters long, and a token is at most {most}"
    ),
    "token.too_long.keyring": (
        "the token in the system keyring cannot be sent: it is {length} characters long, and "
        "a token is at most {most}"
    ),
    "token.too_long.file": (
        "the token in {path} cannot be sent: it is {length} characters long, and a token is "
        "at most {most}"
    ),
    "token.characters.env": (
        "{variable} holds characters that cannot be sent (spaces, control characters or "
        "letters outside ASCII): a token is one word of printable ASCII"
    ),
    "token.characters.keyring": (
        "the token in the system keyring holds characters that cannot be sent (spaces, "
        "control characters or letters outside ASCII): a token is one word of printable ASCII"
    ),
    "token.characters.file": (
        "the token in {path} holds characters that cannot be sent (spaces, control characters "
        "or letters outside ASCII): a token is one word of printable ASCII"
    ),
    "token.file_unreadable": "token file {path} cannot be read: {reason}",
    "token.file_unwritable": "token file {path} cannot be written: {reason}",
    "token.file_unreadable.not_a_folder": (
        "token file {path} cannot be read: {file} is a file, not a folder"
    ),
    "token.file_unwritable.read_only": (
        "the token is not saved: the till cannot write in the folder {folder}, which is on a "
        "read-only disk (the token is kept beside the settings file). The token kept before is "
        "unchanged. Make that disk writable, or keep the settings in a folder the till can "
        "write, and store the token again"
    ),
    "token.file_unwritable.not_allowed": (
        "the token is not saved: the till may not write in the folder {folder}, where the token "
        "is kept, beside the settings file. The token kept before is unchanged. Give the user "
        "the till runs as the right to write in that folder, and store the token again"
    ),
    "token.file_unwritable.full": (
        "the token is not saved: the disk of the folder {folder}, where the token is kept, is "
        "full. The token kept before is unchanged. Free some room on that disk, and store the "
        "token again"
    ),
    "token.file_unwritable.not_a_folder": (
        "token file {path} cannot be written: {file} is a file, not a folder"
    ),
    "token.file_not_regular": (
        "token file {path} is not a regular file (a folder, a pipe or a device); remove it "
        "and store the token again with `stamps-pos token set`"
    ),
    "start.data_folder_not_made": (
        "the data folder {folder} cannot be made: {reason}; set data_dir to a folder this user "
        "may write"
    ),
    "start.data_folder_unwritable": (
        "the data folder {folder} cannot be written; set data_dir to a folder this user may write"
    ),
    "start.second_window": "another Stamps POS window is already open on {folder}; use that one",
    "start.second_kiosk": (
        "another Stamps POS kiosk is already open on {folder}; this one stops and leaves the "
        "screen to it"
    ),
    "start.second_kiosk_fronted": (
        "another Stamps POS kiosk is already open on {folder}; it was brought to the front, "
        "and this one stops"
    ),
    "start.database_too_new": (
        "The database {path} is at schema revision {revision}, which this version of Stamps POS "
        "does not know (it knows up to {head}). It was written by a newer version: install that "
        "version again, or move the database aside."
    ),
    "start.database_damaged": (
        "The till's database {path} is damaged ({problem}); it must be moved aside and a new one "
        "started. Nothing was changed; it still holds {count} readable queued, sending or "
        "unknown entries. To keep it aside and start a new database: {command}"
    ),
    # --- the till's disk refuses (app/core/storage/problems.py) ---------------------------------
    "storage.read_only": (
        "The till's data folder {folder} is read-only: nothing new can be saved (no redemption "
        "can be queued) until it can be written again"
    ),
    "storage.full": (
        "The disk that holds the till's data ({folder}) is full: nothing new can be saved (no "
        "redemption can be queued) until space is freed"
    ),
    "storage.full_unreadable": (
        "The disk that holds the till's data ({folder}) is full, and the till's database cannot "
        "even be read: the till stopped last time without closing it, and reading what it "
        "saved then needs a little room (32 KB) beside it. Free some space on that disk, then "
        "start the till again; nothing is lost"
    ),
    "storage.read_only_no_database": (
        "The till's data folder {folder} is read-only and holds no database: make it writable "
        "so the till can start"
    ),
    "storage.read_only_needs_upgrade": (
        "The till's database {path} needs an upgrade to this version, and its folder is "
        "read-only: make it writable so the till can start"
    ),
    "storage.cannot_use": "The till's database {path} cannot be used: {reason}",
    "storage.io_error": "The till's database {path} cannot be used: the disk reports an I/O error",
    "storage.cannot_open": "The till's database {path} cannot be used: the file cannot be opened",
    "storage.not_a_folder": (
        "The till's database {path} cannot be used: {file} is a file, not a folder"
    ),
    "storage.broken_link": (
        "The till's database {path} cannot be used: it is a link to {target}, which leads to no "
        "file (is a disk missing?); bring that file back, or remove the link to start a new "
        "database"
    ),
    "storage.busy": (
        "The till's database {path} is held by another program (locked for more than {seconds} "
        "seconds): nothing was changed; close that program (an sqlite3 shell, a backup) and try "
        "again"
    ),
    "storage.log_lost": (
        "Another program deleted {log}, the log of the till's database, while the till was "
        "open. Everything saved so far was copied into {path}, but nothing more can be saved: "
        "close the till and open it again"
    ),
    "storage.log_lost_not_copied": (
        "Another program deleted {log}, the log of the till's database, while the till was "
        "open. What was saved since the till opened is not yet in {path}: nothing more can be "
        "saved; keep this window open and call support"
    ),
    "storage.file_lost": (
        "Another program deleted or moved {path}, the till's database, while the till was "
        "open. Everything saved so far was copied into a new {path}, but nothing more can be "
        "saved: close the till and open it again"
    ),
    "storage.file_lost_not_copied": (
        "Another program deleted or moved {path}, the till's database, while the till was "
        "open. What the till saved is held only by this window: nothing more can be saved; "
        "keep this window open and call support"
    ),
    "storage.damaged": (
        "The till's database {path} is damaged ({problem}); it must be moved aside and a new one "
        "started"
    ),
    # --- people, sign-in and lockout ------------------------------------------------------------
    "staff.no_manager_named": "There is no manager named {name}.",
    "staff.no_cashier_named": "There is no cashier named {name}.",
    "staff.no_manager": "There is no manager by that name.",
    "staff.no_cashier": "There is no cashier by that name.",
    # --- a filter of what managers read, naming no one the till's records know -----------------
    "records.no_member": (
        "This till has no record of a member answering to {member}: check the spelling, or give "
        "their email, member ID, phone or card number."
    ),
    "records.no_one_named": (
        "No one named {name} is in this till's audit log or among its managers and cashiers."
    ),
    "staff.disabled": "{name}'s account is disabled; a manager can enable it.",
    "staff.locked": ("{name} is locked after {count} wrong PINs; try again in {minutes} minutes."),
    "staff.pin_needed": "{name} signs in with a PIN: type it.",
    "staff.not_a_pin": "Not a PIN: a PIN is digits only, 8 at most. Not counted as a wrong one.",
    "staff.pin_length.manager": (
        "A manager's PIN has {fewest} to {most} digits. Not counted as a wrong one."
    ),
    "staff.pin_length.cashier": (
        "A cashier's PIN has {fewest} to {most} digits. Not counted as a wrong one."
    ),
    "staff.pin_changed": "{name}'s PIN was changed just now: type the new one.",
    "staff.wrong_pin": (
        "Wrong PIN for {name}: {left} more wrong PINs lock the account for {minutes} minutes."
    ),
    "staff.manager_exists": "There is already a manager named {name}.",
    "staff.cashier_exists": "There is already a cashier named {name}.",
    "staff.manager_exists_disabled": (
        "There is already a manager named {name}, disabled: enable it instead."
    ),
    "staff.cashier_exists_disabled": (
        "There is already a cashier named {name}, disabled: enable it instead."
    ),
    "staff.last_manager": "{name} is the only active manager: add another manager first.",
    "staff.managers_exist": "This till has a manager already: a manager adds the next.",
    "staff.file_unreadable": "{path} cannot be read: {reason}",
    "staff.file_not_text": "{path} cannot be read: it is not UTF-8 text",
    # --- manager mode and the manager's decisions -----------------------------------------------
    "manager.required": "A manager must sign in to manager mode first.",
    "manager.idle_ended": "Manager mode ended after {minutes} minutes idle: sign in again.",
    "manager.server_id": "A server redemption id is a whole number above zero.",
    # a replacement voucher asked for a redemption that spent no voucher (a promo code, a reward)
    "manager.no_voucher_to_replace": (
        "This redemption used no voucher, so there is none to replace: cancel it without a "
        "replacement voucher."
    ),
    # a manager marking a redemption applied gave the server id another of this till's has
    "manager.server_id_taken": (
        "Server redemption {server_id} is already this till's redemption for {member}, made "
        "{made} by {cashier}: check the id on the Stamps dashboard."
    ),
    "manager.member_needed": (
        "Redemption {server_id} was not made on this till: say whose it is (the member's email, "
        "member ID, phone or card number) to cancel it."
    ),
    "manager.member_pin_again": (
        "The member's PIN authorised this redemption once: ask for their PIN again to send it."
    ),
    "decision.no_entry": "There is no outbox entry {entry_id}.",
    "decision.cancel_of_cancel": "A cancellation cannot itself be cancelled.",
    # one a status, so the status is said in the reader's language, not as the till's word for it
    "decision.nothing_to_cancel.voided": (
        "Nothing to cancel: the redemption was voided before it was sent, so nothing was redeemed."
    ),
    "decision.nothing_to_cancel.expired": (
        "Nothing to cancel: the redemption expired before it was sent, so nothing was redeemed."
    ),
    "decision.nothing_to_cancel.dismissed": (
        "Nothing to cancel: a manager closed this redemption. If it was sent again, cancel the "
        "new one."
    ),
    "decision.nothing_to_cancel.on_server": (
        "Nothing to cancel: the member's activity shows the Stamps server cancelled this "
        "redemption already."
    ),
    "decision.needs_dashboard": (
        "This redemption was confirmed without a server id (found in the member's activity, or "
        "marked applied): cancel it on the Stamps dashboard."
    ),
    "decision.not_by_pin": "This redemption was not made with a PIN: it is sent again without one.",
    "decision.note_needed": "A manager's decision needs a note.",
    "decision.refused": "The till cannot do this: {reason}",
    # a manager's decision on an entry whose state moved on meanwhile: one sentence per state
    "decision.wrong_state.queued": (
        "This redemption is waiting to be sent: decide only once the server has answered."
    ),
    "decision.wrong_state.sending": (
        "This redemption is being sent: decide only once the server has answered."
    ),
    "decision.wrong_state.synced": (
        "This redemption has been confirmed meanwhile: there is nothing left to decide."
    ),
    "decision.wrong_state.rejected": (
        "The server refused this redemption, so it was not applied: send it again or close it."
    ),
    "decision.wrong_state.unknown": (
        "This redemption is not confirmed: send it again, mark it applied or close it."
    ),
    "decision.wrong_state.voided": (
        "This redemption was voided before it was sent, so nothing was redeemed: there is "
        "nothing left to decide."
    ),
    "decision.wrong_state.expired": (
        "This redemption expired before it was sent, so nothing was redeemed: there is nothing "
        "left to decide."
    ),
    "decision.wrong_state.dismissed": (
        "A manager has already closed this redemption: there is nothing left to decide."
    ),
}

#: A message's words for a count of one, by message id: ``(the count's field, the template)``.
#: English says "1 minute" and "5 minutes"; Bahasa Indonesia, with no plural, translates both
#: alike. A message whose count may be one has its singular here, rather than "minute(s)".
SINGULAR: dict[str, tuple[str, str]] = {
    "exception.not_found": (
        "lines",
        "Not in the member's activity: {lines} line read since {since}.",
    ),
    "exception.ambiguous": (
        "lines",
        "The member's activity has {lines} matching line, and {entries} unconfirmed redemptions "
        "of this till could each own it: the till cannot tell whose it is.",
    ),
    "exception.store_unknown": (
        "lines",
        "The member's activity has {lines} line that may be this redemption, but this till has "
        "no store code (store_code) to tell its store's lines from another store's: check it on "
        "the Stamps dashboard before sending it again, and have the store code set.",
    ),
    "staff.locked": (
        "minutes",
        "{name} is locked after {count} wrong PINs; try again in {minutes} minute.",
    ),
    "staff.wrong_pin": (
        "left",
        "Wrong PIN for {name}: {left} more wrong PIN locks the account for {minutes} minutes.",
    ),
    "pin.wrong_attempts_left": ("left", "Wrong PIN: {left} attempt left."),
    "evidence.stamps": ("n", "{n} stamp"),
    "receipt.stamps_left": ("stamps", "{stamps} stamp left."),
    "catalogue.rewards_some_unread": (
        "count",
        "{count} reward could not be read and is not shown: the Stamps server sent it in a form "
        "this till cannot read. Call a manager if it keeps happening.",
    ),
    "member.pick_one": ("count", "{count} member matches “{query}”. Pick it from the list."),
    "member.suggestions_some_unread": (
        "count",
        "{count} member found could not be read and is not listed: the Stamps server sent "
        "their details in a form this till cannot read. Scan their card, or type their email, "
        "member ID or phone.",
    ),
    "catalogue.vouchers_some_unread": (
        "count",
        "{count} voucher could not be read and is not shown: the Stamps server sent it in a form "
        "this till cannot read. Call a manager if it keeps happening.",
    ),
    "receipt.stamps_left_also_said": (
        "stamps",
        "{stamps} stamp left. The Stamps server also said: {said}",
    ),
    "start.database_damaged": (
        "count",
        "The till's database {path} is damaged ({problem}); it must be moved aside and a new one "
        "started. Nothing was changed; it still holds {count} readable queued, sending or "
        "unknown entry. To keep it aside and start a new database: {command}",
    ),
    # the offline limits are a store's settings, and one may be set to 1
    "policy.too_costly_offline": (
        "limit",
        "Offline, one redemption may cost at most {limit} stamp; this costs {cost}.",
    ),
    "policy.outage_stamps_cap": (
        "total",
        "This would take offline redemptions to {total} stamp in this outage; the limit is "
        "{limit}.",
    ),
    "policy.outage_count_cap": (
        "count",
        "This till has accepted {count} redemption offline, the most allowed in one outage. "
        "A manager can raise the limit.",
    ),
}


def fields_of(template: str) -> frozenset[str]:
    """The ``{names}`` a template fills in."""
    return frozenset(
        name for _, name, _, _ in string.Formatter().parse(template) if name is not None
    )


@dataclass(frozen=True)
class Message:
    """Something to tell a person: a template id and the values it fills in.

    Building one with an unknown id, or with parameters other than the template's fields, fails
    at once: a wrong message is a bug, found where it is made.
    """

    id: str
    params: Mapping[str, str | int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        template = TEMPLATES.get(self.id)
        if template is None:
            raise KeyError(f"no message {self.id!r}")
        if fields_of(template) != set(self.params):
            raise ValueError(
                f"message {self.id!r} takes {sorted(fields_of(template))}, "
                f"given {sorted(self.params)}"
            )

    @property
    def template(self) -> str:
        """The English template (the translator's source text): the singular one when the
        message has one and its count is 1."""
        singular = SINGULAR.get(self.id)
        if singular is not None and str(self.params.get(singular[0])) == "1":
            return singular[1]
        return TEMPLATES[self.id]

    def __str__(self) -> str:
        return english(self)


def say(message_id: str, **params: str | int) -> Message:
    """``say("policy.not_enough_stamps", cost=20, stamps=5)``: a :class:`Message`."""
    return Message(message_id, params)


def english(message: Message) -> str:
    """The message in English: its template, filled in."""
    return message.template.format(**message.params)


def after_line_check(message: Message) -> Message:
    """``message`` as said once the till checked the line just now and found it still down:
    its ``.line_checked`` twin when it has one, which leaves "try again when the till is back
    online" out (what to do then says the line was checked: a refusal said both, as if the
    till had not tried)."""
    twin = f"{message.id}.line_checked"
    return Message(twin, message.params) if twin in TEMPLATES else message


class Explained(Exception):
    """An error that carries a :class:`Message` for the person at the till; ``str()`` is the
    English text, for logs."""

    def __init__(self, message: Message) -> None:
        super().__init__(english(message))
        self.message = message


#: The messages a redemption's "what" is written from that hold words of their own (the others
#: are a reward's name or a cart's items as they are), most particular first, with what each
#: field may be. The outbox and the refusals keep that "what" as its English text.
_WHAT_READ_BACK: tuple[tuple[str, Mapping[str, str]], ...] = (
    ("what.kiosk_pin", {}),
    ("what.kiosk_identify", {}),
    ("what.code_named", {"code": r"\S+", "name": r".+"}),
    ("what.code", {"code": r".+"}),
    ("what.promo", {"code": r".+"}),
    ("what.deduct", {"value": r"Rp\s?[\d.,]+", "name": r".+"}),
    ("what.whole_balance", {"name": r".+"}),
    ("what.rewards_voucher", {"qty": r"\d+", "name": r".+"}),
    ("what.reward_voucher", {"name": r".+"}),
    ("what.voucher", {"name": r".+"}),
)


def _read_back_pattern(message_id: str, fields: Mapping[str, str]) -> re.Pattern[str]:
    parts = []
    for literal, name, _, _ in string.Formatter().parse(TEMPLATES[message_id]):
        parts.append(re.escape(literal))
        if name is not None:
            parts.append(f"(?P<{name}>{fields[name]})")
    return re.compile("".join(parts), re.DOTALL)


_WHAT_PATTERNS = tuple((mid, _read_back_pattern(mid, f)) for mid, f in _WHAT_READ_BACK)


def recorded_what(text: str) -> Message:
    """What a redemption was, from the English text the till's database keeps of it (its
    order's description, written when it was made): the message that wrote it, so a screen
    says it in its own language ("Kode promo NGOPIPAGI"). Text no such message wrote, a
    reward's name or a cart's items, is said as it is."""
    for message_id, pattern in _WHAT_PATTERNS:
        found = pattern.fullmatch(text)
        if found is not None:
            return Message(message_id, found.groupdict())
    return say("what.reward", name=text)
