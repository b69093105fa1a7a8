"""Hostile values for every setting and command-line argument, as tables the unit tests (and the
reliability suite) run: each must be refused with a clear one-line message and exit 2, and leave
nothing queued.

A case names what it feeds and a fragment the message must hold (usually the setting or the
argument), so a refusal for the wrong reason does not pass.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: 2⁶³: one past the largest integer SQLite (and the server's ids) can hold.
TOO_BIG = str(2**63)
HUGE = "9" * 70_000
#: How Python hands over a byte that is not UTF-8 (``caf\xe9`` in Latin-1) in argv or environ.
NOT_UTF8 = "caf\udce9"

#: Numbers that are not plain whole numbers above zero, each refused where a count or id goes.
BAD_WHOLE_NUMBERS = {
    "zero": "0",
    "negative": "-1",
    "underscore": "1_0",
    "arabic-indic": "١٠",
    "full-width": "１０",
    "2**63": TOO_BIG,
    "huge": HUGE,
    "exponent": "1e3",
    "plus-sign": "+10",
    "spaces": " 10 ",
    "hex": "0x10",
    "decimal": "1.5",
    "empty": "",
    "text": "ten",
    "not-utf8": NOT_UTF8,
}

#: Seconds that are not a plain positive number.
BAD_SECONDS = {
    "zero": "0",
    "negative": "-5",
    "nan": "nan",
    "infinity": "inf",
    "huge": "1e308",
    "underscore": "1_0",
    "full-width": "１０",
    "empty": "",
    "text": "soon",
}

#: Text that no identifier, code, invoice or name of the till is.
BAD_TEXT = {
    "escape-codes": "\x1b[2J\x1b[32mConfirmed",
    "carriage-return": "INV-1\rINV-2",
    "line-feed": "INV-1\nINV-2",
    "huge": "a" * 70_000,
    "not-utf8": NOT_UTF8,
    "empty": "",
    "blank": "   ",
}


@dataclass(frozen=True)
class SettingCase:
    """One bad value of one setting, from the environment."""

    variable: str
    value: str
    names: str  # the setting the message must name


def _numbers(variable: str, setting: str, *, zero_is_bad: bool = True) -> list[SettingCase]:
    return [
        SettingCase(variable, value, setting)
        for name, value in BAD_WHOLE_NUMBERS.items()
        if zero_is_bad or name != "zero"
    ]


BAD_SETTINGS: list[SettingCase] = [
    *_numbers("STAMPS_POS_STORE", "store"),
    *_numbers("STAMPS_POS_MERCHANT", "merchant"),
    *_numbers("STAMPS_POS_LANES", "lanes"),
    *_numbers("STAMPS_POS_CHANNEL", "channel"),
    *_numbers("STAMPS_POS_PIN_TIMEOUT", "pin_timeout"),
    # a heartbeat of 0 is a choice: never
    *_numbers("STAMPS_POS_HEARTBEAT", "heartbeat", zero_is_bad=False),
    SettingCase("STAMPS_POS_HEARTBEAT", "1", "heartbeat"),
    # an offline limit of 0 is a choice: nothing of that kind offline
    *_numbers(
        "STAMPS_POS_OFFLINE_MAX_STAMPS_PER_REDEMPTION",
        "offline_max_stamps_per_redemption",
        zero_is_bad=False,
    ),
    *_numbers(
        "STAMPS_POS_OFFLINE_MAX_VOUCHER_VALUE", "offline_max_voucher_value", zero_is_bad=False
    ),
    *[
        SettingCase("STAMPS_POS_READ_TIMEOUT", value, "read_timeout")
        for value in BAD_SECONDS.values()
    ],
    *[
        SettingCase("STAMPS_POS_LOOKUP_TIMEOUT", value, "lookup_timeout")
        for value in BAD_SECONDS.values()
    ],
    *[
        SettingCase("STAMPS_POS_KEY_WINDOW_HOURS", value, "key_window_hours")
        for value in BAD_SECONDS.values()
    ],
    SettingCase("STAMPS_POS_BASE_URL", "http://127.0.0.1:8800/?user=1", "base_url"),
    SettingCase("STAMPS_POS_BASE_URL", "http://127.0.0.1:8800/#top", "base_url"),
    SettingCase("STAMPS_POS_BASE_URL", "http://127.0.0.1:99999", "base_url"),
    SettingCase("STAMPS_POS_BASE_URL", "http://127.0.0.1:0", "base_url"),
    SettingCase("STAMPS_POS_BASE_URL", "http://127.0.0.1:port", "base_url"),
    SettingCase("STAMPS_POS_BASE_URL", "http://127.0.0.1:8800\n", "base_url"),
    SettingCase("STAMPS_POS_BASE_URL", " https://stamps.co.id", "base_url"),
    SettingCase("STAMPS_POS_BASE_URL", "https://stamps.co.id/api v2", "base_url"),
    SettingCase("STAMPS_POS_BASE_URL", "http://cashier:s3cret@127.0.0.1:8800", "base_url"),
    SettingCase("STAMPS_POS_BASE_URL", "https://token@stamps.co.id", "base_url"),
    SettingCase("STAMPS_POS_BASE_URL", "http://[::1", "base_url"),
    SettingCase("STAMPS_POS_BASE_URL", "https://" + "a" * 70_000 + ".id", "base_url"),
    SettingCase("STAMPS_POS_BASE_URL", "https://st\udce9mps.co.id", "base_url"),
    SettingCase("STAMPS_POS_BASE_URL", "", "base_url"),
    SettingCase("STAMPS_POS_DATA_DIR", "", "data_dir"),
    SettingCase("STAMPS_POS_DATA_DIR", "   ", "data_dir"),
    SettingCase("STAMPS_POS_DATA_DIR", "relative/folder", "data_dir"),
    SettingCase("STAMPS_POS_DATA_DIR", "/srv/till-\udce9", "data_dir"),
    SettingCase("STAMPS_POS_DATA_DIR", "/srv/till\x1b[2J", "data_dir"),
    SettingCase("STAMPS_POS_TERMINAL", "till\x1b[2J", "terminal"),
    SettingCase("STAMPS_POS_TERMINAL", NOT_UTF8, "terminal"),
    SettingCase("STAMPS_POS_TERMINAL", "", "terminal"),
    SettingCase("STAMPS_POS_STORE_CODE", "RDG\nKMG", "store_code"),
    SettingCase("STAMPS_POS_STORE_CODE", NOT_UTF8, "store_code"),
    SettingCase("STAMPS_POS_AUTH", "basic", "auth"),
    SettingCase("STAMPS_POS_IDEMPOTENCY", "maybe", "idempotency"),
]


@dataclass(frozen=True)
class ArgumentCase:
    """One bad command line; ``mentions`` is a fragment the one-line message must hold."""

    argv: list[str]
    mentions: str
    stdin: bytes = b""
    env: dict[str, str] = field(default_factory=dict)


def _reward(*extra: str) -> list[str]:
    return ["redeem", "reward", "--user", "customer@stamps.co.id", "--reward", "1", *extra]


def _number_cases() -> list[ArgumentCase]:
    cases: list[ArgumentCase] = []
    for value in BAD_WHOLE_NUMBERS.values():
        cases += [
            ArgumentCase(_reward("--qty", value), "--qty"),
            ArgumentCase(_reward("--stamps", value), "--stamps"),
            ArgumentCase(_reward("--channel", value), "--channel"),
            ArgumentCase(
                ["redeem", "reward", "--user", "customer@stamps.co.id", "--reward", value],
                "--reward",
            ),
            ArgumentCase(
                ["redeem", "multi", "--user", "customer@stamps.co.id", "--reward", f"KR-1:{value}"],
                "--reward",
            ),
            ArgumentCase(
                [
                    "redeem",
                    "multi",
                    "--user",
                    "customer@stamps.co.id",
                    "--reward",
                    f"KR-1:1:{value}",
                ],
                "--reward",
            ),
            ArgumentCase(
                ["redeem", "voucher", "--user", "customer@stamps.co.id", "--voucher", value],
                "--voucher",
            ),
            ArgumentCase(
                [
                    "redeem",
                    "deduct",
                    "--user",
                    "customer@stamps.co.id",
                    "--voucher",
                    "20",
                    "--value",
                    value,
                ],
                "--value",
            ),
            ArgumentCase(["cancel", "--server-id", value], "--server-id"),
        ]
    cases += [
        ArgumentCase(["sync", "--once", "--timeout", value], "--timeout")
        for value in BAD_SECONDS.values()
    ]
    return cases


def _text_cases() -> list[ArgumentCase]:
    cases: list[ArgumentCase] = []
    for value in BAD_TEXT.values():
        cases += [
            ArgumentCase(["redeem", "reward", "--user", value, "--reward", "1"], "--user"),
            ArgumentCase(["member", "find", value], "UTF-8" if value == NOT_UTF8 else "query"),
            ArgumentCase(_reward("--invoice", value), "--invoice"),
            ArgumentCase(_reward("--cashier", value), "--cashier"),
            ArgumentCase(
                ["redeem", "code", "--user", "customer@stamps.co.id", "--code", value], "--code"
            ),
            ArgumentCase(
                [
                    "redeem",
                    "promo",
                    "--user",
                    "customer@stamps.co.id",
                    "--code",
                    "NGOPIPAGI",
                    "--invoice",
                    value,
                ],
                "--invoice",
            ),
            ArgumentCase(["outbox", "show", value], "UTF-8" if value == NOT_UTF8 else "ENTRY_ID"),
            ArgumentCase(["cancel", value], "UTF-8" if value == NOT_UTF8 else "ENTRY_ID"),
            ArgumentCase(
                ["outbox", "dismiss", "01a22c17-05e4-7955-a363-5020063cb488", "--note", value],
                "--note",
            ),
        ]
    return cases


#: Every command line here must be refused before the till opens, with exit 2.
BAD_ARGUMENTS: list[ArgumentCase] = [
    *_number_cases(),
    *_text_cases(),
    ArgumentCase(["outbox", "show", "'; DROP TABLE outbox_entries; --"], "ENTRY_ID"),
    ArgumentCase(["outbox", "show", "<script>alert(1)</script>"], "ENTRY_ID"),
    ArgumentCase(["--config", NOT_UTF8, "outbox", "list"], "UTF-8"),
    ArgumentCase(["outbox", "list", "--status", NOT_UTF8], "--status"),
    ArgumentCase(["outbox", "list", "--status", "\x1b[2J"], "--status"),
    ArgumentCase(["history", "--status", "\x1b[2J"], "--status"),
    ArgumentCase(["history", "--status", "bogus"], "is not a status: use one of queued"),
    ArgumentCase(["sandbox", "--port", NOT_UTF8], "UTF-8"),
    # days at the calendar's ends, which the local clock cannot turn into a span
    *[
        ArgumentCase([*command, value], option)
        for value in ("0001-01-01", "9999-12-31", "0001-01-01T00:00", "9999-12-31T23:59")
        for command, option in [
            (["history", "--since"], "--since"),
            (["history", "--until"], "--until"),
            (["audit", "--since"], "--since"),
            (["audit", "--until"], "--until"),
        ]
    ],
    *[
        ArgumentCase(["summary", "--date", value], "--date")
        for value in ("0001-01-01", "9999-12-31")
    ],
    # an empty path (a variable left unset): not the default file, nor the folder one stands in
    ArgumentCase(["--config", "", "outbox", "list"], "--config"),
    ArgumentCase(["summary", "--csv", ""], "--csv"),
    ArgumentCase(["audit", "--csv", ""], "--csv"),
    ArgumentCase(["outbox", "export", ""], "FILE"),
    ArgumentCase(["outbox", "export", "x.json", "--database", ""], "--database"),
    ArgumentCase(["outbox", "import", "", "--manager", "Ayu"], "FILE"),
    ArgumentCase(["support-bundle", ""], "OUT.zip"),
    ArgumentCase(["cashier", "import", "", "--manager", "Ayu"], "FILE"),
    # a reading's filters are checked as the values they filter by (a 70,000-character member
    # was a LIKE pattern SQLite refuses, with a traceback)
    ArgumentCase(["history", "--member", "a" * 70_000], "--member"),
    ArgumentCase(["history", "--member", "\x1b[2J"], "--member"),
    ArgumentCase(["history", "--cashier", "a" * 70_000], "--cashier"),
    ArgumentCase(["history", "--cashier", "\x1b[2J"], "--cashier"),
    ArgumentCase(["audit", "--who", "a" * 70_000], "--who"),
    ArgumentCase(["audit", "--action", "\x1b[2J"], "--action"),
    ArgumentCase(["audit", "--entry", "zzz"], "--entry"),
    # '-' is standard output for a CSV; an export is a file, never one named '-'
    ArgumentCase(["outbox", "export", "-"], "'-' is not a file here"),
    # the PIN on standard input: exactly six ASCII digits
    *[
        ArgumentCase(
            [
                *("redeem", "reward", "--user", "budi.santoso@contoh.co.id", "--reward", "1"),
                "--pin-stdin",
            ],
            "PIN",
            stdin=pin,
        )
        for pin in [
            b"12\n",
            b"\n",
            b"",
            b"1234567\n",
            b"12345a\n",
            "١٢٣٤٥٦\n".encode(),
            "１２３４５６\n".encode(),
            b"caf\xe9\n",
            b"\x00\x00\x00\x00\x00\x00\n",
            b"1" * 70_000,
        ]
    ],
]
