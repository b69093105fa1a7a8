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
    <name>CashierWindow</name>
    <message>
        <source>Drop the cart?</source>
        <translation>Kosongkan keranjang?</translation>
    </message>
    <message>
        <source>The cart holds {count} reward(s). Drop it and clear the member?</source>
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
        <source>Close shift…</source>
        <translation>Tutup shift…</translation>
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
    <name>DeductDialog</name>
    <message>
        <source>Deduct voucher value</source>
        <translation>Potong nilai voucher</translation>
    </message>
    <message>
        <source>Amount to deduct</source>
        <translation>Nominal yang dipotong</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Sisa</translation>
    </message>
    <message>
        <source>Deduct</source>
        <translation>Potong</translation>
    </message>
</context>
<context>
    <name>DemoMenu</name>
    <message>
        <source>&amp;Demo</source>
        <translation>&amp;Demo</translation>
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
        <source>Invoice number</source>
        <translation>Nomor struk</translation>
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
        <source>Projected: the balance minus redemptions waiting to sync</source>
        <translation>Perkiraan: saldo dikurangi penukaran yang menunggu sinkron</translation>
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
        <source>Name, phone, email, member ID</source>
        <translation>Nama, HP, email, ID member</translation>
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
    <name>Outcome</name>
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
        <source>Clear</source>
        <translation>Hapus</translation>
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
        <source>A promo code needs the invoice number of this sale.</source>
        <translation>Kode promo memerlukan nomor struk penjualan ini.</translation>
    </message>
    <message>
        <source>Type or scan the invoice number (F6), then redeem the promo again.</source>
        <translation>Ketik atau pindai nomor struk (F6), lalu tukar promonya lagi.</translation>
    </message>
</context>
<context>
    <name>PromoPanel</name>
    <message>
        <source>Promo code</source>
        <translation>Kode promo</translation>
    </message>
    <message>
        <source>Type or scan the promo code</source>
        <translation>Ketik atau pindai kode promo</translation>
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
        <source>Checking with the till…</source>
        <translation>Memeriksa di mesin kasir…</translation>
    </message>
    <message>
        <source>Sending to Stamps…</source>
        <translation>Mengirim ke Stamps…</translation>
    </message>
    <message>
        <source>The customer types their PIN on the pad.</source>
        <translation>Pelanggan mengetik PIN-nya di pad.</translation>
    </message>
    <message>
        <source>Nothing was redeemed. Tell the customer why.</source>
        <translation>Tidak ada yang ditukar. Beri tahu pelanggan alasannya.</translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
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
        <source>Working on it…</source>
        <translation>Sedang diproses…</translation>
    </message>
    <message>
        <source>Waiting for the PIN</source>
        <translation>Menunggu PIN</translation>
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
        <source>A moment: nothing to hand over yet.</source>
        <translation>Sebentar: belum ada yang diserahkan.</translation>
    </message>
    <message>
        <source>The customer types their PIN on the pad. Nothing is sent before.</source>
        <translation>Pelanggan mengetik PIN-nya di pad. Belum ada yang dikirim sebelum itu.</translation>
    </message>
    <message>
        <source>Print slip</source>
        <translation>Cetak bukti</translation>
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
        <source>Redemption ID: {id}</source>
        <translation>ID penukaran: {id}</translation>
    </message>
    <message>
        <source>Voucher code: {code}</source>
        <translation>Kode voucher: {code}</translation>
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
        <source>{name} — {stamps} stamps</source>
        <translation>{name} — {stamps} stamp</translation>
    </message>
    <message>
        <source>{qty} × {name} — {stamps} stamps</source>
        <translation>{qty} × {name} — {stamps} stamp</translation>
    </message>
    <message>
        <source>Total {total} stamps — member has {available}</source>
        <translation>Total {total} stamp — member punya {available}</translation>
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
        <source>{stamps} stamps</source>
        <translation>{stamps} stamp</translation>
    </message>
</context>
<context>
    <name>RewardsController</name>
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
        <source>Not offered to this member (level or store)</source>
        <translation>Tidak tersedia untuk member ini (level atau toko)</translation>
    </message>
    <message>
        <source>Needs {cost} stamps; member has {stamps}</source>
        <translation>Perlu {cost} stamp; member punya {stamps}</translation>
    </message>
</context>
<context>
    <name>ShiftController</name>
    <message>
        <source>Export the shift</source>
        <translation>Ekspor shift</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
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
        <source>Slip sent to {where}</source>
        <translation>Bukti dikirim ke {where}</translation>
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
        <source>Start shift</source>
        <translation>Mulai shift</translation>
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
        <source>Recorded offline; it will be sent to Stamps automatically.</source>
        <translation>Dicatat offline; akan dikirim ke Stamps secara otomatis.</translation>
    </message>
</context>
<context>
    <name>StatusController</name>
    <message>
        <source>Checking…</source>
        <translation>Memeriksa…</translation>
    </message>
    <message>
        <source>A redemption has waited {age} to sync. Check the network, or call a manager.</source>
        <translation>Ada penukaran yang sudah {age} menunggu sinkron. Periksa jaringan, atau panggil manajer.</translation>
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
        <source>Sync paused: the Stamps server refuses this till&apos;s API token. A manager sets the new one (stamps-pos token set); the till checks again by itself.</source>
        <translation>Sinkronisasi dijeda: server Stamps menolak token API mesin kasir ini. Manajer memasang token baru (stamps-pos token set); mesin kasir akan memeriksa lagi dengan sendirinya.</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Periksa lagi</translation>
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
        <source>Unknown {n}</source>
        <translation>Belum pasti {n}</translation>
    </message>
    <message>
        <source>Failed {n}</source>
        <translation>Gagal {n}</translation>
    </message>
    <message>
        <source>oldest {age}</source>
        <translation>terlama {age}</translation>
    </message>
    <message>
        <source>Cashier: {name}</source>
        <translation>Kasir: {name}</translation>
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
        <source>Scan or type a voucher code</source>
        <translation>Pindai atau ketik kode voucher</translation>
    </message>
    <message>
        <source>Use code</source>
        <translation>Pakai kode</translation>
    </message>
    <message>
        <source>Use up the whole voucher?</source>
        <translation>Pakai habis seluruh voucher?</translation>
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
        <source>Offline copy of this member&apos;s vouchers, as of {time}.</source>
        <translation>Salinan offline voucher member ini, per {time}.</translation>
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
        <source>This member was last seen more than {hours} h ago; the till cannot vouch for their balance offline.</source>
        <comment>policy.member_too_old</comment>
        <translation>Data member ini terakhir diperbarui lebih dari {hours} jam lalu; mesin kasir tidak bisa menjamin saldonya saat offline.</translation>
    </message>
    <message>
        <source>Not enough stamps: this costs {cost} and the member has {stamps} after what is waiting to sync.</source>
        <comment>policy.not_enough_stamps</comment>
        <translation>Stamp tidak cukup: ini perlu {cost} dan member punya {stamps} setelah dikurangi yang menunggu sinkron.</translation>
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
        <source>Offline, a voucher may be worth at most {limit}; this one is {value}.</source>
        <comment>policy.voucher_value_cap</comment>
        <translation>Saat offline, nilai voucher paling banyak {limit}; voucher ini {value}.</translation>
    </message>
    <message>
        <source>Voucher and promo codes can only be checked online. Try again when the till is back online.</source>
        <comment>policy.code_needs_server</comment>
        <translation>Kode voucher dan kode promo hanya bisa diperiksa online. Coba lagi saat mesin kasir online kembali.</translation>
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
        <source>{count} members match “{query}”. Pick one from the list.</source>
        <comment>member.pick_one</comment>
        <translation>{count} member cocok dengan “{query}”. Pilih salah satu dari daftar.</translation>
    </message>
    <message>
        <source>The Stamps server refuses this till&apos;s API token, so members cannot be looked up. Call a manager to set the new token (stamps-pos token set).</source>
        <comment>member.credentials</comment>
        <translation>Server Stamps menolak token API mesin kasir ini, jadi member tidak bisa dicari. Panggil manajer untuk memasang token baru (stamps-pos token set).</translation>
    </message>
    <message>
        <source>This member&apos;s redemptions need their PIN.</source>
        <comment>pin.required</comment>
        <translation>Penukaran member ini memerlukan PIN.</translation>
    </message>
    <message>
        <source>The PIN can only be checked online. Try again when the till is back online.</source>
        <comment>pin.offline</comment>
        <translation>PIN hanya bisa diperiksa online. Coba lagi saat mesin kasir online kembali.</translation>
    </message>
    <message>
        <source>This member still has a redemption waiting to sync; it must go through before one with a PIN.</source>
        <comment>pin.lane_busy</comment>
        <translation>Member ini masih punya penukaran yang menunggu sinkron; penukaran itu harus selesai dulu sebelum penukaran dengan PIN.</translation>
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
        <source>The PIN could not be checked: the Stamps server did not answer. Try again in a moment.</source>
        <comment>pin.unchecked</comment>
        <translation>PIN tidak bisa diperiksa: server Stamps tidak menjawab. Coba lagi sebentar lagi.</translation>
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
        <source>The cart is empty.</source>
        <comment>order.cart_empty</comment>
        <translation>Keranjang kosong.</translation>
    </message>
    <message>
        <source>Voucher {voucher} is not one of this member&apos;s vouchers.</source>
        <comment>order.voucher_not_members</comment>
        <translation>Voucher {voucher} bukan milik member ini.</translation>
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
        <source>{items}</source>
        <comment>what.cart</comment>
        <translation>{items}</translation>
    </message>
    <message>
        <source>{name}</source>
        <comment>what.voucher</comment>
        <translation>{name}</translation>
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
        <source>Found in the member&apos;s activity. It has no server id here: a later cancel must be made on the Stamps dashboard.</source>
        <comment>receipt.reconciled.todo</comment>
        <translation>Ditemukan di aktivitas member. Di sini tidak ada ID server-nya: pembatalan nanti harus dilakukan di dashboard Stamps.</translation>
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
        <source>NOT CONFIRMED — do not hand over yet</source>
        <comment>receipt.not_confirmed</comment>
        <translation>BELUM DIKONFIRMASI — jangan serahkan dulu</translation>
    </message>
    <message>
        <source>The Stamps server has not answered. Keep the reward back until this turns green, or ask a manager to decide.</source>
        <comment>receipt.not_confirmed.todo</comment>
        <translation>Server Stamps belum menjawab. Tahan dulu hadiahnya sampai ini berubah hijau, atau minta manajer memutuskan.</translation>
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
        <source>Closed by a manager</source>
        <comment>receipt.closed</comment>
        <translation>Ditutup oleh manajer</translation>
    </message>
    <message>
        <source>See the manager&apos;s note.</source>
        <comment>receipt.closed.todo</comment>
        <translation>Lihat catatan manajer.</translation>
    </message>
    <message>
        <source>Cancel confirmed</source>
        <comment>receipt.cancel.confirmed</comment>
        <translation>Pembatalan dikonfirmasi</translation>
    </message>
    <message>
        <source>The Stamps server cancelled the redemption; what it took goes back to the member.</source>
        <comment>receipt.cancel.confirmed.todo</comment>
        <translation>Server Stamps membatalkan penukaran; yang dipakai kembali ke member.</translation>
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
        <source>Cancel NOT CONFIRMED</source>
        <comment>receipt.cancel.not_confirmed</comment>
        <translation>Pembatalan BELUM DIKONFIRMASI</translation>
    </message>
    <message>
        <source>The Stamps server has not answered the cancel; until the till finds out, treat the redemption as standing.</source>
        <comment>receipt.cancel.not_confirmed.todo</comment>
        <translation>Server Stamps belum menjawab pembatalan; sampai mesin kasir tahu hasilnya, anggap penukaran masih berlaku.</translation>
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
        <source>It was sent but no answer came back: it may have gone through. The till is finding out.</source>
        <comment>receipt.detail.lost</comment>
        <translation>Sudah dikirim tetapi tidak ada jawaban: mungkin sudah berhasil. Mesin kasir sedang memastikannya.</translation>
    </message>
    <message>
        <source>The Stamps server failed while handling it: it may have gone through. The till is finding out.</source>
        <comment>receipt.detail.server_error</comment>
        <translation>Server Stamps gagal saat memprosesnya: mungkin sudah berhasil. Mesin kasir sedang memastikannya.</translation>
    </message>
    <message>
        <source>The till could not prove whether it went through; a manager must check it.</source>
        <comment>receipt.detail.unknown</comment>
        <translation>Mesin kasir tidak bisa memastikan apakah ini berhasil; manajer harus memeriksanya.</translation>
    </message>
    <message>
        <source>Sync is paused: the Stamps server refuses this till&apos;s API token. Call a manager.</source>
        <comment>receipt.detail.paused</comment>
        <translation>Sinkronisasi dijeda: server Stamps menolak token API mesin kasir ini. Panggil manajer.</translation>
    </message>
    <message>
        <source>Sync is paused: the Stamps server refuses this till&apos;s API token. A manager must set the new token (stamps-pos token set); the till checks again by itself.</source>
        <comment>queue.paused</comment>
        <translation>Sinkronisasi dijeda: server Stamps menolak token API mesin kasir ini. Manajer harus memasang token baru (stamps-pos token set); mesin kasir akan memeriksa lagi dengan sendirinya.</translation>
    </message>
    <message>
        <source>The API token works again: sync has resumed.</source>
        <comment>queue.resumed</comment>
        <translation>Token API berfungsi lagi: sinkronisasi berjalan kembali.</translation>
    </message>
    <message>
        <source>The Stamps server still refuses this till&apos;s API token. A manager must set the new token (stamps-pos token set).</source>
        <comment>queue.still_refused</comment>
        <translation>Server Stamps masih menolak token API mesin kasir ini. Manajer harus memasang token baru (stamps-pos token set).</translation>
    </message>
    <message>
        <source>There is no API token. A manager must set it (stamps-pos token set).</source>
        <comment>queue.no_token</comment>
        <translation>Belum ada token API. Manajer harus memasangnya (stamps-pos token set).</translation>
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
        <source>Cancel NOT CONFIRMED: a manager must check</source>
        <comment>cancel.not_confirmed</comment>
        <translation>Pembatalan BELUM DIKONFIRMASI: manajer harus memeriksa</translation>
    </message>
    <message>
        <source>Cancel closed by a manager</source>
        <comment>cancel.closed</comment>
        <translation>Pembatalan ditutup oleh manajer</translation>
    </message>
</context>
</TS>
