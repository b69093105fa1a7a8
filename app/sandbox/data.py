"""Demo data: a small Indonesian café chain, its members, rewards, vouchers and promo codes.

The ids the seed doc's curl examples use are real here (store 32, reward 12, voucher 12, voucher
template 12, code ``ABCD100k``, member ``customer@stamps.co.id``, member 123 with PIN ``123456``,
redemption 1), so those examples work against the sandbox as printed, token aside.
Dates are relative to the moment the world is built, so "valid" and "expired" stay true.
"""

from __future__ import annotations

import datetime as dt

from app.sandbox.model import (
    REWARD_BENEFIT,
    REWARD_FLEXIBLE,
    REWARD_PRODUCT,
    REWARD_VOUCHER,
    Activity,
    Member,
    Merchant,
    PromoCode,
    Redemption,
    Reward,
    Store,
    Voucher,
    VoucherTemplate,
    World,
)

DEMO_TOKEN = "sandbox-demo-token"
MERCHANT_ID = 14
PIN_MEMBER_PIN = "123456"

# (id, name, email, phone, stamps, level, extras)
_MEMBERS: list[tuple[int, str, str | None, str, int, int, dict[str, object]]] = [
    (6, "Ayu Pratiwi", "customer@stamps.co.id", "+6281210000006", 250, 100, {}),
    (
        123,
        "Budi Santoso",
        "budi.santoso@contoh.co.id",
        "+6281310000123",
        180,
        200,
        {"pin": PIN_MEMBER_PIN, "protected_redemption": True},
    ),
    (
        124,
        "Hendra Gunawan",
        "hendra.gunawan@contoh.co.id",
        "+6281510000124",
        90,
        100,
        {"is_blocked": True},
    ),
    (
        125,
        "Rina Wulandari",
        "rina.wulandari@contoh.co.id",
        "+6285710000125",
        60,
        100,
        {"redemption_allowed": False},
    ),
    (126, "Agus Setiawan", "agus.setiawan@contoh.co.id", "+6287810000126", 0, 100, {}),
    (
        127,
        "Sri Rahayu",
        "sri.rahayu@contoh.co.id",
        "+6281910000127",
        140,
        100,
        {"pin": "246810", "protected_redemption": True, "pin_is_blocked": True, "pin_failures": 3},
    ),
    (128, "Putri Maharani", "putri.maharani@contoh.co.id", "+6281110000128", 520, 300, {}),
    (129, "Fajar Nugroho", "fajar.nugroho@contoh.co.id", "+6282110000129", 45, 100, {}),
    (130, "Intan Permatasari", "intan.permata@contoh.co.id", "+6281280000130", 75, 200, {}),
    (131, "Rizky Ramadhan", "rizky.ramadhan@contoh.co.id", "+6285210000131", 32, 100, {}),
    (132, "Nur Aini", "nur.aini@contoh.co.id", "+6281330000132", 118, 200, {}),
    (133, "Yoga Pratama", "yoga.pratama@contoh.co.id", "+6289610000133", 12, 100, {}),
    (134, "Dian Puspitasari", "dian.puspita@contoh.co.id", "+6281390000134", 205, 200, {}),
    (135, "Wahyu Hidayat", "wahyu.hidayat@contoh.co.id", "+6285610000135", 66, 100, {}),
    (136, "Bayu Saputra", "bayu.saputra@contoh.co.id", "+6281240000136", 8, 100, {}),
    (137, "Ratna Sari", "ratna.sari@contoh.co.id", "+6281770000137", 310, 300, {}),
    (138, "Andi Firmansyah", "andi.firmansyah@contoh.co.id", "+6285810000138", 54, 100, {}),
    (139, "Maya Anggraini", "maya.anggraini@contoh.co.id", "+6281350000139", 97, 200, {}),
    (140, "Eko Prasetyo", "eko.prasetyo@contoh.co.id", "+6287710000140", 23, 100, {}),
    (141, "Lestari Handayani", "lestari.h@contoh.co.id", "+6281220000141", 141, 200, {}),
    # Registered at the counter by phone alone: no email, no Member ID, no card.
    (
        142,
        "Slamet Riyadi",
        None,
        "+6281290000142",
        70,
        100,
        {"member_ids": [], "card_number": None},
    ),
]

_ADDRESSES = [
    "Jl. Kemang Raya No. 12, Jakarta Selatan",
    "Jl. Braga No. 45, Bandung",
    "Jl. Tebet Barat Dalam II No. 8, Jakarta Selatan",
    "Jl. Dago No. 101, Bandung",
    "Jl. Cipete Raya No. 3, Jakarta Selatan",
]


def member_id_of(pk: int) -> str:
    """The printed member ID of a demo member (what the card's barcode says)."""
    return f"KR24{pk:06d}"


def card_number_of(pk: int) -> str:
    """The demo member's physical card number."""
    return f"7014{pk:010d}"


class _Calendar:
    """ISO dates counted from one day, so demo validity windows stay true whenever it runs."""

    def __init__(self, today: dt.date) -> None:
        self.today = today

    def ago(self, days: int) -> str:
        return (self.today - dt.timedelta(days=days)).isoformat()

    def ahead(self, days: int) -> str:
        return (self.today + dt.timedelta(days=days)).isoformat()


#: The first id of the generated members that ``extra_members`` adds (benchmarks, soak tests).
EXTRA_MEMBER_FIRST_ID = 100_001
EXTRA_MEMBER_STAMPS = 10_000


def extra_member_email(n: int) -> str:
    """The email of generated member ``n`` (1-based)."""
    return f"bench{n}@contoh.co.id"


#: The first id of the generated rewards that ``extra_rewards`` adds (a big catalogue's pages).
EXTRA_REWARD_FIRST_ID = 1001


def build_world(now: float, extra_members: int = 0, extra_rewards: int = 0) -> World:
    """A fresh demo world, with dates around ``now`` (a unix time).

    ``extra_members`` adds that many plain members (``bench1@contoh.co.id`` …), each with
    enough stamps that a load test never runs them dry; ``extra_rewards`` that many plain
    rewards (``GEN-0001`` …), so the catalogue takes more than one page.
    """
    cal = _Calendar(dt.datetime.fromtimestamp(now, tz=dt.UTC).date())
    ago, ahead = cal.ago, cal.ahead

    stores = {
        32: Store(32, "RDG-KMG", "Kopi Rindang Kemang", "Jakarta Selatan"),
        33: Store(33, "RDG-BRG", "Kopi Rindang Braga", "Bandung"),
    }
    members: dict[int, Member] = {}
    for i, (pk, name, email, phone, stamps, level, extras) in enumerate(_MEMBERS):
        fields: dict[str, object] = {
            "member_ids": [member_id_of(pk)],
            "card_number": card_number_of(pk),
            **extras,
        }
        members[pk] = Member(
            id=pk,
            name=name,
            email=email,
            phone=phone,
            level=level,
            stamps=stamps,
            gender="female" if i % 2 == 0 else "male",
            birthday=f"{1975 + i}-{(i % 12) + 1:02d}-{(i % 27) + 1:02d}",
            address=_ADDRESSES[i % len(_ADDRESSES)],
            referral_code=f"RDG{pk:04d}",
            start_date=ago(400 - i * 7),
            **fields,  # type: ignore[arg-type]
        )
    for n in range(1, extra_members + 1):
        pk = EXTRA_MEMBER_FIRST_ID + n - 1
        members[pk] = Member(
            id=pk,
            name=f"Bench Member {n}",
            email=extra_member_email(n),
            phone=f"+62899{n:07d}",
            member_ids=[member_id_of(pk)],
            card_number=card_number_of(pk),
            level=100,
            stamps=EXTRA_MEMBER_STAMPS,
            gender="female" if n % 2 else "male",
            birthday="1990-01-01",
            address=_ADDRESSES[n % len(_ADDRESSES)],
            referral_code=f"BEN{pk}",
            start_date=ago(30),
        )

    rewards = {
        r.id: r
        for r in [
            Reward(1, "KR-001", "Es Kopi Susu Gula Aren", REWARD_PRODUCT, 20, "Satu gelas reguler"),
            Reward(2, "KR-002", "Croissant Mentega", REWARD_PRODUCT, 15, "Croissant hangat"),
            Reward(3, "KR-003", "Kopi Tubruk Toraja", REWARD_PRODUCT, 25, "Seduhan tradisional"),
            Reward(4, "KR-004", "Teh Tarik Rindang", REWARD_PRODUCT, 12, "Teh tarik panas/dingin"),
            Reward(5, "KR-005", "Upgrade ke Ukuran Large", REWARD_BENEFIT, 5, "Untuk satu minuman"),
            Reward(
                6,
                "KR-006",
                "Voucher Diskon Rp 25.000",
                REWARD_VOUCHER,
                50,
                "Ditukar menjadi voucher untuk kunjungan berikutnya",
                voucher_template=14,
            ),
            Reward(
                7,
                "KR-007",
                "Tumbler Kopi Rindang",
                REWARD_PRODUCT,
                150,
                "Edisi terbatas",
                min_level=300,
            ),
            Reward(
                8,
                "KR-008",
                "Paket Sarapan Nasi Uduk",
                REWARD_PRODUCT,
                60,
                "Hanya di Kemang",
                min_level=200,
                stores=[32],
            ),
            # No code: it redeems on its own (by id) but cannot go in a cart (items name codes).
            Reward(
                9,
                None,
                "Kue Lapis Musiman",
                REWARD_PRODUCT,
                18,
                "Kue musiman, selama persediaan ada",
            ),
            Reward(
                12,
                "KR-FLEX",
                "Potongan Belanja Fleksibel",
                REWARD_FLEXIBLE,
                10,
                "Tukar stamps sebagai potongan: 1 stamp = Rp 1.000 (minimal 10 stamps)",
                extra_data={"rupiah_per_stamp": 1000},
            ),
            Reward(
                13,
                "KR-DONASI",
                "Donasi Stamps untuk Panti Asuhan",
                REWARD_FLEXIBLE,
                1,
                "Stamps yang didonasikan dikonversi Rp 500 per stamp",
                extra_data={"rupiah_per_stamp": 500},
            ),
        ]
    }

    for n in range(1, extra_rewards + 1):
        pk = EXTRA_REWARD_FIRST_ID + n - 1
        rewards[pk] = Reward(
            pk, f"GEN-{n:04d}", f"Hadiah Katalog {n}", REWARD_PRODUCT, 5 + n % 50, "Generated"
        )

    templates = {
        t.id: t
        for t in [
            VoucherTemplate(10, "Diskon Rp 50.000", 3, "Potongan Rp 50.000", "Fixed", 50000),
            VoucherTemplate(11, "Saldo Hadiah Rindang", 2, "Saldo belanja", "Dynamic", None),
            VoucherTemplate(12, "Diskon Rp 100.000", 7, "Potongan Rp 100.000", "Fixed", 100000),
            VoucherTemplate(13, "Kopi Gratis Ulang Tahun", 5, "Satu kopi gratis", "Fixed", None),
            VoucherTemplate(
                14, "Voucher Diskon Rp 25.000", 3, "Potongan Rp 25.000", "Fixed", 25000
            ),
        ]
    }

    vouchers = {
        v.id: v
        for v in [
            # Ayu (customer@stamps.co.id): the seed doc's voucher 12, a dynamic one.
            Voucher(12, "SALDO-AYU-150K", 11, 6, 150000, ago(20), ahead(70)),
            Voucher(20, "ULTAH-AYU-6", 13, 6, None, ago(5), ahead(25)),
            # Putri: one valid, one used, one expired fixed voucher.
            Voucher(21, "DSK50-PUTRI-A", 10, 128, 50000, ago(10), ahead(50)),
            Voucher(22, "DSK50-PUTRI-B", 10, 128, 50000, ago(60), ahead(5), used=True),
            Voucher(23, "DSK50-PUTRI-C", 10, 128, 50000, ago(90), ago(3)),
            # Budi (PIN) and Fajar: dynamic vouchers.
            Voucher(24, "SALDO-BUDI-200K", 11, 123, 200000, ago(15), ahead(45)),
            Voucher(25, "SALDO-FAJAR-75K", 11, 129, 75000, ago(15), ahead(45)),
            Voucher(26, "SALDO-PUTRI-LAMA", 11, 128, 40000, ago(120), ago(30)),
            # Pre-generated codes, redeemable once by code (template 12).
            Voucher(30, "ABCD100k", 12, None, 100000, ago(30), ahead(60)),
            Voucher(31, "RINDANG-100K-7H2K", 12, None, 100000, ago(30), ahead(60)),
            Voucher(32, "RINDANG-100K-LAMA", 12, None, 100000, ago(90), ago(1)),
            Voucher(33, "RINDANG-100K-PAKAI", 12, None, 100000, ago(30), ahead(60), used=True),
        ]
    }

    promo_codes = {
        p.id: p
        for p in [
            PromoCode(
                12, "PROMOCODE", "Promo Pembukaan Cabang", "Gratis topping", ago(10), ahead(30)
            ),
            PromoCode(
                13,
                "NGOPIPAGI",
                "Ngopi Pagi Hemat",
                "Diskon 20% sebelum jam 10",
                ago(3),
                ahead(60),
                extra_data={"discount": "20%"},
            ),
            PromoCode(14, "MERDEKA17", "Promo Kemerdekaan", "Diskon 17%", ago(120), ago(90)),
            PromoCode(
                15,
                "LEBARANTIBA",
                "Promo Lebaran",
                "Sudah dinonaktifkan",
                ago(10),
                ahead(10),
                is_active=False,
            ),
        ]
    }

    world = World(
        merchant=Merchant(MERCHANT_ID, "Kopi Rindang"),
        stores=stores,
        members=members,
        rewards=rewards,
        templates=templates,
        vouchers=vouchers,
        promo_codes=promo_codes,
    )
    _add_history(world, now)
    return world


def _add_history(world: World, now: float) -> None:
    """Past activity: a few redemptions (redemption 1 is the seed doc's cancel example) and
    enough purchases for Putri that her feed has more than one page."""
    day = 86400.0
    past = [
        (1, 6, 32, 1, 3),  # (redemption id, member, store, reward, days ago)
        (2, 128, 33, 3, 9),
        (3, 128, 32, 2, 16),
        (4, 134, 32, 1, 2),
    ]
    events: list[tuple[float, Activity | Redemption]] = []
    for rid, member, store, reward_id, days in past:
        reward = world.rewards[reward_id]
        created = now - days * day
        events.append(
            (
                created,
                Redemption(
                    id=rid,
                    kind="reward",
                    member=member,
                    store=store,
                    created=created,
                    name=reward.name,
                    stamps_used=reward.stamps_to_redeem,
                    invoice_number=f"KMG-{240000 + rid}",
                    items=[{"reward": reward.id, "qty": 1, "stamps": reward.stamps_to_redeem}],
                ),
            )
        )
    for n in range(24):
        member = 128 if n < 22 else 6
        created = now - (30 - n) * day - 3600.0
        events.append(
            (
                created,
                Activity(
                    id=0,
                    member=member,
                    type=0,
                    created=created,
                    store=32 if n % 3 else 33,
                    details={
                        "stamps": 2 + n % 5,
                        "name": f"Transaction #{1700 + n}",
                        "status": 2,
                        "invoice_number": f"KMG-{230100 + n}",
                        "channel": "POS",
                    },
                ),
            )
        )
    events.sort(key=lambda e: e[0])
    for created, item in events:
        if isinstance(item, Redemption):
            world.redemptions[item.id] = item
            world.activities.append(
                Activity(
                    id=world.next_id("next_activity_id"),
                    member=item.member,
                    type=1,
                    created=created,
                    store=item.store,
                    redemption=item.id,
                )
            )
        else:
            item.id = world.next_id("next_activity_id")
            world.activities.append(item)
