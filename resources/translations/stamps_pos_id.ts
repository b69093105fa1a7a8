<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About {name}</source>
        <translation>Tentang {name}</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>Versi {version}</translation>
    </message>
    <message>
        <source>The loyalty till for shops on the Stamps platform.</source>
        <translation>Mesin kasir loyalitas untuk toko di platform Stamps.</translation>
    </message>
    <message>
        <source>Python {python} · Qt {qt} (PySide6 {pyside}) · {platform}</source>
        <translation>Python {python} · Qt {qt} (PySide6 {pyside}) · {platform}</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <source>Add a manager</source>
        <translation>Tambah manajer</translation>
    </message>
    <message>
        <source>Add a cashier</source>
        <translation>Tambah kasir</translation>
    </message>
    <message>
        <source>Rename {name}</source>
        <translation>Ganti nama {name}</translation>
    </message>
    <message>
        <source>A new PIN for {name}</source>
        <translation>PIN baru untuk {name}</translation>
    </message>
    <message>
        <source>A manager&apos;s PIN has 6 to 8 digits, not one repeated nor a run.</source>
        <translation>PIN manajer terdiri dari 6 sampai 8 angka, bukan angka yang sama berulang dan bukan angka berurutan.</translation>
    </message>
    <message>
        <source>A cashier&apos;s PIN has 4 to 8 digits; leave it empty for a cashier who signs in with their name alone.</source>
        <translation>PIN kasir terdiri dari 4 sampai 8 angka; kosongkan untuk kasir yang masuk cukup dengan namanya.</translation>
    </message>
    <message>
        <source>A cashier&apos;s PIN has 4 to 8 digits. To let them sign in with their name alone, use &quot;Remove PIN&quot; instead.</source>
        <translation>PIN kasir terdiri dari 4 sampai 8 angka. Agar kasir masuk cukup dengan namanya, pakai &quot;Hapus PIN&quot;.</translation>
    </message>
    <message>
        <source>New name</source>
        <translation>Nama baru</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>Ulangi PIN</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Kembali</translation>
    </message>
</context>
<context>
    <name>AuditController</name>
    <message>
        <source>“Who” is longer than {limit} characters.</source>
        <translation>“Siapa” lebih dari {limit} karakter.</translation>
    </message>
    <message>
        <source>“Entry” is longer than {limit} characters.</source>
        <translation>“Entri” lebih dari {limit} karakter.</translation>
    </message>
    <message>
        <source>“Who”: no name holds these characters.</source>
        <translation>“Siapa”: tidak ada nama yang memuat karakter ini.</translation>
    </message>
    <message>
        <source>“Entry”: no entry id holds these characters.</source>
        <translation>“Entri”: tidak ada ID entri yang memuat karakter ini.</translation>
    </message>
    <message>
        <source>“From” is after “To”: pick a day on or before it.</source>
        <translation>“Dari” jatuh setelah “Sampai”: pilih tanggal yang sama atau sebelumnya.</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Ekspor log audit</translation>
    </message>
    <message>
        <source>Audit log written to {path}</source>
        <translation>Log audit ditulis ke {path}</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Who</source>
        <translation>Siapa</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Entri</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Tampilkan</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Ekspor CSV…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Sampai</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Jam</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>Mesin kasir</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Rincian</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Log audit</translation>
    </message>
    <message>
        <source>No line matches.</source>
        <translation>Tidak ada baris yang cocok.</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Semua</translation>
    </message>
    <message>
        <source>The newest {shown} lines are shown; {more} older ones match too: pick fewer days, who or an action to see them. Export CSV… writes them all.</source>
        <translation>{shown} baris terbaru yang ditampilkan; {more} baris yang lebih lama juga cocok: pilih lebih sedikit hari, siapa atau tindakan untuk melihatnya. Ekspor CSV… menulis semuanya.</translation>
    </message>
</context>
<context>
    <name>CancelByServerIdDialog</name>
    <message>
        <source>Cancel by server id</source>
        <translation>Batalkan dengan ID server</translation>
    </message>
    <message>
        <source>For a redemption made on another till or the kiosk: the id the Stamps server gave it, and whose it is (a redemption of this till needs only its id).</source>
        <translation>Untuk penukaran yang dibuat di mesin kasir lain atau di kios: ID yang diberikan server Stamps, dan milik siapa (penukaran dari mesin kasir ini cukup dengan ID-nya).</translation>
    </message>
    <message>
        <source>Cancel the redemption</source>
        <translation>Batalkan penukaran</translation>
    </message>
    <message>
        <source>Server redemption id</source>
        <translation>ID penukaran di server</translation>
    </message>
    <message>
        <source>email, member ID, phone or card</source>
        <translation>email, ID member, HP, atau kartu</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Give the member a replacement voucher</source>
        <translation>Beri member voucher pengganti</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>Catatan (opsional)</translation>
    </message>
</context>
<context>
    <name>CannotStartPage</name>
    <message>
        <source>Stamps POS cannot start</source>
        <translation>Stamps POS tidak dapat dimulai</translation>
    </message>
    <message>
        <source>These settings are missing or refused:</source>
        <translation>Pengaturan ini belum diisi atau ditolak:</translation>
    </message>
    <message>
        <source>The till stopped before it opened:</source>
        <translation>Mesin kasir berhenti sebelum terbuka:</translation>
    </message>
    <message>
        <source>Settings file: {path}</source>
        <translation>Berkas pengaturan: {path}</translation>
    </message>
    <message>
        <source>Settings file: {path} (there is no file there yet)</source>
        <translation>Berkas pengaturan: {path} (belum ada berkas di sana)</translation>
    </message>
    <message>
        <source>{name} ({path}, line {line}): {why}</source>
        <translation>{name} ({path}, baris {line}): {why}</translation>
    </message>
    <message>
        <source>Another Stamps POS window already has this till open: switch to it (look for it in the taskbar), or close it first, then start Stamps POS again.</source>
        <translation>Jendela Stamps POS lain sudah membuka mesin kasir ini: pindah ke jendela itu (cari di taskbar), atau tutup dulu, lalu mulai Stamps POS lagi.</translation>
    </message>
    <message>
        <source>Another Stamps POS kiosk already has this till open: use that one, or close it first, then start the kiosk again.</source>
        <translation>Kios Stamps POS lain sudah membuka mesin kasir ini: gunakan kios itu, atau tutup dulu, lalu mulai kios lagi.</translation>
    </message>
    <message>
        <source>Fix this, then start Stamps POS again. To check the settings, the API token and the data folder, run in a terminal: {command}</source>
        <translation>Perbaiki ini, lalu jalankan Stamps POS lagi. Untuk memeriksa pengaturan, token API, dan folder data, jalankan di terminal: {command}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>CashierWindow</name>
    <message>
        <source>Card not read, and the token emptied: paste or type the token again.</source>
        <translation>Kartu tidak terbaca, dan token dikosongkan: tempel atau ketik token lagi.</translation>
    </message>
    <message>
        <source>Card not read, and the PIN emptied: type the PIN again.</source>
        <translation>Kartu tidak terbaca, dan PIN dikosongkan: ketik PIN lagi.</translation>
    </message>
    <message>
        <source>Card not read (“{code}”): it came too slowly for a scan, into the voucher code. Scan it again.</source>
        <translation>Kartu tidak terbaca (“{code}”): masuk ke kode voucher, terlalu lambat untuk pindaian. Pindai lagi.</translation>
    </message>
    <message>
        <source>Card not read (“{code}”): it came too slowly for a scan, into the promo code. Scan it again.</source>
        <translation>Kartu tidak terbaca (“{code}”): masuk ke kode promo, terlalu lambat untuk pindaian. Pindai lagi.</translation>
    </message>
    <message>
        <source>This came at a scanner&apos;s pace, so its Enter was not taken: check it, then press Enter again.</source>
        <translation>Ini masuk secepat pemindai, jadi Enter-nya tidak dipakai: periksa isinya, lalu tekan Enter lagi.</translation>
    </message>
    <message>
        <source>A voucher needs the member first: voucher code {code} waits in Vouchers (F4) and is used for the member found next.</source>
        <translation>Voucher perlu member dulu: kode voucher {code} menunggu di Voucher (F4) dan dipakai untuk member yang ditemukan berikutnya.</translation>
    </message>
    <message>
        <source>“{code}” is a member&apos;s card, not the invoice: the promo waits for the receipt. To serve them, F2 and scan again.</source>
        <translation>“{code}” adalah kartu member, bukan nomor struk: promo menunggu struknya. Untuk melayani member itu, tekan F2 lalu pindai lagi.</translation>
    </message>
    <message>
        <source>Receipt not read (“{code}”): this store&apos;s receipts begin {prefixes}. Scan the receipt, or type its number.</source>
        <translation>Struk tidak terbaca (“{code}”): nomor struk toko ini diawali {prefixes}. Pindai struknya, atau ketik nomornya.</translation>
    </message>
    <message>
        <source>Card not read: put the cursor in a filter (Member), or leave manager mode.</source>
        <translation>Kartu tidak terbaca: taruh kursor di filter (Member), atau keluar dari mode manajer.</translation>
    </message>
    <message>
        <source>Card not read: set up the first manager, then scan it again.</source>
        <translation>Kartu tidak terbaca: siapkan manajer pertama dulu, lalu pindai lagi.</translation>
    </message>
    <message>
        <source>Card not read: go back to the till first (Back to the till), then scan it again.</source>
        <translation>Kartu tidak terbaca: kembali ke kasir dulu (Kembali ke kasir), lalu pindai lagi.</translation>
    </message>
    <message>
        <source>Card not read: sign in first, then scan it again.</source>
        <translation>Kartu tidak terbaca: masuk dulu, lalu pindai lagi.</translation>
    </message>
    <message>
        <source>Card not read: finish with the open window, then scan it again.</source>
        <translation>Kartu tidak terbaca: selesaikan jendela yang terbuka, lalu pindai lagi.</translation>
    </message>
    <message>
        <source>Drop the cart?</source>
        <translation>Kosongkan keranjang?</translation>
    </message>
    <message>
        <source>The cart holds {count} reward. Drop it and clear the member?</source>
        <translation>Keranjang berisi {count} hadiah. Kosongkan keranjang dan hapus member dari layar?</translation>
    </message>
    <message>
        <source>The cart holds {count} rewards. Drop it and clear the member?</source>
        <translation>Keranjang berisi {count} hadiah. Kosongkan keranjang dan hapus member dari layar?</translation>
    </message>
    <message>
        <source>Drop it</source>
        <translation>Kosongkan</translation>
    </message>
    <message>
        <source>Keep the cart</source>
        <translation>Simpan keranjang</translation>
    </message>
</context>
<context>
    <name>CashierWindowView</name>
    <message>
        <source>Stamps POS</source>
        <translation>Stamps POS</translation>
    </message>
    <message>
        <source>Rewards (F3)</source>
        <translation>Hadiah (F3)</translation>
    </message>
    <message>
        <source>Vouchers (F4)</source>
        <translation>Voucher (F4)</translation>
    </message>
    <message>
        <source>Promo (F5)</source>
        <translation>Promo (F5)</translation>
    </message>
    <message>
        <source>This shift</source>
        <translation>Shift ini</translation>
    </message>
    <message>
        <source>&amp;Shift</source>
        <translation>&amp;Shift</translation>
    </message>
    <message>
        <source>Lock the till</source>
        <translation>Kunci mesin kasir</translation>
    </message>
    <message>
        <source>Close shift…</source>
        <translation>Tutup shift…</translation>
    </message>
    <message>
        <source>&amp;Manager</source>
        <translation>&amp;Manajer</translation>
    </message>
    <message>
        <source>Manager mode…</source>
        <translation>Mode manajer…</translation>
    </message>
    <message>
        <source>Leave manager mode</source>
        <translation>Keluar dari mode manajer</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Bantuan</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>Pintasan keyboard</translation>
    </message>
    <message>
        <source>About Stamps POS</source>
        <translation>Tentang Stamps POS</translation>
    </message>
</context>
<context>
    <name>ClockWords</name>
    <message>
        <source>The till&apos;s clock is {span} behind the Stamps server&apos;s</source>
        <translation>Jam mesin kasir {span} lebih lambat dari jam server Stamps</translation>
    </message>
    <message>
        <source>The till&apos;s clock is {span} ahead of the Stamps server&apos;s</source>
        <translation>Jam mesin kasir {span} lebih cepat dari jam server Stamps</translation>
    </message>
    <message>
        <source>The till&apos;s clock reads {span} earlier than redemptions it already recorded</source>
        <translation>Jam mesin kasir menunjukkan waktu {span} lebih awal dari penukaran yang sudah dicatatnya</translation>
    </message>
</context>
<context>
    <name>CounterWords</name>
    <message>
        <source>Not redeemed at the counter</source>
        <translation>Tidak ditukar di kasir</translation>
    </message>
    <message>
        <source>Refused at the counter</source>
        <translation>Ditolak di kasir</translation>
    </message>
    <message>
        <source>none</source>
        <translation>tidak ada</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Kasir</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Not known to this till</source>
        <translation>Tidak dikenal mesin kasir ini</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Stamps</source>
        <translation>Stamp</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>No. struk</translation>
    </message>
    <message>
        <source>Sent to Stamps</source>
        <translation>Dikirim ke Stamps</translation>
    </message>
    <message>
        <source>no: nothing was queued, so there is nothing to cancel</source>
        <translation>tidak: tidak ada yang masuk antrean, jadi tidak ada yang bisa dibatalkan</translation>
    </message>
</context>
<context>
    <name>DamagedDatabase</name>
    <message>
        <source>time unreadable</source>
        <translation>waktu tidak terbaca</translation>
    </message>
</context>
<context>
    <name>DamagedDatabaseController</name>
    <message>
        <source>First, this till&apos;s manager</source>
        <translation>Pertama, manajer mesin kasir ini</translation>
    </message>
    <message>
        <source>The till&apos;s database is damaged and none of its managers can be read. Set up the manager who decides what becomes of it: they will be the first manager of the new database.</source>
        <translation>Database mesin kasir rusak dan tidak ada manajernya yang bisa dibaca. Daftarkan manajer yang memutuskan nasib database itu: ia menjadi manajer pertama di database baru.</translation>
    </message>
    <message>
        <source>The two PINs differ: type the same PIN twice.</source>
        <translation>Kedua PIN berbeda: ketik PIN yang sama dua kali.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: try again in {minutes} minute.</source>
        <translation>Terlalu banyak PIN salah: coba lagi dalam {minutes} menit.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: try again in {minutes} minutes.</source>
        <translation>Terlalu banyak PIN salah: coba lagi dalam {minutes} menit.</translation>
    </message>
    <message>
        <source>That is not a manager of this till with that PIN. Nothing was changed.</source>
        <translation>Itu bukan manajer mesin kasir ini dengan PIN tersebut. Tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>The damaged database was kept as {path}. Add its entries back with: stamps-pos outbox import {path} --manager NAME</source>
        <translation>Database yang rusak disimpan sebagai {path}. Masukkan kembali entrinya dengan: stamps-pos outbox import {path} --manager NAME</translation>
    </message>
</context>
<context>
    <name>DamagedDatabaseView</name>
    <message>
        <source>The till&apos;s database is damaged</source>
        <translation>Database mesin kasir rusak</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Manajer</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Set it aside and start a new database</source>
        <translation>Sisihkan dan mulai database baru</translation>
    </message>
    <message>
        <source>Leave it and close the till</source>
        <translation>Biarkan dan tutup mesin kasir</translation>
    </message>
    <message>
        <source>{path} failed its check. Nothing has been changed. A manager decides: set it aside (it is kept, with a timestamp) and start this till on a new, empty database, or leave it and close the till.</source>
        <translation>{path} gagal diperiksa. Belum ada yang diubah. Manajer yang memutuskan: sisihkan (berkasnya disimpan, dengan penanda waktu) lalu jalankan mesin kasir ini dengan database baru yang kosong, atau biarkan dan tutup mesin kasir.</translation>
    </message>
    <message>
        <source>It still holds {count} queued, sending or unknown redemption. Once it is set aside, add it back with: stamps-pos outbox import FILE --manager NAME</source>
        <translation>Masih ada {count} penukaran yang antre, sedang dikirim, atau belum pasti di dalamnya. Setelah disisihkan, masukkan kembali dengan: stamps-pos outbox import FILE --manager NAME</translation>
    </message>
    <message>
        <source>It still holds {count} queued, sending or unknown redemptions. Once it is set aside, add them back with: stamps-pos outbox import FILE --manager NAME</source>
        <translation>Masih ada {count} penukaran yang antre, sedang dikirim, atau belum pasti di dalamnya. Setelah disisihkan, masukkan kembali dengan: stamps-pos outbox import FILE --manager NAME</translation>
    </message>
    <message>
        <source>No queued, sending or unknown redemption can be read from it.</source>
        <translation>Tidak ada penukaran yang antre, sedang dikirim, atau belum pasti yang bisa dibaca darinya.</translation>
    </message>
    <message>
        <source>Some of its rows could not be read.</source>
        <translation>Sebagian barisnya tidak bisa dibaca.</translation>
    </message>
</context>
<context>
    <name>DayController</name>
    <message>
        <source>open</source>
        <translation>masih buka</translation>
    </message>
    <message>
        <source>Export the day</source>
        <translation>Ekspor hari itu</translation>
    </message>
    <message>
        <source>Written to {path}</source>
        <translation>Ditulis ke {path}</translation>
    </message>
</context>
<context>
    <name>DayView</name>
    <message>
        <source>Day</source>
        <translation>Hari</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Tampilkan</translation>
    </message>
    <message>
        <source>Export summary CSV…</source>
        <translation>Ekspor CSV ringkasan…</translation>
    </message>
    <message>
        <source>Export the day&apos;s redemptions CSV…</source>
        <translation>Ekspor CSV penukaran hari itu…</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>Stamps</source>
        <translation>Stamp</translation>
    </message>
    <message>
        <source>Rupiah</source>
        <translation>Nilai (Rp)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>Keadaan</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Kasir</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>Mesin kasir</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Dibuka</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Ditutup</translation>
    </message>
    <message>
        <source>The day&apos;s totals</source>
        <translation>Total hari itu</translation>
    </message>
    <message>
        <source>Shifts</source>
        <translation>Shift</translation>
    </message>
    <message>
        <source>Per cashier</source>
        <translation>Per kasir</translation>
    </message>
    <message numerus="yes">
        <source>Refused at the counter, before anything was queued: %n. Counted below; the History and “Export the day&apos;s redemptions CSV…” list them.</source>
        <translation>
            <numerusform>Ditolak di kasir, sebelum apa pun masuk antrean: %n. Sudah dihitung di bawah; Riwayat dan “Ekspor CSV penukaran hari itu…” memuatnya.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Go back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <source>Cancel this redemption</source>
        <translation>Batalkan penukaran ini</translation>
    </message>
    <message>
        <source>Send it again</source>
        <translation>Kirim ulang</translation>
    </message>
    <message>
        <source>Mark it applied</source>
        <translation>Tandai sudah diproses</translation>
    </message>
    <message>
        <source>Dismiss it</source>
        <translation>Tutup kasus ini</translation>
    </message>
    <message>
        <source>{what}. If it never reached the server it is voided; otherwise a cancel is sent to the Stamps server and this redemption shows how it ends.</source>
        <translation>{what}. Jika belum pernah sampai ke server, penukaran ini dibatalkan di sini; jika sudah, pembatalan dikirim ke server Stamps dan penukaran ini menunjukkan hasil akhirnya.</translation>
    </message>
    <message>
        <source>{what}. It is sent as a new redemption, linked to this one, which is closed. It was made with the member&apos;s PIN: {member} types it again on the pad that opens next.</source>
        <translation>{what}. Dikirim sebagai penukaran baru yang terhubung dengan yang ini, lalu yang ini ditutup. Penukaran ini dibuat dengan PIN member: {member} mengetiknya lagi di pad yang terbuka berikutnya.</translation>
    </message>
    <message>
        <source>{what}. It is sent as a new redemption, linked to this one, which is closed.</source>
        <translation>{what}. Dikirim sebagai penukaran baru yang terhubung dengan yang ini, lalu yang ini ditutup.</translation>
    </message>
    <message>
        <source>{what}. Only when you have seen on the Stamps dashboard that the server applied it: the till then counts it as confirmed. With the redemption id the dashboard shows, the till can cancel it later; without it, only the dashboard can.</source>
        <translation>{what}. Hanya jika Anda sudah melihat di dashboard Stamps bahwa server memprosesnya: mesin kasir lalu menghitungnya sebagai dikonfirmasi. Dengan ID penukaran yang ditampilkan dashboard, mesin kasir dapat membatalkannya nanti; tanpanya, hanya dashboard yang bisa.</translation>
    </message>
    <message>
        <source>{what}. The till closes it and never sends it again: if the server applied it, it stays applied. Say why.</source>
        <translation>{what}. Mesin kasir menutupnya dan tidak pernah mengirimnya lagi: jika server sudah memprosesnya, penukaran itu tetap berlaku. Tulis alasannya.</translation>
    </message>
    <message>
        <source>{what}. The till closes it and never sends it again; say why.</source>
        <translation>{what}. Mesin kasir menutupnya dan tidak pernah mengirimnya lagi; tulis alasannya.</translation>
    </message>
    <message>
        <source>Cancel the redemption</source>
        <translation>Batalkan penukaran</translation>
    </message>
    <message>
        <source>Mark applied</source>
        <translation>Tandai diproses</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Tutup kasus</translation>
    </message>
    <message>
        <source>Nothing proved the server did not apply the first: sent again, the member may get it twice. Check the member&apos;s activity on the Stamps dashboard first.</source>
        <translation>Belum ada yang membuktikan server tidak memproses yang pertama: jika dikirim lagi, member bisa mendapatkannya dua kali. Periksa dulu aktivitas member di dashboard Stamps.</translation>
    </message>
    <message>
        <source>Give the member a replacement voucher</source>
        <translation>Beri member voucher pengganti</translation>
    </message>
    <message>
        <source>Server redemption id (from the dashboard)</source>
        <translation>ID penukaran di server (dari dashboard)</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>Catatan (opsional)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Manager mode has ended: this window only shows the answer. Sign in again for any other decision.</source>
        <translation>Mode manajer sudah berakhir: jendela ini hanya menampilkan jawabannya. Masuk lagi untuk keputusan lain.</translation>
    </message>
</context>
<context>
    <name>DecisionsController</name>
    <message>
        <source>A manager decides on a redemption.</source>
        <translation>Manajer yang memutuskan soal penukaran.</translation>
    </message>
    <message>
        <source>A manager cancels a redemption.</source>
        <translation>Manajer yang membatalkan penukaran.</translation>
    </message>
    <message>
        <source>Nothing was cancelled: cancel it again once the till can save.</source>
        <translation>Tidak ada yang dibatalkan: batalkan lagi setelah mesin kasir bisa menyimpan.</translation>
    </message>
    <message>
        <source>Sending to Stamps…</source>
        <translation>Mengirim ke Stamps…</translation>
    </message>
    <message>
        <source>Sent again: {outcome}</source>
        <translation>Dikirim ulang: {outcome}</translation>
    </message>
    <message>
        <source>Not sent again: the member&apos;s PIN pad was closed while their PIN was checked.</source>
        <translation>Tidak dikirim ulang: layar PIN member ditutup saat PIN-nya sedang diperiksa.</translation>
    </message>
    <message>
        <source>Type the id the Stamps server gave the redemption.</source>
        <translation>Ketik ID yang diberikan server Stamps untuk penukaran itu.</translation>
    </message>
    <message>
        <source>A server redemption id is a whole number, 0-9 only.</source>
        <translation>ID penukaran di server berupa bilangan bulat, hanya angka 0-9.</translation>
    </message>
    <message>
        <source>A server redemption id runs from 1 to 9223372036854775807: no redemption has this one.</source>
        <translation>ID penukaran di server berkisar dari 1 sampai 9223372036854775807: tidak ada penukaran dengan ID ini.</translation>
    </message>
    <message>
        <source>Cancel queued: the till sends it to the Stamps server; the redemption&apos;s row shows how it ends.</source>
        <translation>Pembatalan masuk antrean: mesin kasir mengirimnya ke server Stamps; baris penukarannya menunjukkan hasil akhirnya.</translation>
    </message>
    <message>
        <source>{outcome}: {known}</source>
        <translation>{outcome}: {known}</translation>
    </message>
    <message>
        <source>Sent again as a new redemption, linked to the first.</source>
        <translation>Dikirim ulang sebagai penukaran baru, terhubung dengan yang pertama.</translation>
    </message>
    <message>
        <source>Marked applied.</source>
        <translation>Ditandai sudah diproses.</translation>
    </message>
    <message>
        <source>Dismissed.</source>
        <translation>Kasus ditutup.</translation>
    </message>
</context>
<context>
    <name>DeductDialog</name>
    <message>
        <source>Deduct voucher value</source>
        <translation>Potong nilai voucher</translation>
    </message>
    <message>
        <source>Type the amount</source>
        <translation>Ketik jumlahnya</translation>
    </message>
    <message>
        <source>Amount to deduct</source>
        <translation>Nominal yang dipotong</translation>
    </message>
    <message>
        <source>Only {amount} is left on this voucher.</source>
        <translation>Sisa voucher ini hanya {amount}.</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Sisa</translation>
    </message>
    <message>
        <source>Deduct</source>
        <translation>Potong</translation>
    </message>
    <message>
        <source>Kind not confirmed: if this is not a balance voucher, the server refuses the deduction. Offline, nothing can be deducted from it.</source>
        <translation>Jenisnya belum pasti: jika ini bukan voucher saldo, server menolak potongannya. Saat offline, voucher ini tidak bisa dipotong.</translation>
    </message>
</context>
<context>
    <name>DemoMenu</name>
    <message>
        <source>&amp;Demo</source>
        <translation>&amp;Demo</translation>
    </message>
    <message>
        <source>Demo: failures stay exceptions for a manager</source>
        <translation>Demo: kegagalan tetap jadi pengecualian untuk manajer</translation>
    </message>
    <message>
        <source>Failures stay exceptions: F8, then Exceptions</source>
        <translation>Kegagalan tetap jadi pengecualian: F8, lalu Pengecualian</translation>
    </message>
    <message>
        <source>Cut the network</source>
        <translation>Putuskan jaringan</translation>
    </message>
    <message>
        <source>Server works normally</source>
        <translation>Server berjalan normal</translation>
    </message>
    <message>
        <source>Server errors (5xx) on redemptions</source>
        <translation>Server error (5xx) saat penukaran</translation>
    </message>
    <message>
        <source>Redemptions time out</source>
        <translation>Penukaran kehabisan waktu</translation>
    </message>
    <message>
        <source>Applied, then answered 500</source>
        <translation>Diproses, lalu menjawab 500</translation>
    </message>
    <message>
        <source>Server asks to send again (408, 429) on redemptions</source>
        <translation>Server meminta kirim ulang (408, 429) saat penukaran</translation>
    </message>
    <message>
        <source>Redemptions redirected to a sign-in page (302)</source>
        <translation>Penukaran dialihkan ke halaman login (302)</translation>
    </message>
    <message>
        <source>Reset the shop</source>
        <translation>Reset toko</translation>
    </message>
    <message>
        <source>Network cut: the server refuses.</source>
        <translation>Jaringan diputus: server menolak koneksi.</translation>
    </message>
    <message>
        <source>Network restored.</source>
        <translation>Jaringan pulih.</translation>
    </message>
    <message>
        <source>Server behaviour changed.</source>
        <translation>Perilaku server diubah.</translation>
    </message>
    <message>
        <source>The shop is reset.</source>
        <translation>Toko sudah direset.</translation>
    </message>
</context>
<context>
    <name>EntryDetailsDialog</name>
    <message>
        <source>Redemption details</source>
        <translation>Rincian penukaran</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Percobaan kirim</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Ke</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Mulai</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Status code</source>
        <translation>Kode status</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Galat</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Jejak audit</translation>
    </message>
    <message>
        <source>Cancel redemption…</source>
        <translation>Batalkan penukaran…</translation>
    </message>
    <message>
        <source>Send again…</source>
        <translation>Kirim ulang…</translation>
    </message>
    <message>
        <source>Mark applied…</source>
        <translation>Tandai diproses…</translation>
    </message>
    <message>
        <source>Dismiss…</source>
        <translation>Tutup kasus…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>Terjadi kesalahan</translation>
    </message>
    <message>
        <source>Redemptions already queued are safe and will still sync. If this keeps happening, tell a manager.</source>
        <translation>Penukaran yang sudah masuk antrean aman dan tetap akan disinkronkan. Jika ini terus terjadi, beri tahu manajer.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Rincian</translation>
    </message>
    <message>
        <source>Save a support bundle</source>
        <translation>Simpan paket dukungan</translation>
    </message>
    <message>
        <source>{summary} (and {more} more)</source>
        <translation>{summary} (dan {more} lainnya)</translation>
    </message>
    <message>
        <source>Writing the support bundle…</source>
        <translation>Menulis paket dukungan…</translation>
    </message>
    <message>
        <source>Support bundle saved to {path}. Give this file to support.</source>
        <translation>Paket dukungan disimpan di {path}. Berikan berkas ini ke tim dukungan.</translation>
    </message>
    <message>
        <source>The support bundle could not be written: {reason}</source>
        <translation>Paket dukungan tidak bisa ditulis: {reason}</translation>
    </message>
</context>
<context>
    <name>ExceptionsController</name>
    <message>
        <source>A manager decides on the exceptions.</source>
        <translation>Manajer yang memutuskan soal pengecualian.</translation>
    </message>
</context>
<context>
    <name>ExceptionsView</name>
    <message>
        <source>Time</source>
        <translation>Jam</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Redemption</source>
        <translation>Penukaran</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>Pengecualian</translation>
    </message>
    <message>
        <source>Nothing waits for a manager&apos;s decision.</source>
        <translation>Tidak ada yang menunggu keputusan manajer.</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Member&apos;s contact</source>
        <translation>Kontak member</translation>
    </message>
    <message>
        <source>What the member&apos;s activity showed</source>
        <translation>Yang terlihat di aktivitas member</translation>
    </message>
    <message>
        <source>Send again…</source>
        <translation>Kirim ulang…</translation>
    </message>
    <message>
        <source>Mark applied…</source>
        <translation>Tandai diproses…</translation>
    </message>
    <message>
        <source>Dismiss…</source>
        <translation>Tutup kasus…</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Rincian…</translation>
    </message>
</context>
<context>
    <name>FirstManagerController</name>
    <message>
        <source>The two PINs differ: type the same PIN twice.</source>
        <translation>Kedua PIN berbeda: ketik PIN yang sama dua kali.</translation>
    </message>
    <message>
        <source>{name} is this till&apos;s first manager. F8 opens manager mode.</source>
        <translation>{name} adalah manajer pertama mesin kasir ini. F8 membuka mode manajer.</translation>
    </message>
</context>
<context>
    <name>FirstManagerView</name>
    <message>
        <source>Set up this till&apos;s first manager</source>
        <translation>Daftarkan manajer pertama mesin kasir ini</translation>
    </message>
    <message>
        <source>Managers cancel redemptions, decide on the ones the server refused, add cashiers and change the settings. Choose a name and a PIN of 6 to 8 digits that is not easy to guess.</source>
        <translation>Manajer membatalkan penukaran, memutuskan penukaran yang ditolak server, menambah kasir, dan mengubah pengaturan. Pilih nama dan PIN 6 sampai 8 angka yang tidak mudah ditebak.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>Ulangi PIN</translation>
    </message>
    <message>
        <source>Create the manager</source>
        <translation>Buat manajer</translation>
    </message>
</context>
<context>
    <name>HistoryController</name>
    <message>
        <source>“From” is after “To”: pick a day on or before it.</source>
        <translation>“Dari” jatuh setelah “Sampai”: pilih tanggal yang sama atau sebelumnya.</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>name, email, ID, phone or card</source>
        <translation>nama, email, ID, HP</translation>
    </message>
    <message>
        <source>name, ID or card</source>
        <translation>nama, ID, kartu</translation>
    </message>
    <message>
        <source>name or card</source>
        <translation>nama/kartu</translation>
    </message>
    <message>
        <source>The start of any word of the member&apos;s name (&quot;ayu&quot; or &quot;prat&quot; finds Ayu Pratiwi), or their email, member ID, phone or card number.</source>
        <translation>Awal kata mana pun dari nama member (&quot;ayu&quot; atau &quot;prat&quot; menemukan Ayu Pratiwi), atau email, ID member, nomor HP atau kartunya.</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Tampilkan</translation>
    </message>
    <message>
        <source>Cancel by server id…</source>
        <translation>Batalkan dengan ID server…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Sampai</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Kasir</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Jam</translation>
    </message>
    <message>
        <source>Redemption</source>
        <translation>Penukaran</translation>
    </message>
    <message>
        <source>Stamps / Rp</source>
        <translation>Stamp / Rp</translation>
    </message>
    <message>
        <source>Server id</source>
        <translation>ID server</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>No. struk</translation>
    </message>
    <message>
        <source>Redemptions</source>
        <translation>Penukaran</translation>
    </message>
    <message>
        <source>No redemption matches.</source>
        <translation>Tidak ada penukaran yang cocok.</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Semua</translation>
    </message>
    <message>
        <source>The newest {shown} are shown; {more} older ones match too: pick fewer days, a status, a cashier or a member to see them.</source>
        <translation>{shown} penukaran terbaru yang ditampilkan; {more} yang lebih lama juga cocok: pilih lebih sedikit hari, status, kasir atau member untuk melihatnya.</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <source>Not locked: the till is finishing this customer&apos;s redemption.</source>
        <translation>Tidak dikunci: mesin kasir sedang menyelesaikan penukaran pelanggan ini.</translation>
    </message>
</context>
<context>
    <name>InvoiceField</name>
    <message>
        <source>Invoice no. (F6)</source>
        <translation>No. struk (F6)</translation>
    </message>
    <message>
        <source>Type or scan the receipt</source>
        <translation>Ketik atau pindai struk</translation>
    </message>
    <message>
        <source>Type or scan</source>
        <translation>Ketik atau pindai</translation>
    </message>
    <message>
        <source>Invoice number</source>
        <translation>Nomor struk</translation>
    </message>
</context>
<context>
    <name>InvoiceOwner</name>
    <message>
        <source>For the next customer</source>
        <translation>Untuk pelanggan berikutnya</translation>
    </message>
    <message>
        <source>Enter: use it for {name}</source>
        <translation>Enter: pakai untuk {name}</translation>
    </message>
    <message>
        <source>For {name}</source>
        <translation>Untuk {name}</translation>
    </message>
</context>
<context>
    <name>Keyboard</name>
    <message>
        <source>Find a member</source>
        <translation>Cari member</translation>
    </message>
    <message>
        <source>Rewards</source>
        <translation>Hadiah</translation>
    </message>
    <message>
        <source>Move between the rewards</source>
        <translation>Pindah antarhadiah</translation>
    </message>
    <message>
        <source>Vouchers</source>
        <translation>Voucher</translation>
    </message>
    <message>
        <source>Promo code</source>
        <translation>Kode promo</translation>
    </message>
    <message>
        <source>Invoice number</source>
        <translation>Nomor struk</translation>
    </message>
    <message>
        <source>Redeem the cart</source>
        <translation>Tukar isi keranjang</translation>
    </message>
    <message>
        <source>Remove the picked line from the cart</source>
        <translation>Hapus baris yang dipilih dari keranjang</translation>
    </message>
    <message>
        <source>Manager mode</source>
        <translation>Mode manajer</translation>
    </message>
    <message>
        <source>Manager mode: the next tab</source>
        <translation>Mode manajer: tab berikutnya</translation>
    </message>
    <message>
        <source>Manager mode: the tab before</source>
        <translation>Mode manajer: tab sebelumnya</translation>
    </message>
    <message>
        <source>Lock the till</source>
        <translation>Kunci mesin kasir</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Konfirmasi</translation>
    </message>
    <message>
        <source>Back out: close the list, then clear the member</source>
        <translation>Mundur: tutup daftar, lalu hapus member dari layar</translation>
    </message>
    <message>
        <source>This list</source>
        <translation>Daftar ini</translation>
    </message>
</context>
<context>
    <name>KeyboardHelpDialog</name>
    <message>
        <source>Keyboard</source>
        <translation>Pintasan keyboard</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Tombol</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Fungsi</translation>
    </message>
</context>
<context>
    <name>KioskConfirmPage</name>
    <message>
        <source>Yes, redeem</source>
        <translation>Ya, tukarkan</translation>
    </message>
    <message>
        <source>No, go back</source>
        <translation>Tidak, kembali</translation>
    </message>
    <message>
        <source>Redeem {name} for {count} stamp?</source>
        <translation>Tukar {name} dengan {count} stamp?</translation>
    </message>
    <message>
        <source>Redeem {name} for {count} stamps?</source>
        <translation>Tukar {name} dengan {count} stamp?</translation>
    </message>
</context>
<context>
    <name>KioskDemoPanel</name>
    <message>
        <source>Demo controls</source>
        <translation>Kontrol demo</translation>
    </message>
    <message>
        <source>Not on a real kiosk: only the demo shows this.</source>
        <translation>Tidak ada di kios sungguhan: hanya demo yang menampilkan ini.</translation>
    </message>
</context>
<context>
    <name>KioskFlow</name>
    <message>
        <source>You have {count} stamp left.</source>
        <translation>Sisa stamp Anda {count}.</translation>
    </message>
    <message>
        <source>You have {count} stamps left.</source>
        <translation>Sisa stamp Anda {count}.</translation>
    </message>
    <message>
        <source>This code is for the cashier. Please show it at the counter.</source>
        <translation>Kode ini untuk kasir. Silakan tunjukkan ke kasir.</translation>
    </message>
    <message>
        <source>Your card was not read. Please scan it again.</source>
        <translation>Kartu Anda tidak terbaca. Silakan pindai lagi.</translation>
    </message>
    <message>
        <source>A card was scanned while the kiosk was starting. Please scan it again.</source>
        <translation>Ada kartu yang dipindai saat kios sedang dimulai. Silakan pindai lagi.</translation>
    </message>
</context>
<context>
    <name>KioskHandoverDialog</name>
    <message>
        <source>Kiosk redemption</source>
        <translation>Penukaran di kios</translation>
    </message>
    <message>
        <source>Mark handed over</source>
        <translation>Tandai sudah diserahkan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Kiosk {reference}</source>
        <translation>Kios {reference}</translation>
    </message>
    <message>
        <source>Member: {name}</source>
        <translation>Member: {name}</translation>
    </message>
    <message>
        <source>Reward: {what}</source>
        <translation>Hadiah: {what}</translation>
    </message>
    <message>
        <source>Made at: {time}</source>
        <translation>Dibuat: {time}</translation>
    </message>
    <message>
        <source>Handed over by {who} at {time}.</source>
        <translation>Sudah diserahkan oleh {who} pada {time}.</translation>
    </message>
</context>
<context>
    <name>KioskKeypad</name>
    <message>
        <source>Clear all</source>
        <translation>Hapus semua</translation>
    </message>
    <message>
        <source>Delete last digit</source>
        <translation>Hapus angka terakhir</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>KioskManagerPage</name>
    <message>
        <source>Leave kiosk mode</source>
        <translation>Keluar dari mode kios</translation>
    </message>
    <message>
        <source>Back to the kiosk</source>
        <translation>Kembali ke kios</translation>
    </message>
    <message>
        <source>Card not read, and the PIN emptied: type the PIN again.</source>
        <translation>Kartu tidak terbaca, dan PIN dikosongkan: ketik PIN lagi.</translation>
    </message>
    <message>
        <source>Manager: who are you?</source>
        <translation>Manajer: siapa Anda?</translation>
    </message>
    <message>
        <source>No manager account on this till. Add one with: stamps-pos manager add</source>
        <translation>Belum ada akun manajer di mesin kasir ini. Tambahkan dengan: stamps-pos manager add</translation>
    </message>
    <message>
        <source>{name}: checking your PIN…</source>
        <translation>{name}: memeriksa PIN Anda…</translation>
    </message>
    <message>
        <source>{name}: enter your PIN</source>
        <translation>{name}: masukkan PIN Anda</translation>
    </message>
    <message>
        <source>Manager {name}</source>
        <translation>Manajer {name}</translation>
    </message>
    <message>
        <source>{fact}: leave kiosk mode and set the time.</source>
        <translation>{fact}: keluar dari mode kios dan atur waktunya.</translation>
    </message>
</context>
<context>
    <name>KioskNoticePage</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Redemptions are paused</source>
        <translation>Penukaran sedang dijeda</translation>
    </message>
    <message>
        <source>Please ask at the counter</source>
        <translation>Silakan tanya di kasir</translation>
    </message>
    <message>
        <source>Please scan your card</source>
        <translation>Silakan pindai kartu Anda</translation>
    </message>
</context>
<context>
    <name>KioskPhonePage</name>
    <message>
        <source>Enter your phone number</source>
        <translation>Masukkan nomor HP Anda</translation>
    </message>
    <message>
        <source>For members with a PIN. Otherwise, please scan your card.</source>
        <translation>Untuk member yang punya PIN. Selain itu, silakan pindai kartu Anda.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
</context>
<context>
    <name>KioskPickup</name>
    <message>
        <source>Kiosk redemption</source>
        <translation>Penukaran di kios</translation>
    </message>
</context>
<context>
    <name>KioskPinPage</name>
    <message>
        <source>Enter your PIN</source>
        <translation>Masukkan PIN Anda</translation>
    </message>
    <message>
        <source>Your 6-digit Stamps PIN</source>
        <translation>PIN Stamps Anda, 6 angka</translation>
    </message>
    <message>
        <source>Checking your PIN…</source>
        <translation>Memeriksa PIN Anda…</translation>
    </message>
    <message>
        <source>Card not read. Finish the PIN, or tap Cancel.</source>
        <translation>Kartu tidak terbaca. Selesaikan PIN, atau ketuk Batal.</translation>
    </message>
</context>
<context>
    <name>KioskResultPage</name>
    <message>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Redeemed!</source>
        <translation>Berhasil ditukar!</translation>
    </message>
    <message>
        <source>Please ask at the counter</source>
        <translation>Silakan tanya di kasir</translation>
    </message>
    <message>
        <source>Not redeemed</source>
        <translation>Tidak ditukar</translation>
    </message>
    <message>
        <source>Show this to the cashier</source>
        <translation>Tunjukkan ini ke kasir</translation>
    </message>
    <message>
        <source>Reference {reference}</source>
        <translation>Referensi {reference}</translation>
    </message>
    <message>
        <source>QR code for the cashier</source>
        <translation>Kode QR untuk kasir</translation>
    </message>
</context>
<context>
    <name>KioskRewardsPage</name>
    <message>
        <source>You cannot redeem a reward here yet. Collect more stamps!</source>
        <translation>Belum ada hadiah yang bisa ditukar di sini. Kumpulkan stamp lagi!</translation>
    </message>
    <message>
        <source>Some rewards could not be shown. Ask at the counter.</source>
        <translation>Beberapa hadiah tidak dapat ditampilkan. Silakan tanya di kasir.</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Sebelumnya</translation>
    </message>
    <message>
        <source>More rewards</source>
        <translation>Hadiah lainnya</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>No reward can be redeemed at this kiosk. Please ask at the counter.</source>
        <translation>Tidak ada hadiah yang bisa ditukar di kios ini. Silakan tanya di kasir.</translation>
    </message>
    <message>
        <source>Hi, {name}!</source>
        <translation>Halo, {name}!</translation>
    </message>
    <message>
        <source>Hi!</source>
        <translation>Halo!</translation>
    </message>
    <message>
        <source>You have {count} stamp</source>
        <translation>Stamp Anda: {count}</translation>
    </message>
    <message>
        <source>You have {count} stamps</source>
        <translation>Stamp Anda: {count}</translation>
    </message>
    <message>
        <source>{name}
{count} stamp</source>
        <translation>{name}
{count} stamp</translation>
    </message>
    <message>
        <source>{name}
{count} stamps</source>
        <translation>{name}
{count} stamp</translation>
    </message>
</context>
<context>
    <name>KioskWelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation>Selamat datang</translation>
    </message>
    <message>
        <source>Starting, one moment please…</source>
        <translation>Sedang dimulai, mohon tunggu sebentar…</translation>
    </message>
    <message>
        <source>Scan your card or enter your phone number</source>
        <translation>Pindai kartu Anda atau masukkan nomor HP Anda</translation>
    </message>
    <message>
        <source>Redemptions are paused — please ask at the counter.</source>
        <translation>Penukaran sedang dijeda — silakan tanya di kasir.</translation>
    </message>
    <message>
        <source>Enter phone number</source>
        <translation>Masukkan nomor HP</translation>
    </message>
</context>
<context>
    <name>KioskWorkingPage</name>
    <message>
        <source>One moment, please…</source>
        <translation>Mohon tunggu sebentar…</translation>
    </message>
</context>
<context>
    <name>ManagerModeController</name>
    <message>
        <source>Manager mode ended after {minutes} minutes unused.</source>
        <translation>Mode manajer berakhir setelah {minutes} menit tidak dipakai.</translation>
    </message>
    <message>
        <source>Manager mode ended</source>
        <translation>Mode manajer berakhir</translation>
    </message>
    <message>
        <source>The form that was open is closed, and nothing typed in it was saved.</source>
        <translation>Formulir yang terbuka sudah ditutup, dan tidak ada isian di dalamnya yang disimpan.</translation>
    </message>
</context>
<context>
    <name>ManagerPageView</name>
    <message>
        <source>Settings…</source>
        <translation>Pengaturan…</translation>
    </message>
    <message>
        <source>Leave manager mode</source>
        <translation>Keluar dari mode manajer</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Riwayat</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>Pengecualian</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Log audit</translation>
    </message>
    <message>
        <source>End of day</source>
        <translation>Tutup hari</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <source>Manager mode: {name}</source>
        <translation>Mode manajer: {name}</translation>
    </message>
    <message>
        <source>It ends on “Leave manager mode”, or after {minutes} minutes unused.</source>
        <translation>Berakhir lewat “Keluar dari mode manajer”, atau setelah {minutes} menit tidak dipakai.</translation>
    </message>
    <message>
        <source>Exceptions ({count})</source>
        <translation>Pengecualian ({count})</translation>
    </message>
</context>
<context>
    <name>ManagerSignInDialog</name>
    <message>
        <source>Manager mode</source>
        <translation>Mode manajer</translation>
    </message>
    <message>
        <source>Manager sign-in</source>
        <translation>Masuk sebagai manajer</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Manajer</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Enter manager mode</source>
        <translation>Masuk mode manajer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>ManagerWords</name>
    <message>
        <source>This is longer than {limit} characters.</source>
        <translation>Ini lebih dari {limit} karakter.</translation>
    </message>
    <message>
        <source>A name, email, ID, phone or card has no such characters.</source>
        <translation>Nama, email, ID, HP, atau kartu tidak memuat karakter ini.</translation>
    </message>
    <message>
        <source>An email, member ID, phone or card number has no such characters.</source>
        <translation>Email, ID member, nomor HP, atau nomor kartu tidak memuat karakter seperti itu.</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Antre</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Sedang dikirim</translation>
    </message>
    <message>
        <source>Not confirmed</source>
        <translation>Belum dikonfirmasi</translation>
    </message>
    <message>
        <source>Confirmed by the server</source>
        <translation>Dikonfirmasi server</translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <translation>Ditolak server</translation>
    </message>
    <message>
        <source>“Member” is longer than {limit} characters.</source>
        <translation>“Member” lebih dari {limit} karakter.</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Dikonfirmasi</translation>
    </message>
    <message>
        <source>Refused at the counter</source>
        <translation>Ditolak di kasir</translation>
    </message>
    <message>
        <source>Not redeemed</source>
        <translation>Tidak ditukar</translation>
    </message>
    <message>
        <source>Closed or sent again</source>
        <translation>Ditutup atau dikirim ulang</translation>
    </message>
    <message>
        <source>Voided (never sent)</source>
        <translation>Dibatalkan (tidak pernah dikirim)</translation>
    </message>
    <message>
        <source>Dismissed by a manager</source>
        <translation>Ditutup oleh manajer</translation>
    </message>
    <message>
        <source>Cart of several rewards</source>
        <translation>Keranjang berisi beberapa hadiah</translation>
    </message>
    <message>
        <source>Cart of {count} rewards</source>
        <translation>Keranjang berisi {count} hadiah</translation>
    </message>
    <message>
        <source>no: accepted to send again</source>
        <translation>tidak: diterima untuk dikirim ulang</translation>
    </message>
    <message>
        <source>Not sent: only the dashboard can cancel</source>
        <translation>Tidak dikirim: hanya dashboard yang dapat membatalkan</translation>
    </message>
    <message>
        <source>cancel</source>
        <translation>pembatalan</translation>
    </message>
    <message>
        <source>{n} stamp</source>
        <translation>{n} stamp</translation>
    </message>
    <message>
        <source>{n} stamps</source>
        <translation>{n} stamp</translation>
    </message>
    <message>
        <source>Expired (never sent)</source>
        <translation>Kedaluwarsa (tidak pernah dikirim)</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>Hadiah</translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation>Voucher</translation>
    </message>
    <message>
        <source>Amount from a balance voucher</source>
        <translation>Potongan dari voucher saldo</translation>
    </message>
    <message>
        <source>Voucher code</source>
        <translation>Kode voucher</translation>
    </message>
    <message>
        <source>Promo code</source>
        <translation>Kode promo</translation>
    </message>
    <message>
        <source>Cancellation</source>
        <translation>Pembatalan</translation>
    </message>
    <message>
        <source>Cancel of {what}</source>
        <translation>Pembatalan {what}</translation>
    </message>
    <message>
        <source>Cancel of server redemption {id}</source>
        <translation>Pembatalan penukaran server {id}</translation>
    </message>
    <message>
        <source>Not known to this till</source>
        <translation>Tidak dikenal mesin kasir ini</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <source>no</source>
        <translation>tidak</translation>
    </message>
    <message>
        <source>role</source>
        <translation>peran</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>alasan</translation>
    </message>
    <message>
        <source>it was paused for</source>
        <translation>tadinya dijeda karena</translation>
    </message>
    <message>
        <source>note</source>
        <translation>catatan</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nama</translation>
    </message>
    <message>
        <source>new name</source>
        <translation>nama baru</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>first manager</source>
        <translation>manajer pertama</translation>
    </message>
    <message>
        <source>locked until</source>
        <translation>terkunci sampai</translation>
    </message>
    <message>
        <source>replacement voucher</source>
        <translation>voucher pengganti</translation>
    </message>
    <message>
        <source>server redemption id</source>
        <translation>ID penukaran di server</translation>
    </message>
    <message>
        <source>cancel entry</source>
        <translation>entri pembatalan</translation>
    </message>
    <message>
        <source>new entry</source>
        <translation>entri baru</translation>
    </message>
    <message>
        <source>added</source>
        <translation>ditambahkan</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>dilewati</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>hasil</translation>
    </message>
    <message>
        <source>error</source>
        <translation>galat</translation>
    </message>
    <message>
        <source>line</source>
        <translation>baris</translation>
    </message>
    <message>
        <source>from</source>
        <translation>dari</translation>
    </message>
    <message>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <source>settings</source>
        <translation>pengaturan</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>referensi</translation>
    </message>
    <message>
        <source>what</source>
        <translation>isi</translation>
    </message>
    <message>
        <source>file</source>
        <translation>berkas</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>baris</translation>
    </message>
    <message>
        <source>open shifts closed</source>
        <translation>shift terbuka ditutup</translation>
    </message>
    <message>
        <source>shift</source>
        <translation>shift</translation>
    </message>
    <message>
        <source>opened</source>
        <translation>dibuka</translation>
    </message>
    <message>
        <source>the audit log</source>
        <translation>log audit</translation>
    </message>
    <message>
        <source>the day&apos;s summary</source>
        <translation>ringkasan harian</translation>
    </message>
    <message>
        <source>the day&apos;s redemptions</source>
        <translation>penukaran harian</translation>
    </message>
    <message>
        <source>the shift&apos;s redemptions</source>
        <translation>penukaran shift</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>manajer</translation>
    </message>
    <message>
        <source>cashier</source>
        <translation>kasir</translation>
    </message>
    <message>
        <source>wrong PIN</source>
        <translation>PIN salah</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Dibuat</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Kasir</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>{when} by {who}</source>
        <translation>{when} oleh {who}</translation>
    </message>
    <message>
        <source>Cancelled: the Stamps server confirmed the cancel</source>
        <translation>Dibatalkan: server Stamps mengonfirmasi pembatalannya</translation>
    </message>
    <message>
        <source>Cancel pending: not sent to the Stamps server yet</source>
        <translation>Pembatalan menunggu: belum dikirim ke server Stamps</translation>
    </message>
    <message>
        <source>Accepted: the Stamps server answered but applied nothing yet; waiting to send</source>
        <translation>Diterima: server Stamps menjawab tetapi belum menerapkan apa pun; menunggu dikirim</translation>
    </message>
    <message>
        <source>Not confirmed: sent, and nothing showed whether it went through; the till sends it again</source>
        <translation>Belum dikonfirmasi: terkirim, tetapi tidak ada yang menunjukkan apakah sudah berhasil; mesin kasir mengirimnya lagi</translation>
    </message>
    <message>
        <source>Accepted: the Stamps server answered but applied nothing yet; being sent again</source>
        <translation>Diterima: server Stamps menjawab tetapi belum menerapkan apa pun; sedang dikirim lagi</translation>
    </message>
    <message>
        <source>Cancel pending: being sent to the Stamps server</source>
        <translation>Pembatalan menunggu: sedang dikirim ke server Stamps</translation>
    </message>
    <message>
        <source>Cancel not confirmed: until the till finds out, the redemption stands</source>
        <translation>Pembatalan belum dikonfirmasi: sampai mesin kasir memastikannya, penukaran tetap berlaku</translation>
    </message>
    <message>
        <source>Cancel refused: the redemption still stands</source>
        <translation>Pembatalan ditolak: penukaran tetap berlaku</translation>
    </message>
    <message>
        <source>Cancel closed by a manager: the redemption stands</source>
        <translation>Pembatalan ditutup oleh manajer: penukaran tetap berlaku</translation>
    </message>
    <message>
        <source>Cancel asked</source>
        <translation>Pembatalan diminta</translation>
    </message>
    <message>
        <source>Cancel confirmed</source>
        <translation>Pembatalan dikonfirmasi</translation>
    </message>
    <message>
        <source>Why the cancel was not sent</source>
        <translation>Mengapa pembatalan tidak dikirim</translation>
    </message>
    <message>
        <source>Why the cancel was refused</source>
        <translation>Alasan pembatalan ditolak</translation>
    </message>
    <message>
        <source>Cancel note</source>
        <translation>Catatan pembatalan</translation>
    </message>
    <message>
        <source>Replacement voucher</source>
        <translation>Voucher pengganti</translation>
    </message>
    <message>
        <source>asked for</source>
        <translation>diminta</translation>
    </message>
    <message>
        <source>Before the cancel</source>
        <translation>Sebelum dibatalkan</translation>
    </message>
    <message>
        <source>Cancelled before it was sent: nothing was redeemed</source>
        <translation>Dibatalkan sebelum dikirim: tidak ada yang ditukar</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>Marked applied by a manager: the Stamps server never confirmed it</source>
        <translation>Ditandai diproses oleh manajer: server Stamps tidak pernah mengonfirmasinya</translation>
    </message>
    <message>
        <source>Marked applied</source>
        <translation>Ditandai diproses</translation>
    </message>
    <message>
        <source>Sent again by a manager as a new redemption: this one is closed and not sent again</source>
        <translation>Dikirim ulang oleh manajer sebagai penukaran baru: yang ini ditutup dan tidak dikirim lagi</translation>
    </message>
    <message>
        <source>Sent again</source>
        <translation>Dikirim ulang</translation>
    </message>
    <message>
        <source>Dismissed by a manager: the till does not send it again</source>
        <translation>Kasus ditutup oleh manajer: mesin kasir tidak mengirimnya lagi</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>Kasus ditutup</translation>
    </message>
    <message>
        <source>Accepted offline: waiting to send</source>
        <translation>Diterima offline: menunggu dikirim</translation>
    </message>
    <message>
        <source>Queued: the Stamps server could not be reached yet</source>
        <translation>Antre: server Stamps belum bisa dihubungi</translation>
    </message>
    <message>
        <source>Queued: not sent yet</source>
        <translation>Antre: belum dikirim</translation>
    </message>
    <message>
        <source>Accepted offline: being sent to the Stamps server</source>
        <translation>Diterima offline: sedang dikirim ke server Stamps</translation>
    </message>
    <message>
        <source>Being sent to the Stamps server</source>
        <translation>Sedang dikirim ke server Stamps</translation>
    </message>
    <message>
        <source>Confirmed by a manager: the Stamps server never confirmed it</source>
        <translation>Dikonfirmasi manajer: server Stamps tidak pernah mengonfirmasinya</translation>
    </message>
    <message>
        <source>Cancelled on the Stamps server: found in the member&apos;s activity as cancelled</source>
        <translation>Dibatalkan di server Stamps: ditemukan di aktivitas member sebagai dibatalkan</translation>
    </message>
    <message>
        <source>Counted as confirmed: found in the member&apos;s activity, with a status the till does not know</source>
        <translation>Dihitung sebagai dikonfirmasi: ditemukan di aktivitas member, dengan status yang tidak dikenal mesin kasir</translation>
    </message>
    <message>
        <source>Counted as confirmed: found in the member&apos;s activity before the till kept its status</source>
        <translation>Dihitung sebagai dikonfirmasi: ditemukan di aktivitas member sebelum mesin kasir menyimpan statusnya</translation>
    </message>
    <message>
        <source>Confirmed: found in the member&apos;s activity</source>
        <translation>Dikonfirmasi: ditemukan di aktivitas member</translation>
    </message>
    <message>
        <source>Not confirmed: the till could not prove whether the server applied it</source>
        <translation>Belum dikonfirmasi: mesin kasir tidak bisa memastikan apakah server memprosesnya</translation>
    </message>
    <message>
        <source>Refused by the server: nothing was redeemed</source>
        <translation>Ditolak server: tidak ada yang ditukar</translation>
    </message>
    <message>
        <source>Not redeemed: the till&apos;s offline rules did not allow it</source>
        <translation>Tidak ditukar: aturan offline mesin kasir tidak mengizinkannya</translation>
    </message>
    <message>
        <source>Not sent in time: the kiosk told the customer to ask at the counter; nothing was redeemed</source>
        <translation>Tidak terkirim tepat waktu: kios meminta pelanggan bertanya di kasir; tidak ada yang ditukar</translation>
    </message>
    <message>
        <source>PIN authorisation ran out: nothing was redeemed</source>
        <translation>Otorisasi PIN sudah habis: tidak ada yang ditukar</translation>
    </message>
    <message>
        <source>Cancel not sent: the redemption stands until it is cancelled on the Stamps dashboard</source>
        <translation>Pembatalan tidak dikirim: penukaran tetap berlaku sampai dibatalkan lewat dashboard Stamps</translation>
    </message>
    <message>
        <source>Cancel refused: the Stamps server has no redemption by this id</source>
        <translation>Pembatalan ditolak: server Stamps tidak punya penukaran dengan ID ini</translation>
    </message>
    <message>
        <source>Not sent: there was nothing left to cancel</source>
        <translation>Tidak dikirim: tidak ada lagi yang bisa dibatalkan</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Marked applied by a manager</source>
        <translation>Ditandai diproses oleh manajer</translation>
    </message>
    <message>
        <source>not known: a manager marked it applied</source>
        <translation>tidak diketahui: manajer menandainya diproses</translation>
    </message>
    <message>
        <source>not known: found in the member&apos;s activity, cancelled there</source>
        <translation>tidak diketahui: ditemukan di aktivitas member, dibatalkan di sana</translation>
    </message>
    <message>
        <source>not known: confirmed from the member&apos;s activity</source>
        <translation>tidak diketahui: dikonfirmasi dari aktivitas member</translation>
    </message>
    <message>
        <source>none (not redeemed)</source>
        <translation>tidak ada (tidak ditukar)</translation>
    </message>
    <message>
        <source>none (never sent)</source>
        <translation>tidak ada (tidak pernah dikirim)</translation>
    </message>
    <message>
        <source>none (refused)</source>
        <translation>tidak ada (ditolak)</translation>
    </message>
    <message>
        <source>none: the redemption was confirmed without one; cancel it on the Stamps dashboard</source>
        <translation>tidak ada: penukarannya dikonfirmasi tanpa ID; batalkan lewat dashboard Stamps</translation>
    </message>
    <message>
        <source>not known: a manager closed it</source>
        <translation>tidak diketahui: manajer menutupnya</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Dikirim</translation>
    </message>
    <message>
        <source>{tries} times; {unlisted} of them never reached the Stamps server and are counted, not listed</source>
        <translation>{tries} kali; {unlisted} di antaranya tidak pernah sampai ke server Stamps dan dihitung, tidak dicantumkan satu per satu</translation>
    </message>
    <message>
        <source>Counted, not listed: {count} attempts like this, first to last</source>
        <translation>Dihitung, tidak dicantumkan: {count} percobaan seperti ini, dari yang pertama sampai yang terakhir</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>Diminta oleh</translation>
    </message>
    <message>
        <source>Stamps</source>
        <translation>Stamp</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>No. struk</translation>
    </message>
    <message>
        <source>yes: the Stamps server answered but applied nothing yet</source>
        <translation>ya: server Stamps menjawab tetapi belum menerapkan apa pun</translation>
    </message>
    <message>
        <source>none</source>
        <translation>tidak ada</translation>
    </message>
    <message>
        <source>Server redemption id</source>
        <translation>ID penukaran di server</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>belum ada</translation>
    </message>
    <message>
        <source>Accepted before the server&apos;s answer</source>
        <translation>Diterima sebelum jawaban server</translation>
    </message>
    <message>
        <source>yes: the Stamps server had asked for it again; the till was not offline</source>
        <translation>ya: server Stamps sempat memintanya dikirim lagi; mesin kasir tidak sedang offline</translation>
    </message>
    <message>
        <source>Accepted offline</source>
        <translation>Diterima offline</translation>
    </message>
    <message>
        <source>Found in the member&apos;s activity</source>
        <translation>Ditemukan di aktivitas member</translation>
    </message>
    <message>
        <source>Manager&apos;s note</source>
        <translation>Catatan manajer</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Galat terakhir</translation>
    </message>
    <message>
        <source>Sent again from</source>
        <translation>Kiriman ulang dari</translation>
    </message>
    <message>
        <source>Sent again as</source>
        <translation>Dikirim ulang sebagai</translation>
    </message>
    <message>
        <source>Member&apos;s PIN</source>
        <translation>PIN member</translation>
    </message>
    <message>
        <source>authorised by the member&apos;s PIN</source>
        <translation>diotorisasi dengan PIN member</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Entri</translation>
    </message>
    <message>
        <source>not ended</source>
        <translation>belum selesai</translation>
    </message>
    <message>
        <source>not a name</source>
        <translation>bukan nama</translation>
    </message>
    <message>
        <source>no such account</source>
        <translation>akun tidak ada</translation>
    </message>
    <message>
        <source>account disabled</source>
        <translation>akun dinonaktifkan</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>terkunci</translation>
    </message>
    <message>
        <source>no PIN typed</source>
        <translation>PIN tidak diketik</translation>
    </message>
    <message>
        <source>left</source>
        <translation>keluar</translation>
    </message>
    <message>
        <source>idle too long</source>
        <translation>terlalu lama tidak dipakai</translation>
    </message>
    <message>
        <source>another manager signed in</source>
        <translation>manajer lain masuk</translation>
    </message>
    <message>
        <source>back to the kiosk</source>
        <translation>kembali ke kios</translation>
    </message>
    <message>
        <source>command line finished</source>
        <translation>perintah baris perintah selesai</translation>
    </message>
    <message>
        <source>signed in</source>
        <translation>masuk</translation>
    </message>
    <message>
        <source>sign-in refused</source>
        <translation>masuk ditolak</translation>
    </message>
    <message>
        <source>sign-in while locked</source>
        <translation>mencoba masuk saat terkunci</translation>
    </message>
    <message>
        <source>left manager mode</source>
        <translation>keluar dari mode manajer</translation>
    </message>
    <message>
        <source>cancel by server id</source>
        <translation>pembatalan dengan ID server</translation>
    </message>
    <message>
        <source>voided</source>
        <translation>dibatalkan sebelum dikirim</translation>
    </message>
    <message>
        <source>not redeemed: the offline rules did not allow it</source>
        <translation>tidak ditukar: aturan offline tidak mengizinkannya</translation>
    </message>
    <message>
        <source>sent again</source>
        <translation>dikirim ulang</translation>
    </message>
    <message>
        <source>marked applied</source>
        <translation>ditandai diproses</translation>
    </message>
    <message>
        <source>dismissed</source>
        <translation>kasus ditutup</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>diimpor</translation>
    </message>
    <message>
        <source>found in the member&apos;s activity</source>
        <translation>ditemukan di aktivitas member</translation>
    </message>
    <message>
        <source>sync paused</source>
        <translation>sinkronisasi dijeda</translation>
    </message>
    <message>
        <source>sync resumed</source>
        <translation>sinkronisasi berjalan lagi</translation>
    </message>
    <message>
        <source>late answer set aside</source>
        <translation>jawaban terlambat disisihkan</translation>
    </message>
    <message>
        <source>cashiers imported</source>
        <translation>kasir diimpor</translation>
    </message>
    <message>
        <source>manager added</source>
        <translation>manajer ditambahkan</translation>
    </message>
    <message>
        <source>cashier added</source>
        <translation>kasir ditambahkan</translation>
    </message>
    <message>
        <source>manager renamed</source>
        <translation>nama manajer diganti</translation>
    </message>
    <message>
        <source>cashier renamed</source>
        <translation>nama kasir diganti</translation>
    </message>
    <message>
        <source>manager disabled</source>
        <translation>manajer dinonaktifkan</translation>
    </message>
    <message>
        <source>cashier disabled</source>
        <translation>kasir dinonaktifkan</translation>
    </message>
    <message>
        <source>manager enabled</source>
        <translation>manajer diaktifkan</translation>
    </message>
    <message>
        <source>cashier enabled</source>
        <translation>kasir diaktifkan</translation>
    </message>
    <message>
        <source>manager&apos;s PIN set</source>
        <translation>PIN manajer diatur</translation>
    </message>
    <message>
        <source>cashier&apos;s PIN set</source>
        <translation>PIN kasir diatur</translation>
    </message>
    <message>
        <source>cashier&apos;s PIN removed</source>
        <translation>PIN kasir dihapus</translation>
    </message>
    <message>
        <source>kiosk reward handed over</source>
        <translation>hadiah kios sudah diserahkan</translation>
    </message>
    <message>
        <source>settings changed</source>
        <translation>pengaturan diubah</translation>
    </message>
    <message>
        <source>exported as CSV</source>
        <translation>diekspor sebagai CSV</translation>
    </message>
    <message>
        <source>shift closed</source>
        <translation>shift ditutup</translation>
    </message>
    <message>
        <source>till</source>
        <comment>who: the till itself</comment>
        <translation>mesin kasir</translation>
    </message>
    <message>
        <source>sync</source>
        <comment>who: the till&apos;s sync</comment>
        <translation>sinkronisasi</translation>
    </message>
    <message>
        <source>settings</source>
        <comment>who: a change of the settings</comment>
        <translation>pengaturan</translation>
    </message>
    <message>
        <source>left kiosk mode</source>
        <translation>keluar dari mode kios</translation>
    </message>
</context>
<context>
    <name>MemberCard</name>
    <message>
        <source>PIN required</source>
        <translation>Perlu PIN</translation>
    </message>
    <message>
        <source>BLOCKED — no redemptions</source>
        <translation>DIBLOKIR — tidak bisa menukar</translation>
    </message>
    <message>
        <source>No member yet.
Scan a card or search (F2).</source>
        <translation>Belum ada member.
Pindai kartu atau cari (F2).</translation>
    </message>
    <message>
        <source>No member</source>
        <translation>Tidak ada member</translation>
    </message>
    <message>
        <source>{stamps} stamps</source>
        <translation>{stamps} stamp</translation>
    </message>
    <message>
        <source>{stamps} stamp</source>
        <translation>{stamps} stamp</translation>
    </message>
    <message>
        <source>Projected: the last balance read, less redemptions not yet in it</source>
        <translation>Perkiraan: saldo terakhir dikurangi penukaran yang belum masuk</translation>
    </message>
    <message>
        <source>PIN blocked</source>
        <translation>PIN diblokir</translation>
    </message>
    <message>
        <source>Offline copy — as of {time}</source>
        <translation>Salinan offline — per {time}</translation>
    </message>
    <message>
        <source>Member {name}</source>
        <translation>Member {name}</translation>
    </message>
</context>
<context>
    <name>MemberController</name>
    <message>
        <source>Card not read (“{code}”): let go of Shift, then scan it again.</source>
        <translation>Kartu tidak terbaca (“{code}”): lepaskan Shift, lalu pindai lagi.</translation>
    </message>
    <message>
        <source>Card not read (“{code}”): the scanner&apos;s keyboard layout is not the till&apos;s.</source>
        <translation>Kartu tidak terbaca (“{code}”): tata letak keyboard pemindai tidak sama dengan kasir.</translation>
    </message>
    <message>
        <source>The Stamps server answers again: press Enter to look up “{query}”.</source>
        <translation>Server Stamps menjawab lagi: tekan Enter untuk mencari “{query}”.</translation>
    </message>
    <message>
        <source>Looking up…</source>
        <translation>Mencari…</translation>
    </message>
</context>
<context>
    <name>MemberSearch</name>
    <message>
        <source>Member (F2)</source>
        <translation>Member (F2)</translation>
    </message>
    <message>
        <source>Name, phone, email, ID</source>
        <translation>Nama, HP, email, ID</translation>
    </message>
    <message>
        <source>Name, phone, ID</source>
        <translation>Nama, HP, ID</translation>
    </message>
    <message>
        <source>Member search</source>
        <translation>Cari member</translation>
    </message>
    <message>
        <source>Member suggestions</source>
        <translation>Saran member</translation>
    </message>
</context>
<context>
    <name>OfflineCopy</name>
    <message>
        <source>Offline copy of the rewards, as of {time}.</source>
        <translation>Salinan offline hadiah, per {time}.</translation>
    </message>
    <message>
        <source>Offline copy of this member&apos;s vouchers, as of {time}.</source>
        <translation>Salinan offline voucher member ini, per {time}.</translation>
    </message>
</context>
<context>
    <name>OsReason</name>
    <message>
        <source>Permission denied</source>
        <translation>izin ditolak</translation>
    </message>
    <message>
        <source>Operation not permitted</source>
        <translation>tindakan tidak diizinkan</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>berkas atau folder tidak ada</translation>
    </message>
    <message>
        <source>No space left on device</source>
        <translation>ruang disk habis</translation>
    </message>
    <message>
        <source>Disk quota exceeded</source>
        <translation>kuota disk terlampaui</translation>
    </message>
    <message>
        <source>Read-only file system</source>
        <translation>sistem berkas hanya-baca</translation>
    </message>
    <message>
        <source>Is a directory</source>
        <translation>itu sebuah folder</translation>
    </message>
    <message>
        <source>Not a directory</source>
        <translation>bukan sebuah folder</translation>
    </message>
    <message>
        <source>Input/output error</source>
        <translation>kesalahan baca/tulis disk</translation>
    </message>
    <message>
        <source>File exists</source>
        <translation>berkas sudah ada</translation>
    </message>
    <message>
        <source>Directory not empty</source>
        <translation>folder tidak kosong</translation>
    </message>
    <message>
        <source>Too many open files</source>
        <translation>terlalu banyak berkas terbuka</translation>
    </message>
    <message>
        <source>File name too long</source>
        <translation>nama berkas terlalu panjang</translation>
    </message>
    <message>
        <source>Too many levels of symbolic links</source>
        <translation>terlalu banyak tingkat tautan simbolik</translation>
    </message>
    <message>
        <source>Device or resource busy</source>
        <translation>perangkat sedang dipakai</translation>
    </message>
    <message>
        <source>File too large</source>
        <translation>berkas terlalu besar</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <source>Waiting its turn…</source>
        <translation>Menunggu giliran…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Mengirim…</translation>
    </message>
    <message>
        <source>Accepted — will sync</source>
        <translation>Diterima — akan disinkronkan</translation>
    </message>
    <message>
        <source>Sent again — NOT CONFIRMED</source>
        <translation>Dikirim ulang — BELUM DIKONFIRMASI</translation>
    </message>
    <message>
        <source>Offline — NOT CONFIRMED</source>
        <translation>Offline — BELUM DIKONFIRMASI</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Dikonfirmasi</translation>
    </message>
    <message>
        <source>Offline — will sync</source>
        <translation>Offline — akan sinkron</translation>
    </message>
    <message>
        <source>NOT CONFIRMED</source>
        <translation>BELUM DIKONFIRMASI</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Ditolak</translation>
    </message>
    <message>
        <source>Not redeemed</source>
        <translation>Tidak ditukar</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Ditutup</translation>
    </message>
</context>
<context>
    <name>PeopleController</name>
    <message>
        <source>disabled</source>
        <translation>dinonaktifkan</translation>
    </message>
    <message>
        <source>locked until {time}</source>
        <translation>terkunci sampai {time}</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktif</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <source>no</source>
        <translation>tidak</translation>
    </message>
    <message>
        <source>A manager changes the accounts.</source>
        <translation>Manajer yang mengubah akun.</translation>
    </message>
    <message>
        <source>Disable {name}?</source>
        <translation>Nonaktifkan {name}?</translation>
    </message>
    <message>
        <source>{name}&apos;s shift is open on this till. Disabling {name} closes it now; its redemptions stay theirs.</source>
        <translation>Shift {name} masih terbuka di mesin kasir ini. Menonaktifkan {name} menutupnya sekarang; penukarannya tetap tercatat atas namanya.</translation>
    </message>
    <message>
        <source>Disable and close the shift</source>
        <translation>Nonaktifkan dan tutup shift</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <source>The two PINs differ: type the same PIN twice.</source>
        <translation>Kedua PIN berbeda: ketik PIN yang sama dua kali.</translation>
    </message>
    <message>
        <source>{name} is added.</source>
        <translation>{name} sudah ditambahkan.</translation>
    </message>
    <message>
        <source>{old} is now called {name}.</source>
        <translation>{old} sekarang bernama {name}.</translation>
    </message>
    <message>
        <source>{name}&apos;s new PIN is saved.</source>
        <translation>PIN baru {name} tersimpan.</translation>
    </message>
    <message>
        <source>{name}&apos;s PIN is removed.</source>
        <translation>PIN {name} sudah dihapus.</translation>
    </message>
    <message>
        <source>{name} is disabled.</source>
        <translation>{name} sudah dinonaktifkan.</translation>
    </message>
    <message>
        <source>{name} is enabled.</source>
        <translation>{name} sudah diaktifkan.</translation>
    </message>
</context>
<context>
    <name>PeopleView</name>
    <message>
        <source>Add…</source>
        <translation>Tambah…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Ganti nama…</translation>
    </message>
    <message>
        <source>Set PIN…</source>
        <translation>Atur PIN…</translation>
    </message>
    <message>
        <source>Remove PIN</source>
        <translation>Hapus PIN</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Nonaktifkan</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Aktifkan</translation>
    </message>
    <message>
        <source>Managers</source>
        <translation>Manajer</translation>
    </message>
    <message>
        <source>Cashiers</source>
        <translation>Kasir</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Akun</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Member PIN</source>
        <translation>PIN member</translation>
    </message>
    <message>
        <source>PIN for {name}</source>
        <translation>PIN untuk {name}</translation>
    </message>
    <message>
        <source>Checking the PIN…</source>
        <translation>Memeriksa PIN…</translation>
    </message>
</context>
<context>
    <name>PinDots</name>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>{filled} of {total} digits entered</source>
        <translation>{filled} dari {total} angka terisi</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Customer: enter your 6-digit PIN</source>
        <translation>Pelanggan: masukkan 6 angka PIN Anda</translation>
    </message>
    <message>
        <source>Card not read: finish the PIN first.</source>
        <translation>Kartu tidak terbaca: selesaikan PIN dulu.</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>Hapus semua</translation>
    </message>
    <message>
        <source>Delete last digit</source>
        <translation>Hapus angka terakhir</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>1 attempt left</source>
        <translation>Sisa 1 kali percobaan</translation>
    </message>
    <message>
        <source>{count} attempts left</source>
        <translation>Sisa {count} kali percobaan</translation>
    </message>
</context>
<context>
    <name>PromoController</name>
    <message>
        <source>Find the member first (F2): promo code {code} waits in Promo (F5) and is redeemed for the member found next.</source>
        <translation>Cari member dulu (F2): kode promo {code} menunggu di Promo (F5) dan ditukarkan untuk member yang ditemukan berikutnya.</translation>
    </message>
    <message>
        <source>Nothing was sent to Stamps yet. Scan or search the customer&apos;s card: the promo goes once they are on screen.</source>
        <translation>Belum ada yang dikirim ke Stamps. Pindai atau cari kartu pelanggan: promo dikirim begitu mereka tampil di layar.</translation>
    </message>
    <message>
        <source>Enter: redeem the promo</source>
        <translation>Enter: tukar promonya</translation>
    </message>
    <message>
        <source>A promo code needs the invoice number of this sale.</source>
        <translation>Kode promo memerlukan nomor struk penjualan ini.</translation>
    </message>
    <message>
        <source>Type the invoice number (F6) and press Enter, or scan the receipt: the promo is redeemed with it.</source>
        <translation>Ketik nomor struk (F6) lalu tekan Enter, atau pindai struknya: promonya ditukarkan dengan nomor itu.</translation>
    </message>
    <message>
        <source>If it is this sale&apos;s, press Enter in the invoice field to use it for {name}: the promo is redeemed with it. If not, type or scan this sale&apos;s (F6).</source>
        <translation>Jika itu struk penjualan ini, tekan Enter di kolom nomor struk untuk memakainya bagi {name}: promonya ditukarkan dengan nomor itu. Jika bukan, ketik atau pindai nomor struk penjualan ini (F6).</translation>
    </message>
    <message>
        <source>The invoice number in the field is kept for the next customer: it was entered after this customer&apos;s last redemption was sent.</source>
        <translation>Nomor struk di kolom disimpan untuk pelanggan berikutnya: nomor itu dimasukkan setelah penukaran terakhir pelanggan ini dikirim.</translation>
    </message>
</context>
<context>
    <name>PromoPanel</name>
    <message>
        <source>Promo code</source>
        <translation>Kode promo</translation>
    </message>
    <message>
        <source>Type or scan a code</source>
        <translation>Ketik atau pindai kode</translation>
    </message>
    <message>
        <source>Redeem promo</source>
        <translation>Tukar promo</translation>
    </message>
    <message>
        <source>A promo code needs the invoice number of this sale (F6).</source>
        <translation>Kode promo memerlukan nomor struk penjualan ini (F6).</translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <source>&amp;Select All</source>
        <translation>&amp;Pilih Semua</translation>
    </message>
    <message>
        <source>&amp;Step up</source>
        <translation>&amp;Naik</translation>
    </message>
    <message>
        <source>Step &amp;down</source>
        <translation>T&amp;urun</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Cari di:</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>&amp;Nama berkas:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;Jenis berkas:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Simpan</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Buka</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;Pilih</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Simpan Sebagai</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Maju</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>Folder Induk</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>Maju</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation>Ke folder induk</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>Buat Folder Baru</translation>
    </message>
    <message>
        <source>Create a New Folder</source>
        <translation>Buat folder baru</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>Folder Baru</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>&amp;Folder Baru</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>Tampilan Daftar</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>Tampilan Rinci</translation>
    </message>
    <message>
        <source>Change to list view mode</source>
        <translation>Ganti ke tampilan daftar</translation>
    </message>
    <message>
        <source>Change to detail view mode</source>
        <translation>Ganti ke tampilan rinci</translation>
    </message>
    <message>
        <source>Recent Places</source>
        <translation>Tempat Terakhir</translation>
    </message>
    <message>
        <source>List of places and bookmarks</source>
        <translation>Daftar tempat dan penanda</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>Bilah samping</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>Find Directory</source>
        <translation>Cari Folder</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>Semua Berkas (*)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Semua berkas (*)</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Ganti Nama</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Hapus</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Buang dari daftar</translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>Tampilkan berkas &amp;tersembunyi</translation>
    </message>
    <message>
        <source>Are you sure you want to delete &apos;%1&apos;?</source>
        <translation>Yakin ingin menghapus &apos;%1&apos;?</translation>
    </message>
    <message>
        <source>Could not delete directory.</source>
        <translation>Folder tidak dapat dihapus.</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 sudah ada.
Ganti dengan yang baru?</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is write protected.
Do you want to delete it anyway?</source>
        <translation>&apos;%1&apos; dilindungi dari penulisan.
Tetap hapus?</translation>
    </message>
    <message>
        <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
        <translation>%1
Folder tidak ditemukan.
Periksa apakah nama foldernya benar.</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
Berkas tidak ditemukan.
Periksa apakah nama berkasnya benar.</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Ukuran</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipe</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>Tanggal Diubah</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Komputer</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation>Komputer Saya</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Urungkan</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Ulangi</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Po&amp;tong</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Salin</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>T&amp;empel</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Pilih Semua</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Simpan Semua</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Ya</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Ya untuk &amp;Semua</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Tidak</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>T&amp;idak untuk Semua</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Batalkan</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Coba Lagi</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Abaikan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Buang</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Bantuan</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Terapkan</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Atur Ulang</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Kembalikan Bawaan</translation>
    </message>
</context>
<context>
    <name>QTabBar</name>
    <message>
        <source>Scroll Left</source>
        <translation>Geser ke kiri</translation>
    </message>
    <message>
        <source>Scroll Right</source>
        <translation>Geser ke kanan</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Urungkan</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Ulangi</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Po&amp;tong</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Salin</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>T&amp;empel</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Pilih Semua</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>Salin &amp;Alamat Tautan</translation>
    </message>
</context>
<context>
    <name>RedemptionController</name>
    <message>
        <source>Find the member first (F2).</source>
        <translation>Cari member dulu (F2).</translation>
    </message>
    <message>
        <source>The next member is still being looked up: nothing was redeemed.</source>
        <translation>Member berikutnya masih dicari: tidak ada yang ditukar.</translation>
    </message>
    <message>
        <source>Redeem once the member you serve is on screen.</source>
        <translation>Tukarkan setelah member yang Anda layani tampil di layar.</translation>
    </message>
    <message>
        <source>Checking with the till…</source>
        <translation>Memeriksa di mesin kasir…</translation>
    </message>
    <message>
        <source>Nothing was redeemed, and nothing will be sent: redeem it again once the till can save. Tell the customer why.</source>
        <translation>Tidak ada yang ditukar, dan tidak ada yang akan dikirim: tukar lagi setelah mesin kasir bisa menyimpan. Beri tahu pelanggan alasannya.</translation>
    </message>
    <message>
        <source>Sending to Stamps…</source>
        <translation>Mengirim ke Stamps…</translation>
    </message>
    <message>
        <source>A manager cancelled this redemption: nothing of it stands, and its stamps are the member&apos;s again.</source>
        <translation>Manajer membatalkan penukaran ini: tidak ada yang berlaku, dan stamp-nya kembali menjadi milik member.</translation>
    </message>
</context>
<context>
    <name>ReferenceLines</name>
    <message>
        <source>Copy</source>
        <translation>Salin</translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <source>Accepted — will sync</source>
        <translation>Diterima — akan disinkronkan</translation>
    </message>
    <message>
        <source>NOT CONFIRMED — accepted to send again</source>
        <translation>BELUM DIKONFIRMASI — diterima untuk dikirim ulang</translation>
    </message>
    <message>
        <source>NOT CONFIRMED — accepted offline</source>
        <translation>BELUM DIKONFIRMASI — diterima offline</translation>
    </message>
    <message>
        <source>NOT CONFIRMED — do not apply the voucher yet</source>
        <translation>BELUM DIKONFIRMASI — jangan pakai vouchernya dulu</translation>
    </message>
    <message>
        <source>NOT CONFIRMED — do not take it off the bill yet</source>
        <translation>BELUM DIKONFIRMASI — jangan potong dari tagihan dulu</translation>
    </message>
    <message>
        <source>NOT CONFIRMED — do not apply the promo yet</source>
        <translation>BELUM DIKONFIRMASI — jangan terapkan promonya dulu</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Dikonfirmasi</translation>
    </message>
    <message>
        <source>Accepted offline — will sync</source>
        <translation>Diterima offline — akan disinkronkan</translation>
    </message>
    <message>
        <source>NOT CONFIRMED — do not hand over yet</source>
        <translation>BELUM DIKONFIRMASI — jangan serahkan dulu</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Ditolak</translation>
    </message>
    <message>
        <source>Not redeemed</source>
        <translation>Tidak ditukar</translation>
    </message>
    <message>
        <source>Closed by a manager</source>
        <translation>Ditutup oleh manajer</translation>
    </message>
    <message>
        <source>Working on it…</source>
        <translation>Sedang diproses…</translation>
    </message>
    <message>
        <source>Waiting for the PIN</source>
        <translation>Menunggu PIN</translation>
    </message>
    <message>
        <source>Not sent — the till needs something first</source>
        <translation>Belum dikirim — kasir perlu melengkapi sesuatu dulu</translation>
    </message>
    <message>
        <source>It was handed over when the till accepted it offline; the till is finding out whether the Stamps server has it.</source>
        <translation>Hadiahnya sudah diserahkan saat mesin kasir menerimanya secara offline; mesin kasir sedang memastikan apakah server Stamps sudah mencatatnya.</translation>
    </message>
    <message>
        <source>Hand over the reward.</source>
        <translation>Serahkan hadiahnya.</translation>
    </message>
    <message>
        <source>Hand over the reward. The till sends it when the network is back.</source>
        <translation>Serahkan hadiahnya. Mesin kasir mengirimnya saat jaringan kembali.</translation>
    </message>
    <message>
        <source>Keep the reward back until this turns green, or ask a manager.</source>
        <translation>Tahan dulu hadiahnya sampai ini berubah hijau, atau tanya manajer.</translation>
    </message>
    <message>
        <source>Do not hand over. Tell the customer the reason above.</source>
        <translation>Jangan diserahkan. Sampaikan alasan di atas kepada pelanggan.</translation>
    </message>
    <message>
        <source>Nothing more to do at the till. The manager&apos;s note is in manager mode&apos;s History.</source>
        <translation>Tidak ada lagi yang perlu dilakukan di mesin kasir. Catatan manajer ada di Riwayat pada mode manajer.</translation>
    </message>
    <message>
        <source>A moment: nothing to hand over yet.</source>
        <translation>Sebentar: belum ada yang diserahkan.</translation>
    </message>
    <message>
        <source>The customer types their PIN on the pad. Nothing is sent before.</source>
        <translation>Pelanggan mengetik PIN-nya di pad. Belum ada yang dikirim sebelum itu.</translation>
    </message>
    <message>
        <source>Nothing was sent to Stamps and nothing was redeemed. Put right what is said above, then redeem again.</source>
        <translation>Tidak ada yang dikirim ke Stamps dan tidak ada yang ditukar. Perbaiki yang disebut di atas, lalu tukar lagi.</translation>
    </message>
    <message>
        <source>Print slip</source>
        <translation>Cetak bukti</translation>
    </message>
    <message>
        <source>Print</source>
        <comment>the slip, on a tight page</comment>
        <translation>Cetak</translation>
    </message>
    <message>
        <source>No redemption yet</source>
        <translation>Belum ada penukaran</translation>
    </message>
    <message>
        <source>The result of each redemption shows here, in colour.</source>
        <translation>Hasil setiap penukaran tampil di sini, berwarna.</translation>
    </message>
    <message>
        <source>Result: none</source>
        <translation>Hasil: belum ada</translation>
    </message>
    <message>
        <source>Result: {title}</source>
        <translation>Hasil: {title}</translation>
    </message>
    <message>
        <source>Redemption ID:</source>
        <translation>ID penukaran:</translation>
    </message>
    <message>
        <source>Voucher code:</source>
        <translation>Kode voucher:</translation>
    </message>
    <message>
        <source>QR code of {payload}</source>
        <translation>Kode QR {payload}</translation>
    </message>
</context>
<context>
    <name>RewardCart</name>
    <message>
        <source>Cart</source>
        <translation>Keranjang</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Redeem cart (F9)</source>
        <translation>Tukar keranjang (F9)</translation>
    </message>
    <message>
        <source>{name} — {stamps} stamp</source>
        <translation>{name} — {stamps} stamp</translation>
    </message>
    <message>
        <source>{name} — {stamps} stamps</source>
        <translation>{name} — {stamps} stamp</translation>
    </message>
    <message>
        <source>{qty} × {name} — {stamps} stamp</source>
        <translation>{qty} × {name} — {stamps} stamp</translation>
    </message>
    <message>
        <source>{qty} × {name} — {stamps} stamps</source>
        <translation>{qty} × {name} — {stamps} stamp</translation>
    </message>
    <message>
        <source>Total {total} stamp — member has {available}</source>
        <translation>Total {total} stamp — member punya {available}</translation>
    </message>
    <message>
        <source>Total {total} stamps — member has {available}</source>
        <translation>Total {total} stamp — member punya {available}</translation>
    </message>
    <message>
        <source>Total {total} stamp</source>
        <translation>Total {total} stamp</translation>
    </message>
    <message>
        <source>Total {total} stamps</source>
        <translation>Total {total} stamp</translation>
    </message>
</context>
<context>
    <name>RewardPicker</name>
    <message>
        <source>No rewards to show. Find a member first (F2).</source>
        <translation>Belum ada hadiah. Cari member dulu (F2).</translation>
    </message>
    <message>
        <source>Pick a reward</source>
        <translation>Pilih hadiah</translation>
    </message>
    <message>
        <source>Qty </source>
        <translation>Jml </translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source> stamps</source>
        <translation> stamp</translation>
    </message>
    <message>
        <source>Stamps to use</source>
        <translation>Stamp yang dipakai</translation>
    </message>
    <message>
        <source>Add to cart</source>
        <translation>+ Keranjang</translation>
    </message>
    <message>
        <source>Redeem now</source>
        <translation>Tukar</translation>
    </message>
</context>
<context>
    <name>RewardTile</name>
    <message>
        <source>from {stamps} stamps</source>
        <translation>mulai {stamps} stamp</translation>
    </message>
    <message>
        <source>from {stamps} stamp</source>
        <translation>mulai {stamps} stamp</translation>
    </message>
    <message>
        <source>{stamps} stamps</source>
        <translation>{stamps} stamp</translation>
    </message>
    <message>
        <source>{stamps} stamp</source>
        <translation>{stamps} stamp</translation>
    </message>
</context>
<context>
    <name>RewardsController</name>
    <message>
        <source>Needs {cost} stamp; member has {stamps}</source>
        <translation>Perlu {cost} stamp; member punya {stamps}</translation>
    </message>
    <message>
        <source>Reading the rewards…</source>
        <translation>Membaca daftar hadiah…</translation>
    </message>
    <message>
        <source>No rewards to show. Find a member first (F2).</source>
        <translation>Belum ada hadiah. Cari member dulu (F2).</translation>
    </message>
    <message>
        <source>The store offers no rewards.</source>
        <translation>Toko ini tidak menawarkan hadiah.</translation>
    </message>
    <message>
        <source>The member is blocked</source>
        <translation>Member diblokir</translation>
    </message>
    <message>
        <source>Redemptions are not allowed for this member</source>
        <translation>Member ini tidak boleh menukar</translation>
    </message>
    <message>
        <source>PIN blocked: must be reset</source>
        <translation>PIN diblokir: harus direset</translation>
    </message>
    <message>
        <source>Not offered to this member by the Stamps server</source>
        <translation>Tidak ditawarkan server Stamps untuk member ini</translation>
    </message>
    <message>
        <source>Not offered to this member (level or store)</source>
        <translation>Tidak tersedia untuk member ini (level atau toko)</translation>
    </message>
    <message>
        <source>Needs {cost} stamps; member has {stamps}</source>
        <translation>Perlu {cost} stamp; member punya {stamps}</translation>
    </message>
</context>
<context>
    <name>SettingsController</name>
    <message>
        <source>Server</source>
        <translation>Server Stamps</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Mesin kasir</translation>
    </message>
    <message>
        <source>Offline limits</source>
        <translation>Batas offline</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Pemindai</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>URL server</translation>
    </message>
    <message>
        <source>https://, or http:// for this computer.</source>
        <translation>https://, atau http:// untuk komputer ini.</translation>
    </message>
    <message>
        <source>How the token is sent</source>
        <translation>Cara token dikirim</translation>
    </message>
    <message>
        <source>Merchant id</source>
        <translation>ID merchant</translation>
    </message>
    <message>
        <source>Store id</source>
        <translation>ID toko</translation>
    </message>
    <message>
        <source>Store code</source>
        <translation>Kode toko</translation>
    </message>
    <message>
        <source>As the member&apos;s activity names the store: needed to prove a lost answer.</source>
        <translation>Seperti nama toko di aktivitas member: perlu untuk membuktikan jawaban yang hilang.</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Does the server honour Idempotency-Key?</source>
        <translation>Apakah server mematuhi Idempotency-Key?</translation>
    </message>
    <message>
        <source>Only “honoured” when the server&apos;s operator says so.</source>
        <translation>Pilih “dipatuhi” hanya jika operator server menyatakannya.</translation>
    </message>
    <message>
        <source>Idempotency key window (hours)</source>
        <translation>Masa berlaku kunci idempotensi (jam)</translation>
    </message>
    <message>
        <source>Connect timeout (s)</source>
        <translation>Batas waktu sambung (dtk)</translation>
    </message>
    <message>
        <source>Read timeout (s)</source>
        <translation>Batas waktu baca (dtk)</translation>
    </message>
    <message>
        <source>Member lookup waits (s)</source>
        <translation>Pencarian member menunggu (dtk)</translation>
    </message>
    <message>
        <source>Then the till shows its own copy of the member.</source>
        <translation>Setelah itu mesin kasir menampilkan salinan member yang disimpannya.</translation>
    </message>
    <message>
        <source>Check a quiet line every (s)</source>
        <translation>Periksa jaringan yang sepi setiap (dtk)</translation>
    </message>
    <message>
        <source>0: never. Without an answer for this long, the till asks the server itself.</source>
        <translation>0: tidak pernah. Jika selama ini tidak ada jawaban, mesin kasir menanyai server sendiri.</translation>
    </message>
    <message>
        <source>Longest Retry-After waited (s)</source>
        <translation>Retry-After terlama yang ditunggu (dtk)</translation>
    </message>
    <message>
        <source>Lease margin (s)</source>
        <translation>Cadangan waktu sewa (dtk)</translation>
    </message>
    <message>
        <source>Members sent at once</source>
        <translation>Member yang dikirim bersamaan</translation>
    </message>
    <message>
        <source>PIN authorisation lasts (s)</source>
        <translation>Otorisasi PIN berlaku (dtk)</translation>
    </message>
    <message>
        <source>Terminal name</source>
        <translation>Nama terminal</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Folder data</translation>
    </message>
    <message>
        <source>Lock after this many idle minutes</source>
        <translation>Kunci setelah menganggur sekian menit</translation>
    </message>
    <message>
        <source>0: never.</source>
        <translation>0: tidak pernah.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>Forget members not seen for (days)</source>
        <translation>Lupakan member yang tidak muncul selama (hari)</translation>
    </message>
    <message>
        <source>Data retention: cached members are purged after this.</source>
        <translation>Retensi data: member tersimpan dihapus setelah ini.</translation>
    </message>
    <message>
        <source>Keep settled redemptions and the audit log for (days)</source>
        <translation>Simpan penukaran yang sudah selesai dan log audit selama (hari)</translation>
    </message>
    <message>
        <source>At least 90. Nothing still waiting for the server or a manager is ever removed.</source>
        <translation>Minimal 90. Yang masih menunggu server atau manajer tidak pernah dihapus.</translation>
    </message>
    <message>
        <source>A member read at most this long ago (hours)</source>
        <translation>Data member dibaca paling lama sekian jam lalu</translation>
    </message>
    <message>
        <source>Most stamps in one redemption</source>
        <translation>Stamp terbanyak dalam satu penukaran</translation>
    </message>
    <message>
        <source>0: no reward is redeemed offline (vouchers have their own limit).</source>
        <translation>0: tidak ada hadiah yang ditukar saat offline (voucher punya batasnya sendiri).</translation>
    </message>
    <message>
        <source>Most stamps in one outage</source>
        <translation>Stamp terbanyak dalam satu gangguan</translation>
    </message>
    <message>
        <source>0: no reward is redeemed offline.</source>
        <translation>0: tidak ada hadiah yang ditukar saat offline.</translation>
    </message>
    <message>
        <source>Most redemptions in one outage</source>
        <translation>Penukaran terbanyak dalam satu gangguan</translation>
    </message>
    <message>
        <source>0: no reward or code is redeemed offline.</source>
        <translation>0: tidak ada hadiah atau kode yang ditukar saat offline.</translation>
    </message>
    <message>
        <source>Most a voucher may be worth (Rp)</source>
        <translation>Nilai voucher paling tinggi (Rp)</translation>
    </message>
    <message>
        <source>0: only vouchers with no rupiah value are used offline.</source>
        <translation>0: saat offline hanya voucher tanpa nilai rupiah yang dipakai.</translation>
    </message>
    <message>
        <source>Take voucher and promo codes offline</source>
        <translation>Terima kode voucher dan promo saat offline</translation>
    </message>
    <message>
        <source>What the scanner sends first</source>
        <translation>Yang dikirim pemindai lebih dulu</translation>
    </message>
    <message>
        <source>Empty when it sends nothing before a code.</source>
        <translation>Kosongkan jika tidak ada yang dikirim sebelum kode.</translation>
    </message>
    <message>
        <source>Key that ends a scan</source>
        <translation>Tombol penutup pindaian</translation>
    </message>
    <message>
        <source>Scanner speed (ms a key at most)</source>
        <translation>Kecepatan pemindai (paling lama ms per tombol)</translation>
    </message>
    <message>
        <source>People type at 35 ms a key and slower.</source>
        <translation>Orang mengetik 35 ms per tombol atau lebih lambat.</translation>
    </message>
    <message>
        <source>Member cards begin with</source>
        <translation>Kartu member diawali dengan</translation>
    </message>
    <message>
        <source>Prefixes split by commas (KR, 7014): scanned anywhere, or typed as a voucher code, it is looked up as a member. Empty: no rule.</source>
        <translation>Awalan dipisah koma (KR, 7014): bila dipindai di mana pun, atau diketik sebagai kode voucher, nomor itu dicari sebagai member. Kosong: tanpa aturan.</translation>
    </message>
    <message>
        <source>Receipt numbers begin with</source>
        <translation>Nomor struk diawali dengan</translation>
    </message>
    <message>
        <source>Prefixes split by commas (INV-): scanned anywhere, it goes into the invoice number. Empty: no rule.</source>
        <translation>Awalan dipisah koma (INV-): bila dipindai di mana pun, nomor itu masuk ke nomor struk. Kosong: tanpa aturan.</translation>
    </message>
    <message>
        <source>Voucher codes begin with</source>
        <translation>Kode voucher diawali dengan</translation>
    </message>
    <message>
        <source>Prefixes split by commas (RINDANG-): scanned or typed, it is the voucher code of the member on screen, or waits for the member. Where two rules match, the longer prefix wins. Empty: no rule.</source>
        <translation>Awalan dipisah koma (RINDANG-): bila dipindai atau diketik, kode itu menjadi kode voucher member di layar, atau menunggu membernya. Bila dua aturan cocok, awalan yang lebih panjang yang berlaku. Kosong: tanpa aturan.</translation>
    </message>
    <message>
        <source>POS (the default)</source>
        <translation>POS (bawaan)</translation>
    </message>
    <message>
        <source>Stamps app</source>
        <translation>Aplikasi Stamps</translation>
    </message>
    <message>
        <source>POS</source>
        <translation>POS</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>Kios</translation>
    </message>
    <message>
        <source>Web</source>
        <translation>Web</translation>
    </message>
    <message>
        <source>Android app</source>
        <translation>Aplikasi Android</translation>
    </message>
    <message>
        <source>iOS app</source>
        <translation>Aplikasi iOS</translation>
    </message>
    <message>
        <source>Call centre</source>
        <translation>Call center</translation>
    </message>
    <message>
        <source>GrabFood</source>
        <translation>GrabFood</translation>
    </message>
    <message>
        <source>GoFood</source>
        <translation>GoFood</translation>
    </message>
    <message>
        <source>token (Authorization: Token …)</source>
        <translation>token (Authorization: Token …)</translation>
    </message>
    <message>
        <source>bearer (Authorization: Bearer …)</source>
        <translation>bearer (Authorization: Bearer …)</translation>
    </message>
    <message>
        <source>in the request body</source>
        <translation>di isi permintaan</translation>
    </message>
    <message>
        <source>honoured</source>
        <translation>dipatuhi</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>tidak diketahui</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>Enter or Tab</source>
        <translation>Enter atau Tab</translation>
    </message>
    <message>
        <source>The computer&apos;s language</source>
        <translation>Bahasa komputer</translation>
    </message>
    <message>
        <source>This till&apos;s settings cannot be changed here.</source>
        <translation>Pengaturan mesin kasir ini tidak bisa diubah di sini.</translation>
    </message>
    <message>
        <source>A manager changes the settings.</source>
        <translation>Manajer yang mengubah pengaturan.</translation>
    </message>
    <message>
        <source>Asking the Stamps server about the new token…</source>
        <translation>Menanyakan token baru ke server Stamps…</translation>
    </message>
    <message>
        <source>The server refuses this token</source>
        <translation>Server menolak token ini</translation>
    </message>
    <message>
        <source>The Stamps server refuses this API token. Saved, it pauses the till&apos;s sync at its next send, until a token the server takes is saved. Save it anyway?</source>
        <translation>Server Stamps menolak token API ini. Jika disimpan, sinkronisasi kasir ini dijeda pada pengiriman berikutnya, sampai token yang diterima server disimpan. Tetap simpan?</translation>
    </message>
    <message>
        <source>The Stamps server refuses this token: it was not saved, nor was anything else. Check it and type it again.</source>
        <translation>Server Stamps menolak token ini: token tidak disimpan, begitu pula perubahan lainnya. Periksa lalu ketik lagi.</translation>
    </message>
    <message>
        <source>The token could not be checked</source>
        <translation>Token tidak dapat diperiksa</translation>
    </message>
    <message>
        <source>The Stamps server did not answer, so this API token could not be checked. If it is wrong, the till&apos;s sync pauses at its next send. Save it anyway?</source>
        <translation>Server Stamps tidak menjawab, jadi token API ini tidak dapat diperiksa. Jika salah, sinkronisasi kasir ini dijeda pada pengiriman berikutnya. Tetap simpan?</translation>
    </message>
    <message>
        <source>Not saved, nor was anything else: the server did not answer, so the token could not be checked. Save it again when the till is online.</source>
        <translation>Tidak disimpan, begitu pula perubahan lainnya: server tidak menjawab, jadi token tidak dapat diperiksa. Simpan lagi saat kasir ini online.</translation>
    </message>
    <message>
        <source>Save it anyway</source>
        <translation>Tetap simpan</translation>
    </message>
    <message>
        <source>Don&apos;t save</source>
        <translation>Jangan simpan</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Tersimpan.</translation>
    </message>
    <message>
        <source>Sync resumes by itself once the till can save.</source>
        <translation>Sinkronisasi berlanjut dengan sendirinya setelah mesin kasir bisa menyimpan.</translation>
    </message>
    <message>
        <source>These take effect only when the till starts: {names}. The demo forgets its settings when it ends; start it with them instead (for Bahasa Indonesia: STAMPS_POS_LANGUAGE=id).</source>
        <translation>Ini baru berlaku saat mesin kasir dimulai: {names}. Demo melupakan pengaturannya saat berakhir; jalankan demo dengan pengaturan itu (untuk Bahasa Indonesia: STAMPS_POS_LANGUAGE=id).</translation>
    </message>
    <message>
        <source>Restart Stamps POS for these to take effect: {names}.</source>
        <translation>Mulai ulang Stamps POS agar ini berlaku: {names}.</translation>
    </message>
    <message>
        <source>The new token is in use, not checked: the till is offline. The server is asked at the next send.</source>
        <translation>Token baru dipakai, belum diperiksa: mesin kasir sedang offline. Server ditanya pada pengiriman berikutnya.</translation>
    </message>
    <message>
        <source>The server accepts the new token.</source>
        <translation>Server menerima token baru.</translation>
    </message>
    <message>
        <source>The server refuses the new token: the queue will pause at the next send. Check the token and save it again.</source>
        <translation>Server menolak token baru: antrean akan dijeda pada pengiriman berikutnya. Periksa token lalu simpan lagi.</translation>
    </message>
    <message>
        <source>The new token is in use, not checked: the server did not answer. It is asked again at the next send.</source>
        <translation>Token baru dipakai, belum diperiksa: server tidak menjawab. Server ditanya lagi pada pengiriman berikutnya.</translation>
    </message>
    <message>
        <source>There is no API token to try: type one.</source>
        <translation>Tidak ada token API untuk dicoba: ketik tokennya.</translation>
    </message>
    <message>
        <source>The server at {url} answers and takes the token.</source>
        <translation>Server di {url} menjawab dan menerima token ini.</translation>
    </message>
    <message>
        <source>The server at {url} answers, but refuses this token.</source>
        <translation>Server di {url} menjawab, tetapi menolak token ini.</translation>
    </message>
    <message>
        <source>The token works, but for another merchant: {detail}</source>
        <translation>Token ini berfungsi, tetapi untuk merchant lain: {detail}</translation>
    </message>
    <message>
        <source>The server at {url} cannot be reached: {detail}</source>
        <translation>Server di {url} tidak dapat dihubungi: {detail}</translation>
    </message>
    <message>
        <source>A token is a single line, and this holds more than one (was a file, or two tokens, pasted?).</source>
        <translation>Token hanya satu baris, sedangkan ini berisi lebih dari satu (yang ditempel sebuah berkas, atau dua token?).</translation>
    </message>
    <message>
        <source>A token is at most {limit} characters.</source>
        <translation>Token paling banyak {limit} karakter.</translation>
    </message>
    <message>
        <source>A token is one word of printable ASCII: no spaces, control characters or letters outside ASCII.</source>
        <translation>Token berupa satu kata ASCII yang bisa dicetak: tanpa spasi, karakter kontrol, atau huruf di luar ASCII.</translation>
    </message>
    <message>
        <source>A token is at least {least} characters: this one is shorter (was it cut short when pasted?).</source>
        <translation>Token paling sedikit {least} karakter: token ini lebih pendek (terpotong saat ditempel?).</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>tidak diubah</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>Token API</translation>
    </message>
    <message>
        <source>set by {variable}</source>
        <translation>diatur oleh {variable}</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Periksa</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Set by {variable}: change it there.</source>
        <translation>Diatur oleh {variable}: ubah di sana.</translation>
    </message>
    <message>
        <source>Fixed when the till was started.</source>
        <translation>Ditetapkan saat mesin kasir dijalankan.</translation>
    </message>
    <message>
        <source>Leave the settings?</source>
        <translation>Tinggalkan pengaturan?</translation>
    </message>
    <message>
        <source>Leave the settings? What you changed here is not saved.</source>
        <translation>Tinggalkan pengaturan? Yang Anda ubah di sini belum disimpan.</translation>
    </message>
    <message>
        <source>Leave without saving</source>
        <translation>Tinggalkan tanpa menyimpan</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Lanjutkan mengubah</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Memeriksa…</translation>
    </message>
</context>
<context>
    <name>ShiftController</name>
    <message>
        <source>Export the shift</source>
        <translation>Ekspor shift</translation>
    </message>
    <message>
        <source>Store {store} · till {terminal}</source>
        <translation>Toko {store} · mesin kasir {terminal}</translation>
    </message>
    <message>
        <source>{cashier}&apos;s shift is still open since {time}: signing in continues it.</source>
        <translation>Shift {cashier} masih terbuka sejak {time}: masuk lagi untuk melanjutkannya.</translation>
    </message>
    <message>
        <source>{cashier}&apos;s since {time}</source>
        <translation>milik {cashier} sejak {time}</translation>
    </message>
    <message>
        <source>Shifts still open on this till: {shifts}. Signing in as one of them continues theirs.</source>
        <translation>Shift yang masih terbuka di mesin kasir ini: {shifts}. Masuk sebagai salah satu dari mereka untuk melanjutkan shift-nya.</translation>
    </message>
    <message>
        <source>Written to {path}</source>
        <translation>Ditulis ke {path}</translation>
    </message>
    <message>
        <source>Slip sent to {where}</source>
        <translation>Bukti dikirim ke {where}</translation>
    </message>
    <message>
        <source>{path} is one of the till&apos;s own files (its settings, database, log or token), and a CSV written there would break the till.</source>
        <translation>{path} adalah salah satu berkas milik mesin kasir (pengaturan, database, log, atau tokennya), dan CSV yang ditulis di sana akan merusak mesin kasir.</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
    </message>
    <message>
        <source>{path}: its disk is full.</source>
        <translation>{path}: disknya penuh.</translation>
    </message>
    <message>
        <source>Free some space on it, or export again and pick another place.</source>
        <translation>Kosongkan sebagian ruangnya, atau ekspor lagi dan pilih tempat lain.</translation>
    </message>
    <message>
        <source>{path}: its disk is read-only.</source>
        <translation>{path}: disknya hanya-baca.</translation>
    </message>
    <message>
        <source>{path}: the till may not write in {folder}.</source>
        <translation>{path}: mesin kasir tidak diizinkan menulis di {folder}.</translation>
    </message>
    <message>
        <source>{path}: the folder {folder} is not there (a USB stick taken out?).</source>
        <translation>{path}: folder {folder} tidak ada (USB dicabut?).</translation>
    </message>
    <message>
        <source>the till cannot write {path} (the folder is missing or read-only, or the disk is full).</source>
        <translation>mesin kasir tidak dapat menulis {path} (foldernya tidak ada atau hanya-baca, atau disk penuh).</translation>
    </message>
    <message>
        <source>Export again and pick another place.</source>
        <translation>Ekspor lagi dan pilih tempat lain.</translation>
    </message>
</context>
<context>
    <name>ShiftRedemptionsModel</name>
    <message>
        <source>Time</source>
        <translation>Jam</translation>
    </message>
    <message>
        <source>Redemption</source>
        <translation>Penukaran</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>ShiftRedemptionsView</name>
    <message>
        <source>This shift&apos;s redemptions</source>
        <translation>Penukaran shift ini</translation>
    </message>
</context>
<context>
    <name>ShiftSummaryView</name>
    <message>
        <source>Shift summary</source>
        <translation>Ringkasan shift</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>Not redeemed, and why</source>
        <translation>Tidak ditukar, dan alasannya</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Jam</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Penukaran</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Back to the till</source>
        <translation>Kembali ke kasir</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Ekspor CSV</translation>
    </message>
    <message>
        <source>Close shift</source>
        <translation>Tutup shift</translation>
    </message>
    <message>
        <source>{cashier} · {start} – {end}</source>
        <translation>{cashier} · {start} – {end}</translation>
    </message>
    <message>
        <source>Stamps redeemed: {stamps}   ·   Vouchers: {rupiah}   ·   Vouchers used: {vouchers}   ·   Promo codes: {promos}</source>
        <translation>Stamp ditukar: {stamps}   ·   Voucher: {rupiah}   ·   Voucher dipakai: {vouchers}   ·   Kode promo: {promos}</translation>
    </message>
    <message>
        <source>Expired, never sent: {n}</source>
        <translation>Kedaluwarsa, tidak pernah dikirim: {n}</translation>
    </message>
    <message>
        <source>Closed by a manager: {n}</source>
        <translation>Ditutup oleh manajer: {n}</translation>
    </message>
    <message>
        <source>{n} not confirmed: a manager must check them before the day closes.</source>
        <translation>{n} belum dikonfirmasi: manajer harus memeriksanya sebelum tutup hari.</translation>
    </message>
</context>
<context>
    <name>SignInView</name>
    <message>
        <source>Start your shift</source>
        <translation>Mulai shift Anda</translation>
    </message>
    <message>
        <source>Who are you?</source>
        <translation>Siapa Anda?</translation>
    </message>
    <message>
        <source>Cashiers</source>
        <translation>Kasir</translation>
    </message>
    <message>
        <source>Your PIN</source>
        <translation>PIN Anda</translation>
    </message>
    <message>
        <source>Cashier PIN</source>
        <translation>PIN kasir</translation>
    </message>
    <message>
        <source>No cashier accounts yet: a manager adds them in manager mode (F8).</source>
        <translation>Belum ada akun kasir: manajer menambahkannya di mode manajer (F8).</translation>
    </message>
    <message>
        <source>Start shift</source>
        <translation>Mulai shift</translation>
    </message>
    <message>
        <source>Manager mode (F8)</source>
        <translation>Mode manajer (F8)</translation>
    </message>
    <message>
        <source>{why}. The cashiers it names were not added: fix the file, then start the till again.</source>
        <translation>{why}. Kasir yang tercantum di dalamnya belum ditambahkan: perbaiki berkasnya, lalu mulai ulang mesin kasir.</translation>
    </message>
    <message>
        <source>The till is locked</source>
        <translation>Mesin kasir terkunci</translation>
    </message>
    <message>
        <source>It locked after sitting idle. {cashier}&apos;s shift carries on: sign in.</source>
        <translation>Terkunci karena lama tidak dipakai. Shift {cashier} masih berjalan: silakan masuk.</translation>
    </message>
    <message>
        <source>{cashier} locked the till. Their shift carries on: sign in.</source>
        <translation>{cashier} mengunci mesin kasir. Shift-nya masih berjalan: silakan masuk.</translation>
    </message>
    <message>
        <source>Card not read: sign in first, then scan it again.</source>
        <translation>Kartu tidak terbaca: masuk dulu, lalu pindai lagi.</translation>
    </message>
    <message>
        <source>Continue shift</source>
        <translation>Lanjutkan shift</translation>
    </message>
</context>
<context>
    <name>Slip</name>
    <message>
        <source>Cashier</source>
        <translation>Kasir</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>No. struk</translation>
    </message>
    <message>
        <source>Redemption ID</source>
        <translation>ID penukaran</translation>
    </message>
    <message>
        <source>Voucher code</source>
        <translation>Kode voucher</translation>
    </message>
    <message>
        <source>The Stamps server answered but applied nothing yet; it will be sent to Stamps automatically.</source>
        <translation>Server Stamps menjawab tetapi belum menerapkan apa pun; akan dikirim ke Stamps secara otomatis.</translation>
    </message>
    <message>
        <source>Recorded offline; it will be sent to Stamps automatically.</source>
        <translation>Dicatat offline; akan dikirim ke Stamps secara otomatis.</translation>
    </message>
</context>
<context>
    <name>StartingPage</name>
    <message>
        <source>Stamps POS</source>
        <translation>Stamps POS</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Memulai…</translation>
    </message>
</context>
<context>
    <name>StatusController</name>
    <message>
        <source>Checking…</source>
        <translation>Memeriksa…</translation>
    </message>
    <message>
        <source>A redemption has waited {age} to sync: the disk is full, and the till sends nothing it cannot save first. Call a manager to free space.</source>
        <translation>Ada penukaran yang sudah {age} menunggu sinkron: disk penuh, dan mesin kasir tidak mengirim apa pun yang belum bisa disimpannya lebih dulu. Panggil manajer untuk mengosongkan ruang.</translation>
    </message>
    <message>
        <source>A redemption has waited {age} to sync: the till cannot save to its disk, and sends nothing it cannot save first. Call a manager.</source>
        <translation>Ada penukaran yang sudah {age} menunggu sinkron: mesin kasir tidak bisa menyimpan ke disknya, dan tidak mengirim apa pun yang belum bisa disimpannya lebih dulu. Panggil manajer.</translation>
    </message>
    <message>
        <source>A redemption has waited {age} to sync. Check the network, or call a manager.</source>
        <translation>Ada penukaran yang sudah {age} menunggu sinkron. Periksa jaringan, atau panggil manajer.</translation>
    </message>
    <message>
        <source>{fact}: ask a manager to set the time.</source>
        <translation>{fact}: minta manajer mengatur waktunya.</translation>
    </message>
</context>
<context>
    <name>StorageController</name>
    <message>
        <source>The till tries again by itself.</source>
        <translation>Mesin kasir akan mencoba lagi dengan sendirinya.</translation>
    </message>
    <message>
        <source>The disk that holds the till&apos;s data ({folder}) is full: nothing can be saved, so nothing can be redeemed, until space is freed.</source>
        <translation>Disk penyimpan data mesin kasir ({folder}) penuh: tidak ada yang bisa disimpan, jadi tidak ada yang bisa ditukar sampai ada ruang kosong.</translation>
    </message>
    <message>
        <source>The till&apos;s data folder ({folder}) cannot be written: nothing can be saved, so nothing can be redeemed, until it can.</source>
        <translation>Folder data mesin kasir ({folder}) tidak bisa ditulisi: tidak ada yang bisa disimpan, jadi tidak ada yang bisa ditukar sampai bisa ditulisi lagi.</translation>
    </message>
    <message>
        <source>{problem}. Nothing can be saved, so nothing can be redeemed.</source>
        <translation>{problem}. Tidak ada yang bisa disimpan, jadi tidak ada yang bisa ditukar.</translation>
    </message>
    <message>
        <source>The till&apos;s database cannot be used ({reason}): nothing can be saved, so nothing can be redeemed.</source>
        <translation>Database mesin kasir tidak bisa dipakai ({reason}): tidak ada yang bisa disimpan, jadi tidak ada yang bisa ditukar.</translation>
    </message>
    <message>
        <source>Nothing was changed: do it again once the till can save.</source>
        <translation>Tidak ada yang diubah: ulangi setelah mesin kasir bisa menyimpan.</translation>
    </message>
    <message>
        <source>Not written: {fact} {then}</source>
        <translation>Tidak tersimpan: {fact} {then}</translation>
    </message>
    <message>
        <source>Nothing saved is lost, but the till cannot save a shift or a redemption until it is started again: close the till, open it again and sign in. An open shift carries on.</source>
        <translation>Tidak ada yang tersimpan yang hilang, tetapi kasir tidak dapat menyimpan shift atau penukaran sampai dijalankan ulang: tutup kasir, buka lagi, lalu masuk. Shift yang masih terbuka berlanjut.</translation>
    </message>
    <message>
        <source>Do not close the till: what it saved since it was opened is not yet safe in its database file. Keep this window open and call support.</source>
        <translation>Jangan tutup kasir: yang disimpannya sejak dibuka belum aman di berkas basis datanya. Biarkan jendela ini terbuka dan hubungi dukungan.</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>{n} s</source>
        <translation>{n} dtk</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} mnt</translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h} j {m} mnt</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Periksa lagi</translation>
    </message>
    <message>
        <source>Checking the Stamps server…</source>
        <translation>Memeriksa server Stamps…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Degraded — slow or failing</source>
        <translation>Terganggu — lambat atau gagal</translation>
    </message>
    <message>
        <source>Offline — redemptions will sync later</source>
        <translation>Offline — penukaran disinkronkan nanti</translation>
    </message>
    <message>
        <source>Queued {n}</source>
        <translation>Antre {n}</translation>
    </message>
    <message>
        <source>Not confirmed {n}</source>
        <translation>Belum dikonfirmasi {n}</translation>
    </message>
    <message>
        <source>Failed {n}</source>
        <translation>Gagal {n}</translation>
    </message>
    <message>
        <source>Redemptions waiting to be sent that cannot have reached the Stamps server yet.</source>
        <translation>Penukaran yang menunggu dikirim dan belum mungkin sampai ke server Stamps.</translation>
    </message>
    <message>
        <source>Redemptions that may have reached the Stamps server without an answer: the till sends them again, or a manager decides. Hand nothing of them over yet.</source>
        <translation>Penukaran yang mungkin sudah sampai ke server Stamps tanpa jawaban: mesin kasir mengirimnya lagi, atau manajer yang memutuskan. Jangan serahkan apa pun darinya dulu.</translation>
    </message>
    <message>
        <source>Cancel on dashboard {n}</source>
        <translation>Batalkan di dashboard {n}</translation>
    </message>
    <message>
        <source>Cancels the till could not send: the redemption has no server id, so a manager cancels it on the Stamps dashboard.</source>
        <translation>Pembatalan yang tidak dapat dikirim mesin kasir: penukarannya tidak punya ID di server, jadi manajer membatalkannya lewat dashboard Stamps.</translation>
    </message>
    <message>
        <source>oldest {age}</source>
        <translation>terlama {age}</translation>
    </message>
    <message>
        <source>Sync paused — API token refused</source>
        <translation>Sinkronisasi dijeda — token API ditolak</translation>
    </message>
    <message>
        <source>Sync paused — the server refuses http</source>
        <translation>Sinkronisasi dijeda — server menolak http</translation>
    </message>
    <message>
        <source>Sync paused — API token unusable</source>
        <translation>Sinkronisasi dijeda — token API tak bisa dipakai</translation>
    </message>
    <message>
        <source>Needs a manager: {n}</source>
        <translation>Perlu manajer: {n}</translation>
    </message>
    <message>
        <source>Redemptions the server refused or nobody can prove: a manager decides (F8).</source>
        <translation>Penukaran yang ditolak server atau tidak bisa dipastikan: manajer yang memutuskan (F8).</translation>
    </message>
    <message>
        <source>Cashier: {name}</source>
        <translation>Kasir: {name}</translation>
    </message>
</context>
<context>
    <name>TomlReason</name>
    <message>
        <source>Invalid value</source>
        <translation>Nilai tidak sah (teks perlu diapit tanda kutip)</translation>
    </message>
    <message>
        <source>Invalid statement</source>
        <translation>Baris ini bukan pengaturan (nama = nilai) maupun [tabel]</translation>
    </message>
    <message>
        <source>Expected newline or end of document after a statement</source>
        <translation>Seharusnya baris baru atau akhir berkas setelah nilai pengaturan</translation>
    </message>
    <message>
        <source>Cannot overwrite a value</source>
        <translation>Pengaturan ini sudah diisi di atas; nilainya tidak dapat ditimpa</translation>
    </message>
    <message>
        <source>Expected &apos;]&apos; at the end of a table declaration</source>
        <translation>Seharusnya ada &apos;]&apos; di akhir nama tabel</translation>
    </message>
    <message>
        <source>Expected &apos;]]&apos; at the end of an array declaration</source>
        <translation>Seharusnya ada &apos;]]&apos; di akhir nama daftar tabel</translation>
    </message>
    <message>
        <source>Expected &apos;=&apos; after a key in a key/value pair</source>
        <translation>Seharusnya ada &apos;=&apos; setelah nama pengaturan</translation>
    </message>
    <message>
        <source>Invalid initial character for a key part</source>
        <translation>Nama pengaturan diawali karakter yang tidak sah</translation>
    </message>
    <message>
        <source>Unclosed array</source>
        <translation>Daftar tidak ditutup dengan &apos;]&apos;</translation>
    </message>
    <message>
        <source>Unclosed inline table</source>
        <translation>Tabel sebaris tidak ditutup</translation>
    </message>
    <message>
        <source>Unescaped &apos;\&apos; in a string</source>
        <translation>Ada &apos;\&apos; dalam teks yang tidak di-escape (tulis &apos;\\&apos; atau pakai tanda kutip tunggal)</translation>
    </message>
    <message>
        <source>Invalid hex value</source>
        <translation>Nilai heksadesimal tidak sah</translation>
    </message>
    <message>
        <source>Escaped character is not a Unicode scalar value</source>
        <translation>Karakter escape bukan nilai skalar Unicode</translation>
    </message>
    <message>
        <source>Unterminated string</source>
        <translation>Teks tidak ditutup dengan tanda kutip</translation>
    </message>
    <message>
        <source>Invalid date or datetime</source>
        <translation>Tanggal atau waktu tidak sah</translation>
    </message>
    <message>
        <source>Illegal character {char}</source>
        <translation>Karakter {char} tidak diizinkan</translation>
    </message>
    <message>
        <source>Found invalid character {char}</source>
        <translation>Ditemukan karakter {char} yang tidak sah</translation>
    </message>
</context>
<context>
    <name>VoucherPanel</name>
    <message>
        <source>Member&apos;s vouchers</source>
        <translation>Voucher member</translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation>Voucher</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Value · valid</source>
        <translation>Nilai · berlaku</translation>
    </message>
    <message>
        <source>No vouchers for this member.</source>
        <translation>Member ini tidak punya voucher.</translation>
    </message>
    <message>
        <source>Redeem voucher</source>
        <translation>Tukar voucher</translation>
    </message>
    <message>
        <source>Use up whole…</source>
        <translation>Pakai habis…</translation>
    </message>
    <message>
        <source>Voucher code</source>
        <translation>Kode voucher</translation>
    </message>
    <message>
        <source>Scan or type</source>
        <translation>Pindai atau ketik</translation>
    </message>
    <message>
        <source>Use code</source>
        <translation>Pakai kode</translation>
    </message>
    <message>
        <source>kind not confirmed</source>
        <translation>jenis belum pasti</translation>
    </message>
    <message>
        <source>Voucher · code</source>
        <translation>Voucher · kode</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <source>No one has confirmed that this is a balance voucher: it is treated as one, and offline nothing can be deducted from it.</source>
        <translation>Belum ada yang memastikan bahwa ini voucher saldo: voucher ini diperlakukan sebagai voucher saldo, dan saat offline tidak bisa dipotong.</translation>
    </message>
    <message>
        <source>Deduct…</source>
        <translation>Potong…</translation>
    </message>
    <message>
        <source>Use up the whole voucher?</source>
        <translation>Pakai habis seluruh voucher?</translation>
    </message>
    <message>
        <source>Scan or type the code</source>
        <translation>Pindai atau ketik kode</translation>
    </message>
    <message>
        <source>Use up {name} whole? {left} left on it will be lost.</source>
        <translation>Pakai habis {name}? Sisa {left} di dalamnya akan hangus.</translation>
    </message>
    <message>
        <source>To keep the rest, deduct the amount instead.</source>
        <translation>Untuk menyimpan sisanya, potong nominalnya saja.</translation>
    </message>
    <message>
        <source>Use it up whole</source>
        <translation>Pakai habis</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Tetap simpan</translation>
    </message>
    <message>
        <source>Deduct from saldo…</source>
        <translation>Potong saldo…</translation>
    </message>
</context>
<context>
    <name>VouchersController</name>
    <message>
        <source>Reading the vouchers…</source>
        <translation>Membaca voucher…</translation>
    </message>
    <message>
        <source>Voucher code {code} waits for the member: find them, and it is used.</source>
        <translation>Kode voucher {code} menunggu membernya: cari member itu, dan kode dipakai.</translation>
    </message>
    <message>
        <source>from {start}</source>
        <translation>mulai {start}</translation>
    </message>
    <message>
        <source>until {end}</source>
        <translation>sampai {end}</translation>
    </message>
    <message>
        <source>Saldo {left}</source>
        <translation>Saldo {left}</translation>
    </message>
    <message>
        <source>Saldo</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Already used on this till; waiting to sync</source>
        <translation>Sudah dipakai di mesin kasir ini; menunggu sinkron</translation>
    </message>
    <message>
        <source>Already used on this till</source>
        <translation>Sudah dipakai di mesin kasir ini</translation>
    </message>
    <message>
        <source>Not active</source>
        <translation>Tidak aktif</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>This member is blocked. Ask them to contact the store.</source>
        <comment>policy.member_blocked</comment>
        <translation>Member ini diblokir. Minta member menghubungi toko.</translation>
    </message>
    <message>
        <source>Redemptions are not allowed for this member.</source>
        <comment>policy.redemption_not_allowed</comment>
        <translation>Member ini tidak boleh melakukan penukaran.</translation>
    </message>
    <message>
        <source>This member&apos;s PIN is blocked after too many wrong tries; they must reset it.</source>
        <comment>policy.pin_blocked</comment>
        <translation>PIN member ini diblokir karena terlalu sering salah; member harus meresetnya.</translation>
    </message>
    <message>
        <source>This member&apos;s redemptions need their PIN, which only the Stamps server can check. Try again when the till is back online.</source>
        <comment>policy.pin_needs_server</comment>
        <translation>Penukaran member ini memerlukan PIN, dan hanya server Stamps yang bisa memeriksanya. Coba lagi saat mesin kasir online kembali.</translation>
    </message>
    <message>
        <source>This member&apos;s redemptions need their PIN, which only the Stamps server can check.</source>
        <comment>policy.pin_needs_server.line_checked</comment>
        <translation>Penukaran member ini memerlukan PIN, dan hanya server Stamps yang bisa memeriksanya.</translation>
    </message>
    <message>
        <source>This member was last seen more than {hours} h ago; the till cannot vouch for their balance offline.</source>
        <comment>policy.member_too_old</comment>
        <translation>Data member ini terakhir diperbarui lebih dari {hours} jam lalu; mesin kasir tidak bisa menjamin saldonya saat offline.</translation>
    </message>
    <message>
        <source>The till&apos;s clock reads earlier than when this member was last seen, so it cannot tell how old their balance is and cannot vouch for it offline. Set the clock right, or try again when the till is back online.</source>
        <comment>policy.member_age_unknown</comment>
        <translation>Jam mesin kasir menunjukkan waktu lebih awal daripada saat member ini terakhir dilihat, jadi mesin kasir tidak tahu seberapa lama saldonya dan tidak bisa menjaminnya saat offline. Setel jam dengan benar, atau coba lagi saat mesin kasir kembali online.</translation>
    </message>
    <message>
        <source>Not enough stamps: this costs {cost} and the member has {stamps} after what is waiting to sync.</source>
        <comment>policy.not_enough_stamps</comment>
        <translation>Stamp tidak cukup: ini perlu {cost} dan member punya {stamps} setelah dikurangi yang menunggu sinkron.</translation>
    </message>
    <message>
        <source>Not enough stamps by the balance the Stamps server gives now: this costs {cost} and the member has {stamps}, after anything still waiting to sync. Nothing was sent.</source>
        <comment>policy.short_of_stamps_now</comment>
        <translation>Stamp tidak cukup menurut saldo yang diberikan server Stamps sekarang: ini butuh {cost} dan member punya {stamps}, setelah yang masih menunggu sinkron. Tidak ada yang dikirim.</translation>
    </message>
    <message>
        <source>The Stamps server has not given this member&apos;s stamps, so the till cannot tell offline whether they have enough. Try again when the till is back online.</source>
        <comment>policy.stamps_unknown</comment>
        <translation>Server Stamps tidak memberikan jumlah stamp member ini, jadi saat offline mesin kasir tidak bisa memastikan apakah stampnya cukup. Coba lagi saat mesin kasir online kembali.</translation>
    </message>
    <message>
        <source>The Stamps server has not given this member&apos;s stamps, so the till cannot tell offline whether they have enough.</source>
        <comment>policy.stamps_unknown.line_checked</comment>
        <translation>Server Stamps tidak memberikan jumlah stamp member ini, jadi saat offline mesin kasir tidak bisa memastikan apakah stampnya cukup.</translation>
    </message>
    <message>
        <source>Offline, one redemption may cost at most {limit} stamps; this costs {cost}.</source>
        <comment>policy.too_costly_offline</comment>
        <translation>Saat offline, satu penukaran paling banyak {limit} stamp; ini perlu {cost}.</translation>
    </message>
    <message>
        <source>This would take offline redemptions to {total} stamps in this outage; the limit is {limit}.</source>
        <comment>policy.outage_stamps_cap</comment>
        <translation>Penukaran offline selama gangguan ini akan menjadi {total} stamp; batasnya {limit}.</translation>
    </message>
    <message>
        <source>This till has accepted {count} redemptions offline, the most allowed in one outage. A manager can raise the limit.</source>
        <comment>policy.outage_count_cap</comment>
        <translation>Mesin kasir ini sudah menerima {count} penukaran offline, batas terbanyak untuk satu gangguan. Manajer dapat menaikkan batasnya.</translation>
    </message>
    <message>
        <source>The till has not seen this voucher before and cannot check it offline.</source>
        <comment>policy.voucher_not_cached</comment>
        <translation>Mesin kasir belum pernah melihat voucher ini dan tidak bisa memeriksanya saat offline.</translation>
    </message>
    <message>
        <source>This voucher is not active.</source>
        <comment>policy.voucher_inactive</comment>
        <translation>Voucher ini tidak aktif.</translation>
    </message>
    <message>
        <source>This voucher is not valid today.</source>
        <comment>policy.voucher_out_of_date</comment>
        <translation>Voucher ini tidak berlaku hari ini.</translation>
    </message>
    <message>
        <source>This voucher was already used on this till.</source>
        <comment>policy.voucher_used_here</comment>
        <translation>Voucher ini sudah dipakai di mesin kasir ini.</translation>
    </message>
    <message>
        <source>Promo code {code} already went on invoice {invoice} for this member: not sent again. A promo counts once on a sale; if the first was wrong, a manager cancels it (F8).</source>
        <comment>policy.promo_already_on_invoice</comment>
        <translation>Kode promo {code} sudah dipakai pada struk {invoice} untuk member ini: tidak dikirim lagi. Satu promo hanya sekali untuk satu penjualan; jika yang pertama salah, manajer membatalkannya (F8).</translation>
    </message>
    <message>
        <source>Offline, a voucher may be worth at most {limit}; this one is {value}.</source>
        <comment>policy.voucher_value_cap</comment>
        <translation>Saat offline, nilai voucher paling banyak {limit}; voucher ini {value}.</translation>
    </message>
    <message>
        <source>The Stamps server has not confirmed that this is a balance voucher, so nothing can be deducted from it offline. Try again when the till is back online.</source>
        <comment>policy.voucher_kind_unconfirmed</comment>
        <translation>Server Stamps belum memastikan bahwa ini voucher saldo, jadi voucher ini tidak bisa dipotong saat offline. Coba lagi saat mesin kasir online kembali.</translation>
    </message>
    <message>
        <source>Voucher and promo codes can only be checked online. Try again when the till is back online.</source>
        <comment>policy.code_needs_server</comment>
        <translation>Kode voucher dan kode promo hanya bisa diperiksa online. Coba lagi saat mesin kasir online kembali.</translation>
    </message>
    <message>
        <source>Voucher and promo codes can only be checked online.</source>
        <comment>policy.code_needs_server.line_checked</comment>
        <translation>Kode voucher dan kode promo hanya bisa diperiksa online.</translation>
    </message>
    <message>
        <source>The kiosk could not send this to the Stamps server, so nothing was redeemed and no stamps were taken.</source>
        <comment>policy.kiosk_offline</comment>
        <translation>Kios tidak bisa mengirim ini ke server Stamps, jadi tidak ada yang ditukar dan tidak ada stamp yang terpakai.</translation>
    </message>
    <message>
        <source>Redemptions are paused right now. Please ask at the counter.</source>
        <comment>kiosk.paused</comment>
        <translation>Untuk saat ini penukaran dijeda. Silakan tanya di kasir.</translation>
    </message>
    <message>
        <source>For your security, please scan your member card, or ask at the counter.</source>
        <comment>kiosk.scan_card</comment>
        <translation>Demi keamanan Anda, silakan pindai kartu member Anda, atau tanya di kasir.</translation>
    </message>
    <message>
        <source>We could not look up your card. Please ask at the counter.</source>
        <comment>kiosk.lookup_trouble</comment>
        <translation>Kartu Anda tidak bisa dicari. Silakan tanya di kasir.</translation>
    </message>
    <message>
        <source>We could not find that card. Please try again, or ask at the counter.</source>
        <comment>kiosk.not_found</comment>
        <translation>Kartu itu tidak kami temukan. Silakan coba lagi, atau tanya di kasir.</translation>
    </message>
    <message>
        <source>We cannot redeem here for you. Please ask at the counter.</source>
        <comment>kiosk.ask_counter</comment>
        <translation>Penukaran Anda tidak bisa dilakukan di sini. Silakan tanya di kasir.</translation>
    </message>
    <message>
        <source>Your last redemption is still being processed. Please ask at the counter.</source>
        <comment>kiosk.waiting</comment>
        <translation>Penukaran Anda sebelumnya masih diproses. Silakan tanya di kasir.</translation>
    </message>
    <message>
        <source>That PIN is not right. Please try again.</source>
        <comment>kiosk.pin_wrong</comment>
        <translation>PIN itu salah. Silakan coba lagi.</translation>
    </message>
    <message>
        <source>We could not check your PIN. Please ask at the counter.</source>
        <comment>kiosk.pin_trouble</comment>
        <translation>PIN Anda tidak bisa diperiksa. Silakan tanya di kasir.</translation>
    </message>
    <message>
        <source>You do not have enough stamps for this reward.</source>
        <comment>kiosk.not_enough</comment>
        <translation>Stamp Anda tidak cukup untuk hadiah ini.</translation>
    </message>
    <message>
        <source>This reward could not be redeemed. Please ask at the counter.</source>
        <comment>kiosk.refused</comment>
        <translation>Hadiah ini tidak bisa ditukar. Silakan tanya di kasir.</translation>
    </message>
    <message>
        <source>Your redemption did not go through, and nothing was taken from your stamps.</source>
        <comment>kiosk.not_redeemed</comment>
        <translation>Penukaran Anda tidak berhasil, dan stamp Anda tidak berkurang.</translation>
    </message>
    <message>
        <source>We could not confirm your redemption yet. Please ask at the counter and show them this reference.</source>
        <comment>kiosk.not_confirmed</comment>
        <translation>Penukaran Anda belum bisa kami pastikan. Silakan tanya di kasir dan tunjukkan referensi ini.</translation>
    </message>
    <message>
        <source>This code is not a redemption from this shop&apos;s kiosk.</source>
        <comment>handover.not_kiosk</comment>
        <translation>Kode ini bukan penukaran dari kios toko ini.</translation>
    </message>
    <message>
        <source>This till has no record of kiosk redemption {reference}. It may have been made on a kiosk that keeps its own records.</source>
        <comment>handover.unknown</comment>
        <translation>Mesin kasir ini tidak punya catatan penukaran kios {reference}. Mungkin dibuat di kios yang menyimpan catatannya sendiri.</translation>
    </message>
    <message>
        <source>Not confirmed yet: do not hand over the reward until it turns green, or ask a manager.</source>
        <comment>handover.not_confirmed</comment>
        <translation>Belum terkonfirmasi: jangan serahkan hadiahnya sampai ini berubah hijau, atau tanya manajer.</translation>
    </message>
    <message>
        <source>This redemption did not go through: nothing to hand over.</source>
        <comment>handover.not_redeemed</comment>
        <translation>Penukaran ini tidak berhasil: tidak ada yang perlu diserahkan.</translation>
    </message>
    <message>
        <source>Type or scan an email, member ID, phone or card number.</source>
        <comment>member.type_something</comment>
        <translation>Ketik atau pindai email, ID member, nomor HP, atau nomor kartu.</translation>
    </message>
    <message>
        <source>No member matches “{query}”. Check it, or search by name.</source>
        <comment>member.not_found</comment>
        <translation>Tidak ada member yang cocok dengan “{query}”. Periksa lagi, atau cari berdasarkan nama.</translation>
    </message>
    <message>
        <source>No member matches “{query}”: {reason}</source>
        <comment>member.not_found_because</comment>
        <translation>Tidak ada member yang cocok dengan “{query}”: {reason}</translation>
    </message>
    <message>
        <source>No member matches “{query}”: {reason} If it is a card&apos;s number: the Stamps server finds a member by email, Member ID, phone or account number, not by every card&apos;s number. Ask for the member&apos;s email, phone or Member ID.</source>
        <comment>member.card_not_found_because</comment>
        <translation>Tidak ada member yang cocok dengan “{query}”: {reason} Jika ini nomor kartu: server Stamps mencari member menurut email, ID member, nomor HP, atau nomor akun, tidak menurut setiap nomor kartu. Minta email, nomor HP, atau ID member-nya.</translation>
    </message>
    <message>
        <source>No member matches “{query}”. If it is a card&apos;s number: the Stamps server finds a member by email, Member ID, phone or account number, not by every card&apos;s number. Ask for the member&apos;s email, phone or Member ID.</source>
        <comment>member.card_not_found</comment>
        <translation>Tidak ada member yang cocok dengan “{query}”. Jika ini nomor kartu: server Stamps mencari member menurut email, ID member, nomor HP, atau nomor akun, tidak menurut setiap nomor kartu. Minta email, nomor HP, atau ID member-nya.</translation>
    </message>
    <message>
        <source>{count} members this till remembers match “{query}”; use the email or the member ID.</source>
        <comment>member.ambiguous</comment>
        <translation>{count} member yang tersimpan di mesin kasir ini cocok dengan “{query}”; gunakan email atau ID member.</translation>
    </message>
    <message>
        <source>The Stamps server cannot be reached and this till has not seen “{query}” before. Try again when the till is back online.</source>
        <comment>member.unknown_offline</comment>
        <translation>Server Stamps tidak dapat dihubungi dan mesin kasir ini belum pernah melihat “{query}”. Coba lagi saat mesin kasir online kembali.</translation>
    </message>
    <message>
        <source>The till checked the line just now: the Stamps server still cannot be reached, and this till has not seen “{query}” before. Try again when the till is back online.</source>
        <comment>member.unknown_line_checked</comment>
        <translation>Mesin kasir baru saja memeriksa jaringan: server Stamps masih tidak dapat dihubungi, dan mesin kasir ini belum pernah melihat “{query}”. Coba lagi saat mesin kasir online kembali.</translation>
    </message>
    <message>
        <source>The Stamps server has not answered in time ({seconds} s) and this till has not seen “{query}” before. Try again; if it keeps happening, a manager can give lookups more time (the lookup_timeout setting).</source>
        <comment>member.server_slow</comment>
        <translation>Server Stamps belum menjawab tepat waktu ({seconds} dtk) dan mesin kasir ini belum pernah melihat “{query}”. Coba lagi; jika terus terjadi, manajer dapat memberi pencarian lebih banyak waktu (pengaturan lookup_timeout).</translation>
    </message>
    <message>
        <source>The Stamps server did not answer and this till has not seen “{query}” before. Try again in a moment.</source>
        <comment>member.no_answer</comment>
        <translation>Server Stamps tidak menjawab dan mesin kasir ini belum pernah melihat “{query}”. Coba lagi sebentar lagi.</translation>
    </message>
    <message>
        <source>The Stamps server answered, but its answer about “{query}” was too large for this till to read, and this till has not seen them before. Call a manager: the member&apos;s details on the Stamps dashboard may hold something far too long.</source>
        <comment>member.too_large</comment>
        <translation>Server Stamps menjawab, tetapi jawabannya tentang “{query}” terlalu besar untuk dibaca mesin kasir ini, dan mesin kasir ini belum pernah melihatnya. Panggil manajer: data member di dashboard Stamps mungkin berisi sesuatu yang jauh terlalu panjang.</translation>
    </message>
    <message>
        <source>The Stamps server is failing ({status}) and this till has not seen “{query}” before. Try again in a moment.</source>
        <comment>member.server_failing</comment>
        <translation>Server Stamps sedang bermasalah ({status}) dan mesin kasir ini belum pernah melihat “{query}”. Coba lagi sebentar lagi.</translation>
    </message>
    <message>
        <source>The Stamps server answered, but this till could not read what it said, and it has not seen “{query}” before. Try again; call a manager if it keeps happening.</source>
        <comment>member.unreadable</comment>
        <translation>Server Stamps menjawab, tetapi mesin kasir ini tidak dapat membaca jawabannya, dan belum pernah melihat “{query}”. Coba lagi; panggil manajer jika terus terjadi.</translation>
    </message>
    <message>
        <source>The Stamps server answered about “{query}”, but this till could not read what it said: shown is the till&apos;s saved copy of them, not the server&apos;s word. Try again; call a manager if it keeps happening.</source>
        <comment>member.copy_answer_unread</comment>
        <translation>Server Stamps menjawab tentang “{query}”, tetapi mesin kasir ini tidak dapat membaca jawabannya: yang ditampilkan adalah salinan tersimpan di mesin kasir, bukan kata server. Coba lagi; panggil manajer jika terus terjadi.</translation>
    </message>
    <message>
        <source>The Stamps server answered about “{query}”, but this till could not read what it said. The till&apos;s saved copy of them is not used: the server may have said something the copy does not know (a blocked account). Try again; call a manager if it keeps happening.</source>
        <comment>member.unreadable_copy_held_back</comment>
        <translation>Server Stamps menjawab tentang “{query}”, tetapi mesin kasir ini tidak dapat membaca jawabannya. Salinan tersimpan di mesin kasir tidak dipakai: server mungkin menyatakan sesuatu yang tidak diketahui salinan itu (akun yang diblokir). Coba lagi; panggil manajer jika terus terjadi.</translation>
    </message>
    <message>
        <source>{count} members found could not be read and are not listed: the Stamps server sent them in a form this till cannot read. Scan their card, or type their email, member ID or phone.</source>
        <comment>member.suggestions_some_unread</comment>
        <translation>{count} member yang ditemukan tidak bisa dibaca dan tidak ditampilkan: server Stamps mengirimnya dalam bentuk yang tidak dapat dibaca mesin kasir ini. Pindai kartunya, atau ketik email, ID member, atau nomor teleponnya.</translation>
    </message>
    <message>
        <source>The answer sends this till to another address ({address}), whose name may only look like the Stamps server&apos;s, and this till has not seen “{query}” before. Call a manager: do not set the Server URL (base_url) to it; ask Stamps support for the till&apos;s address.</source>
        <comment>member.moved_look_alike</comment>
        <translation>Jawabannya mengarahkan mesin kasir ini ke alamat lain ({address}) yang namanya mungkin hanya mirip nama server Stamps, dan mesin kasir ini belum pernah melihat “{query}”. Panggil manajer: jangan ubah URL server (base_url) menjadi alamat itu; tanyakan alamat mesin kasir ke dukungan Stamps.</translation>
    </message>
    <message>
        <source>The Stamps server answered without saying who “{query}” is. It said: “{said}”. This till has not seen “{query}” before: try again, or call a manager if it keeps happening.</source>
        <comment>member.server_said</comment>
        <translation>Server Stamps menjawab tanpa menyebutkan siapa “{query}”. Katanya: “{said}”. Mesin kasir ini belum pernah melihat “{query}”: coba lagi, atau panggil manajer jika terus terjadi.</translation>
    </message>
    <message>
        <source>A web page answers instead of the Stamps server: the shop&apos;s network may need signing in (a Wi-Fi login page). This till has not seen “{query}” before; call a manager.</source>
        <comment>member.web_page</comment>
        <translation>Yang menjawab adalah sebuah halaman web, bukan server Stamps: jaringan toko mungkin perlu login (halaman login Wi-Fi). Mesin kasir ini belum pernah melihat “{query}”; panggil manajer.</translation>
    </message>
    <message>
        <source>{name} has no email or Member ID on their Stamps account, and the server needs an email or Member ID for this. Add one on the Stamps dashboard, then find the member again.</source>
        <comment>member.no_email_or_member_id</comment>
        <translation>{name} tidak punya email atau ID Member di akun Stamps-nya, padahal server memerlukan email atau ID Member untuk ini. Tambahkan salah satunya di dashboard Stamps, lalu cari member ini lagi.</translation>
    </message>
    <message>
        <source>{name} has no email or phone number on their Stamps account, and the server needs an email or phone number for this. Add one on the Stamps dashboard, then find the member again.</source>
        <comment>member.no_email_or_phone</comment>
        <translation>{name} tidak punya email atau nomor HP di akun Stamps-nya, padahal server memerlukan email atau nomor HP untuk ini. Tambahkan salah satunya di dashboard Stamps, lalu cari member ini lagi.</translation>
    </message>
    <message>
        <source>{name}</source>
        <comment>member.level</comment>
        <translation>{name}</translation>
    </message>
    <message>
        <source>Stamps: not given by the Stamps server</source>
        <comment>member.stamps_unknown</comment>
        <translation>Stamp: tidak diberikan oleh server Stamps</translation>
    </message>
    <message>
        <source>Below zero on the Stamps server: no reward can be paid in stamps.</source>
        <comment>member.below_zero</comment>
        <translation>Di bawah nol di server Stamps: tidak ada hadiah yang bisa dibayar dengan stamp.</translation>
    </message>
    <message>
        <source>Level {number}</source>
        <comment>member.level_number</comment>
        <translation>Level {number}</translation>
    </message>
    <message>
        <source>This cannot be a member&apos;s email, member ID, phone or card number: it holds an invisible or control character ({character}). Type or scan it again.</source>
        <comment>member.hidden_characters</comment>
        <translation>Ini tidak mungkin email, ID member, nomor HP, atau nomor kartu member: ada karakter tak terlihat atau karakter kontrol ({character}) di dalamnya. Ketik atau pindai ulang.</translation>
    </message>
    <message>
        <source>This cannot be a member&apos;s email, member ID, phone or card number: it is longer than {limit} characters.</source>
        <comment>member.too_long</comment>
        <translation>Ini tidak mungkin email, ID member, nomor HP, atau nomor kartu member: panjangnya lebih dari {limit} karakter.</translation>
    </message>
    <message>
        <source>{count} members match “{query}”. Pick one from the list.</source>
        <comment>member.pick_one</comment>
        <translation>{count} member cocok dengan “{query}”. Pilih salah satu dari daftar.</translation>
    </message>
    <message>
        <source>The Stamps server refuses plain http, so members cannot be looked up. It said: “{said}”. Call a manager to set the Server URL (base_url) to {address}; a new API token would not help.</source>
        <comment>member.credentials.https</comment>
        <translation>Server Stamps menolak http biasa, jadi member tidak bisa dicari. Katanya: “{said}”. Panggil manajer untuk mengubah URL server (base_url) menjadi {address}; token API baru tidak akan membantu.</translation>
    </message>
    <message>
        <source>This member&apos;s redemptions need their PIN.</source>
        <comment>pin.required</comment>
        <translation>Penukaran member ini memerlukan PIN.</translation>
    </message>
    <message>
        <source>This member still has a redemption waiting to sync; it must go through before one with a PIN.</source>
        <comment>pin.lane_busy</comment>
        <translation>Member ini masih punya penukaran yang menunggu sinkron; penukaran itu harus selesai dulu sebelum penukaran dengan PIN.</translation>
    </message>
    <message>
        <source>This member still has a redemption waiting to sync; the kiosk takes no other until it goes through.</source>
        <comment>pin.lane_busy_at_kiosk</comment>
        <translation>Member ini masih punya penukaran yang menunggu sinkron; kios tidak menerima penukaran lain sampai penukaran itu selesai.</translation>
    </message>
    <message>
        <source>Wrong PIN. Ask the customer to try again.</source>
        <comment>pin.wrong</comment>
        <translation>PIN salah. Minta pelanggan mencoba lagi.</translation>
    </message>
    <message>
        <source>The PIN was not accepted: {reason}</source>
        <comment>pin.refused</comment>
        <translation>PIN tidak diterima: {reason}</translation>
    </message>
    <message>
        <source>Wrong PIN: {left} attempts left.</source>
        <comment>pin.wrong_attempts_left</comment>
        <translation>PIN salah: sisa {left} kali percobaan.</translation>
    </message>
    <message>
        <source>The PIN could not be checked: the Stamps server did not answer. Try again in a moment.</source>
        <comment>pin.unchecked</comment>
        <translation>PIN tidak bisa diperiksa: server Stamps tidak menjawab. Coba lagi sebentar lagi.</translation>
    </message>
    <message>
        <source>The PIN could not be checked: the Stamps server answered without confirming it, and said: “{said}”. Nothing was redeemed; try again, and call a manager if it keeps happening.</source>
        <comment>pin.unproven</comment>
        <translation>PIN tidak bisa diperiksa: server Stamps menjawab tanpa mengonfirmasinya, dan berkata: “{said}”. Tidak ada yang ditukarkan; coba lagi, dan panggil manajer jika terus terjadi.</translation>
    </message>
    <message>
        <source>The PIN could not be checked: the Stamps server answered in a form this till cannot read. Nothing was redeemed; try again, and call a manager if it keeps happening.</source>
        <comment>pin.unreadable</comment>
        <translation>PIN tidak bisa diperiksa: server Stamps menjawab dalam bentuk yang tidak dapat dibaca mesin kasir ini. Tidak ada yang ditukar; coba lagi, dan panggil manajer jika terus terjadi.</translation>
    </message>
    <message>
        <source>The PIN could not be checked: the Stamps server is failing ({status}). Nothing was redeemed; try again in a moment.</source>
        <comment>pin.server_failing</comment>
        <translation>PIN tidak bisa diperiksa: server Stamps sedang bermasalah ({status}). Tidak ada yang ditukar; coba lagi sebentar lagi.</translation>
    </message>
    <message>
        <source>The rewards could not be read: the Stamps server did not answer and this till has no copy of them yet. Try again in a moment.</source>
        <comment>catalogue.rewards_unavailable</comment>
        <translation>Daftar hadiah tidak bisa dibaca: server Stamps tidak menjawab dan mesin kasir ini belum punya salinannya. Coba lagi sebentar lagi.</translation>
    </message>
    <message>
        <source>This member&apos;s vouchers could not be read: the Stamps server did not answer and this till has not seen them before. Try again in a moment.</source>
        <comment>catalogue.vouchers_unavailable</comment>
        <translation>Voucher member ini tidak bisa dibaca: server Stamps tidak menjawab dan mesin kasir ini belum pernah melihatnya. Coba lagi sebentar lagi.</translation>
    </message>
    <message>
        <source>The rewards could not be read: the Stamps server cannot be reached and this till has no copy of them yet. Try again when the till is back online.</source>
        <comment>catalogue.rewards_unreachable</comment>
        <translation>Daftar hadiah tidak bisa dibaca: server Stamps tidak dapat dihubungi dan mesin kasir ini belum punya salinannya. Coba lagi saat mesin kasir online kembali.</translation>
    </message>
    <message>
        <source>This member&apos;s vouchers could not be read: the Stamps server cannot be reached and this till has not seen them before. Try again when the till is back online.</source>
        <comment>catalogue.vouchers_unreachable</comment>
        <translation>Voucher member ini tidak bisa dibaca: server Stamps tidak dapat dihubungi dan mesin kasir ini belum pernah melihatnya. Coba lagi saat mesin kasir online kembali.</translation>
    </message>
    <message>
        <source>The rewards could not be read: the Stamps server is failing ({status}) and this till has no copy of them yet. Try again in a moment.</source>
        <comment>catalogue.rewards_failing</comment>
        <translation>Daftar hadiah tidak bisa dibaca: server Stamps sedang bermasalah ({status}) dan mesin kasir ini belum punya salinannya. Coba lagi sebentar lagi.</translation>
    </message>
    <message>
        <source>This member&apos;s vouchers could not be read: the Stamps server is failing ({status}) and this till has not seen them before. Try again in a moment.</source>
        <comment>catalogue.vouchers_failing</comment>
        <translation>Voucher member ini tidak bisa dibaca: server Stamps sedang bermasalah ({status}) dan mesin kasir ini belum pernah melihatnya. Coba lagi sebentar lagi.</translation>
    </message>
    <message>
        <source>The rewards could not be read: the Stamps server refused to list them ({status}: “{reason}”) and this till has no copy of them yet. Call a manager if it keeps happening.</source>
        <comment>catalogue.rewards_refused</comment>
        <translation>Daftar hadiah tidak bisa dibaca: server Stamps menolak menampilkannya ({status}: “{reason}”) dan mesin kasir ini belum punya salinannya. Panggil manajer jika terus terjadi.</translation>
    </message>
    <message>
        <source>This member&apos;s vouchers could not be read: the Stamps server refused to list them ({status}: “{reason}”) and this till has not seen them before. Call a manager if it keeps happening.</source>
        <comment>catalogue.vouchers_refused</comment>
        <translation>Voucher member ini tidak bisa dibaca: server Stamps menolak menampilkannya ({status}: “{reason}”) dan mesin kasir ini belum pernah melihatnya. Panggil manajer jika terus terjadi.</translation>
    </message>
    <message>
        <source>The rewards could not be read: the Stamps server answered in a form this till cannot read, and this till has no copy of them yet. Call a manager if it keeps happening.</source>
        <comment>catalogue.rewards_unreadable</comment>
        <translation>Daftar hadiah tidak bisa dibaca: server Stamps menjawab dalam bentuk yang tidak dapat dibaca mesin kasir ini, dan mesin kasir ini belum punya salinannya. Panggil manajer jika terus terjadi.</translation>
    </message>
    <message>
        <source>This member&apos;s vouchers could not be read: the Stamps server answered in a form this till cannot read, and this till has not seen them before. Call a manager if it keeps happening.</source>
        <comment>catalogue.vouchers_unreadable</comment>
        <translation>Voucher member ini tidak bisa dibaca: server Stamps menjawab dalam bentuk yang tidak dapat dibaca mesin kasir ini, dan mesin kasir ini belum pernah melihatnya. Panggil manajer jika terus terjadi.</translation>
    </message>
    <message>
        <source>{count} rewards could not be read and are not shown: the Stamps server sent them in a form this till cannot read. Call a manager if it keeps happening.</source>
        <comment>catalogue.rewards_some_unread</comment>
        <translation>{count} hadiah tidak bisa dibaca dan tidak ditampilkan: server Stamps mengirimnya dalam bentuk yang tidak dapat dibaca mesin kasir ini. Panggil manajer jika terus terjadi.</translation>
    </message>
    <message>
        <source>{count} vouchers could not be read and are not shown: the Stamps server sent them in a form this till cannot read. Call a manager if it keeps happening.</source>
        <comment>catalogue.vouchers_some_unread</comment>
        <translation>{count} voucher tidak bisa dibaca dan tidak ditampilkan: server Stamps mengirimnya dalam bentuk yang tidak dapat dibaca mesin kasir ini. Panggil manajer jika terus terjadi.</translation>
    </message>
    <message>
        <source>{name} has no email or Member ID, which the Stamps server needs to list their vouchers.</source>
        <comment>catalogue.vouchers_need_user</comment>
        <translation>{name} tidak punya email atau ID Member, yang diperlukan server Stamps untuk menampilkan vouchernya.</translation>
    </message>
    <message>
        <source>The Stamps server did not answer: shown as this till last saw them ({when}).</source>
        <comment>catalogue.as_of</comment>
        <translation>Server Stamps tidak menjawab: ditampilkan seperti terakhir dilihat mesin kasir ini ({when}).</translation>
    </message>
    <message>
        <source>That reward ({reward}) is not offered at this store.</source>
        <comment>order.reward_not_offered</comment>
        <translation>Hadiah itu ({reward}) tidak tersedia di toko ini.</translation>
    </message>
    <message>
        <source>Reward {reward} cannot be redeemed here: the Stamps server lists it in a form this till cannot read. Call a manager if it keeps happening.</source>
        <comment>order.reward_unreadable</comment>
        <translation>Hadiah {reward} tidak bisa ditukar di sini: server Stamps mencantumkannya dalam bentuk yang tidak dapat dibaca mesin kasir ini. Panggil manajer jika terus terjadi.</translation>
    </message>
    <message>
        <source>{name}: only a flexible reward takes a number of stamps.</source>
        <comment>order.only_flexible_takes_stamps</comment>
        <translation>{name}: hanya hadiah fleksibel yang bisa diisi jumlah stamp.</translation>
    </message>
    <message>
        <source>{name} is a flexible reward: say how many stamps to spend.</source>
        <comment>order.flexible_needs_stamps</comment>
        <translation>{name} adalah hadiah fleksibel: tentukan berapa stamp yang dipakai.</translation>
    </message>
    <message>
        <source>No reward with code {code} at this store.</source>
        <comment>order.no_reward_code</comment>
        <translation>Tidak ada hadiah dengan kode {code} di toko ini.</translation>
    </message>
    <message>
        <source>{name} has no reward code, so it cannot go in a cart: redeem it on its own.</source>
        <comment>order.reward_without_code</comment>
        <translation>{name} tidak punya kode hadiah, jadi tidak bisa masuk keranjang: tukarkan tersendiri.</translation>
    </message>
    <message>
        <source>Code {code} is the code of more than one reward at this store: {names}. A cart names its rewards by code alone, so the till cannot tell which is meant: redeem the one meant on its own, picked from the rewards or by its id.</source>
        <comment>order.code_of_several</comment>
        <translation>Kode {code} adalah kode lebih dari satu hadiah di toko ini: {names}. Keranjang menyebut hadiahnya hanya dengan kode, jadi mesin kasir tidak bisa tahu mana yang dimaksud: tukarkan hadiah yang dimaksud tersendiri, dipilih dari daftar hadiah atau dengan ID-nya.</translation>
    </message>
    <message>
        <source>The cart is empty.</source>
        <comment>order.cart_empty</comment>
        <translation>Keranjang kosong.</translation>
    </message>
    <message>
        <source>Nothing was sent to Stamps and nothing was redeemed. Put right what is said above, then redeem again.</source>
        <comment>order.asks_first.todo</comment>
        <translation>Tidak ada yang dikirim ke Stamps dan tidak ada yang ditukar. Perbaiki yang disebut di atas, lalu tukar lagi.</translation>
    </message>
    <message>
        <source>{name}: the quantity must be from 1 to {most}.</source>
        <comment>order.qty_range</comment>
        <translation>{name}: jumlahnya harus dari 1 sampai {most}.</translation>
    </message>
    <message>
        <source>Voucher {voucher} is not one of this member&apos;s vouchers.</source>
        <comment>order.voucher_not_members</comment>
        <translation>Voucher {voucher} bukan milik member ini.</translation>
    </message>
    <message>
        <source>Voucher {voucher} cannot be used here: the Stamps server lists it in a form this till cannot read. Call a manager if it keeps happening.</source>
        <comment>order.voucher_unreadable</comment>
        <translation>Voucher {voucher} tidak bisa dipakai di sini: server Stamps mencantumkannya dalam bentuk yang tidak dapat dibaca mesin kasir ini. Panggil manajer jika terus terjadi.</translation>
    </message>
    <message>
        <source>The till cannot check voucher {voucher} now: the Stamps server did not answer and the till&apos;s copy of this member&apos;s vouchers does not have it. Try again in a moment.</source>
        <comment>order.voucher_not_known</comment>
        <translation>Mesin kasir tidak bisa memeriksa voucher {voucher} sekarang: server Stamps tidak menjawab dan salinan voucher member ini di mesin kasir tidak memuatnya. Coba lagi sebentar lagi.</translation>
    </message>
    <message>
        <source>{name} has only {left} left.</source>
        <comment>order.balance_left</comment>
        <translation>Sisa {name} hanya {left}.</translation>
    </message>
    <message>
        <source>{name} is a balance voucher: deduct an amount from it, or use it up whole on purpose.</source>
        <comment>order.balance_only_deducts</comment>
        <translation>{name} adalah voucher saldo: potong sejumlah nominal, atau sengaja pakai habis seluruhnya.</translation>
    </message>
    <message>
        <source>Type an amount above Rp 0.</source>
        <comment>order.value_positive</comment>
        <translation>Ketik nominal di atas Rp 0.</translation>
    </message>
    <message>
        <source>Type or scan the voucher code.</source>
        <comment>order.type_voucher_code</comment>
        <translation>Ketik atau pindai kode voucher.</translation>
    </message>
    <message>
        <source>Type or scan the promo code.</source>
        <comment>order.type_promo_code</comment>
        <translation>Ketik atau pindai kode promo.</translation>
    </message>
    <message>
        <source>Voucher code {code} cannot be redeemed here.</source>
        <comment>order.code_not_redeemable</comment>
        <translation>Kode voucher {code} tidak bisa ditukar di sini.</translation>
    </message>
    <message>
        <source>The Stamps server did not say which voucher {code} is.</source>
        <comment>order.code_unknown_template</comment>
        <translation>Server Stamps tidak menyebutkan voucher apa {code} itu.</translation>
    </message>
    <message>
        <source>Offline, the till cannot tell which voucher {code} is. Try again when the till is back online.</source>
        <comment>order.code_offline_unknown</comment>
        <translation>Saat offline, mesin kasir tidak bisa mengetahui voucher apa {code} itu. Coba lagi saat mesin kasir online kembali.</translation>
    </message>
    <message>
        <source>Offline, the till cannot tell which voucher {code} is.</source>
        <comment>order.code_offline_unknown.line_checked</comment>
        <translation>Saat offline, mesin kasir tidak bisa mengetahui voucher apa {code} itu.</translation>
    </message>
    <message>
        <source>The Stamps server has not answered in time ({seconds} s), so voucher code {code} was not checked and nothing was redeemed. Try again; if it keeps happening, a manager can give the server more time (the lookup_timeout setting).</source>
        <comment>order.code_not_checked</comment>
        <translation>Server Stamps belum menjawab tepat waktu ({seconds} dtk), jadi kode voucher {code} tidak diperiksa dan tidak ada yang ditukar. Coba lagi; jika terus terjadi, manajer dapat memberi server lebih banyak waktu (pengaturan lookup_timeout).</translation>
    </message>
    <message>
        <source>The Stamps server has not answered in time ({seconds} s), so promo code {code} was not checked and nothing was redeemed. Try again; if it keeps happening, a manager can give the server more time (the lookup_timeout setting).</source>
        <comment>order.promo_not_checked</comment>
        <translation>Server Stamps belum menjawab tepat waktu ({seconds} dtk), jadi kode promo {code} tidak diperiksa dan tidak ada yang ditukar. Coba lagi; jika terus terjadi, manajer dapat memberi server lebih banyak waktu (pengaturan lookup_timeout).</translation>
    </message>
    <message>
        <source>The Stamps server answered the check of voucher code {code} in a form this till cannot read, so the code was not checked and nothing was redeemed. Call a manager if it keeps happening.</source>
        <comment>order.code_check_unreadable</comment>
        <translation>Server Stamps menjawab pengecekan kode voucher {code} dalam bentuk yang tidak dapat dibaca mesin kasir ini, jadi kode itu tidak dicek dan tidak ada yang ditukar. Panggil manajer jika terus terjadi.</translation>
    </message>
    <message>
        <source>The Stamps server answered the check of promo code {code} in a form this till cannot read, so the code was not checked and nothing was redeemed. Call a manager if it keeps happening.</source>
        <comment>order.promo_check_unreadable</comment>
        <translation>Server Stamps menjawab pengecekan kode promo {code} dalam bentuk yang tidak dapat dibaca mesin kasir ini, jadi kode itu tidak dicek dan tidak ada yang ditukar. Panggil manajer jika terus terjadi.</translation>
    </message>
    <message>
        <source>Nothing was redeemed: try the code again, or tell the customer it cannot be checked now.</source>
        <comment>order.code_not_checked.todo</comment>
        <translation>Tidak ada yang ditukar: coba kodenya lagi, atau beri tahu pelanggan bahwa kode itu belum bisa diperiksa sekarang.</translation>
    </message>
    <message>
        <source>Promo code {code} is not active.</source>
        <comment>order.promo_inactive</comment>
        <translation>Kode promo {code} tidak aktif.</translation>
    </message>
    <message>
        <source>A promo code needs the invoice number of the sale.</source>
        <comment>order.promo_needs_invoice</comment>
        <translation>Kode promo memerlukan nomor struk penjualan.</translation>
    </message>
    <message>
        <source>This cannot be sent as it stands: check {fields}.</source>
        <comment>order.check_fields</comment>
        <translation>Ini belum bisa dikirim: periksa {fields}.</translation>
    </message>
    <message>
        <source>Type or scan the invoice number.</source>
        <comment>code.invoice_empty</comment>
        <translation>Ketik atau pindai nomor struk.</translation>
    </message>
    <message>
        <source>The invoice number holds an invisible or control character ({character}); type or scan it again without it.</source>
        <comment>code.invoice_hidden</comment>
        <translation>Nomor struk memuat karakter tak terlihat atau karakter kontrol ({character}); ketik atau pindai ulang tanpa karakter itu.</translation>
    </message>
    <message>
        <source>The invoice number is longer than {limit} characters.</source>
        <comment>code.invoice_too_long</comment>
        <translation>Nomor struk lebih dari {limit} karakter.</translation>
    </message>
    <message>
        <source>The voucher code holds an invisible or control character ({character}); type or scan it again without it.</source>
        <comment>code.voucher_hidden</comment>
        <translation>Kode voucher memuat karakter tak terlihat atau karakter kontrol ({character}); ketik atau pindai ulang tanpa karakter itu.</translation>
    </message>
    <message>
        <source>The voucher code is longer than {limit} characters.</source>
        <comment>code.voucher_too_long</comment>
        <translation>Kode voucher lebih dari {limit} karakter.</translation>
    </message>
    <message>
        <source>The promo code holds an invisible or control character ({character}); type or scan it again without it.</source>
        <comment>code.promo_hidden</comment>
        <translation>Kode promo memuat karakter tak terlihat atau karakter kontrol ({character}); ketik atau pindai ulang tanpa karakter itu.</translation>
    </message>
    <message>
        <source>The promo code is longer than {limit} characters.</source>
        <comment>code.promo_too_long</comment>
        <translation>Kode promo lebih dari {limit} karakter.</translation>
    </message>
    <message>
        <source>The invoice number stacks more than {limit} accents on one letter; type or scan it again without them.</source>
        <comment>code.invoice_mark_stack</comment>
        <translation>Nomor struk menumpuk lebih dari {limit} tanda aksen pada satu huruf; ketik atau pindai ulang tanpanya.</translation>
    </message>
    <message>
        <source>The voucher code stacks more than {limit} accents on one letter; type or scan it again without them.</source>
        <comment>code.voucher_mark_stack</comment>
        <translation>Kode voucher menumpuk lebih dari {limit} tanda aksen pada satu huruf; ketik atau pindai ulang tanpanya.</translation>
    </message>
    <message>
        <source>The promo code stacks more than {limit} accents on one letter; type or scan it again without them.</source>
        <comment>code.promo_mark_stack</comment>
        <translation>Kode promo menumpuk lebih dari {limit} tanda aksen pada satu huruf; ketik atau pindai ulang tanpanya.</translation>
    </message>
    <message>
        <source>{name}</source>
        <comment>what.reward</comment>
        <translation>{name}</translation>
    </message>
    <message>
        <source>{qty} × {name}</source>
        <comment>what.rewards</comment>
        <translation>{qty} × {name}</translation>
    </message>
    <message>
        <source>Voucher given: {name}</source>
        <comment>what.reward_voucher</comment>
        <translation>Voucher diberikan: {name}</translation>
    </message>
    <message>
        <source>Voucher given: {qty} × {name}</source>
        <comment>what.rewards_voucher</comment>
        <translation>Voucher diberikan: {qty} × {name}</translation>
    </message>
    <message>
        <source>{items}</source>
        <comment>what.cart</comment>
        <translation>{items}</translation>
    </message>
    <message>
        <source>{name}, used up whole</source>
        <comment>what.whole_balance</comment>
        <translation>{name}, dipakai habis</translation>
    </message>
    <message>
        <source>{value} from {name}</source>
        <comment>what.deduct</comment>
        <translation>{value} dari {name}</translation>
    </message>
    <message>
        <source>Voucher code {code}</source>
        <comment>what.code</comment>
        <translation>Kode voucher {code}</translation>
    </message>
    <message>
        <source>Voucher code {code} ({name})</source>
        <comment>what.code_named</comment>
        <translation>Kode voucher {code} ({name})</translation>
    </message>
    <message>
        <source>Promo code {code}</source>
        <comment>what.promo</comment>
        <translation>Kode promo {code}</translation>
    </message>
    <message>
        <source>Kiosk redemption (at the PIN, before a reward was chosen)</source>
        <comment>what.kiosk_pin</comment>
        <translation>Penukaran di kios (saat PIN, sebelum hadiah dipilih)</translation>
    </message>
    <message>
        <source>Kiosk redemption (on identifying, before a reward was chosen)</source>
        <comment>what.kiosk_identify</comment>
        <translation>Penukaran di kios (saat identifikasi, sebelum hadiah dipilih)</translation>
    </message>
    <message>
        <source>The Stamps server refused it: {reason}</source>
        <comment>server.refused</comment>
        <translation>Server Stamps menolaknya: {reason}</translation>
    </message>
    <message>
        <source>The Stamps server refused it without saying why.</source>
        <comment>server.refused_silently</comment>
        <translation>Server Stamps menolaknya tanpa menyebut alasan.</translation>
    </message>
    <message>
        <source>The Stamps server did not answer in time. Nothing was redeemed; try again in a moment.</source>
        <comment>server.no_answer</comment>
        <translation>Server Stamps tidak menjawab tepat waktu. Tidak ada yang ditukar; coba lagi sebentar lagi.</translation>
    </message>
    <message>
        <source>The Stamps server cannot be reached. Nothing was redeemed; try again when the till is back online.</source>
        <comment>server.unreachable</comment>
        <translation>Server Stamps tidak dapat dihubungi. Tidak ada yang ditukar; coba lagi saat mesin kasir online kembali.</translation>
    </message>
    <message>
        <source>The Stamps server had a problem and could not check this. Nothing was redeemed; try again in a moment.</source>
        <comment>server.failed</comment>
        <translation>Server Stamps sedang bermasalah dan tidak bisa memeriksa ini. Tidak ada yang ditukar; coba lagi sebentar lagi.</translation>
    </message>
    <message>
        <source>The Stamps server refuses this till&apos;s API token. Nothing was redeemed; call a manager.</source>
        <comment>server.credentials</comment>
        <translation>Server Stamps menolak token API mesin kasir ini. Tidak ada yang ditukar; panggil manajer.</translation>
    </message>
    <message>
        <source>The Stamps server refuses this till&apos;s API token. It said: “{said}”. Nothing was redeemed; call a manager.</source>
        <comment>server.credentials.said</comment>
        <translation>Server Stamps menolak token API mesin kasir ini. Katanya: “{said}”. Tidak ada yang ditukar; panggil manajer.</translation>
    </message>
    <message>
        <source>The Stamps server refuses plain http. It said: “{said}”. Nothing was redeemed; call a manager to set the Server URL (base_url) to {address}.</source>
        <comment>server.credentials.https</comment>
        <translation>Server Stamps menolak http biasa. Katanya: “{said}”. Tidak ada yang ditukar; panggil manajer untuk mengubah URL server (base_url) menjadi {address}.</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <comment>receipt.confirmed</comment>
        <translation>Dikonfirmasi</translation>
    </message>
    <message>
        <source>Hand over the reward.</source>
        <comment>receipt.confirmed.todo</comment>
        <translation>Serahkan hadiahnya.</translation>
    </message>
    <message>
        <source>Found in the member&apos;s activity, so it reached the Stamps server, but the server gives it a status the till does not know ({status}): counted as redeemed, check on the Stamps dashboard whether it still stands. A later cancel must be made there.</source>
        <comment>receipt.detail.reconciled.status_unread</comment>
        <translation>Ditemukan di aktivitas member, jadi sudah sampai di server Stamps, tetapi server memberinya status yang tidak dikenal mesin kasir ({status}): dihitung sebagai ditukar, periksa di dashboard Stamps apakah masih berlaku. Pembatalan nanti harus dilakukan di sana.</translation>
    </message>
    <message>
        <source>Found in the member&apos;s activity, so it reached the Stamps server, but its line gives no status: counted as redeemed, check on the Stamps dashboard whether it still stands. A later cancel must be made there.</source>
        <comment>receipt.detail.reconciled.status_none</comment>
        <translation>Ditemukan di aktivitas member, jadi sudah sampai di server Stamps, tetapi barisnya tidak memberi status: dihitung sebagai ditukar, periksa di dashboard Stamps apakah masih berlaku. Pembatalan nanti harus dilakukan di sana.</translation>
    </message>
    <message>
        <source>Found in the member&apos;s activity, so it reached the Stamps server, before this till kept what its line said: counted as redeemed, check on the Stamps dashboard whether it still stands. A later cancel must be made there.</source>
        <comment>receipt.detail.reconciled.status_not_kept</comment>
        <translation>Ditemukan di aktivitas member, jadi sudah sampai di server Stamps, sebelum mesin kasir ini menyimpan isi barisnya: dihitung sebagai ditukar, periksa di dashboard Stamps apakah masih berlaku. Pembatalan nanti harus dilakukan di sana.</translation>
    </message>
    <message>
        <source>A manager marked it applied, as server redemption {server_id} on the Stamps dashboard.</source>
        <comment>receipt.detail.marked_applied.server_id</comment>
        <translation>Manajer menandainya diproses, sebagai penukaran server {server_id} di dashboard Stamps.</translation>
    </message>
    <message>
        <source>Confirmed after all: the reward is a voucher, added to the member&apos;s vouchers. Nothing to hand over.</source>
        <comment>receipt.confirmed.later.todo.issued</comment>
        <translation>Akhirnya terkonfirmasi: hadiahnya berupa voucher, sudah ditambahkan ke voucher member. Tidak ada yang diserahkan.</translation>
    </message>
    <message>
        <source>Confirmed after all: the rewards that are not vouchers may be handed over now; the vouchers were added to the member&apos;s vouchers.</source>
        <comment>receipt.confirmed.later.todo.cart_issued</comment>
        <translation>Akhirnya terkonfirmasi: hadiah yang bukan voucher boleh diserahkan sekarang; vouchernya sudah ditambahkan ke voucher member.</translation>
    </message>
    <message>
        <source>Nothing more to give: the rewards that are not vouchers were handed over when the till accepted it offline, and the vouchers were added to the member&apos;s vouchers.</source>
        <comment>receipt.confirmed.offline.todo.cart_issued</comment>
        <translation>Tidak ada lagi yang perlu diberikan: hadiah yang bukan voucher sudah diserahkan saat mesin kasir menerimanya secara offline, dan vouchernya sudah ditambahkan ke voucher member.</translation>
    </message>
    <message>
        <source>Nothing more to give: it was handed over when the till accepted it to send again, after the Stamps server asked for it again.</source>
        <comment>receipt.confirmed.sent_again.todo</comment>
        <translation>Tidak ada lagi yang perlu diberikan: hadiahnya sudah diserahkan saat mesin kasir menerimanya untuk dikirim ulang, setelah server Stamps memintanya dikirim lagi.</translation>
    </message>
    <message>
        <source>Nothing more to give: they were handed over when the till accepted it to send again, after the Stamps server asked for it again.</source>
        <comment>receipt.confirmed.sent_again.todo.cart</comment>
        <translation>Tidak ada lagi yang perlu diberikan: hadiah-hadiahnya sudah diserahkan saat mesin kasir menerimanya untuk dikirim ulang, setelah server Stamps memintanya dikirim lagi.</translation>
    </message>
    <message>
        <source>Nothing more to give: the voucher was applied when the till accepted it to send again, after the Stamps server asked for it again.</source>
        <comment>receipt.confirmed.sent_again.todo.voucher</comment>
        <translation>Tidak ada lagi yang perlu diberikan: vouchernya sudah dipakai saat mesin kasir menerimanya untuk dikirim ulang, setelah server Stamps memintanya dikirim lagi.</translation>
    </message>
    <message>
        <source>Nothing more to give: the amount was taken off the bill when the till accepted it to send again, after the Stamps server asked for it again.</source>
        <comment>receipt.confirmed.sent_again.todo.deduct</comment>
        <translation>Tidak ada lagi yang perlu diberikan: jumlahnya sudah dipotong dari tagihan saat mesin kasir menerimanya untuk dikirim ulang, setelah server Stamps memintanya dikirim lagi.</translation>
    </message>
    <message>
        <source>Nothing more to give: the promo was applied when the till accepted it to send again, after the Stamps server asked for it again.</source>
        <comment>receipt.confirmed.sent_again.todo.promo</comment>
        <translation>Tidak ada lagi yang perlu diberikan: promonya sudah diterapkan saat mesin kasir menerimanya untuk dikirim ulang, setelah server Stamps memintanya dikirim lagi.</translation>
    </message>
    <message>
        <source>Nothing more to give: the voucher was added to the member&apos;s vouchers.</source>
        <comment>receipt.confirmed.sent_again.todo.issued</comment>
        <translation>Tidak ada lagi yang perlu diberikan: vouchernya sudah ditambahkan ke voucher member.</translation>
    </message>
    <message>
        <source>Nothing more to give: the rewards that are not vouchers were handed over when the till accepted it to send again, after the Stamps server asked for it again, and the vouchers were added to the member&apos;s vouchers.</source>
        <comment>receipt.confirmed.sent_again.todo.cart_issued</comment>
        <translation>Tidak ada lagi yang perlu diberikan: hadiah yang bukan voucher sudah diserahkan saat mesin kasir menerimanya untuk dikirim ulang, setelah server Stamps memintanya dikirim lagi, dan vouchernya sudah ditambahkan ke voucher member.</translation>
    </message>
    <message>
        <source>Hand over the rewards that are not vouchers; the vouchers were added to the member&apos;s vouchers.</source>
        <comment>receipt.confirmed.todo.cart_issued</comment>
        <translation>Serahkan hadiah yang bukan voucher; vouchernya sudah ditambahkan ke voucher member.</translation>
    </message>
    <message>
        <source>Accepted offline — will sync</source>
        <comment>receipt.accepted_offline</comment>
        <translation>Diterima offline — akan disinkronkan</translation>
    </message>
    <message>
        <source>Hand over the reward; the till sends it when the network is back.</source>
        <comment>receipt.accepted_offline.todo</comment>
        <translation>Serahkan hadiahnya; mesin kasir mengirimnya saat jaringan kembali.</translation>
    </message>
    <message>
        <source>Hand over the reward; the till sends it once a manager sets this till&apos;s new API token.</source>
        <comment>receipt.accepted_offline.paused.todo</comment>
        <translation>Serahkan hadiahnya; mesin kasir mengirimnya setelah manajer memasang token API baru untuk mesin kasir ini.</translation>
    </message>
    <message>
        <source>Hand over the reward; the till sends it once a manager sets the till&apos;s Server URL to https.</source>
        <comment>receipt.accepted_offline.paused.https.todo</comment>
        <translation>Serahkan hadiahnya; mesin kasir mengirimnya setelah manajer mengubah URL server mesin kasir ini ke https.</translation>
    </message>
    <message>
        <source>Accepted — will sync</source>
        <comment>receipt.accepted_offline.slowed</comment>
        <translation>Diterima — akan disinkronkan</translation>
    </message>
    <message>
        <source>Hand over the reward; the till sends it by itself once the Stamps server&apos;s wait is over.</source>
        <comment>receipt.accepted_offline.slowed.todo</comment>
        <translation>Serahkan hadiahnya; mesin kasir mengirimnya sendiri setelah masa tunggu dari server Stamps selesai.</translation>
    </message>
    <message>
        <source>The reward is a voucher: nothing to hand over. It reaches the member&apos;s vouchers once the till has sent it, by itself, when the Stamps server&apos;s wait is over.</source>
        <comment>receipt.accepted_offline.slowed.todo.issued</comment>
        <translation>Hadiahnya berupa voucher: tidak ada yang diserahkan. Voucher masuk ke voucher member setelah mesin kasir mengirimnya sendiri, saat masa tunggu dari server Stamps selesai.</translation>
    </message>
    <message>
        <source>Hand over the rewards that are not vouchers; the vouchers reach the member&apos;s vouchers once the till has sent the cart, by itself, when the Stamps server&apos;s wait is over.</source>
        <comment>receipt.accepted_offline.slowed.todo.cart_issued</comment>
        <translation>Serahkan hadiah yang bukan voucher; vouchernya masuk ke voucher member setelah mesin kasir mengirim keranjangnya sendiri, saat masa tunggu dari server Stamps selesai.</translation>
    </message>
    <message>
        <source>Hand over the rewards; the till sends them by itself once the Stamps server&apos;s wait is over.</source>
        <comment>receipt.accepted_offline.slowed.todo.cart</comment>
        <translation>Serahkan hadiah-hadiahnya; mesin kasir mengirimnya sendiri setelah masa tunggu dari server Stamps selesai.</translation>
    </message>
    <message>
        <source>Apply the voucher: give its item or discount. The till sends it by itself once the Stamps server&apos;s wait is over.</source>
        <comment>receipt.accepted_offline.slowed.todo.voucher</comment>
        <translation>Pakai vouchernya: berikan barang atau potongannya. Mesin kasir mengirimnya sendiri setelah masa tunggu dari server Stamps selesai.</translation>
    </message>
    <message>
        <source>Take the amount off the bill; the till sends it by itself once the Stamps server&apos;s wait is over.</source>
        <comment>receipt.accepted_offline.slowed.todo.deduct</comment>
        <translation>Potong jumlahnya dari tagihan; mesin kasir mengirimnya sendiri setelah masa tunggu dari server Stamps selesai.</translation>
    </message>
    <message>
        <source>Apply the promo to this sale; the till sends it by itself once the Stamps server&apos;s wait is over.</source>
        <comment>receipt.accepted_offline.slowed.todo.promo</comment>
        <translation>Terapkan promonya pada penjualan ini; mesin kasir mengirimnya sendiri setelah masa tunggu dari server Stamps selesai.</translation>
    </message>
    <message>
        <source>Accepted — will sync</source>
        <comment>receipt.accepted_offline.timed_out</comment>
        <translation>Diterima — akan disinkronkan</translation>
    </message>
    <message>
        <source>Hand over the reward; the till sends it again by itself.</source>
        <comment>receipt.accepted_offline.timed_out.todo</comment>
        <translation>Serahkan hadiahnya; mesin kasir mengirimnya lagi sendiri.</translation>
    </message>
    <message>
        <source>The reward is a voucher: nothing to hand over. It reaches the member&apos;s vouchers once the till has sent it again, by itself.</source>
        <comment>receipt.accepted_offline.timed_out.todo.issued</comment>
        <translation>Hadiahnya berupa voucher: tidak ada yang diserahkan. Voucher masuk ke voucher member setelah mesin kasir mengirimnya lagi sendiri.</translation>
    </message>
    <message>
        <source>Hand over the rewards that are not vouchers; the vouchers reach the member&apos;s vouchers once the till has sent the cart again, by itself.</source>
        <comment>receipt.accepted_offline.timed_out.todo.cart_issued</comment>
        <translation>Serahkan hadiah yang bukan voucher; vouchernya masuk ke voucher member setelah mesin kasir mengirim keranjangnya lagi sendiri.</translation>
    </message>
    <message>
        <source>Hand over the rewards; the till sends them again by itself.</source>
        <comment>receipt.accepted_offline.timed_out.todo.cart</comment>
        <translation>Serahkan hadiah-hadiahnya; mesin kasir mengirimnya lagi sendiri.</translation>
    </message>
    <message>
        <source>Apply the voucher: give its item or discount. The till sends it again by itself.</source>
        <comment>receipt.accepted_offline.timed_out.todo.voucher</comment>
        <translation>Pakai vouchernya: berikan barang atau potongannya. Mesin kasir mengirimnya lagi sendiri.</translation>
    </message>
    <message>
        <source>Take the amount off the bill; the till sends it again by itself.</source>
        <comment>receipt.accepted_offline.timed_out.todo.deduct</comment>
        <translation>Potong jumlahnya dari tagihan; mesin kasir mengirimnya lagi sendiri.</translation>
    </message>
    <message>
        <source>Apply the promo to this sale; the till sends it again by itself.</source>
        <comment>receipt.accepted_offline.timed_out.todo.promo</comment>
        <translation>Terapkan promonya pada penjualan ini; mesin kasir mengirimnya lagi sendiri.</translation>
    </message>
    <message>
        <source>The reward is a voucher: nothing to hand over. It reaches the member&apos;s vouchers once the till sends it, when the network is back.</source>
        <comment>receipt.accepted_offline.todo.issued</comment>
        <translation>Hadiahnya berupa voucher: tidak ada yang diserahkan. Voucher masuk ke voucher member setelah mesin kasir mengirimnya, saat jaringan kembali.</translation>
    </message>
    <message>
        <source>The reward is a voucher: nothing to hand over. It reaches the member&apos;s vouchers once a manager sets this till&apos;s new API token.</source>
        <comment>receipt.accepted_offline.paused.todo.issued</comment>
        <translation>Hadiahnya berupa voucher: tidak ada yang diserahkan. Voucher masuk ke voucher member setelah manajer memasang token API baru untuk mesin kasir ini.</translation>
    </message>
    <message>
        <source>The reward is a voucher: nothing to hand over. It reaches the member&apos;s vouchers once a manager sets the till&apos;s Server URL to https.</source>
        <comment>receipt.accepted_offline.paused.https.todo.issued</comment>
        <translation>Hadiahnya berupa voucher: tidak ada yang diserahkan. Voucher masuk ke voucher member setelah manajer mengubah URL server mesin kasir ini ke https.</translation>
    </message>
    <message>
        <source>Hand over the rewards that are not vouchers; the vouchers reach the member&apos;s vouchers once the till sends the cart, when the network is back.</source>
        <comment>receipt.accepted_offline.todo.cart_issued</comment>
        <translation>Serahkan hadiah yang bukan voucher; vouchernya masuk ke voucher member setelah mesin kasir mengirim keranjangnya, saat jaringan kembali.</translation>
    </message>
    <message>
        <source>Hand over the rewards that are not vouchers; the vouchers reach the member&apos;s vouchers once a manager sets this till&apos;s new API token.</source>
        <comment>receipt.accepted_offline.paused.todo.cart_issued</comment>
        <translation>Serahkan hadiah yang bukan voucher; vouchernya masuk ke voucher member setelah manajer memasang token API baru untuk mesin kasir ini.</translation>
    </message>
    <message>
        <source>Hand over the rewards that are not vouchers; the vouchers reach the member&apos;s vouchers once a manager sets the till&apos;s Server URL to https.</source>
        <comment>receipt.accepted_offline.paused.https.todo.cart_issued</comment>
        <translation>Serahkan hadiah yang bukan voucher; vouchernya masuk ke voucher member setelah manajer mengubah URL server mesin kasir ini ke https.</translation>
    </message>
    <message>
        <source>NOT CONFIRMED — do not hand over yet</source>
        <comment>receipt.not_confirmed</comment>
        <translation>BELUM DIKONFIRMASI — jangan serahkan dulu</translation>
    </message>
    <message>
        <source>The Stamps server has not confirmed it. Keep the reward back until this turns green, or ask a manager to decide.</source>
        <comment>receipt.not_confirmed.todo</comment>
        <translation>Server Stamps belum mengonfirmasinya. Tahan dulu hadiahnya sampai ini berubah hijau, atau minta manajer memutuskan.</translation>
    </message>
    <message>
        <source>NOT CONFIRMED — accepted offline</source>
        <comment>receipt.not_confirmed.offline</comment>
        <translation>BELUM DIKONFIRMASI — diterima offline</translation>
    </message>
    <message>
        <source>It was handed over when the till accepted it offline. The Stamps server has not confirmed it yet: the till is finding out, and a manager sees it if the till cannot.</source>
        <comment>receipt.not_confirmed.offline.todo</comment>
        <translation>Hadiahnya sudah diserahkan saat mesin kasir menerimanya secara offline. Server Stamps belum mengonfirmasinya: mesin kasir sedang memastikannya, dan manajer akan melihatnya jika mesin kasir tidak bisa.</translation>
    </message>
    <message>
        <source>The reward is a voucher: nothing went over the counter. The Stamps server has not confirmed it yet: the till is finding out, and a manager sees it if the till cannot.</source>
        <comment>receipt.not_confirmed.offline.todo.issued</comment>
        <translation>Hadiahnya berupa voucher: tidak ada yang diserahkan di kasir. Server Stamps belum mengonfirmasinya: mesin kasir sedang memastikannya, dan manajer akan melihatnya jika mesin kasir tidak bisa.</translation>
    </message>
    <message>
        <source>The rewards that are not vouchers were handed over when the till accepted it offline. The Stamps server has not confirmed it yet: the till is finding out, and a manager sees it if the till cannot.</source>
        <comment>receipt.not_confirmed.offline.todo.cart_issued</comment>
        <translation>Hadiah yang bukan voucher sudah diserahkan saat mesin kasir menerimanya secara offline. Server Stamps belum mengonfirmasinya: mesin kasir sedang memastikannya, dan manajer akan melihatnya jika mesin kasir tidak bisa.</translation>
    </message>
    <message>
        <source>NOT CONFIRMED — accepted to send again</source>
        <comment>receipt.not_confirmed.sent_again</comment>
        <translation>BELUM DIKONFIRMASI — diterima untuk dikirim ulang</translation>
    </message>
    <message>
        <source>It was handed over when the till accepted it to send again, after the Stamps server asked for it again. The Stamps server has not confirmed it yet: the till is finding out, and a manager sees it if the till cannot.</source>
        <comment>receipt.not_confirmed.sent_again.todo</comment>
        <translation>Hadiahnya sudah diserahkan saat mesin kasir menerimanya untuk dikirim ulang, setelah server Stamps memintanya dikirim lagi. Server Stamps belum mengonfirmasinya: mesin kasir sedang memastikannya, dan manajer akan melihatnya jika mesin kasir tidak bisa.</translation>
    </message>
    <message>
        <source>The reward is a voucher: nothing went over the counter. The Stamps server has not confirmed it yet: the till is finding out, and a manager sees it if the till cannot.</source>
        <comment>receipt.not_confirmed.sent_again.todo.issued</comment>
        <translation>Hadiahnya berupa voucher: tidak ada yang diserahkan di kasir. Server Stamps belum mengonfirmasinya: mesin kasir sedang memastikannya, dan manajer akan melihatnya jika mesin kasir tidak bisa.</translation>
    </message>
    <message>
        <source>The rewards that are not vouchers were handed over when the till accepted it to send again, after the Stamps server asked for it again. The Stamps server has not confirmed it yet: the till is finding out, and a manager sees it if the till cannot.</source>
        <comment>receipt.not_confirmed.sent_again.todo.cart_issued</comment>
        <translation>Hadiah yang bukan voucher sudah diserahkan saat mesin kasir menerimanya untuk dikirim ulang, setelah server Stamps memintanya dikirim lagi. Server Stamps belum mengonfirmasinya: mesin kasir sedang memastikannya, dan manajer akan melihatnya jika mesin kasir tidak bisa.</translation>
    </message>
    <message>
        <source>They were handed over when the till accepted it to send again, after the Stamps server asked for it again. The Stamps server has not confirmed it yet: the till is finding out, and a manager sees it if the till cannot.</source>
        <comment>receipt.not_confirmed.sent_again.todo.cart</comment>
        <translation>Hadiah-hadiahnya sudah diserahkan saat mesin kasir menerimanya untuk dikirim ulang, setelah server Stamps memintanya dikirim lagi. Server Stamps belum mengonfirmasinya: mesin kasir sedang memastikannya, dan manajer akan melihatnya jika mesin kasir tidak bisa.</translation>
    </message>
    <message>
        <source>The voucher was applied when the till accepted it to send again, after the Stamps server asked for it again. The Stamps server has not confirmed it yet: the till is finding out, and a manager sees it if the till cannot.</source>
        <comment>receipt.not_confirmed.sent_again.todo.voucher</comment>
        <translation>Vouchernya sudah dipakai saat mesin kasir menerimanya untuk dikirim ulang, setelah server Stamps memintanya dikirim lagi. Server Stamps belum mengonfirmasinya: mesin kasir sedang memastikannya, dan manajer akan melihatnya jika mesin kasir tidak bisa.</translation>
    </message>
    <message>
        <source>The amount was taken off the bill when the till accepted it to send again, after the Stamps server asked for it again. The Stamps server has not confirmed it yet: the till is finding out, and a manager sees it if the till cannot.</source>
        <comment>receipt.not_confirmed.sent_again.todo.deduct</comment>
        <translation>Jumlahnya sudah dipotong dari tagihan saat mesin kasir menerimanya untuk dikirim ulang, setelah server Stamps memintanya dikirim lagi. Server Stamps belum mengonfirmasinya: mesin kasir sedang memastikannya, dan manajer akan melihatnya jika mesin kasir tidak bisa.</translation>
    </message>
    <message>
        <source>The promo was applied when the till accepted it to send again, after the Stamps server asked for it again. The Stamps server has not confirmed it yet: the till is finding out, and a manager sees it if the till cannot.</source>
        <comment>receipt.not_confirmed.sent_again.todo.promo</comment>
        <translation>Promonya sudah diterapkan saat mesin kasir menerimanya untuk dikirim ulang, setelah server Stamps memintanya dikirim lagi. Server Stamps belum mengonfirmasinya: mesin kasir sedang memastikannya, dan manajer akan melihatnya jika mesin kasir tidak bisa.</translation>
    </message>
    <message>
        <source>Waiting to send — do not hand over yet</source>
        <comment>receipt.waiting</comment>
        <translation>Menunggu dikirim — jangan serahkan dulu</translation>
    </message>
    <message>
        <source>The Stamps server cannot be reached yet; the till keeps trying while the customer&apos;s PIN authorisation lasts.</source>
        <comment>receipt.waiting.todo</comment>
        <translation>Server Stamps belum dapat dihubungi; mesin kasir terus mencoba selama otorisasi PIN pelanggan masih berlaku.</translation>
    </message>
    <message>
        <source>The till sends it again by itself while the customer&apos;s PIN authorisation lasts. Keep the reward back until this turns green.</source>
        <comment>receipt.waiting.slowed.todo</comment>
        <translation>Mesin kasir mengirimnya lagi sendiri selama otorisasi PIN pelanggan masih berlaku. Tahan dulu hadiahnya sampai ini berubah hijau.</translation>
    </message>
    <message>
        <source>Nothing is sent until a manager sets this till&apos;s new API token; then it goes. Keep the reward back until this turns green, or ask a manager to decide.</source>
        <comment>receipt.waiting.paused.todo</comment>
        <translation>Tidak ada yang dikirim sampai manajer memasang token API baru untuk mesin kasir ini; setelah itu akan terkirim. Tahan dulu hadiahnya sampai ini berubah hijau, atau minta manajer memutuskan.</translation>
    </message>
    <message>
        <source>Nothing is sent until a manager sets the till&apos;s Server URL to https; then it goes. Keep the reward back until this turns green, or ask a manager to decide.</source>
        <comment>receipt.waiting.paused.https.todo</comment>
        <translation>Tidak ada yang dikirim sampai manajer mengubah URL server mesin kasir ini ke https; setelah itu akan terkirim. Tahan dulu hadiahnya sampai ini berubah hijau, atau minta manajer memutuskan.</translation>
    </message>
    <message>
        <source>Hand over the rewards.</source>
        <comment>receipt.confirmed.todo.cart</comment>
        <translation>Serahkan hadiah-hadiahnya.</translation>
    </message>
    <message>
        <source>Apply the voucher: give its item or discount.</source>
        <comment>receipt.confirmed.todo.voucher</comment>
        <translation>Pakai vouchernya: berikan barang atau potongannya.</translation>
    </message>
    <message>
        <source>Take the amount off the bill.</source>
        <comment>receipt.confirmed.todo.deduct</comment>
        <translation>Potong jumlahnya dari tagihan.</translation>
    </message>
    <message>
        <source>Apply the promo to this sale.</source>
        <comment>receipt.confirmed.todo.promo</comment>
        <translation>Terapkan promonya pada penjualan ini.</translation>
    </message>
    <message>
        <source>Hand over the rewards; the till sends them when the network is back.</source>
        <comment>receipt.accepted_offline.todo.cart</comment>
        <translation>Serahkan hadiah-hadiahnya; mesin kasir mengirimnya saat jaringan kembali.</translation>
    </message>
    <message>
        <source>Apply the voucher: give its item or discount. The till sends it when the network is back.</source>
        <comment>receipt.accepted_offline.todo.voucher</comment>
        <translation>Pakai vouchernya: berikan barang atau potongannya. Mesin kasir mengirimnya saat jaringan kembali.</translation>
    </message>
    <message>
        <source>Take the amount off the bill; the till sends it when the network is back.</source>
        <comment>receipt.accepted_offline.todo.deduct</comment>
        <translation>Potong jumlahnya dari tagihan; mesin kasir mengirimnya saat jaringan kembali.</translation>
    </message>
    <message>
        <source>Apply the promo to this sale; the till sends it when the network is back.</source>
        <comment>receipt.accepted_offline.todo.promo</comment>
        <translation>Terapkan promonya pada penjualan ini; mesin kasir mengirimnya saat jaringan kembali.</translation>
    </message>
    <message>
        <source>Hand over the rewards; the till sends them once a manager sets this till&apos;s new API token.</source>
        <comment>receipt.accepted_offline.paused.todo.cart</comment>
        <translation>Serahkan hadiah-hadiahnya; mesin kasir mengirimnya setelah manajer memasang token API baru untuk mesin kasir ini.</translation>
    </message>
    <message>
        <source>Apply the voucher: give its item or discount. The till sends it once a manager sets this till&apos;s new API token.</source>
        <comment>receipt.accepted_offline.paused.todo.voucher</comment>
        <translation>Pakai vouchernya: berikan barang atau potongannya. Mesin kasir mengirimnya setelah manajer memasang token API baru untuk mesin kasir ini.</translation>
    </message>
    <message>
        <source>Take the amount off the bill; the till sends it once a manager sets this till&apos;s new API token.</source>
        <comment>receipt.accepted_offline.paused.todo.deduct</comment>
        <translation>Potong jumlahnya dari tagihan; mesin kasir mengirimnya setelah manajer memasang token API baru untuk mesin kasir ini.</translation>
    </message>
    <message>
        <source>Apply the promo to this sale; the till sends it once a manager sets this till&apos;s new API token.</source>
        <comment>receipt.accepted_offline.paused.todo.promo</comment>
        <translation>Terapkan promonya pada penjualan ini; mesin kasir mengirimnya setelah manajer memasang token API baru untuk mesin kasir ini.</translation>
    </message>
    <message>
        <source>Hand over the rewards; the till sends them once a manager sets the till&apos;s Server URL to https.</source>
        <comment>receipt.accepted_offline.paused.https.todo.cart</comment>
        <translation>Serahkan hadiah-hadiahnya; mesin kasir mengirimnya setelah manajer mengubah URL server mesin kasir ini ke https.</translation>
    </message>
    <message>
        <source>Apply the voucher: give its item or discount. The till sends it once a manager sets the till&apos;s Server URL to https.</source>
        <comment>receipt.accepted_offline.paused.https.todo.voucher</comment>
        <translation>Pakai vouchernya: berikan barang atau potongannya. Mesin kasir mengirimnya setelah manajer mengubah URL server mesin kasir ini ke https.</translation>
    </message>
    <message>
        <source>Take the amount off the bill; the till sends it once a manager sets the till&apos;s Server URL to https.</source>
        <comment>receipt.accepted_offline.paused.https.todo.deduct</comment>
        <translation>Potong jumlahnya dari tagihan; mesin kasir mengirimnya setelah manajer mengubah URL server mesin kasir ini ke https.</translation>
    </message>
    <message>
        <source>Apply the promo to this sale; the till sends it once a manager sets the till&apos;s Server URL to https.</source>
        <comment>receipt.accepted_offline.paused.https.todo.promo</comment>
        <translation>Terapkan promonya pada penjualan ini; mesin kasir mengirimnya setelah manajer mengubah URL server mesin kasir ini ke https.</translation>
    </message>
    <message>
        <source>NOT CONFIRMED — do not apply the voucher yet</source>
        <comment>receipt.not_confirmed.voucher</comment>
        <translation>BELUM DIKONFIRMASI — jangan pakai vouchernya dulu</translation>
    </message>
    <message>
        <source>NOT CONFIRMED — do not take it off the bill yet</source>
        <comment>receipt.not_confirmed.deduct</comment>
        <translation>BELUM DIKONFIRMASI — jangan potong dari tagihan dulu</translation>
    </message>
    <message>
        <source>NOT CONFIRMED — do not apply the promo yet</source>
        <comment>receipt.not_confirmed.promo</comment>
        <translation>BELUM DIKONFIRMASI — jangan terapkan promonya dulu</translation>
    </message>
    <message>
        <source>The Stamps server has not confirmed it. Keep the rewards back until this turns green, or ask a manager to decide.</source>
        <comment>receipt.not_confirmed.todo.cart</comment>
        <translation>Server Stamps belum mengonfirmasinya. Tahan dulu hadiah-hadiahnya sampai ini berubah hijau, atau minta manajer memutuskan.</translation>
    </message>
    <message>
        <source>The Stamps server has not confirmed it. Do not apply the voucher until this turns green, or ask a manager to decide.</source>
        <comment>receipt.not_confirmed.todo.voucher</comment>
        <translation>Server Stamps belum mengonfirmasinya. Jangan pakai vouchernya sampai ini berubah hijau, atau minta manajer memutuskan.</translation>
    </message>
    <message>
        <source>The Stamps server has not confirmed it. Do not take the amount off the bill until this turns green, or ask a manager to decide.</source>
        <comment>receipt.not_confirmed.todo.deduct</comment>
        <translation>Server Stamps belum mengonfirmasinya. Jangan potong jumlahnya dari tagihan sampai ini berubah hijau, atau minta manajer memutuskan.</translation>
    </message>
    <message>
        <source>The Stamps server has not confirmed it. Do not apply the promo until this turns green, or ask a manager to decide.</source>
        <comment>receipt.not_confirmed.todo.promo</comment>
        <translation>Server Stamps belum mengonfirmasinya. Jangan terapkan promonya sampai ini berubah hijau, atau minta manajer memutuskan.</translation>
    </message>
    <message>
        <source>They were handed over when the till accepted it offline. The Stamps server has not confirmed it yet: the till is finding out, and a manager sees it if the till cannot.</source>
        <comment>receipt.not_confirmed.offline.todo.cart</comment>
        <translation>Hadiah-hadiahnya sudah diserahkan saat mesin kasir menerimanya secara offline. Server Stamps belum mengonfirmasinya: mesin kasir sedang memastikannya, dan manajer akan melihatnya jika mesin kasir tidak bisa.</translation>
    </message>
    <message>
        <source>The voucher was applied when the till accepted it offline. The Stamps server has not confirmed it yet: the till is finding out, and a manager sees it if the till cannot.</source>
        <comment>receipt.not_confirmed.offline.todo.voucher</comment>
        <translation>Vouchernya sudah dipakai saat mesin kasir menerimanya secara offline. Server Stamps belum mengonfirmasinya: mesin kasir sedang memastikannya, dan manajer akan melihatnya jika mesin kasir tidak bisa.</translation>
    </message>
    <message>
        <source>The amount was taken off the bill when the till accepted it offline. The Stamps server has not confirmed it yet: the till is finding out, and a manager sees it if the till cannot.</source>
        <comment>receipt.not_confirmed.offline.todo.deduct</comment>
        <translation>Jumlahnya sudah dipotong dari tagihan saat mesin kasir menerimanya secara offline. Server Stamps belum mengonfirmasinya: mesin kasir sedang memastikannya, dan manajer akan melihatnya jika mesin kasir tidak bisa.</translation>
    </message>
    <message>
        <source>The promo was applied when the till accepted it offline. The Stamps server has not confirmed it yet: the till is finding out, and a manager sees it if the till cannot.</source>
        <comment>receipt.not_confirmed.offline.todo.promo</comment>
        <translation>Promonya sudah diterapkan saat mesin kasir menerimanya secara offline. Server Stamps belum mengonfirmasinya: mesin kasir sedang memastikannya, dan manajer akan melihatnya jika mesin kasir tidak bisa.</translation>
    </message>
    <message>
        <source>Waiting to send — do not apply the voucher yet</source>
        <comment>receipt.waiting.voucher</comment>
        <translation>Menunggu dikirim — jangan pakai vouchernya dulu</translation>
    </message>
    <message>
        <source>Waiting to send — do not take it off the bill yet</source>
        <comment>receipt.waiting.deduct</comment>
        <translation>Menunggu dikirim — jangan potong dari tagihan dulu</translation>
    </message>
    <message>
        <source>Waiting to send — do not apply the promo yet</source>
        <comment>receipt.waiting.promo</comment>
        <translation>Menunggu dikirim — jangan terapkan promonya dulu</translation>
    </message>
    <message>
        <source>Nothing is sent until a manager sets this till&apos;s new API token; then it goes. Keep the rewards back until this turns green, or ask a manager to decide.</source>
        <comment>receipt.waiting.paused.todo.cart</comment>
        <translation>Tidak ada yang dikirim sampai manajer memasang token API baru untuk mesin kasir ini; setelah itu akan terkirim. Tahan dulu hadiah-hadiahnya sampai ini berubah hijau, atau minta manajer memutuskan.</translation>
    </message>
    <message>
        <source>Nothing is sent until a manager sets this till&apos;s new API token; then it goes. Do not apply the voucher until this turns green, or ask a manager to decide.</source>
        <comment>receipt.waiting.paused.todo.voucher</comment>
        <translation>Tidak ada yang dikirim sampai manajer memasang token API baru untuk mesin kasir ini; setelah itu akan terkirim. Jangan pakai vouchernya sampai ini berubah hijau, atau minta manajer memutuskan.</translation>
    </message>
    <message>
        <source>Nothing is sent until a manager sets this till&apos;s new API token; then it goes. Do not take the amount off the bill until this turns green, or ask a manager to decide.</source>
        <comment>receipt.waiting.paused.todo.deduct</comment>
        <translation>Tidak ada yang dikirim sampai manajer memasang token API baru untuk mesin kasir ini; setelah itu akan terkirim. Jangan potong jumlahnya dari tagihan sampai ini berubah hijau, atau minta manajer memutuskan.</translation>
    </message>
    <message>
        <source>Nothing is sent until a manager sets this till&apos;s new API token; then it goes. Do not apply the promo until this turns green, or ask a manager to decide.</source>
        <comment>receipt.waiting.paused.todo.promo</comment>
        <translation>Tidak ada yang dikirim sampai manajer memasang token API baru untuk mesin kasir ini; setelah itu akan terkirim. Jangan terapkan promonya sampai ini berubah hijau, atau minta manajer memutuskan.</translation>
    </message>
    <message>
        <source>Nothing is sent until a manager sets the till&apos;s Server URL to https; then it goes. Keep the rewards back until this turns green, or ask a manager to decide.</source>
        <comment>receipt.waiting.paused.https.todo.cart</comment>
        <translation>Tidak ada yang dikirim sampai manajer mengubah URL server mesin kasir ini ke https; setelah itu akan terkirim. Tahan dulu hadiah-hadiahnya sampai ini berubah hijau, atau minta manajer memutuskan.</translation>
    </message>
    <message>
        <source>Nothing is sent until a manager sets the till&apos;s Server URL to https; then it goes. Do not apply the voucher until this turns green, or ask a manager to decide.</source>
        <comment>receipt.waiting.paused.https.todo.voucher</comment>
        <translation>Tidak ada yang dikirim sampai manajer mengubah URL server mesin kasir ini ke https; setelah itu akan terkirim. Jangan pakai vouchernya sampai ini berubah hijau, atau minta manajer memutuskan.</translation>
    </message>
    <message>
        <source>Nothing is sent until a manager sets the till&apos;s Server URL to https; then it goes. Do not take the amount off the bill until this turns green, or ask a manager to decide.</source>
        <comment>receipt.waiting.paused.https.todo.deduct</comment>
        <translation>Tidak ada yang dikirim sampai manajer mengubah URL server mesin kasir ini ke https; setelah itu akan terkirim. Jangan potong jumlahnya dari tagihan sampai ini berubah hijau, atau minta manajer memutuskan.</translation>
    </message>
    <message>
        <source>Nothing is sent until a manager sets the till&apos;s Server URL to https; then it goes. Do not apply the promo until this turns green, or ask a manager to decide.</source>
        <comment>receipt.waiting.paused.https.todo.promo</comment>
        <translation>Tidak ada yang dikirim sampai manajer mengubah URL server mesin kasir ini ke https; setelah itu akan terkirim. Jangan terapkan promonya sampai ini berubah hijau, atau minta manajer memutuskan.</translation>
    </message>
    <message>
        <source>Refused</source>
        <comment>receipt.refused</comment>
        <translation>Ditolak</translation>
    </message>
    <message>
        <source>Nothing was redeemed. Tell the customer why.</source>
        <comment>receipt.refused.todo</comment>
        <translation>Tidak ada yang ditukar. Beri tahu pelanggan alasannya.</translation>
    </message>
    <message>
        <source>Refused after it was accepted offline</source>
        <comment>receipt.refused.offline</comment>
        <translation>Ditolak setelah diterima secara offline</translation>
    </message>
    <message>
        <source>It was handed over when the till accepted it offline; the Stamps server refused it since. Tell a manager: it is listed under Exceptions.</source>
        <comment>receipt.refused.offline.todo</comment>
        <translation>Hadiahnya sudah diserahkan saat mesin kasir menerimanya secara offline; server Stamps menolaknya setelah itu. Beri tahu manajer: tercantum di Pengecualian.</translation>
    </message>
    <message>
        <source>The reward is a voucher: nothing went over the counter, and the Stamps server refused it since, so the member does not get it. Tell a manager: it is listed under Exceptions.</source>
        <comment>receipt.refused.offline.todo.issued</comment>
        <translation>Hadiahnya berupa voucher: tidak ada yang diserahkan di kasir, dan server Stamps menolaknya setelah itu, jadi member tidak mendapatkannya. Beri tahu manajer: tercantum di Pengecualian.</translation>
    </message>
    <message>
        <source>The rewards that are not vouchers were handed over when the till accepted it offline; the Stamps server refused the cart since, so the member does not get its vouchers. Tell a manager: it is listed under Exceptions.</source>
        <comment>receipt.refused.offline.todo.cart_issued</comment>
        <translation>Hadiah yang bukan voucher sudah diserahkan saat mesin kasir menerimanya secara offline; server Stamps menolak keranjangnya setelah itu, jadi member tidak mendapat vouchernya. Beri tahu manajer: tercantum di Pengecualian.</translation>
    </message>
    <message>
        <source>They were handed over when the till accepted it offline; the Stamps server refused it since. Tell a manager: it is listed under Exceptions.</source>
        <comment>receipt.refused.offline.todo.cart</comment>
        <translation>Hadiah-hadiahnya sudah diserahkan saat mesin kasir menerimanya secara offline; server Stamps menolaknya setelah itu. Beri tahu manajer: tercantum di Pengecualian.</translation>
    </message>
    <message>
        <source>The voucher was applied when the till accepted it offline; the Stamps server refused it since. Tell a manager: it is listed under Exceptions.</source>
        <comment>receipt.refused.offline.todo.voucher</comment>
        <translation>Vouchernya sudah dipakai saat mesin kasir menerimanya secara offline; server Stamps menolaknya setelah itu. Beri tahu manajer: tercantum di Pengecualian.</translation>
    </message>
    <message>
        <source>The amount was taken off the bill when the till accepted it offline; the Stamps server refused it since. Tell a manager: it is listed under Exceptions.</source>
        <comment>receipt.refused.offline.todo.deduct</comment>
        <translation>Jumlahnya sudah dipotong dari tagihan saat mesin kasir menerimanya secara offline; server Stamps menolaknya setelah itu. Beri tahu manajer: tercantum di Pengecualian.</translation>
    </message>
    <message>
        <source>The promo was applied when the till accepted it offline; the Stamps server refused it since. Tell a manager: it is listed under Exceptions.</source>
        <comment>receipt.refused.offline.todo.promo</comment>
        <translation>Promonya sudah diterapkan saat mesin kasir menerimanya secara offline; server Stamps menolaknya setelah itu. Beri tahu manajer: tercantum di Pengecualian.</translation>
    </message>
    <message>
        <source>Refused after it was accepted to send again</source>
        <comment>receipt.refused.sent_again</comment>
        <translation>Ditolak setelah diterima untuk dikirim ulang</translation>
    </message>
    <message>
        <source>It was handed over when the till accepted it to send again, after the Stamps server asked for it again; the Stamps server refused it since. Tell a manager: it is listed under Exceptions.</source>
        <comment>receipt.refused.sent_again.todo</comment>
        <translation>Hadiahnya sudah diserahkan saat mesin kasir menerimanya untuk dikirim ulang, setelah server Stamps memintanya dikirim lagi; server Stamps menolaknya setelah itu. Beri tahu manajer: tercantum di Pengecualian.</translation>
    </message>
    <message>
        <source>The reward is a voucher: nothing went over the counter, and the Stamps server refused it since, so the member does not get it. Tell a manager: it is listed under Exceptions.</source>
        <comment>receipt.refused.sent_again.todo.issued</comment>
        <translation>Hadiahnya berupa voucher: tidak ada yang diserahkan di kasir, dan server Stamps menolaknya setelah itu, jadi member tidak mendapatkannya. Beri tahu manajer: tercantum di Pengecualian.</translation>
    </message>
    <message>
        <source>The rewards that are not vouchers were handed over when the till accepted it to send again, after the Stamps server asked for it again; the Stamps server refused the cart since, so the member does not get its vouchers. Tell a manager: it is listed under Exceptions.</source>
        <comment>receipt.refused.sent_again.todo.cart_issued</comment>
        <translation>Hadiah yang bukan voucher sudah diserahkan saat mesin kasir menerimanya untuk dikirim ulang, setelah server Stamps memintanya dikirim lagi; server Stamps menolak keranjangnya setelah itu, jadi member tidak mendapat vouchernya. Beri tahu manajer: tercantum di Pengecualian.</translation>
    </message>
    <message>
        <source>They were handed over when the till accepted it to send again, after the Stamps server asked for it again; the Stamps server refused it since. Tell a manager: it is listed under Exceptions.</source>
        <comment>receipt.refused.sent_again.todo.cart</comment>
        <translation>Hadiah-hadiahnya sudah diserahkan saat mesin kasir menerimanya untuk dikirim ulang, setelah server Stamps memintanya dikirim lagi; server Stamps menolaknya setelah itu. Beri tahu manajer: tercantum di Pengecualian.</translation>
    </message>
    <message>
        <source>The voucher was applied when the till accepted it to send again, after the Stamps server asked for it again; the Stamps server refused it since. Tell a manager: it is listed under Exceptions.</source>
        <comment>receipt.refused.sent_again.todo.voucher</comment>
        <translation>Vouchernya sudah dipakai saat mesin kasir menerimanya untuk dikirim ulang, setelah server Stamps memintanya dikirim lagi; server Stamps menolaknya setelah itu. Beri tahu manajer: tercantum di Pengecualian.</translation>
    </message>
    <message>
        <source>The amount was taken off the bill when the till accepted it to send again, after the Stamps server asked for it again; the Stamps server refused it since. Tell a manager: it is listed under Exceptions.</source>
        <comment>receipt.refused.sent_again.todo.deduct</comment>
        <translation>Jumlahnya sudah dipotong dari tagihan saat mesin kasir menerimanya untuk dikirim ulang, setelah server Stamps memintanya dikirim lagi; server Stamps menolaknya setelah itu. Beri tahu manajer: tercantum di Pengecualian.</translation>
    </message>
    <message>
        <source>The promo was applied when the till accepted it to send again, after the Stamps server asked for it again; the Stamps server refused it since. Tell a manager: it is listed under Exceptions.</source>
        <comment>receipt.refused.sent_again.todo.promo</comment>
        <translation>Promonya sudah diterapkan saat mesin kasir menerimanya untuk dikirim ulang, setelah server Stamps memintanya dikirim lagi; server Stamps menolaknya setelah itu. Beri tahu manajer: tercantum di Pengecualian.</translation>
    </message>
    <message>
        <source>Not redeemed</source>
        <comment>receipt.not_redeemed</comment>
        <translation>Tidak ditukar</translation>
    </message>
    <message>
        <source>The server could not be reached and the offline rules do not allow this. Nothing was redeemed; tell the customer why.</source>
        <comment>receipt.not_redeemed.todo</comment>
        <translation>Server tidak dapat dihubungi dan aturan offline tidak mengizinkan ini. Tidak ada yang ditukar; beri tahu pelanggan alasannya.</translation>
    </message>
    <message>
        <source>The till checked the line just now: the Stamps server still cannot be reached, and the offline rules do not allow this. Nothing was redeemed; tell the customer why.</source>
        <comment>receipt.not_redeemed.line_checked.todo</comment>
        <translation>Mesin kasir baru saja memeriksa jaringan: server Stamps masih tidak dapat dihubungi, dan aturan offline tidak mengizinkan ini. Tidak ada yang ditukar; beri tahu pelanggan alasannya.</translation>
    </message>
    <message>
        <source>The Stamps server asked the till to slow down, and the offline rules do not allow this without its answer. Nothing was redeemed; tell the customer why, or try again in a moment.</source>
        <comment>receipt.not_redeemed.slowed.todo</comment>
        <translation>Server Stamps meminta mesin kasir memperlambat pengiriman, dan aturan offline tidak mengizinkan ini tanpa jawabannya. Tidak ada yang ditukar; beri tahu pelanggan alasannya, atau coba lagi sebentar lagi.</translation>
    </message>
    <message>
        <source>The Stamps server timed out waiting for the request, and the offline rules do not allow this without its answer. Nothing was redeemed; tell the customer why, or try again in a moment.</source>
        <comment>receipt.not_redeemed.timed_out.todo</comment>
        <translation>Server Stamps kehabisan waktu menunggu permintaannya, dan aturan offline tidak mengizinkan ini tanpa jawabannya. Tidak ada yang ditukar; beri tahu pelanggan alasannya, atau coba lagi sebentar lagi.</translation>
    </message>
    <message>
        <source>The kiosk could not send it and never will: nothing was redeemed. Redeem it here if the customer still wants it.</source>
        <comment>receipt.not_redeemed.kiosk.todo</comment>
        <translation>Kios tidak bisa mengirimnya dan tidak akan pernah mengirimnya: tidak ada yang ditukar. Tukarkan di sini jika pelanggan masih menginginkannya.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <comment>receipt.cancelled</comment>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>It was never sent; nothing was redeemed.</source>
        <comment>receipt.cancelled.todo</comment>
        <translation>Belum pernah dikirim; tidak ada yang ditukar.</translation>
    </message>
    <message>
        <source>Cancelled on the Stamps server</source>
        <comment>receipt.cancelled.on_server</comment>
        <translation>Dibatalkan di server Stamps</translation>
    </message>
    <message>
        <source>Nothing of it stands: the member keeps their stamps. It is not sent again. If the reward was already handed over, tell a manager.</source>
        <comment>receipt.cancelled.on_server.todo</comment>
        <translation>Tidak ada yang berlaku: stamp tetap milik member. Tidak dikirim lagi. Jika hadiah sudah diserahkan, beri tahu manajer.</translation>
    </message>
    <message>
        <source>cancelled on the Stamps server since</source>
        <comment>audit.line.cancelled</comment>
        <translation>sudah dibatalkan di server Stamps sejak itu</translation>
    </message>
    <message>
        <source>with a status the till does not know ({status})</source>
        <comment>audit.line.status_unread</comment>
        <translation>dengan status yang tidak dikenal mesin kasir ({status})</translation>
    </message>
    <message>
        <source>with no status</source>
        <comment>audit.line.status_none</comment>
        <translation>tanpa status</translation>
    </message>
    <message>
        <source>its status not kept (found before this till kept it)</source>
        <comment>audit.line.status_not_kept</comment>
        <translation>statusnya tidak tersimpan (ditemukan sebelum mesin kasir ini menyimpannya)</translation>
    </message>
    <message>
        <source>Found in the member&apos;s activity, so it reached the Stamps server, where it has been cancelled since.</source>
        <comment>receipt.detail.cancelled_on_server</comment>
        <translation>Ditemukan di aktivitas member, jadi sudah sampai di server Stamps, dan sejak itu dibatalkan di sana.</translation>
    </message>
    <message>
        <source>PIN authorisation ran out</source>
        <comment>receipt.expired</comment>
        <translation>Otorisasi PIN sudah habis</translation>
    </message>
    <message>
        <source>Nothing was redeemed. Ask the customer for their PIN again.</source>
        <comment>receipt.expired.todo</comment>
        <translation>Tidak ada yang ditukar. Minta PIN pelanggan lagi.</translation>
    </message>
    <message>
        <source>Not redeemed: not sent in time</source>
        <comment>receipt.expired.kiosk</comment>
        <translation>Tidak ditukar: tidak terkirim tepat waktu</translation>
    </message>
    <message>
        <source>The kiosk could not send it while the customer was there, so it will never be sent: nothing was redeemed and no stamps were taken.</source>
        <comment>receipt.expired.kiosk.todo</comment>
        <translation>Kios tidak bisa mengirimnya selama pelanggan masih di sana, jadi penukaran ini tidak akan pernah dikirim: tidak ada yang ditukar dan tidak ada stamp yang terpakai.</translation>
    </message>
    <message>
        <source>Confirmed by a manager</source>
        <comment>receipt.confirmed.by_manager</comment>
        <translation>Dikonfirmasi manajer</translation>
    </message>
    <message>
        <source>Not confirmed</source>
        <comment>standing.not_confirmed</comment>
        <translation>Belum dikonfirmasi</translation>
    </message>
    <message>
        <source>The member&apos;s activity has not been read for this one.</source>
        <comment>evidence.not_read</comment>
        <translation>Aktivitas member belum dibaca untuk penukaran ini.</translation>
    </message>
    <message>
        <source>Looked at it once, at {when}.</source>
        <comment>evidence.looked_once</comment>
        <translation>Diperiksa satu kali, pada {when}.</translation>
    </message>
    <message>
        <source>Looked at it {count} times, last at {when}.</source>
        <comment>evidence.looked</comment>
        <translation>Diperiksa {count} kali, terakhir pada {when}.</translation>
    </message>
    <message>
        <source>Lines looked for: made between {since} and {until}.</source>
        <comment>evidence.span</comment>
        <translation>Baris yang dicari: dibuat antara {since} dan {until}.</translation>
    </message>
    <message>
        <source>Looked for: {line}.</source>
        <comment>evidence.looked_for</comment>
        <translation>Yang dicari: {line}.</translation>
    </message>
    <message>
        <source>store {store}</source>
        <comment>evidence.store</comment>
        <translation>toko {store}</translation>
    </message>
    <message>
        <source>{n} stamps</source>
        <comment>evidence.stamps</comment>
        <translation>{n} stamp</translation>
    </message>
    <message>
        <source>Lines read: {count}.</source>
        <comment>evidence.lines_read</comment>
        <translation>Baris dibaca: {count}.</translation>
    </message>
    <message>
        <source>Lines that match: {count}.</source>
        <comment>evidence.matching</comment>
        <translation>Baris yang cocok: {count}.</translation>
    </message>
    <message>
        <source>Lines alike at a store the till cannot tell (it has no store code): {count}.</source>
        <comment>evidence.store_unknown</comment>
        <translation>Baris serupa di toko yang tidak bisa dipastikan mesin kasir (tidak ada kode toko): {count}.</translation>
    </message>
    <message>
        <source>Of these, owned by other redemptions of this till: {count}.</source>
        <comment>evidence.accounted</comment>
        <translation>Dari baris itu, milik penukaran lain di mesin kasir ini: {count}.</translation>
    </message>
    <message>
        <source>Waiting for these redemptions of the member to reach the server:</source>
        <comment>evidence.waiting_on</comment>
        <translation>Menunggu penukaran member ini sampai ke server:</translation>
    </message>
    <message>
        <source>Other unconfirmed redemptions that could own the same lines:</source>
        <comment>evidence.rivals</comment>
        <translation>Penukaran lain yang belum dikonfirmasi dan bisa memiliki baris yang sama:</translation>
    </message>
    <message>
        <source>Why it could not be read: {line}</source>
        <comment>evidence.unreadable</comment>
        <translation>Mengapa tidak bisa dibaca: {line}</translation>
    </message>
    <message>
        <source>The last look that read it, at {when}, found:</source>
        <comment>evidence.look_before</comment>
        <translation>Pemeriksaan terakhir yang bisa membacanya, pada {when}, menemukan:</translation>
    </message>
    <message>
        <source>An earlier look that read it found:</source>
        <comment>evidence.look_before_undated</comment>
        <translation>Pemeriksaan sebelumnya yang bisa membacanya menemukan:</translation>
    </message>
    <message>
        <source>The Stamps server could not be reached.</source>
        <comment>feed.unreachable</comment>
        <translation>Server Stamps tidak bisa dihubungi.</translation>
    </message>
    <message>
        <source>No whole answer came back from the Stamps server.</source>
        <comment>feed.no_answer</comment>
        <translation>Tidak ada jawaban utuh dari server Stamps.</translation>
    </message>
    <message>
        <source>The Stamps server&apos;s answer was too large to read.</source>
        <comment>feed.too_large</comment>
        <translation>Jawaban server Stamps terlalu besar untuk dibaca.</translation>
    </message>
    <message>
        <source>The Stamps server failed while giving it.</source>
        <comment>feed.server_error</comment>
        <translation>Server Stamps gagal saat memberikannya.</translation>
    </message>
    <message>
        <source>The Stamps server&apos;s answer cannot be read as the member&apos;s whole activity since the redemption.</source>
        <comment>feed.unreadable</comment>
        <translation>Jawaban server Stamps tidak bisa dibaca sebagai seluruh aktivitas member sejak penukaran itu.</translation>
    </message>
    <message>
        <source>The Stamps server turned the till&apos;s request for it away.</source>
        <comment>feed.turned_away</comment>
        <translation>Server Stamps menolak permintaan mesin kasir untuk membacanya.</translation>
    </message>
    <message>
        <source>The Stamps server refuses this till&apos;s API token.</source>
        <comment>feed.credentials</comment>
        <translation>Server Stamps menolak token API mesin kasir ini.</translation>
    </message>
    <message>
        <source>The Stamps server refuses this till&apos;s API token. It said: “{said}”.</source>
        <comment>feed.credentials.said</comment>
        <translation>Server Stamps menolak token API mesin kasir ini. Katanya: “{said}”.</translation>
    </message>
    <message>
        <source>The Stamps server refuses plain http: set the Server URL (base_url) to {address}. It said: “{said}”.</source>
        <comment>feed.credentials.https</comment>
        <translation>Server Stamps menolak http biasa: ubah URL server (base_url) menjadi {address}. Katanya: “{said}”.</translation>
    </message>
    <message>
        <source>The Stamps server asked the till to wait before asking again.</source>
        <comment>feed.wait</comment>
        <translation>Server Stamps meminta mesin kasir menunggu sebelum bertanya lagi.</translation>
    </message>
    <message>
        <source>The Stamps server would not give it, and said: “{said}”</source>
        <comment>feed.refused</comment>
        <translation>Server Stamps tidak mau memberikannya, dan berkata: “{said}”</translation>
    </message>
    <message>
        <source>The Stamps server would not give it.</source>
        <comment>feed.refused_silently</comment>
        <translation>Server Stamps tidak mau memberikannya.</translation>
    </message>
    <message>
        <source>It dates a redemption later than the till&apos;s clock reads: the server&apos;s clock and the till&apos;s disagree, so no line&apos;s time can be set beside the redemption&apos;s.</source>
        <comment>feed.ahead</comment>
        <translation>Tanggal sebuah penukaran di dalamnya lebih lambat daripada jam mesin kasir: jam server dan jam mesin kasir tidak sama, jadi waktu barisnya tidak bisa dibandingkan dengan waktu penukaran ini.</translation>
    </message>
    <message>
        <source>a reward without a name</source>
        <comment>evidence.no_name</comment>
        <translation>hadiah tanpa nama</translation>
    </message>
    <message>
        <source>server id {id}</source>
        <comment>evidence.server_id</comment>
        <translation>ID server {id}</translation>
    </message>
    <message>
        <source>no server id</source>
        <comment>evidence.no_server_id</comment>
        <translation>tanpa ID server</translation>
    </message>
    <message>
        <source>in the Stamps app</source>
        <comment>channel.mobile_app</comment>
        <translation>di aplikasi Stamps</translation>
    </message>
    <message>
        <source>at a till</source>
        <comment>channel.pos</comment>
        <translation>di mesin kasir</translation>
    </message>
    <message>
        <source>at a kiosk</source>
        <comment>channel.kiosk</comment>
        <translation>di kios</translation>
    </message>
    <message>
        <source>on the web</source>
        <comment>channel.web</comment>
        <translation>di web</translation>
    </message>
    <message>
        <source>in the Android app</source>
        <comment>channel.android</comment>
        <translation>di aplikasi Android</translation>
    </message>
    <message>
        <source>in the iOS app</source>
        <comment>channel.ios</comment>
        <translation>di aplikasi iOS</translation>
    </message>
    <message>
        <source>by the call centre</source>
        <comment>channel.call_center</comment>
        <translation>lewat call center</translation>
    </message>
    <message>
        <source>through GrabFood</source>
        <comment>channel.grabfood</comment>
        <translation>lewat GrabFood</translation>
    </message>
    <message>
        <source>through GoFood</source>
        <comment>channel.gofood</comment>
        <translation>lewat GoFood</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <comment>summary.standing.confirmed</comment>
        <translation>Dikonfirmasi</translation>
    </message>
    <message>
        <source>Confirmed by a manager</source>
        <comment>summary.standing.confirmed_by_manager</comment>
        <translation>Dikonfirmasi manajer</translation>
    </message>
    <message>
        <source>Accepted offline</source>
        <comment>summary.standing.accepted_offline</comment>
        <translation>Diterima offline</translation>
    </message>
    <message>
        <source>Not confirmed</source>
        <comment>summary.standing.not_confirmed</comment>
        <translation>Belum dikonfirmasi</translation>
    </message>
    <message>
        <source>Refused</source>
        <comment>summary.standing.refused</comment>
        <translation>Ditolak</translation>
    </message>
    <message>
        <source>Not redeemed</source>
        <comment>summary.standing.not_redeemed</comment>
        <translation>Tidak ditukar</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <comment>summary.standing.cancelled</comment>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>PIN ran out</source>
        <comment>summary.standing.expired</comment>
        <translation>PIN kedaluwarsa</translation>
    </message>
    <message>
        <source>Not sent in time</source>
        <comment>summary.standing.not_sent_in_time</comment>
        <translation>Tidak terkirim tepat waktu</translation>
    </message>
    <message>
        <source>Sent again by a manager</source>
        <comment>summary.standing.sent_again</comment>
        <translation>Dikirim ulang oleh manajer</translation>
    </message>
    <message>
        <source>Closed by a manager</source>
        <comment>summary.standing.closed</comment>
        <translation>Ditutup oleh manajer</translation>
    </message>
    <message>
        <source>Closed by a manager</source>
        <comment>receipt.closed</comment>
        <translation>Ditutup oleh manajer</translation>
    </message>
    <message>
        <source>Sent again by a manager: see the new redemption</source>
        <comment>receipt.closed.sent_again</comment>
        <translation>Dikirim ulang oleh manajer: lihat penukaran baru</translation>
    </message>
    <message>
        <source>Cancel confirmed</source>
        <comment>receipt.cancel.confirmed</comment>
        <translation>Pembatalan dikonfirmasi</translation>
    </message>
    <message>
        <source>The promo redemption no longer stands; it spent no stamps.</source>
        <comment>receipt.cancel.detail.promo</comment>
        <translation>Penukaran promo tidak berlaku lagi; promo tidak memakai stamp.</translation>
    </message>
    <message>
        <source>The promo redemption no longer stands; it spent no stamps. The Stamps server also said: {said}</source>
        <comment>receipt.cancel.detail.promo.also_said</comment>
        <translation>Penukaran promo tidak berlaku lagi; promo tidak memakai stamp. Server Stamps juga menyampaikan: {said}</translation>
    </message>
    <message>
        <source>The voucher redemption no longer stands; it spent no stamps, and no replacement voucher was asked for.</source>
        <comment>receipt.cancel.detail.voucher.not_replaced</comment>
        <translation>Penukaran voucher tidak berlaku lagi; penukaran ini tidak memakai stamp, dan voucher pengganti tidak diminta.</translation>
    </message>
    <message>
        <source>The voucher redemption no longer stands; it spent no stamps, and no replacement voucher was asked for. The Stamps server also said: {said}</source>
        <comment>receipt.cancel.detail.voucher.not_replaced.also_said</comment>
        <translation>Penukaran voucher tidak berlaku lagi; penukaran ini tidak memakai stamp, dan voucher pengganti tidak diminta. Server Stamps juga menyampaikan: {said}</translation>
    </message>
    <message>
        <source>The voucher redemption no longer stands; it spent no stamps. The member was given a replacement voucher.</source>
        <comment>receipt.cancel.detail.voucher.replaced</comment>
        <translation>Penukaran voucher tidak berlaku lagi; penukaran ini tidak memakai stamp. Member diberi voucher pengganti.</translation>
    </message>
    <message>
        <source>The voucher redemption no longer stands; it spent no stamps. The member was given a replacement voucher. The Stamps server also said: {said}</source>
        <comment>receipt.cancel.detail.voucher.replaced.also_said</comment>
        <translation>Penukaran voucher tidak berlaku lagi; penukaran ini tidak memakai stamp. Member diberi voucher pengganti. Server Stamps juga menyampaikan: {said}</translation>
    </message>
    <message>
        <source>The deduction from the voucher no longer stands; it spent no stamps, and no replacement voucher was asked for.</source>
        <comment>receipt.cancel.detail.deduct.not_replaced</comment>
        <translation>Potongan dari voucher tidak berlaku lagi; potongan ini tidak memakai stamp, dan voucher pengganti tidak diminta.</translation>
    </message>
    <message>
        <source>The deduction from the voucher no longer stands; it spent no stamps, and no replacement voucher was asked for. The Stamps server also said: {said}</source>
        <comment>receipt.cancel.detail.deduct.not_replaced.also_said</comment>
        <translation>Potongan dari voucher tidak berlaku lagi; potongan ini tidak memakai stamp, dan voucher pengganti tidak diminta. Server Stamps juga menyampaikan: {said}</translation>
    </message>
    <message>
        <source>The deduction from the voucher no longer stands; it spent no stamps. The member was given a replacement voucher.</source>
        <comment>receipt.cancel.detail.deduct.replaced</comment>
        <translation>Potongan dari voucher tidak berlaku lagi; potongan ini tidak memakai stamp. Member diberi voucher pengganti.</translation>
    </message>
    <message>
        <source>The deduction from the voucher no longer stands; it spent no stamps. The member was given a replacement voucher. The Stamps server also said: {said}</source>
        <comment>receipt.cancel.detail.deduct.replaced.also_said</comment>
        <translation>Potongan dari voucher tidak berlaku lagi; potongan ini tidak memakai stamp. Member diberi voucher pengganti. Server Stamps juga menyampaikan: {said}</translation>
    </message>
    <message>
        <source>The redemption no longer stands. The member has {stamps} stamps now; the till does not know what the redemption spent.</source>
        <comment>receipt.cancel.detail.unknown</comment>
        <translation>Penukaran ini tidak berlaku lagi. Member kini punya {stamps} stamp; mesin kasir tidak tahu apa yang dipakai penukaran ini.</translation>
    </message>
    <message>
        <source>The redemption no longer stands. The member has {stamps} stamps now; the till does not know what the redemption spent. The Stamps server also said: {said}</source>
        <comment>receipt.cancel.detail.unknown.also_said</comment>
        <translation>Penukaran ini tidak berlaku lagi. Member kini punya {stamps} stamp; mesin kasir tidak tahu apa yang dipakai penukaran ini. Server Stamps juga menyampaikan: {said}</translation>
    </message>
    <message>
        <source>Cancel refused</source>
        <comment>receipt.cancel.refused</comment>
        <translation>Pembatalan ditolak</translation>
    </message>
    <message>
        <source>The redemption still stands on the Stamps server.</source>
        <comment>receipt.cancel.refused.todo</comment>
        <translation>Penukaran tetap berlaku di server Stamps.</translation>
    </message>
    <message>
        <source>The Stamps server has no redemption by this id, so nothing was cancelled: check the id, and the redemption on the Stamps dashboard.</source>
        <comment>receipt.cancel.refused.not_found.todo</comment>
        <translation>Server Stamps tidak punya penukaran dengan ID ini, jadi tidak ada yang dibatalkan: periksa ID-nya, dan penukaran itu di dashboard Stamps.</translation>
    </message>
    <message>
        <source>Cancel not sent</source>
        <comment>receipt.cancel.needs_dashboard</comment>
        <translation>Pembatalan tidak dikirim</translation>
    </message>
    <message>
        <source>The redemption still stands: only the Stamps dashboard can cancel it.</source>
        <comment>receipt.cancel.needs_dashboard.todo</comment>
        <translation>Penukaran tetap berlaku: hanya dashboard Stamps yang dapat membatalkannya.</translation>
    </message>
    <message>
        <source>Nothing to cancel</source>
        <comment>receipt.cancel.cancelled</comment>
        <translation>Tidak ada yang perlu dibatalkan</translation>
    </message>
    <message>
        <source>No cancel was sent to the Stamps server.</source>
        <comment>receipt.cancel.cancelled.todo</comment>
        <translation>Tidak ada pembatalan yang dikirim ke server Stamps.</translation>
    </message>
    <message>
        <source>Cancel NOT CONFIRMED</source>
        <comment>receipt.cancel.not_confirmed</comment>
        <translation>Pembatalan BELUM DIKONFIRMASI</translation>
    </message>
    <message>
        <source>The Stamps server has not confirmed the cancel; until the till finds out, treat the redemption as standing.</source>
        <comment>receipt.cancel.not_confirmed.todo</comment>
        <translation>Server Stamps belum mengonfirmasi pembatalan; sampai mesin kasir tahu hasilnya, anggap penukaran masih berlaku.</translation>
    </message>
    <message>
        <source>Cancel waiting to send</source>
        <comment>receipt.cancel.waiting</comment>
        <translation>Pembatalan menunggu dikirim</translation>
    </message>
    <message>
        <source>The Stamps server cannot be reached yet; the redemption stands until the cancel is sent.</source>
        <comment>receipt.cancel.waiting.todo</comment>
        <translation>Server Stamps belum bisa dihubungi; penukaran tetap berlaku sampai pembatalan terkirim.</translation>
    </message>
    <message>
        <source>Not sent yet: the till sends it by itself. The redemption stands until the cancel is sent.</source>
        <comment>receipt.cancel.waiting.queued.todo</comment>
        <translation>Belum dikirim: mesin kasir mengirimnya sendiri. Penukaran tetap berlaku sampai pembatalan terkirim.</translation>
    </message>
    <message>
        <source>It goes after this member&apos;s earlier redemption: the till sends a member&apos;s entries one at a time, in order. The redemption stands until the cancel is sent.</source>
        <comment>receipt.cancel.waiting.behind.todo</comment>
        <translation>Pembatalan dikirim setelah penukaran member ini yang sebelumnya: mesin kasir mengirim entri seorang member satu per satu, berurutan. Penukaran tetap berlaku sampai pembatalan terkirim.</translation>
    </message>
    <message>
        <source>It goes once the till knows the redemption went through. The redemption stands until the cancel is sent.</source>
        <comment>receipt.cancel.waiting.held.todo</comment>
        <translation>Pembatalan dikirim setelah mesin kasir tahu penukarannya berhasil. Penukaran tetap berlaku sampai pembatalan terkirim.</translation>
    </message>
    <message>
        <source>The Stamps server asked the till to wait: the till sends the cancel again by itself. The redemption stands until the cancel is sent.</source>
        <comment>receipt.cancel.waiting.slowed.todo</comment>
        <translation>Server Stamps meminta mesin kasir menunggu: mesin kasir mengirim pembatalan lagi sendiri. Penukaran tetap berlaku sampai pembatalan terkirim.</translation>
    </message>
    <message>
        <source>Nothing is sent until a manager puts the till&apos;s settings right; then it goes. The redemption stands until the cancel is sent.</source>
        <comment>receipt.cancel.waiting.paused.todo</comment>
        <translation>Tidak ada yang dikirim sampai manajer membetulkan pengaturan mesin kasir; setelah itu akan terkirim. Penukaran tetap berlaku sampai pembatalan terkirim.</translation>
    </message>
    <message>
        <source>{stamps} stamps left.</source>
        <comment>receipt.stamps_left</comment>
        <translation>Sisa {stamps} stamp.</translation>
    </message>
    <message>
        <source>The Stamps server also said: {said}</source>
        <comment>receipt.also_said</comment>
        <translation>Server Stamps juga menyampaikan: {said}</translation>
    </message>
    <message>
        <source>{stamps} stamps left. The Stamps server also said: {said}</source>
        <comment>receipt.stamps_left_also_said</comment>
        <translation>Sisa {stamps} stamp. Server Stamps juga menyampaikan: {said}</translation>
    </message>
    <message>
        <source>Sending to the Stamps server…</source>
        <comment>receipt.detail.sending</comment>
        <translation>Mengirim ke server Stamps…</translation>
    </message>
    <message>
        <source>The Stamps server cannot be reached; the till keeps trying.</source>
        <comment>receipt.detail.unreachable</comment>
        <translation>Server Stamps tidak dapat dihubungi; mesin kasir terus mencoba.</translation>
    </message>
    <message>
        <source>The Stamps server asked the till to slow down: nothing was applied yet. The till sends it again in {seconds} s by itself.</source>
        <comment>receipt.detail.slowed</comment>
        <translation>Server Stamps meminta mesin kasir memperlambat pengiriman: belum ada yang diterapkan. Mesin kasir mengirimnya lagi sendiri dalam {seconds} detik.</translation>
    </message>
    <message>
        <source>The Stamps server asked the till to slow down: nothing was applied yet. The till sends it again in {minutes} min by itself.</source>
        <comment>receipt.detail.slowed.minutes</comment>
        <translation>Server Stamps meminta mesin kasir memperlambat pengiriman: belum ada yang diterapkan. Mesin kasir mengirimnya lagi sendiri dalam {minutes} menit.</translation>
    </message>
    <message>
        <source>The Stamps server timed out waiting for the request: nothing was applied. The till sends it again in {seconds} s by itself.</source>
        <comment>receipt.detail.timed_out</comment>
        <translation>Server Stamps kehabisan waktu menunggu permintaannya: tidak ada yang diterapkan. Mesin kasir mengirimnya lagi sendiri dalam {seconds} detik.</translation>
    </message>
    <message>
        <source>The Stamps server timed out waiting for the request: nothing was applied. The till sends it again in {minutes} min by itself.</source>
        <comment>receipt.detail.timed_out.minutes</comment>
        <translation>Server Stamps kehabisan waktu menunggu permintaannya: tidak ada yang diterapkan. Mesin kasir mengirimnya lagi sendiri dalam {minutes} menit.</translation>
    </message>
    <message>
        <source>The Stamps server timed out waiting for the request: nothing was applied. The till sends it again by itself in a moment.</source>
        <comment>receipt.detail.timed_out.now</comment>
        <translation>Server Stamps kehabisan waktu menunggu permintaannya: tidak ada yang diterapkan. Mesin kasir mengirimnya lagi sendiri sebentar lagi.</translation>
    </message>
    <message>
        <source>The Stamps server asked the till to slow down: nothing was applied yet. The till sends it again by itself in a moment.</source>
        <comment>receipt.detail.slowed.now</comment>
        <translation>Server Stamps meminta mesin kasir memperlambat pengiriman: belum ada yang diterapkan. Mesin kasir mengirimnya lagi sendiri sebentar lagi.</translation>
    </message>
    <message>
        <source>It was sent but no answer came back: it may have gone through. The till is finding out.</source>
        <comment>receipt.detail.lost</comment>
        <translation>Sudah dikirim tetapi tidak ada jawaban: mungkin sudah berhasil. Mesin kasir sedang memastikannya.</translation>
    </message>
    <message>
        <source>Waiting for this member&apos;s earlier redemption to go through first: the till sends a member&apos;s redemptions one at a time, in order.</source>
        <comment>receipt.detail.behind</comment>
        <translation>Menunggu penukaran member ini yang sebelumnya berhasil dulu: mesin kasir mengirim penukaran seorang member satu per satu, berurutan.</translation>
    </message>
    <message>
        <source>Waiting for this member&apos;s earlier redemption, which the till is sending again: it sends a member&apos;s redemptions one at a time, in order, so this one goes after it.</source>
        <comment>receipt.detail.behind.retried</comment>
        <translation>Menunggu penukaran member ini yang sebelumnya, yang sedang dikirim ulang oleh mesin kasir: penukaran seorang member dikirim satu per satu, berurutan, jadi yang ini menyusul setelahnya.</translation>
    </message>
    <message>
        <source>It was sent, but a web page answered instead of the Stamps server (a network&apos;s sign-in page?): it may have gone through. The till is finding out.</source>
        <comment>receipt.detail.web_page</comment>
        <translation>Sudah dikirim, tetapi yang menjawab adalah sebuah halaman web, bukan server Stamps (halaman login jaringan?): mungkin sudah berhasil. Mesin kasir sedang memastikannya.</translation>
    </message>
    <message>
        <source>It was sent, but the answer sent the till to another address, which it does not follow: the Server URL (base_url) may be wrong, or a network&apos;s sign-in page is in the way. It may have gone through: the till is finding out, and a manager should check the Server URL.</source>
        <comment>receipt.detail.redirected</comment>
        <translation>Sudah dikirim, tetapi jawabannya mengarahkan mesin kasir ke alamat lain, yang tidak diikutinya: URL server (base_url) mungkin salah, atau ada halaman login jaringan yang menghalangi. Mungkin sudah berhasil: mesin kasir sedang memastikannya, dan manajer sebaiknya memeriksa URL server.</translation>
    </message>
    <message>
        <source>The server answered, but its answer does not show whether it went through. The till is finding out.</source>
        <comment>receipt.detail.unreadable</comment>
        <translation>Server menjawab, tetapi jawabannya tidak menunjukkan apakah sudah berhasil. Mesin kasir sedang memastikannya.</translation>
    </message>
    <message>
        <source>The Stamps server failed while handling it: it may have gone through. The till is finding out.</source>
        <comment>receipt.detail.server_error</comment>
        <translation>Server Stamps gagal saat memprosesnya: mungkin sudah berhasil. Mesin kasir sedang memastikannya.</translation>
    </message>
    <message>
        <source>The Stamps server says it is still handling this redemption, sent before: it may go through. The till is finding out.</source>
        <comment>receipt.detail.still_handled</comment>
        <translation>Server Stamps mengatakan masih memproses penukaran ini, yang sudah dikirim sebelumnya: mungkin akan berhasil. Mesin kasir sedang memastikannya.</translation>
    </message>
    <message>
        <source>The till could not prove whether it went through; a manager must check it.</source>
        <comment>receipt.detail.unknown</comment>
        <translation>Mesin kasir tidak bisa memastikan apakah ini berhasil; manajer harus memeriksanya.</translation>
    </message>
    <message>
        <source>The till could not prove whether it went through; a manager must check it. The server&apos;s answer named no redemption, and said: “{said}”</source>
        <comment>receipt.detail.unknown.said</comment>
        <translation>Mesin kasir tidak bisa memastikan apakah ini berhasil; manajer harus memeriksanya. Jawaban server tidak menyebut penukaran apa pun, dan berbunyi: “{said}”</translation>
    </message>
    <message>
        <source>The server answered without naming the redemption, so it is not confirmed. It said: “{said}”. The till is finding out.</source>
        <comment>receipt.detail.unproven</comment>
        <translation>Server menjawab tanpa menyebut penukarannya, jadi ini belum terkonfirmasi. Server berkata: “{said}”. Mesin kasir sedang memastikannya.</translation>
    </message>
    <message>
        <source>The Stamps server never confirmed it: if it was applied there, it stays applied.</source>
        <comment>receipt.detail.closed.unknown</comment>
        <translation>Server Stamps tidak pernah mengonfirmasinya: jika sudah diproses di sana, penukaran itu tetap berlaku.</translation>
    </message>
    <message>
        <source>Sync is paused: the Stamps server refuses this till&apos;s API token. Call a manager.</source>
        <comment>receipt.detail.paused</comment>
        <translation>Sinkronisasi dijeda: server Stamps menolak token API mesin kasir ini. Panggil manajer.</translation>
    </message>
    <message>
        <source>Sync is paused: the Stamps server refuses plain http. Call a manager.</source>
        <comment>receipt.detail.paused.https</comment>
        <translation>Sinkronisasi dijeda: server Stamps menolak http biasa. Panggil manajer.</translation>
    </message>
    <message>
        <source>Sync is paused: the Stamps server refuses plain http. It said: “{said}”. A manager must set the Server URL (base_url) to {address}; a new API token would not help.</source>
        <comment>queue.paused.https</comment>
        <translation>Sinkronisasi dijeda: server Stamps menolak http biasa. Katanya: “{said}”. Manajer harus mengubah URL server (base_url) menjadi {address}; token API baru tidak akan membantu.</translation>
    </message>
    <message>
        <source>The API token works again: sync has resumed.</source>
        <comment>queue.resumed</comment>
        <translation>Token API berfungsi lagi: sinkronisasi berjalan kembali.</translation>
    </message>
    <message>
        <source>The Stamps server still refuses plain http. It said: “{said}”. A manager must set the Server URL (base_url) to {address}; a new API token would not help.</source>
        <comment>queue.still_refused.https</comment>
        <translation>Server Stamps masih menolak http biasa. Katanya: “{said}”. Manajer harus mengubah URL server (base_url) menjadi {address}; token API baru tidak akan membantu.</translation>
    </message>
    <message>
        <source>The Stamps server could not be asked about the token just now; the till tries again by itself.</source>
        <comment>queue.check_failed</comment>
        <translation>Server Stamps tidak bisa ditanya soal token saat ini; mesin kasir akan mencoba lagi dengan sendirinya.</translation>
    </message>
    <message>
        <source>Cancel pending</source>
        <comment>cancel.pending</comment>
        <translation>Pembatalan menunggu</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <comment>cancel.done</comment>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>Cancel refused: {reason}</source>
        <comment>cancel.refused_by_server</comment>
        <translation>Pembatalan ditolak: {reason}</translation>
    </message>
    <message>
        <source>Cancel refused: the server said no</source>
        <comment>cancel.refused_silently</comment>
        <translation>Pembatalan ditolak: server tidak menyetujuinya</translation>
    </message>
    <message>
        <source>Cancel not sent: cancel it on the Stamps dashboard</source>
        <comment>cancel.needs_dashboard</comment>
        <translation>Pembatalan tidak dikirim: batalkan lewat dashboard Stamps</translation>
    </message>
    <message>
        <source>Cancel NOT CONFIRMED: a manager must check</source>
        <comment>cancel.not_confirmed</comment>
        <translation>Pembatalan BELUM DIKONFIRMASI: manajer harus memeriksa</translation>
    </message>
    <message>
        <source>Cancel closed by a manager</source>
        <comment>cancel.closed</comment>
        <translation>Pembatalan ditutup oleh manajer</translation>
    </message>
    <message>
        <source>Cancel pending, asked by {who}: {note}</source>
        <comment>cancel.pending.noted</comment>
        <translation>Pembatalan menunggu, diminta oleh {who}: {note}</translation>
    </message>
    <message>
        <source>Cancelled by {who}: {note}</source>
        <comment>cancel.done.noted</comment>
        <translation>Dibatalkan oleh {who}: {note}</translation>
    </message>
    <message>
        <source>Cancel refused: {reason} (asked by {who}: {note})</source>
        <comment>cancel.refused_by_server.noted</comment>
        <translation>Pembatalan ditolak: {reason} (diminta oleh {who}: {note})</translation>
    </message>
    <message>
        <source>Cancel refused: the server said no (asked by {who}: {note})</source>
        <comment>cancel.refused_silently.noted</comment>
        <translation>Pembatalan ditolak: server tidak menyetujuinya (diminta oleh {who}: {note})</translation>
    </message>
    <message>
        <source>Cancel not sent: cancel it on the Stamps dashboard (asked by {who}: {note})</source>
        <comment>cancel.needs_dashboard.noted</comment>
        <translation>Pembatalan tidak dikirim: batalkan lewat dashboard Stamps (diminta oleh {who}: {note})</translation>
    </message>
    <message>
        <source>Cancel NOT CONFIRMED: a manager must check (asked by {who}: {note})</source>
        <comment>cancel.not_confirmed.noted</comment>
        <translation>Pembatalan BELUM DIKONFIRMASI: manajer harus memeriksa (diminta oleh {who}: {note})</translation>
    </message>
    <message>
        <source>Cancelled before it was sent by {who}: {note}</source>
        <comment>decided.void</comment>
        <translation>Dibatalkan sebelum dikirim oleh {who}: {note}</translation>
    </message>
    <message>
        <source>Cancelled before it was sent by {who}</source>
        <comment>decided.void.bare</comment>
        <translation>Dibatalkan sebelum dikirim oleh {who}</translation>
    </message>
    <message>
        <source>Marked applied by {who}: {note}</source>
        <comment>decided.mark_applied</comment>
        <translation>Ditandai diproses oleh {who}: {note}</translation>
    </message>
    <message>
        <source>Marked applied by {who}</source>
        <comment>decided.mark_applied.bare</comment>
        <translation>Ditandai diproses oleh {who}</translation>
    </message>
    <message>
        <source>Sent again by {who} as {ref}: {note}</source>
        <comment>decided.retry</comment>
        <translation>Dikirim ulang oleh {who} sebagai {ref}: {note}</translation>
    </message>
    <message>
        <source>Sent again by {who} as {ref}</source>
        <comment>decided.retry.bare</comment>
        <translation>Dikirim ulang oleh {who} sebagai {ref}</translation>
    </message>
    <message>
        <source>Closed by {who}: {note}</source>
        <comment>decided.dismiss</comment>
        <translation>Ditutup oleh {who}: {note}</translation>
    </message>
    <message>
        <source>Closed by {who}</source>
        <comment>decided.dismiss.bare</comment>
        <translation>Ditutup oleh {who}</translation>
    </message>
    <message>
        <source>No answer came from the server; the member&apos;s activity has not been checked yet.</source>
        <comment>exception.unchecked</comment>
        <translation>Tidak ada jawaban dari server; aktivitas member belum diperiksa.</translation>
    </message>
    <message>
        <source>Not in the member&apos;s activity: {lines} lines read since {since}.</source>
        <comment>exception.not_found</comment>
        <translation>Tidak ada di aktivitas member: {lines} baris dibaca sejak {since}.</translation>
    </message>
    <message>
        <source>It cannot be looked for in the member&apos;s activity: check it on the Stamps dashboard.</source>
        <comment>exception.cannot_reconcile</comment>
        <translation>Tidak bisa dicari di aktivitas member: periksa di dashboard Stamps.</translation>
    </message>
    <message>
        <source>A cancel leaves no line in the member&apos;s activity: check it on the Stamps dashboard.</source>
        <comment>exception.cancel_not_in_feed</comment>
        <translation>Pembatalan tidak meninggalkan baris di aktivitas member: periksa di dashboard Stamps.</translation>
    </message>
    <message>
        <source>The till does not know which line of the member&apos;s activity it would leave (the reward, the stamps or the store is missing): check it on the Stamps dashboard.</source>
        <comment>exception.no_expected_line</comment>
        <translation>Mesin kasir tidak tahu baris mana di aktivitas member yang akan ditinggalkannya (hadiah, stamp, atau tokonya tidak tercatat): periksa di dashboard Stamps.</translation>
    </message>
    <message>
        <source>The member has no email or phone number, which reading their activity needs: check it on the Stamps dashboard.</source>
        <comment>exception.no_member_contact</comment>
        <translation>Member tidak punya email atau nomor HP, yang dibutuhkan untuk membaca aktivitasnya: periksa di dashboard Stamps.</translation>
    </message>
    <message>
        <source>No unanswered attempt is on record to look for in the member&apos;s activity.</source>
        <comment>exception.no_ambiguous_attempt</comment>
        <translation>Tidak ada percobaan tanpa jawaban yang tercatat untuk dicari di aktivitas member.</translation>
    </message>
    <message>
        <source>Another redemption of this member may still reach the server: the till looks at the member&apos;s activity again once it has.</source>
        <comment>exception.deferred</comment>
        <translation>Penukaran lain member ini mungkin masih akan sampai ke server: mesin kasir memeriksa aktivitas member lagi setelah itu.</translation>
    </message>
    <message>
        <source>The member&apos;s activity has {lines} matching lines, and {entries} unconfirmed redemptions of this till could each own them: the till cannot tell which is whose.</source>
        <comment>exception.ambiguous</comment>
        <translation>Aktivitas member memuat {lines} baris yang cocok, dan {entries} penukaran mesin kasir ini yang belum dikonfirmasi masing-masing bisa memilikinya: mesin kasir tidak bisa memastikan mana milik siapa.</translation>
    </message>
    <message>
        <source>The member&apos;s activity could not be read just now: the till looks again by itself.</source>
        <comment>exception.feed_unreadable</comment>
        <translation>Aktivitas member tidak bisa dibaca saat ini: mesin kasir akan memeriksa lagi dengan sendirinya.</translation>
    </message>
    <message>
        <source>The member&apos;s activity has {lines} lines that may be this redemption, but this till has no store code (store_code) to tell its store&apos;s lines from another store&apos;s: check it on the Stamps dashboard before sending it again, and have the store code set.</source>
        <comment>exception.store_unknown</comment>
        <translation>Aktivitas member memuat {lines} baris yang mungkin penukaran ini, tetapi mesin kasir ini tidak punya kode toko (store_code) untuk membedakan baris tokonya dari baris toko lain: periksa di dashboard Stamps sebelum mengirimnya lagi, dan minta kode toko diatur.</translation>
    </message>
    <message>
        <source>Reconciliation recorded a result this till has no words for: stamps-pos exceptions --json shows it.</source>
        <comment>exception.other</comment>
        <translation>Pencocokan mencatat hasil yang tidak bisa dijelaskan mesin kasir ini: stamps-pos exceptions --json menampilkannya.</translation>
    </message>
    <message>
        <source>applied by the server</source>
        <comment>outcome.applied</comment>
        <translation>diproses oleh server</translation>
    </message>
    <message>
        <source>refused by the server: nothing applied</source>
        <comment>outcome.refused</comment>
        <translation>ditolak oleh server: tidak ada yang diproses</translation>
    </message>
    <message>
        <source>never reached the server: nothing applied</source>
        <comment>outcome.never_arrived</comment>
        <translation>tidak sampai ke server: tidak ada yang diproses</translation>
    </message>
    <message>
        <source>no clear answer: not known whether it was applied</source>
        <comment>outcome.ambiguous</comment>
        <translation>tidak ada jawaban yang jelas: tidak diketahui apakah sudah diproses</translation>
    </message>
    <message>
        <source>The till stopped during this attempt (it was closed, crashed or was killed): whether the server got it is not known.</source>
        <comment>failure.lease_lost</comment>
        <translation>Mesin kasir berhenti di tengah percobaan ini (ditutup, macet, atau dihentikan paksa): tidak diketahui apakah server menerimanya.</translation>
    </message>
    <message>
        <source>The member&apos;s PIN authorisation ran out before it could be sent: nothing was redeemed.</source>
        <comment>failure.pin_expired</comment>
        <translation>Otorisasi PIN member habis sebelum bisa dikirim: tidak ada yang ditukar.</translation>
    </message>
    <message>
        <source>Not sent in time: the kiosk could not send it while its customer was there, and told them to ask at the counter. It will never be sent: nothing was redeemed.</source>
        <comment>failure.kiosk_expired</comment>
        <translation>Tidak terkirim tepat waktu: kios tidak bisa mengirimnya selama pelanggannya masih di sana, dan meminta pelanggan bertanya di kasir. Penukaran ini tidak akan pernah dikirim: tidak ada yang ditukar.</translation>
    </message>
    <message>
        <source>The Stamps server could not be reached: it was not sent.</source>
        <comment>failure.unreachable</comment>
        <translation>Server Stamps tidak bisa dihubungi: tidak terkirim.</translation>
    </message>
    <message>
        <source>It was sent but no answer came back: the server may have applied it.</source>
        <comment>failure.no_answer</comment>
        <translation>Sudah dikirim tetapi tidak ada jawaban: mungkin server sudah memprosesnya.</translation>
    </message>
    <message>
        <source>The server&apos;s answer was too large to read: the server may have applied it.</source>
        <comment>failure.answer_too_large</comment>
        <translation>Jawaban server terlalu besar untuk dibaca: mungkin server sudah memprosesnya.</translation>
    </message>
    <message>
        <source>The exchange with the Stamps server failed without showing whether the server applied it.</source>
        <comment>failure.uncertain</comment>
        <translation>Komunikasi dengan server Stamps gagal tanpa menunjukkan apakah server sudah memprosesnya.</translation>
    </message>
    <message>
        <source>The Stamps server failed while handling it: the server may have applied it.</source>
        <comment>failure.server_error</comment>
        <translation>Server Stamps gagal saat memprosesnya: mungkin server sudah memprosesnya.</translation>
    </message>
    <message>
        <source>The server answered, but its answer does not show that it applied it.</source>
        <comment>failure.unreadable</comment>
        <translation>Server menjawab, tetapi jawabannya tidak menunjukkan bahwa server sudah memprosesnya.</translation>
    </message>
    <message>
        <source>The server answered without naming what it applied, and said: “{said}”</source>
        <comment>failure.unproven</comment>
        <translation>Server menjawab tanpa menyebut apa yang sudah diprosesnya, dan berkata: “{said}”</translation>
    </message>
    <message>
        <source>The answer sent the till to another address (a redirect), which it does not follow: the Server URL (base_url) may be wrong, or a network&apos;s sign-in page is in the way. Whether the Stamps server applied it is not known.</source>
        <comment>failure.redirected</comment>
        <translation>Jawabannya mengarahkan mesin kasir ke alamat lain (pengalihan), yang tidak diikutinya: URL server (base_url) mungkin salah, atau ada halaman login jaringan yang menghalangi. Tidak diketahui apakah server Stamps sudah menerimanya.</translation>
    </message>
    <message>
        <source>A web page answered instead of the Stamps server (a network&apos;s sign-in page, or a wrong base_url): whether the server got it is not known.</source>
        <comment>failure.web_page</comment>
        <translation>Yang menjawab adalah sebuah halaman web, bukan server Stamps (halaman login jaringan, atau base_url yang salah): tidak diketahui apakah server sudah menerimanya.</translation>
    </message>
    <message>
        <source>The Stamps server turned this request away: nothing was applied; it is sent again.</source>
        <comment>failure.not_allowed</comment>
        <translation>Server Stamps menolak permintaan ini: tidak ada yang diproses; akan dikirim ulang.</translation>
    </message>
    <message>
        <source>The Stamps server refuses this till&apos;s API token: nothing was applied; sync waits for a new token.</source>
        <comment>failure.credentials</comment>
        <translation>Server Stamps menolak token API mesin kasir ini: tidak ada yang diproses; sinkronisasi menunggu token baru.</translation>
    </message>
    <message>
        <source>The Stamps server refuses this till&apos;s API token: nothing was applied; sync waits for a new token. It said: “{said}”.</source>
        <comment>failure.credentials.said</comment>
        <translation>Server Stamps menolak token API mesin kasir ini: tidak ada yang diproses; sinkronisasi menunggu token baru. Katanya: “{said}”.</translation>
    </message>
    <message>
        <source>The Stamps server refuses plain http: nothing was applied; sync waits for the Server URL (base_url) to be set to {address}. It said: “{said}”.</source>
        <comment>failure.credentials.https</comment>
        <translation>Server Stamps menolak http biasa: tidak ada yang diproses; sinkronisasi menunggu URL server (base_url) diubah menjadi {address}. Katanya: “{said}”.</translation>
    </message>
    <message>
        <source>The Stamps server refused the API token the till held before a manager set a new one: nothing was applied; it was sent again with the new token.</source>
        <comment>failure.token_replaced</comment>
        <translation>Server Stamps menolak token API lama mesin kasir ini, sebelum manajer memasang yang baru: tidak ada yang diproses; permintaan dikirim lagi dengan token baru.</translation>
    </message>
    <message>
        <source>The till&apos;s API token holds characters a request cannot carry: it was not sent; sync waits for a new token.</source>
        <comment>failure.token_unusable</comment>
        <translation>Token API mesin kasir ini memuat karakter yang tidak bisa dikirim dalam permintaan: tidak terkirim; sinkronisasi menunggu token baru.</translation>
    </message>
    <message>
        <source>The till could not get its access token from the Stamps server: it was not sent.</source>
        <comment>failure.access_token</comment>
        <translation>Mesin kasir tidak bisa mendapatkan token akses dari server Stamps: tidak terkirim.</translation>
    </message>
    <message>
        <source>The till did not send it: its values are not valid.</source>
        <comment>failure.invalid_request</comment>
        <translation>Mesin kasir tidak mengirimnya: nilainya tidak valid.</translation>
    </message>
    <message>
        <source>It was not sent: the till was held up between taking it and sending it; it is sent again.</source>
        <comment>failure.stale_claim</comment>
        <translation>Tidak terkirim: mesin kasir tertahan antara mengambil dan mengirimnya; akan dikirim ulang.</translation>
    </message>
    <message>
        <source>It was not sent: the till stopped before it left.</source>
        <comment>failure.stopped</comment>
        <translation>Tidak terkirim: mesin kasir berhenti sebelum permintaan keluar.</translation>
    </message>
    <message>
        <source>The till failed unexpectedly while sending it: the till&apos;s log has the details.</source>
        <comment>failure.unexpected</comment>
        <translation>Mesin kasir gagal tanpa terduga saat mengirimnya: rinciannya ada di log mesin kasir.</translation>
    </message>
    <message>
        <source>The till recorded a problem it has no words for: stamps-pos outbox show gives it as recorded.</source>
        <comment>failure.unrecognised</comment>
        <translation>Mesin kasir mencatat masalah yang tidak bisa dijelaskannya: stamps-pos outbox show menampilkannya apa adanya.</translation>
    </message>
    <message>
        <source>This stacks more than {limit} accents on one letter; type it again without them.</source>
        <comment>field.mark_stack</comment>
        <translation>Ini menumpuk lebih dari {limit} tanda aksen pada satu huruf; ketik ulang tanpanya.</translation>
    </message>
    <message>
        <source>This mixes letters of alphabets that look alike (a Cyrillic е in a Latin name), or styled letters; type it again in plain letters of one alphabet.</source>
        <comment>field.look_alike</comment>
        <translation>Ini mencampur huruf dari abjad yang mirip (е Sirilik dalam nama Latin), atau huruf bergaya; ketik ulang dengan huruf biasa dari satu abjad.</translation>
    </message>
    <message>
        <source>Type prefixes of letters, digits, “-”, “/” and “.”, at most {most} characters each, split by commas (KR, 7014).</source>
        <comment>setting.prefixes</comment>
        <translation>Ketik awalan dari huruf, angka, “-”, “/” dan “.”, paling banyak {most} karakter masing-masing, dipisah koma (KR, 7014).</translation>
    </message>
    <message>
        <source>Write the prefixes as one text split by commas, in quotes (&quot;KR, 7014&quot;), not as a list.</source>
        <comment>setting.prefixes_one_text</comment>
        <translation>Tulis awalan sebagai satu teks dipisah koma, di dalam tanda kutip (&quot;KR, 7014&quot;), bukan sebagai daftar.</translation>
    </message>
    <message>
        <source>Type 0 (never), or from {least} to {most} seconds.</source>
        <comment>setting.heartbeat</comment>
        <translation>Ketik 0 (tidak pernah), atau {least} sampai {most} detik.</translation>
    </message>
    <message>
        <source>This is a link to a folder that is not there: link it to one that is.</source>
        <comment>setting.dangling_link</comment>
        <translation>Ini tautan ke folder yang tidak ada: tautkan ke folder yang ada.</translation>
    </message>
    <message>
        <source>Leave out {path}: the till adds /api/v2/… itself (the server&apos;s address alone, such as https://stamps.co.id).</source>
        <comment>setting.address_api_path</comment>
        <translation>Hapus {path}: mesin kasir menambahkan /api/v2/… sendiri (cukup alamat servernya, misalnya https://stamps.co.id).</translation>
    </message>
    <message>
        <source>The settings file {path} cannot be written: {file} is a file, not a folder</source>
        <comment>setting.file_unwritable.not_a_folder</comment>
        <translation>File pengaturan {path} tidak bisa ditulis: {file} adalah berkas, bukan folder</translation>
    </message>
    <message>
        <source>settings file {path} cannot be read: {reason}</source>
        <comment>start.settings_unreadable</comment>
        <translation>Berkas pengaturan {path} tidak bisa dibaca: {reason}</translation>
    </message>
    <message>
        <source>settings file {path} starts with a byte order mark (BOM), which TOML does not allow; save it again as UTF-8 without BOM</source>
        <comment>start.settings_bom</comment>
        <translation>Berkas pengaturan {path} diawali penanda urutan byte (BOM), yang tidak diizinkan TOML; simpan lagi sebagai UTF-8 tanpa BOM</translation>
    </message>
    <message>
        <source>settings file {path} is not UTF-8 text; write it again as a plain TOML file</source>
        <comment>start.settings_not_utf8</comment>
        <translation>Berkas pengaturan {path} bukan teks UTF-8; tulis lagi sebagai berkas TOML biasa</translation>
    </message>
    <message>
        <source>settings file {path} is not valid TOML: {reason}</source>
        <comment>start.settings_not_toml</comment>
        <translation>Berkas pengaturan {path} bukan TOML yang sah: {reason}</translation>
    </message>
    <message>
        <source>settings file {path} is not valid TOML at line {line}, column {column}: {reason}</source>
        <comment>start.settings_not_toml_at</comment>
        <translation>Berkas pengaturan {path} bukan TOML yang sah di baris {line}, kolom {column}: {reason}</translation>
    </message>
    <message>
        <source>settings file {path} is not valid TOML where it ends: {reason}</source>
        <comment>start.settings_not_toml_at_end</comment>
        <translation>Berkas pengaturan {path} bukan TOML yang sah di bagian akhirnya: {reason}</translation>
    </message>
    <message>
        <source>settings file {path} sets &apos;{name}&apos; twice, on lines {first} and {again}: keep the one the till should use and delete the other</source>
        <comment>start.settings_set_twice</comment>
        <translation>Berkas pengaturan {path} menetapkan &apos;{name}&apos; dua kali, di baris {first} dan {again}: pertahankan yang harus dipakai mesin kasir dan hapus yang lain</translation>
    </message>
    <message>
        <source>settings file {path} is nested too deeply to be a settings file</source>
        <comment>start.settings_nested</comment>
        <translation>Berkas pengaturan {path} bersarang terlalu dalam untuk sebuah berkas pengaturan</translation>
    </message>
    <message>
        <source>settings file {path} is not a regular file (a pipe or a socket); name a TOML file</source>
        <comment>start.settings_not_a_file</comment>
        <translation>Berkas pengaturan {path} bukan berkas biasa (sebuah pipe atau socket); sebutkan sebuah berkas TOML</translation>
    </message>
    <message>
        <source>settings file {path} is larger than {mib} MiB: it is not a settings file</source>
        <comment>start.settings_too_large</comment>
        <translation>Berkas pengaturan {path} lebih besar dari {mib} MiB: itu bukan berkas pengaturan</translation>
    </message>
    <message>
        <source>settings file {path}: the API token is never kept in the settings file; remove it and set {variable} or run `stamps-pos token set`</source>
        <comment>start.token_in_settings</comment>
        <translation>Berkas pengaturan {path}: token API tidak pernah disimpan di berkas pengaturan; hapus dari sana, lalu isi {variable} atau jalankan `stamps-pos token set`</translation>
    </message>
    <message>
        <source>no API token: set {variable} or run `stamps-pos token set`</source>
        <comment>start.no_token</comment>
        <translation>Belum ada token API: isi {variable} atau jalankan `stamps-pos token set`</translation>
    </message>
    <message>
        <source>{variable} cannot be sent: it holds more than one line, and a token is a single line (was a file, or two tokens, pasted?)</source>
        <comment>token.lines.env</comment>
        <translation>{variable} tidak dapat dikirim: isinya lebih dari satu baris, padahal token hanya satu baris (apakah sebuah berkas, atau dua token, yang ditempel?)</translation>
    </message>
    <message>
        <source>the token in the system keyring cannot be sent: it holds more than one line, and a token is a single line (was a file, or two tokens, pasted?)</source>
        <comment>token.lines.keyring</comment>
        <translation>Token di keyring sistem tidak dapat dikirim: isinya lebih dari satu baris, padahal token hanya satu baris (apakah sebuah berkas, atau dua token, yang ditempel?)</translation>
    </message>
    <message>
        <source>the token in {path} cannot be sent: it holds more than one line, and a token is a single line (was a file, or two tokens, pasted?)</source>
        <comment>token.lines.file</comment>
        <translation>Token di {path} tidak dapat dikirim: isinya lebih dari satu baris, padahal token hanya satu baris (apakah sebuah berkas, atau dua token, yang ditempel?)</translation>
    </message>
    <message>
        <source>{variable} cannot be sent: it is {length} characters long, and a token is at most {most}</source>
        <comment>token.too_long.env</comment>
        <translation>{variable} tidak dapat dikirim: panjangnya {length} karakter, padahal token paling panjang {most}</translation>
    </message>
    <message>
        <source>the token in the system keyring cannot be sent: it is {length} characters long, and a token is at most {most}</source>
        <comment>token.too_long.keyring</comment>
        <translation>Token di keyring sistem tidak dapat dikirim: panjangnya {length} karakter, padahal token paling panjang {most}</translation>
    </message>
    <message>
        <source>the token in {path} cannot be sent: it is {length} characters long, and a token is at most {most}</source>
        <comment>token.too_long.file</comment>
        <translation>Token di {path} tidak dapat dikirim: panjangnya {length} karakter, padahal token paling panjang {most}</translation>
    </message>
    <message>
        <source>{variable} holds characters that cannot be sent (spaces, control characters or letters outside ASCII): a token is one word of printable ASCII</source>
        <comment>token.characters.env</comment>
        <translation>{variable} berisi karakter yang tidak dapat dikirim (spasi, karakter kontrol, atau huruf di luar ASCII): token adalah satu kata ASCII yang dapat dicetak</translation>
    </message>
    <message>
        <source>the token in the system keyring holds characters that cannot be sent (spaces, control characters or letters outside ASCII): a token is one word of printable ASCII</source>
        <comment>token.characters.keyring</comment>
        <translation>Token di keyring sistem berisi karakter yang tidak dapat dikirim (spasi, karakter kontrol, atau huruf di luar ASCII): token adalah satu kata ASCII yang dapat dicetak</translation>
    </message>
    <message>
        <source>the token in {path} holds characters that cannot be sent (spaces, control characters or letters outside ASCII): a token is one word of printable ASCII</source>
        <comment>token.characters.file</comment>
        <translation>Token di {path} berisi karakter yang tidak dapat dikirim (spasi, karakter kontrol, atau huruf di luar ASCII): token adalah satu kata ASCII yang dapat dicetak</translation>
    </message>
    <message>
        <source>token file {path} cannot be read: {reason}</source>
        <comment>token.file_unreadable</comment>
        <translation>Berkas token {path} tidak dapat dibaca: {reason}</translation>
    </message>
    <message>
        <source>token file {path} cannot be written: {reason}</source>
        <comment>token.file_unwritable</comment>
        <translation>Berkas token {path} tidak dapat ditulis: {reason}</translation>
    </message>
    <message>
        <source>token file {path} cannot be read: {file} is a file, not a folder</source>
        <comment>token.file_unreadable.not_a_folder</comment>
        <translation>Berkas token {path} tidak dapat dibaca: {file} adalah berkas, bukan folder</translation>
    </message>
    <message>
        <source>the token is not saved: the till cannot write in the folder {folder}, which is on a read-only disk (the token is kept beside the settings file). The token kept before is unchanged. Make that disk writable, or keep the settings in a folder the till can write, and store the token again</source>
        <comment>token.file_unwritable.read_only</comment>
        <translation>Token tidak disimpan: mesin kasir tidak dapat menulis di folder {folder}, yang berada di disk hanya-baca (token disimpan di samping berkas pengaturan). Token yang tersimpan sebelumnya tidak berubah. Jadikan disk itu dapat ditulis, atau simpan pengaturan di folder yang dapat ditulis mesin kasir, lalu simpan token lagi</translation>
    </message>
    <message>
        <source>the token is not saved: the till may not write in the folder {folder}, where the token is kept, beside the settings file. The token kept before is unchanged. Give the user the till runs as the right to write in that folder, and store the token again</source>
        <comment>token.file_unwritable.not_allowed</comment>
        <translation>Token tidak disimpan: mesin kasir tidak diizinkan menulis di folder {folder}, tempat token disimpan, di samping berkas pengaturan. Token yang tersimpan sebelumnya tidak berubah. Beri pengguna yang menjalankan mesin kasir hak menulis di folder itu, lalu simpan token lagi</translation>
    </message>
    <message>
        <source>the token is not saved: the disk of the folder {folder}, where the token is kept, is full. The token kept before is unchanged. Free some room on that disk, and store the token again</source>
        <comment>token.file_unwritable.full</comment>
        <translation>Token tidak disimpan: disk folder {folder}, tempat token disimpan, sudah penuh. Token yang tersimpan sebelumnya tidak berubah. Kosongkan sebagian ruang di disk itu, lalu simpan token lagi</translation>
    </message>
    <message>
        <source>token file {path} cannot be written: {file} is a file, not a folder</source>
        <comment>token.file_unwritable.not_a_folder</comment>
        <translation>Berkas token {path} tidak dapat ditulis: {file} adalah berkas, bukan folder</translation>
    </message>
    <message>
        <source>token file {path} is not a regular file (a folder, a pipe or a device); remove it and store the token again with `stamps-pos token set`</source>
        <comment>token.file_not_regular</comment>
        <translation>Berkas token {path} bukan berkas biasa (sebuah folder, pipe, atau perangkat); hapus berkas itu lalu simpan token lagi dengan `stamps-pos token set`</translation>
    </message>
    <message>
        <source>the data folder {folder} cannot be made: {reason}; set data_dir to a folder this user may write</source>
        <comment>start.data_folder_not_made</comment>
        <translation>Folder data {folder} tidak bisa dibuat: {reason}; isi data_dir dengan folder yang boleh ditulisi pengguna ini</translation>
    </message>
    <message>
        <source>the data folder {folder} cannot be written; set data_dir to a folder this user may write</source>
        <comment>start.data_folder_unwritable</comment>
        <translation>Folder data {folder} tidak bisa ditulisi; isi data_dir dengan folder yang boleh ditulisi pengguna ini</translation>
    </message>
    <message>
        <source>another Stamps POS window is already open on {folder}; use that one</source>
        <comment>start.second_window</comment>
        <translation>Jendela Stamps POS lain sudah terbuka di {folder}; pakai jendela itu</translation>
    </message>
    <message>
        <source>The database {path} is at schema revision {revision}, which this version of Stamps POS does not know (it knows up to {head}). It was written by a newer version: install that version again, or move the database aside.</source>
        <comment>start.database_too_new</comment>
        <translation>Database {path} ada di revisi skema {revision}, yang tidak dikenal versi Stamps POS ini (yang dikenalnya sampai {head}). Database itu ditulis oleh versi yang lebih baru: pasang lagi versi itu, atau sisihkan databasenya.</translation>
    </message>
    <message>
        <source>The till&apos;s database {path} is damaged ({problem}); it must be moved aside and a new one started. Nothing was changed; it still holds {count} readable queued, sending or unknown entries. To keep it aside and start a new database: {command}</source>
        <comment>start.database_damaged</comment>
        <translation>Database mesin kasir {path} rusak ({problem}); database itu harus disisihkan dan database baru dimulai. Belum ada yang diubah; di dalamnya masih ada {count} penukaran yang antre, sedang dikirim, atau belum pasti yang bisa dibaca. Untuk menyisihkannya dan memulai database baru: {command}</translation>
    </message>
    <message>
        <source>The till&apos;s data folder {folder} is read-only: nothing new can be saved (no redemption can be queued) until it can be written again</source>
        <comment>storage.read_only</comment>
        <translation>Folder data mesin kasir {folder} hanya-baca: tidak ada yang baru yang bisa disimpan (tidak ada penukaran yang bisa diantrekan) sampai folder itu bisa ditulisi lagi</translation>
    </message>
    <message>
        <source>The disk that holds the till&apos;s data ({folder}) is full: nothing new can be saved (no redemption can be queued) until space is freed</source>
        <comment>storage.full</comment>
        <translation>Disk penyimpan data mesin kasir ({folder}) penuh: tidak ada yang baru yang bisa disimpan (tidak ada penukaran yang bisa diantrekan) sampai ada ruang kosong</translation>
    </message>
    <message>
        <source>The disk that holds the till&apos;s data ({folder}) is full, and the till&apos;s database cannot even be read: the till stopped last time without closing it, and reading what it saved then needs a little room (32 KB) beside it. Free some space on that disk, then start the till again; nothing is lost</source>
        <comment>storage.full_unreadable</comment>
        <translation>Disk penyimpan data mesin kasir ({folder}) penuh, dan basis data mesin kasir bahkan tidak bisa dibaca: terakhir kali mesin kasir berhenti tanpa menutupnya, dan membaca apa yang disimpan saat itu butuh sedikit ruang (32 KB) di sebelahnya. Kosongkan sebagian ruang di disk itu, lalu jalankan mesin kasir lagi; tidak ada yang hilang</translation>
    </message>
    <message>
        <source>The till&apos;s data folder {folder} is read-only and holds no database: make it writable so the till can start</source>
        <comment>storage.read_only_no_database</comment>
        <translation>Folder data mesin kasir {folder} hanya-baca dan tidak berisi database: buat agar bisa ditulisi supaya mesin kasir bisa dimulai</translation>
    </message>
    <message>
        <source>The till&apos;s database {path} needs an upgrade to this version, and its folder is read-only: make it writable so the till can start</source>
        <comment>storage.read_only_needs_upgrade</comment>
        <translation>Database mesin kasir {path} perlu ditingkatkan ke versi ini, dan foldernya hanya-baca: buat agar bisa ditulisi supaya mesin kasir bisa dimulai</translation>
    </message>
    <message>
        <source>The till&apos;s database {path} cannot be used: {reason}</source>
        <comment>storage.cannot_use</comment>
        <translation>Database mesin kasir {path} tidak bisa dipakai: {reason}</translation>
    </message>
    <message>
        <source>The till&apos;s database {path} cannot be used: the disk reports an I/O error</source>
        <comment>storage.io_error</comment>
        <translation>Database mesin kasir {path} tidak bisa dipakai: disk melaporkan galat I/O</translation>
    </message>
    <message>
        <source>The till&apos;s database {path} cannot be used: the file cannot be opened</source>
        <comment>storage.cannot_open</comment>
        <translation>Database mesin kasir {path} tidak bisa dipakai: berkasnya tidak bisa dibuka</translation>
    </message>
    <message>
        <source>The till&apos;s database {path} cannot be used: {file} is a file, not a folder</source>
        <comment>storage.not_a_folder</comment>
        <translation>Database mesin kasir {path} tidak bisa dipakai: {file} adalah berkas, bukan folder</translation>
    </message>
    <message>
        <source>The till&apos;s database {path} cannot be used: it is a link to {target}, which leads to no file (is a disk missing?); bring that file back, or remove the link to start a new database</source>
        <comment>storage.broken_link</comment>
        <translation>Database mesin kasir {path} tidak bisa dipakai: itu tautan ke {target}, yang tidak mengarah ke berkas apa pun (apakah ada disk yang hilang?); kembalikan berkas itu, atau hapus tautannya untuk memulai database baru</translation>
    </message>
    <message>
        <source>The till&apos;s database {path} is held by another program (locked for more than {seconds} seconds): nothing was changed; close that program (an sqlite3 shell, a backup) and try again</source>
        <comment>storage.busy</comment>
        <translation>Database mesin kasir {path} sedang ditahan program lain (terkunci lebih dari {seconds} detik): belum ada yang diubah; tutup program itu (shell sqlite3, pencadangan) lalu coba lagi</translation>
    </message>
    <message>
        <source>Another program deleted {log}, the log of the till&apos;s database, while the till was open. Everything saved so far was copied into {path}, but nothing more can be saved: close the till and open it again</source>
        <comment>storage.log_lost</comment>
        <translation>Program lain menghapus {log}, log basis data kasir, saat kasir terbuka. Semua yang sudah tersimpan telah disalin ke {path}, tetapi tidak ada lagi yang bisa disimpan: tutup kasir lalu buka lagi</translation>
    </message>
    <message>
        <source>Another program deleted {log}, the log of the till&apos;s database, while the till was open. What was saved since the till opened is not yet in {path}: nothing more can be saved; keep this window open and call support</source>
        <comment>storage.log_lost_not_copied</comment>
        <translation>Program lain menghapus {log}, log basis data kasir, saat kasir terbuka. Yang disimpan sejak kasir dibuka belum ada di {path}: tidak ada lagi yang bisa disimpan; biarkan jendela ini terbuka dan hubungi dukungan</translation>
    </message>
    <message>
        <source>Another program deleted or moved {path}, the till&apos;s database, while the till was open. Everything saved so far was copied into a new {path}, but nothing more can be saved: close the till and open it again</source>
        <comment>storage.file_lost</comment>
        <translation>Program lain menghapus atau memindahkan {path}, basis data kasir, saat kasir terbuka. Semua yang sudah tersimpan telah disalin ke {path} yang baru, tetapi tidak ada lagi yang bisa disimpan: tutup kasir lalu buka lagi</translation>
    </message>
    <message>
        <source>Another program deleted or moved {path}, the till&apos;s database, while the till was open. What the till saved is held only by this window: nothing more can be saved; keep this window open and call support</source>
        <comment>storage.file_lost_not_copied</comment>
        <translation>Program lain menghapus atau memindahkan {path}, basis data kasir, saat kasir terbuka. Yang disimpan kasir hanya ada di jendela ini: tidak ada lagi yang bisa disimpan; biarkan jendela ini terbuka dan hubungi dukungan</translation>
    </message>
    <message>
        <source>The till&apos;s database {path} is damaged ({problem}); it must be moved aside and a new one started</source>
        <comment>storage.damaged</comment>
        <translation>Database mesin kasir {path} rusak ({problem}); database itu harus disisihkan dan database baru dimulai</translation>
    </message>
    <message>
        <source>This till has no record of a member answering to {member}: check the spelling, or give their email, member ID, phone or card number.</source>
        <comment>records.no_member</comment>
        <translation>Mesin kasir ini tidak punya catatan tentang member yang cocok dengan {member}: periksa ejaannya, atau berikan email, ID member, nomor HP atau nomor kartunya.</translation>
    </message>
    <message>
        <source>No one named {name} is in this till&apos;s audit log or among its managers and cashiers.</source>
        <comment>records.no_one_named</comment>
        <translation>Tidak ada yang bernama {name} di log audit mesin kasir ini maupun di antara manajer dan kasirnya.</translation>
    </message>
    <message>
        <source>{name} is locked after {count} wrong PINs; try again in {minutes} minutes.</source>
        <comment>staff.locked</comment>
        <translation>{name} terkunci setelah {count} kali PIN salah; coba lagi dalam {minutes} menit.</translation>
    </message>
    <message>
        <source>Not a PIN: a PIN is digits only, 8 at most. Not counted as a wrong one.</source>
        <comment>staff.not_a_pin</comment>
        <translation>Bukan PIN: PIN hanya angka, paling banyak 8. Tidak dihitung sebagai PIN salah.</translation>
    </message>
    <message>
        <source>A manager&apos;s PIN has {fewest} to {most} digits. Not counted as a wrong one.</source>
        <comment>staff.pin_length.manager</comment>
        <translation>PIN manajer terdiri dari {fewest} sampai {most} angka. Tidak dihitung sebagai PIN salah.</translation>
    </message>
    <message>
        <source>A cashier&apos;s PIN has {fewest} to {most} digits. Not counted as a wrong one.</source>
        <comment>staff.pin_length.cashier</comment>
        <translation>PIN kasir terdiri dari {fewest} sampai {most} angka. Tidak dihitung sebagai PIN salah.</translation>
    </message>
    <message>
        <source>Wrong PIN for {name}: {left} more wrong PINs lock the account for {minutes} minutes.</source>
        <comment>staff.wrong_pin</comment>
        <translation>PIN {name} salah: {left} kali lagi salah, akun terkunci selama {minutes} menit.</translation>
    </message>
    <message>
        <source>This redemption used no voucher, so there is none to replace: cancel it without a replacement voucher.</source>
        <comment>manager.no_voucher_to_replace</comment>
        <translation>Penukaran ini tidak memakai voucher, jadi tidak ada yang perlu diganti: batalkan tanpa voucher pengganti.</translation>
    </message>
    <message>
        <source>Server redemption {server_id} is already this till&apos;s redemption for {member}, made {made} by {cashier}: check the id on the Stamps dashboard.</source>
        <comment>manager.server_id_taken</comment>
        <translation>Penukaran server {server_id} sudah menjadi penukaran mesin kasir ini untuk {member}, dibuat {made} oleh {cashier}: periksa ID-nya di dashboard Stamps.</translation>
    </message>
    <message>
        <source>Nothing to cancel: the redemption was voided before it was sent, so nothing was redeemed.</source>
        <comment>decision.nothing_to_cancel.voided</comment>
        <translation>Tidak ada yang perlu dibatalkan: penukaran ini dibatalkan sebelum dikirim, jadi tidak ada yang ditukar.</translation>
    </message>
    <message>
        <source>Nothing to cancel: the redemption expired before it was sent, so nothing was redeemed.</source>
        <comment>decision.nothing_to_cancel.expired</comment>
        <translation>Tidak ada yang perlu dibatalkan: penukaran ini kedaluwarsa sebelum dikirim, jadi tidak ada yang ditukar.</translation>
    </message>
    <message>
        <source>Nothing to cancel: a manager closed this redemption. If it was sent again, cancel the new one.</source>
        <comment>decision.nothing_to_cancel.dismissed</comment>
        <translation>Tidak ada yang perlu dibatalkan: manajer sudah menutup penukaran ini. Jika penukaran ini dikirim ulang, batalkan yang baru.</translation>
    </message>
    <message>
        <source>Nothing to cancel: the member&apos;s activity shows the Stamps server cancelled this redemption already.</source>
        <comment>decision.nothing_to_cancel.on_server</comment>
        <translation>Tidak ada yang perlu dibatalkan: aktivitas member menunjukkan server Stamps sudah membatalkan penukaran ini.</translation>
    </message>
    <message>
        <source>This redemption is waiting to be sent: decide only once the server has answered.</source>
        <comment>decision.wrong_state.queued</comment>
        <translation>Penukaran ini masih menunggu dikirim: putuskan setelah server menjawab.</translation>
    </message>
    <message>
        <source>This redemption is being sent: decide only once the server has answered.</source>
        <comment>decision.wrong_state.sending</comment>
        <translation>Penukaran ini sedang dikirim: putuskan setelah server menjawab.</translation>
    </message>
    <message>
        <source>This redemption has been confirmed meanwhile: there is nothing left to decide.</source>
        <comment>decision.wrong_state.synced</comment>
        <translation>Penukaran ini sudah dikonfirmasi sementara itu: tidak ada lagi yang perlu diputuskan.</translation>
    </message>
    <message>
        <source>The server refused this redemption, so it was not applied: send it again or close it.</source>
        <comment>decision.wrong_state.rejected</comment>
        <translation>Server menolak penukaran ini, jadi tidak diproses: kirim ulang atau tutup kasusnya.</translation>
    </message>
    <message>
        <source>This redemption is not confirmed: send it again, mark it applied or close it.</source>
        <comment>decision.wrong_state.unknown</comment>
        <translation>Penukaran ini belum dikonfirmasi: kirim ulang, tandai diproses, atau tutup kasusnya.</translation>
    </message>
    <message>
        <source>This redemption was voided before it was sent, so nothing was redeemed: there is nothing left to decide.</source>
        <comment>decision.wrong_state.voided</comment>
        <translation>Penukaran ini dibatalkan sebelum dikirim, jadi tidak ada yang ditukar: tidak ada lagi yang perlu diputuskan.</translation>
    </message>
    <message>
        <source>This redemption expired before it was sent, so nothing was redeemed: there is nothing left to decide.</source>
        <comment>decision.wrong_state.expired</comment>
        <translation>Penukaran ini kedaluwarsa sebelum dikirim, jadi tidak ada yang ditukar: tidak ada lagi yang perlu diputuskan.</translation>
    </message>
    <message>
        <source>A manager has already closed this redemption: there is nothing left to decide.</source>
        <comment>decision.wrong_state.dismissed</comment>
        <translation>Manajer sudah menutup kasus penukaran ini: tidak ada lagi yang perlu diputuskan.</translation>
    </message>
    <message>
        <source>Not in the member&apos;s activity: {lines} line read since {since}.</source>
        <comment>exception.not_found</comment>
        <translation>Tidak ada di aktivitas member: {lines} baris dibaca sejak {since}.</translation>
    </message>
    <message>
        <source>The member&apos;s activity has {lines} matching line, and {entries} unconfirmed redemptions of this till could each own it: the till cannot tell whose it is.</source>
        <comment>exception.ambiguous</comment>
        <translation>Aktivitas member memuat {lines} baris yang cocok, dan {entries} penukaran mesin kasir ini yang belum dikonfirmasi masing-masing bisa memilikinya: mesin kasir tidak bisa memastikan milik siapa.</translation>
    </message>
    <message>
        <source>The member&apos;s activity has {lines} line that may be this redemption, but this till has no store code (store_code) to tell its store&apos;s lines from another store&apos;s: check it on the Stamps dashboard before sending it again, and have the store code set.</source>
        <comment>exception.store_unknown</comment>
        <translation>Aktivitas member memuat {lines} baris yang mungkin penukaran ini, tetapi mesin kasir ini tidak punya kode toko (store_code) untuk membedakan baris tokonya dari baris toko lain: periksa di dashboard Stamps sebelum mengirimnya lagi, dan minta kode toko diatur.</translation>
    </message>
    <message>
        <source>{name} is locked after {count} wrong PINs; try again in {minutes} minute.</source>
        <comment>staff.locked</comment>
        <translation>{name} terkunci setelah {count} kali PIN salah; coba lagi dalam {minutes} menit.</translation>
    </message>
    <message>
        <source>Wrong PIN for {name}: {left} more wrong PIN locks the account for {minutes} minutes.</source>
        <comment>staff.wrong_pin</comment>
        <translation>PIN {name} salah: {left} kali lagi salah, akun terkunci selama {minutes} menit.</translation>
    </message>
    <message>
        <source>Wrong PIN: {left} attempt left.</source>
        <comment>pin.wrong_attempts_left</comment>
        <translation>PIN salah: sisa {left} kali percobaan.</translation>
    </message>
    <message>
        <source>{n} stamp</source>
        <comment>evidence.stamps</comment>
        <translation>{n} stamp</translation>
    </message>
    <message>
        <source>{stamps} stamp left.</source>
        <comment>receipt.stamps_left</comment>
        <translation>Sisa {stamps} stamp.</translation>
    </message>
    <message>
        <source>{count} reward could not be read and is not shown: the Stamps server sent it in a form this till cannot read. Call a manager if it keeps happening.</source>
        <comment>catalogue.rewards_some_unread</comment>
        <translation>{count} hadiah tidak bisa dibaca dan tidak ditampilkan: server Stamps mengirimnya dalam bentuk yang tidak dapat dibaca mesin kasir ini. Panggil manajer jika terus terjadi.</translation>
    </message>
    <message>
        <source>{count} member matches “{query}”. Pick it from the list.</source>
        <comment>member.pick_one</comment>
        <translation>{count} member cocok dengan “{query}”. Pilih dari daftar.</translation>
    </message>
    <message>
        <source>{count} member found could not be read and is not listed: the Stamps server sent their details in a form this till cannot read. Scan their card, or type their email, member ID or phone.</source>
        <comment>member.suggestions_some_unread</comment>
        <translation>{count} member yang ditemukan tidak bisa dibaca dan tidak ditampilkan: server Stamps mengirim datanya dalam bentuk yang tidak dapat dibaca mesin kasir ini. Pindai kartunya, atau ketik email, ID member, atau nomor teleponnya.</translation>
    </message>
    <message>
        <source>{count} voucher could not be read and is not shown: the Stamps server sent it in a form this till cannot read. Call a manager if it keeps happening.</source>
        <comment>catalogue.vouchers_some_unread</comment>
        <translation>{count} voucher tidak bisa dibaca dan tidak ditampilkan: server Stamps mengirimnya dalam bentuk yang tidak dapat dibaca mesin kasir ini. Panggil manajer jika terus terjadi.</translation>
    </message>
    <message>
        <source>{stamps} stamp left. The Stamps server also said: {said}</source>
        <comment>receipt.stamps_left_also_said</comment>
        <translation>Sisa {stamps} stamp. Server Stamps juga menyampaikan: {said}</translation>
    </message>
    <message>
        <source>The till&apos;s database {path} is damaged ({problem}); it must be moved aside and a new one started. Nothing was changed; it still holds {count} readable queued, sending or unknown entry. To keep it aside and start a new database: {command}</source>
        <comment>start.database_damaged</comment>
        <translation>Database mesin kasir {path} rusak ({problem}); database itu harus disisihkan dan database baru dimulai. Belum ada yang diubah; di dalamnya masih ada {count} penukaran yang antre, sedang dikirim, atau belum pasti yang bisa dibaca. Untuk menyisihkannya dan memulai database baru: {command}</translation>
    </message>
    <message>
        <source>Offline, one redemption may cost at most {limit} stamp; this costs {cost}.</source>
        <comment>policy.too_costly_offline</comment>
        <translation>Saat offline, satu penukaran paling banyak {limit} stamp; ini perlu {cost}.</translation>
    </message>
    <message>
        <source>This would take offline redemptions to {total} stamp in this outage; the limit is {limit}.</source>
        <comment>policy.outage_stamps_cap</comment>
        <translation>Penukaran offline selama gangguan ini akan menjadi {total} stamp; batasnya {limit}.</translation>
    </message>
    <message>
        <source>This till has accepted {count} redemption offline, the most allowed in one outage. A manager can raise the limit.</source>
        <comment>policy.outage_count_cap</comment>
        <translation>Mesin kasir ini sudah menerima {count} penukaran offline, batas terbanyak untuk satu gangguan. Manajer dapat menaikkan batasnya.</translation>
    </message>
    <message>
        <source>This must be text.</source>
        <comment>field.not_text</comment>
        <translation>Ini harus berupa teks.</translation>
    </message>
    <message>
        <source>Not enough stamps by the balance the Stamps server gave when the member was looked up: this costs {cost} and the member has {stamps}, after anything still waiting to sync. Nothing was sent. If they have just earned stamps, look them up again.</source>
        <comment>policy.short_of_stamps</comment>
        <translation>Stamp tidak cukup menurut saldo yang diberikan server Stamps saat member dicari: ini butuh {cost} dan member punya {stamps}, setelah yang masih menunggu sinkron. Tidak ada yang dikirim. Jika member baru saja mendapat stamp, cari member itu lagi.</translation>
    </message>
    <message>
        <source>The Stamps server refused the lookup over what this till sends, not over the member: “{said}”. Call a manager to check the till&apos;s settings (merchant and store; stamps-pos doctor says which).</source>
        <comment>member.lookup_refused</comment>
        <translation>Server Stamps menolak pencarian karena data yang dikirim mesin kasir ini, bukan karena membernya: “{said}”. Panggil manajer untuk memeriksa pengaturan mesin kasir (merchant dan store; stamps-pos doctor menunjukkan yang mana).</translation>
    </message>
    <message>
        <source>Only members this till has seen before are listed: the Stamps server did not give its matches for this search.</source>
        <comment>member.suggestions_from_copy</comment>
        <translation>Hanya member yang pernah dilihat mesin kasir ini yang ditampilkan: server Stamps tidak memberikan hasilnya untuk pencarian ini.</translation>
    </message>
    <message>
        <source>The answer sends this till to another address ({address}), and this till has not seen “{query}” before. Call a manager: the Server URL (base_url) may need to be that address, or a network&apos;s sign-in page is in the way.</source>
        <comment>member.moved</comment>
        <translation>Jawabannya mengarahkan mesin kasir ini ke alamat lain ({address}), dan mesin kasir ini belum pernah melihat “{query}”. Panggil manajer: URL server (base_url) mungkin perlu diubah menjadi alamat itu, atau ada halaman login jaringan yang menghalangi.</translation>
    </message>
    <message>
        <source>The answer sends this till to another address on the Stamps server, and this till has not seen “{query}” before. Call a manager to check the Server URL (base_url).</source>
        <comment>member.redirected</comment>
        <translation>Jawabannya mengarahkan mesin kasir ini ke alamat lain di server Stamps, dan mesin kasir ini belum pernah melihat “{query}”. Panggil manajer untuk memeriksa URL server (base_url).</translation>
    </message>
    <message>
        <source>The Stamps server refuses this till&apos;s API token, so members cannot be looked up. Call a manager to set the new token (Settings in manager mode, or stamps-pos token set).</source>
        <comment>member.credentials</comment>
        <translation>Server Stamps menolak token API mesin kasir ini, jadi member tidak bisa dicari. Panggil manajer untuk memasang token baru (Pengaturan di mode manajer, atau stamps-pos token set).</translation>
    </message>
    <message>
        <source>The Stamps server refuses this till&apos;s API token, so members cannot be looked up. It said: “{said}”. Call a manager to set the new token (Settings in manager mode, or stamps-pos token set).</source>
        <comment>member.credentials.said</comment>
        <translation>Server Stamps menolak token API mesin kasir ini, jadi member tidak bisa dicari. Katanya: “{said}”. Panggil manajer untuk memasang token baru (Pengaturan di mode manajer, atau stamps-pos token set).</translation>
    </message>
    <message>
        <source>This till&apos;s API token holds characters a request cannot carry, so members cannot be looked up. Call a manager to set it again (Settings in manager mode, or stamps-pos token set).</source>
        <comment>member.token_unusable</comment>
        <translation>Token API mesin kasir ini memuat karakter yang tidak bisa dikirim dalam permintaan, jadi member tidak bisa dicari. Panggil manajer untuk memasangnya lagi (Pengaturan di mode manajer, atau stamps-pos token set).</translation>
    </message>
    <message>
        <source>Only the first {count} rewards are shown, the most this till reads: the store may offer more.</source>
        <comment>catalogue.rewards_cut</comment>
        <translation>Hanya {count} hadiah pertama yang ditampilkan, batas yang dibaca kasir ini: toko mungkin menawarkan lebih banyak.</translation>
    </message>
    <message>
        <source>{name}: the stamps must be from {least} to {most}.</source>
        <comment>order.stamps_range</comment>
        <translation>{name}: stamp-nya harus dari {least} sampai {most}.</translation>
    </message>
    <message>
        <source>Voucher used: {name}</source>
        <comment>what.voucher</comment>
        <translation>Voucher dipakai: {name}</translation>
    </message>
    <message>
        <source>This till&apos;s API token holds characters a request cannot carry, so the PIN was not checked. Nothing was redeemed; call a manager to set it again (Settings in manager mode, or stamps-pos token set).</source>
        <comment>server.token_unusable</comment>
        <translation>Token API mesin kasir ini memuat karakter yang tidak bisa dikirim dalam permintaan, jadi PIN tidak diperiksa. Tidak ada yang ditukar; panggil manajer untuk memasangnya lagi (Pengaturan di mode manajer, atau stamps-pos token set).</translation>
    </message>
    <message>
        <source>Found in the member&apos;s activity. It has no server id here: a later cancel must be made on the Stamps dashboard.</source>
        <comment>receipt.detail.reconciled</comment>
        <translation>Ditemukan di aktivitas member. Di sini tidak ada ID server-nya: pembatalan nanti harus dilakukan di dashboard Stamps.</translation>
    </message>
    <message>
        <source>A manager marked it applied. It has no server id here: a later cancel must be made on the Stamps dashboard.</source>
        <comment>receipt.detail.marked_applied</comment>
        <translation>Manajer menandainya diproses. Di sini tidak ada ID server-nya: pembatalan nanti harus dilakukan di dashboard Stamps.</translation>
    </message>
    <message>
        <source>Confirmed after all: the reward may be handed over now.</source>
        <comment>receipt.confirmed.later.todo</comment>
        <translation>Akhirnya terkonfirmasi: hadiahnya boleh diserahkan sekarang.</translation>
    </message>
    <message>
        <source>Confirmed after all: the rewards may be handed over now.</source>
        <comment>receipt.confirmed.later.todo.cart</comment>
        <translation>Akhirnya terkonfirmasi: hadiah-hadiahnya boleh diserahkan sekarang.</translation>
    </message>
    <message>
        <source>Confirmed after all: the voucher may be applied now.</source>
        <comment>receipt.confirmed.later.todo.voucher</comment>
        <translation>Akhirnya terkonfirmasi: vouchernya boleh dipakai sekarang.</translation>
    </message>
    <message>
        <source>Confirmed after all: the amount may be taken off the bill now.</source>
        <comment>receipt.confirmed.later.todo.deduct</comment>
        <translation>Akhirnya terkonfirmasi: jumlahnya boleh dipotong dari tagihan sekarang.</translation>
    </message>
    <message>
        <source>Confirmed after all: the promo may be applied now.</source>
        <comment>receipt.confirmed.later.todo.promo</comment>
        <translation>Akhirnya terkonfirmasi: promonya boleh diterapkan sekarang.</translation>
    </message>
    <message>
        <source>Nothing more to give: it was handed over when the till accepted it offline.</source>
        <comment>receipt.confirmed.offline.todo</comment>
        <translation>Tidak ada lagi yang perlu diberikan: hadiahnya sudah diserahkan saat mesin kasir menerimanya secara offline.</translation>
    </message>
    <message>
        <source>Nothing more to give: they were handed over when the till accepted it offline.</source>
        <comment>receipt.confirmed.offline.todo.cart</comment>
        <translation>Tidak ada lagi yang perlu diberikan: hadiah-hadiahnya sudah diserahkan saat mesin kasir menerimanya secara offline.</translation>
    </message>
    <message>
        <source>Nothing more to give: the voucher was applied when the till accepted it offline.</source>
        <comment>receipt.confirmed.offline.todo.voucher</comment>
        <translation>Tidak ada lagi yang perlu diberikan: vouchernya sudah dipakai saat mesin kasir menerimanya secara offline.</translation>
    </message>
    <message>
        <source>Nothing more to give: the amount was taken off the bill when the till accepted it offline.</source>
        <comment>receipt.confirmed.offline.todo.deduct</comment>
        <translation>Tidak ada lagi yang perlu diberikan: jumlahnya sudah dipotong dari tagihan saat mesin kasir menerimanya secara offline.</translation>
    </message>
    <message>
        <source>Nothing more to give: the promo was applied when the till accepted it offline.</source>
        <comment>receipt.confirmed.offline.todo.promo</comment>
        <translation>Tidak ada lagi yang perlu diberikan: promonya sudah diterapkan saat mesin kasir menerimanya secara offline.</translation>
    </message>
    <message>
        <source>Nothing more to give: the voucher was added to the member&apos;s vouchers.</source>
        <comment>receipt.confirmed.offline.todo.issued</comment>
        <translation>Tidak ada lagi yang perlu diberikan: vouchernya sudah ditambahkan ke voucher member.</translation>
    </message>
    <message>
        <source>The reward is a voucher: it was added to the member&apos;s vouchers.</source>
        <comment>receipt.confirmed.todo.issued</comment>
        <translation>Hadiahnya berupa voucher: sudah ditambahkan ke voucher member.</translation>
    </message>
    <message>
        <source>Nothing more to do at the till. The manager&apos;s note is in manager mode&apos;s History.</source>
        <comment>receipt.closed.todo</comment>
        <translation>Tidak ada lagi yang perlu dilakukan di mesin kasir. Catatan manajer ada di Riwayat pada mode manajer.</translation>
    </message>
    <message>
        <source>The Stamps server cancelled the redemption.</source>
        <comment>receipt.cancel.confirmed.todo</comment>
        <translation>Server Stamps membatalkan penukaran.</translation>
    </message>
    <message>
        <source>The Stamps server cancelled the redemption; the stamps it spent go back to the member.</source>
        <comment>receipt.cancel.confirmed.todo.stamps</comment>
        <translation>Server Stamps membatalkan penukaran; stamp yang dipakai kembali ke member.</translation>
    </message>
    <message>
        <source>The Stamps server cancelled the promo redemption.</source>
        <comment>receipt.cancel.confirmed.todo.promo</comment>
        <translation>Server Stamps membatalkan penukaran promo.</translation>
    </message>
    <message>
        <source>The Stamps server cancelled the voucher redemption; no replacement voucher was asked for.</source>
        <comment>receipt.cancel.confirmed.todo.voucher.not_replaced</comment>
        <translation>Server Stamps membatalkan penukaran voucher; voucher pengganti tidak diminta.</translation>
    </message>
    <message>
        <source>The Stamps server cancelled the voucher redemption and gave the member a replacement voucher.</source>
        <comment>receipt.cancel.confirmed.todo.voucher.replaced</comment>
        <translation>Server Stamps membatalkan penukaran voucher dan memberi member voucher pengganti.</translation>
    </message>
    <message>
        <source>The Stamps server cancelled the deduction from the voucher; no replacement voucher was asked for.</source>
        <comment>receipt.cancel.confirmed.todo.deduct.not_replaced</comment>
        <translation>Server Stamps membatalkan potongan dari voucher; voucher pengganti tidak diminta.</translation>
    </message>
    <message>
        <source>The Stamps server cancelled the deduction from the voucher and gave the member a replacement voucher.</source>
        <comment>receipt.cancel.confirmed.todo.deduct.replaced</comment>
        <translation>Server Stamps membatalkan potongan dari voucher dan memberi member voucher pengganti.</translation>
    </message>
    <message>
        <source>Sync is paused: the Stamps server refuses this till&apos;s API token. A manager must set the new token (Settings in manager mode, or stamps-pos token set); the till checks again by itself.</source>
        <comment>queue.paused</comment>
        <translation>Sinkronisasi dijeda: server Stamps menolak token API mesin kasir ini. Manajer harus memasang token baru (Pengaturan di mode manajer, atau stamps-pos token set); lalu diperiksa otomatis.</translation>
    </message>
    <message>
        <source>Sync is paused: the Stamps server refuses this till&apos;s API token. It said: “{said}”. A manager must set the new token (Settings in manager mode, or stamps-pos token set); the till checks again by itself.</source>
        <comment>queue.paused.said</comment>
        <translation>Sinkronisasi dijeda: server Stamps menolak token API mesin kasir ini. Katanya: “{said}”. Manajer harus memasang token baru (Pengaturan di mode manajer, atau stamps-pos token set); lalu diperiksa otomatis.</translation>
    </message>
    <message>
        <source>Sync is paused: the till&apos;s API token holds characters a request cannot carry. A manager must set it again (Settings in manager mode, or stamps-pos token set).</source>
        <comment>queue.paused.token_unusable</comment>
        <translation>Sinkronisasi dijeda: token API mesin kasir ini memuat karakter yang tidak bisa dikirim dalam permintaan. Manajer harus memasangnya lagi (Pengaturan di mode manajer, atau stamps-pos token set).</translation>
    </message>
    <message>
        <source>The Stamps server still refuses this till&apos;s API token. A manager must set the new token (Settings in manager mode, or stamps-pos token set).</source>
        <comment>queue.still_refused</comment>
        <translation>Server Stamps masih menolak token API mesin kasir ini. Manajer harus memasang token baru (Pengaturan di mode manajer, atau stamps-pos token set).</translation>
    </message>
    <message>
        <source>The Stamps server still refuses this till&apos;s API token. It said: “{said}”. A manager must set the new token (Settings in manager mode, or stamps-pos token set).</source>
        <comment>queue.still_refused.said</comment>
        <translation>Server Stamps masih menolak token API mesin kasir ini. Katanya: “{said}”. Manajer harus memasang token baru (Pengaturan di mode manajer, atau stamps-pos token set).</translation>
    </message>
    <message>
        <source>There is no API token. A manager must set it (Settings in manager mode, or stamps-pos token set).</source>
        <comment>queue.no_token</comment>
        <translation>Belum ada token API. Manajer harus memasangnya (Pengaturan di mode manajer, atau stamps-pos token set).</translation>
    </message>
    <message>
        <source>The Stamps server timed out waiting for the request (408): nothing was applied; the till sends it again by itself.</source>
        <comment>failure.request_timeout</comment>
        <translation>Server Stamps kehabisan waktu menunggu permintaannya (408): tidak ada yang diterapkan; mesin kasir mengirimnya lagi sendiri.</translation>
    </message>
    <message>
        <source>The Stamps server asked the till to slow down (too many requests): nothing was applied; the till sends it again by itself once the wait the server asked for is over.</source>
        <comment>failure.rate_limited</comment>
        <translation>Server Stamps meminta mesin kasir memperlambat pengiriman (terlalu banyak permintaan): tidak ada yang diterapkan; mesin kasir mengirimnya lagi sendiri setelah masa tunggu yang diminta server selesai.</translation>
    </message>
    <message>
        <source>This holds a control or invisible character; type it again without it.</source>
        <comment>field.hidden_characters</comment>
        <translation>Ini memuat karakter kontrol atau tak terlihat; ketik ulang tanpa karakter itu.</translation>
    </message>
    <message>
        <source>This cannot be empty.</source>
        <comment>field.empty</comment>
        <translation>Ini tidak boleh kosong.</translation>
    </message>
    <message>
        <source>This is longer than {limit} characters.</source>
        <comment>field.too_long</comment>
        <translation>Ini lebih dari {limit} karakter.</translation>
    </message>
    <message>
        <source>These characters are not allowed: {characters}</source>
        <comment>field.markup</comment>
        <translation>Karakter ini tidak diizinkan: {characters}</translation>
    </message>
    <message>
        <source>A name needs at least one letter.</source>
        <comment>field.no_letter</comment>
        <translation>Nama harus memuat paling sedikit satu huruf.</translation>
    </message>
    <message>
        <source>A note is required: say why.</source>
        <comment>field.note_required</comment>
        <translation>Catatan wajib diisi: tulis alasannya.</translation>
    </message>
    <message>
        <source>Type a PIN.</source>
        <comment>field.pin_required</comment>
        <translation>Ketik PIN.</translation>
    </message>
    <message>
        <source>A PIN is digits only.</source>
        <comment>field.pin_digits</comment>
        <translation>PIN hanya berisi angka.</translation>
    </message>
    <message>
        <source>A manager&apos;s PIN has {fewest} to {most} digits.</source>
        <comment>field.pin_length_manager</comment>
        <translation>PIN manajer terdiri dari {fewest} sampai {most} angka.</translation>
    </message>
    <message>
        <source>A cashier&apos;s PIN has {fewest} to {most} digits.</source>
        <comment>field.pin_length_cashier</comment>
        <translation>PIN kasir terdiri dari {fewest} sampai {most} angka.</translation>
    </message>
    <message>
        <source>One digit repeated is too easy to guess: choose another PIN.</source>
        <comment>field.pin_repeated</comment>
        <translation>Satu angka yang diulang terlalu mudah ditebak: pilih PIN lain.</translation>
    </message>
    <message>
        <source>A straight run of digits is too easy to guess: choose another PIN.</source>
        <comment>field.pin_run</comment>
        <translation>Angka berurutan terlalu mudah ditebak: pilih PIN lain.</translation>
    </message>
    <message>
        <source>A manager always has a PIN.</source>
        <comment>field.manager_pin</comment>
        <translation>Manajer selalu punya PIN.</translation>
    </message>
    <message>
        <source>This setting is required.</source>
        <comment>setting.required</comment>
        <translation>Pengaturan ini wajib diisi.</translation>
    </message>
    <message>
        <source>This is not a setting of stamps-pos.</source>
        <comment>setting.unknown</comment>
        <translation>Ini bukan pengaturan stamps-pos.</translation>
    </message>
    <message>
        <source>This is set by {variable}: change it there.</source>
        <comment>setting.locked</comment>
        <translation>Ini diatur oleh {variable}: ubah di sana.</translation>
    </message>
    <message>
        <source>This was fixed when the till was started.</source>
        <comment>setting.fixed</comment>
        <translation>Ini ditetapkan saat mesin kasir dijalankan.</translation>
    </message>
    <message>
        <source>Type a whole number, in the digits 0–9 only (at most 19 of them).</source>
        <comment>setting.whole_number</comment>
        <translation>Ketik bilangan bulat, hanya dengan angka 0–9 (paling banyak 19 angka).</translation>
    </message>
    <message>
        <source>Type a number, in the digits 0–9 with at most one “.”.</source>
        <comment>setting.number</comment>
        <translation>Ketik angka, dengan angka 0–9 dan paling banyak satu “.”.</translation>
    </message>
    <message>
        <source>This is yes or no (true or false).</source>
        <comment>setting.yes_or_no</comment>
        <translation>Ini ya atau tidak (true atau false).</translation>
    </message>
    <message>
        <source>The settings file has this in quotes, which makes it text: write {fix}.</source>
        <comment>setting.quoted</comment>
        <translation>Di berkas pengaturan nilai ini diberi tanda kutip, jadi terbaca sebagai teks: tulis {fix}.</translation>
    </message>
    <message>
        <source>This must be at least {limit}.</source>
        <comment>setting.at_least</comment>
        <translation>Harus paling sedikit {limit}.</translation>
    </message>
    <message>
        <source>This must be more than {limit}.</source>
        <comment>setting.more_than</comment>
        <translation>Harus lebih dari {limit}.</translation>
    </message>
    <message>
        <source>This must be at most {limit}.</source>
        <comment>setting.at_most</comment>
        <translation>Harus paling banyak {limit}.</translation>
    </message>
    <message>
        <source>This must be less than {limit}.</source>
        <comment>setting.less_than</comment>
        <translation>Harus kurang dari {limit}.</translation>
    </message>
    <message>
        <source>Pick one of: {choices}.</source>
        <comment>setting.one_of</comment>
        <translation>Pilih salah satu: {choices}.</translation>
    </message>
    <message>
        <source>This cannot hold spaces.</source>
        <comment>setting.no_spaces</comment>
        <translation>Ini tidak boleh memuat spasi.</translation>
    </message>
    <message>
        <source>Pick id (Bahasa Indonesia), en (English) or auto (the system&apos;s language).</source>
        <comment>setting.language</comment>
        <translation>Pilih id (Bahasa Indonesia), en (Inggris) atau auto (bahasa sistem).</translation>
    </message>
    <message>
        <source>Name a folder, or leave it empty for the platform&apos;s data folder.</source>
        <comment>setting.folder_needed</comment>
        <translation>Sebutkan sebuah folder, atau kosongkan untuk folder data bawaan sistem.</translation>
    </message>
    <message>
        <source>This starts with ~, but this user has no home folder.</source>
        <comment>setting.no_home</comment>
        <translation>Ini diawali ~, tetapi pengguna ini tidak punya folder home.</translation>
    </message>
    <message>
        <source>Type an absolute path: a relative one would depend on the folder the till was started in.</source>
        <comment>setting.not_absolute</comment>
        <translation>Ketik path absolut: path relatif akan bergantung pada folder tempat mesin kasir dijalankan.</translation>
    </message>
    <message>
        <source>This names a file, not a folder.</source>
        <comment>setting.not_a_folder</comment>
        <translation>Ini menyebut sebuah file, bukan folder.</translation>
    </message>
    <message>
        <source>Type a web address such as https://stamps.co.id.</source>
        <comment>setting.not_web_address</comment>
        <translation>Ketik alamat web seperti https://stamps.co.id.</translation>
    </message>
    <message>
        <source>Type one web address in ASCII, without spaces, line breaks or control characters (a host outside ASCII in its xn-- form).</source>
        <comment>setting.address_characters</comment>
        <translation>Ketik satu alamat web dalam ASCII, tanpa spasi, baris baru, atau karakter kontrol (host di luar ASCII dalam bentuk xn--).</translation>
    </message>
    <message>
        <source>This is not a valid web address (is the port a number from 1 to 65535?).</source>
        <comment>setting.address_invalid</comment>
        <translation>Ini bukan alamat web yang sah (apakah port-nya angka dari 1 sampai 65535?).</translation>
    </message>
    <message>
        <source>Leave out the user name and password: the till sends its token in a header.</source>
        <comment>setting.address_credentials</comment>
        <translation>Hapus nama pengguna dan kata sandinya: mesin kasir mengirim tokennya di header.</translation>
    </message>
    <message>
        <source>Leave out the query (?…) and the fragment (#…).</source>
        <comment>setting.address_query</comment>
        <translation>Hapus query (?…) dan fragment (#…).</translation>
    </message>
    <message>
        <source>Port 0 is not a port: a port is a number from 1 to 65535.</source>
        <comment>setting.address_port_zero</comment>
        <translation>Port 0 bukan port: port adalah angka dari 1 sampai 65535.</translation>
    </message>
    <message>
        <source>Plain http:// is only for this computer (a loopback address); use https://.</source>
        <comment>setting.address_plain_http</comment>
        <translation>http:// biasa hanya untuk komputer ini (alamat loopback); gunakan https://.</translation>
    </message>
    <message>
        <source>The settings file {path} is not UTF-8 text.</source>
        <comment>setting.file_not_text</comment>
        <translation>File pengaturan {path} bukan teks UTF-8.</translation>
    </message>
    <message>
        <source>The settings file {path} cannot be written: {reason}</source>
        <comment>setting.file_unwritable</comment>
        <translation>File pengaturan {path} tidak bisa ditulis: {reason}</translation>
    </message>
    <message>
        <source>The settings file cannot be used: {reason}</source>
        <comment>setting.file_refused</comment>
        <translation>File pengaturan tidak bisa dipakai: {reason}</translation>
    </message>
    <message>
        <source>This value is refused: {reason}</source>
        <comment>setting.refused</comment>
        <translation>Nilai ini ditolak: {reason}</translation>
    </message>
    <message>
        <source>another Stamps POS kiosk is already open on {folder}; this one stops and leaves the screen to it</source>
        <comment>start.second_kiosk</comment>
        <translation>kios Stamps POS lain sudah terbuka di {folder}; kios ini berhenti dan membiarkan layar untuknya</translation>
    </message>
    <message>
        <source>another Stamps POS kiosk is already open on {folder}; it was brought to the front, and this one stops</source>
        <comment>start.second_kiosk_fronted</comment>
        <translation>kios Stamps POS lain sudah terbuka di {folder}; kios itu dibawa ke depan, dan kios ini berhenti</translation>
    </message>
    <message>
        <source>There is no manager named {name}.</source>
        <comment>staff.no_manager_named</comment>
        <translation>Tidak ada manajer bernama {name}.</translation>
    </message>
    <message>
        <source>There is no cashier named {name}.</source>
        <comment>staff.no_cashier_named</comment>
        <translation>Tidak ada kasir bernama {name}.</translation>
    </message>
    <message>
        <source>There is no manager by that name.</source>
        <comment>staff.no_manager</comment>
        <translation>Tidak ada manajer dengan nama itu.</translation>
    </message>
    <message>
        <source>There is no cashier by that name.</source>
        <comment>staff.no_cashier</comment>
        <translation>Tidak ada kasir dengan nama itu.</translation>
    </message>
    <message>
        <source>{name}&apos;s account is disabled; a manager can enable it.</source>
        <comment>staff.disabled</comment>
        <translation>Akun {name} dinonaktifkan; manajer dapat mengaktifkannya.</translation>
    </message>
    <message>
        <source>{name} signs in with a PIN: type it.</source>
        <comment>staff.pin_needed</comment>
        <translation>{name} masuk dengan PIN: ketik PIN-nya.</translation>
    </message>
    <message>
        <source>{name}&apos;s PIN was changed just now: type the new one.</source>
        <comment>staff.pin_changed</comment>
        <translation>PIN {name} baru saja diganti: ketik PIN yang baru.</translation>
    </message>
    <message>
        <source>There is already a manager named {name}.</source>
        <comment>staff.manager_exists</comment>
        <translation>Sudah ada manajer bernama {name}.</translation>
    </message>
    <message>
        <source>There is already a cashier named {name}.</source>
        <comment>staff.cashier_exists</comment>
        <translation>Sudah ada kasir bernama {name}.</translation>
    </message>
    <message>
        <source>There is already a manager named {name}, disabled: enable it instead.</source>
        <comment>staff.manager_exists_disabled</comment>
        <translation>Sudah ada manajer bernama {name} yang dinonaktifkan: aktifkan saja akun itu.</translation>
    </message>
    <message>
        <source>There is already a cashier named {name}, disabled: enable it instead.</source>
        <comment>staff.cashier_exists_disabled</comment>
        <translation>Sudah ada kasir bernama {name} yang dinonaktifkan: aktifkan saja akun itu.</translation>
    </message>
    <message>
        <source>{name} is the only active manager: add another manager first.</source>
        <comment>staff.last_manager</comment>
        <translation>{name} satu-satunya manajer aktif: tambahkan manajer lain dulu.</translation>
    </message>
    <message>
        <source>This till has a manager already: a manager adds the next.</source>
        <comment>staff.managers_exist</comment>
        <translation>Mesin kasir ini sudah punya manajer: manajer yang menambahkan manajer berikutnya.</translation>
    </message>
    <message>
        <source>{path} cannot be read: {reason}</source>
        <comment>staff.file_unreadable</comment>
        <translation>{path} tidak bisa dibaca: {reason}</translation>
    </message>
    <message>
        <source>{path} cannot be read: it is not UTF-8 text</source>
        <comment>staff.file_not_text</comment>
        <translation>{path} tidak bisa dibaca: isinya bukan teks UTF-8</translation>
    </message>
    <message>
        <source>A manager must sign in to manager mode first.</source>
        <comment>manager.required</comment>
        <translation>Manajer harus masuk ke mode manajer dulu.</translation>
    </message>
    <message>
        <source>Manager mode ended after {minutes} minutes idle: sign in again.</source>
        <comment>manager.idle_ended</comment>
        <translation>Mode manajer berakhir setelah {minutes} menit tidak dipakai: masuk lagi.</translation>
    </message>
    <message>
        <source>A server redemption id is a whole number above zero.</source>
        <comment>manager.server_id</comment>
        <translation>ID penukaran di server berupa bilangan bulat di atas nol.</translation>
    </message>
    <message>
        <source>Redemption {server_id} was not made on this till: say whose it is (the member&apos;s email, member ID, phone or card number) to cancel it.</source>
        <comment>manager.member_needed</comment>
        <translation>Penukaran {server_id} tidak dibuat di mesin kasir ini: sebutkan miliknya siapa (email, ID member, nomor HP, atau nomor kartu member) untuk membatalkannya.</translation>
    </message>
    <message>
        <source>The member&apos;s PIN authorised this redemption once: ask for their PIN again to send it.</source>
        <comment>manager.member_pin_again</comment>
        <translation>Penukaran ini pernah diotorisasi dengan PIN member: minta PIN-nya lagi untuk mengirimnya.</translation>
    </message>
    <message>
        <source>There is no outbox entry {entry_id}.</source>
        <comment>decision.no_entry</comment>
        <translation>Tidak ada entri outbox {entry_id}.</translation>
    </message>
    <message>
        <source>A cancellation cannot itself be cancelled.</source>
        <comment>decision.cancel_of_cancel</comment>
        <translation>Pembatalan tidak bisa dibatalkan lagi.</translation>
    </message>
    <message>
        <source>This redemption was confirmed without a server id (found in the member&apos;s activity, or marked applied): cancel it on the Stamps dashboard.</source>
        <comment>decision.needs_dashboard</comment>
        <translation>Penukaran ini dikonfirmasi tanpa ID server (ditemukan di aktivitas member, atau ditandai diproses): batalkan lewat dashboard Stamps.</translation>
    </message>
    <message>
        <source>This redemption was not made with a PIN: it is sent again without one.</source>
        <comment>decision.not_by_pin</comment>
        <translation>Penukaran ini tidak dibuat dengan PIN: dikirim ulang tanpa PIN.</translation>
    </message>
    <message>
        <source>A manager&apos;s decision needs a note.</source>
        <comment>decision.note_needed</comment>
        <translation>Keputusan manajer perlu catatan.</translation>
    </message>
    <message>
        <source>The till cannot do this: {reason}</source>
        <comment>decision.refused</comment>
        <translation>Mesin kasir tidak bisa melakukan ini: {reason}</translation>
    </message>
</context>
</TS>
