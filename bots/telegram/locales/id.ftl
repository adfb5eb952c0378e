## LAYANI Telegram bot: Bahasa Indonesia (the default language).
## Every user-facing string of bots/telegram lives here and in en.ftl, under the same keys.
## Placeables are plain text: the bot sends these messages without parse_mode.

## --- linking ---

link-howto =
    Selamat datang di LAYANI, layanan kepegawaian lewat chat.

    Akun Telegram Anda belum tertaut ke data kepegawaian Anda. Caranya:
    1. Minta kode tautan ke petugas kepegawaian (langsung, lewat telepon, atau tertulis).
    2. Kirim ke bot ini: /start KODE
       contoh: /start ABCD-EFGH-JKLM

    Kode hanya dapat dipakai sekali dan berlaku { $hours } jam. Demi keamanan, akun tidak dapat ditautkan hanya dengan NIP.
linked =
    Akun Anda sudah tertaut. Selamat datang, { $name }!

    Tulis pertanyaan Anda kapan saja, atau ketik /bantuan untuk melihat apa saja yang dapat dilakukan.
welcome-back =
    Selamat datang kembali, { $name }.

    Tulis pertanyaan Anda kapan saja, atau ketik /bantuan untuk melihat apa saja yang dapat dilakukan.
private-only = Layanan LAYANI hanya melalui chat pribadi. Silakan kirim pesan langsung ke bot ini.
not-linked-short = Akun belum tertaut. Kirim /start untuk melihat caranya.

## --- help and commands ---

help =
    Yang dapat Anda lakukan di LAYANI:
    /tanya PERTANYAAN — ajukan pertanyaan kepegawaian
    /tiket — buka tiket baru dengan memilih kategori
    /tiketku — lihat status tiket Anda
    /profil — data kepegawaian dan tanggal penting (KGB, kenaikan pangkat, pensiun)
    /pengingat — pengingat KGB, kenaikan pangkat, pensiun dan tenggat: lihat jadwalnya, matikan atau nyalakan
    /saran — kirim masukan, keluhan atau kritik (boleh anonim)
    /bahasa — ganti bahasa (Indonesia/English)

    Anda juga dapat langsung menulis pesan atau mengirim foto/dokumen: semuanya diteruskan ke petugas kepegawaian dalam tiket Anda yang masih terbuka.
cmd-start = Mulai dan tautkan akun dengan kode dari petugas
cmd-bantuan = Bantuan: daftar perintah
cmd-tanya = Ajukan pertanyaan kepegawaian
cmd-tiket = Buka tiket baru (pilih kategori)
cmd-tiketku = Lihat status tiket Anda
cmd-profil = Profil kepegawaian dan tanggal KGB, kenaikan pangkat, pensiun
cmd-pengingat = Atur pengingat KGB, kenaikan pangkat, pensiun dan tenggat
cmd-saran = Kirim masukan, keluhan atau kritik
cmd-bahasa = Ganti bahasa (Indonesia/English)
unknown-command = Perintah itu tidak dikenal. Ketik /bantuan untuk melihat daftar perintah.
unsupported-message = Maaf, saat ini LAYANI hanya menerima teks, foto dan dokumen.
error-generic = Maaf, terjadi gangguan saat memproses pesan Anda. Silakan coba lagi sebentar lagi.
flood-note = Pesan Anda banyak sekali dalam satu menit. Semua pesan tetap kami terima dan akan diproses perlahan; mohon tunggu sebentar.
button-cancel = Batal

## --- /tanya ---

tanya-usage =
    Tulis pertanyaan Anda setelah perintahnya, misalnya:
    /tanya Berapa sisa cuti tahunan saya?

## --- /tiket ---

tiket-choose = Pilih kategori pertanyaan Anda:
tiket-chosen =
    Kategori: { $category }.
    Sekarang tulis pertanyaan Anda dalam satu pesan (boleh dengan foto atau dokumen).
tiket-chosen-confidential =
    Kategori: { $category }.
    Tiket ini bersifat rahasia: hanya pimpinan tim kepegawaian yang dapat membacanya.
    Sekarang tulis laporan Anda dalam satu pesan (boleh dengan foto atau dokumen).
tiket-cancelled = Pembuatan tiket dibatalkan.

## --- /tiketku ---

tiketku-empty = Anda belum pernah membuat tiket. Tulis pertanyaan Anda atau gunakan /tiket.
tiketku-header = Tiket Anda (terbaru dahulu):
tiketku-line =
    #{ $number } · { $category } · { $status }
    { $subject }
status-baru = Baru
status-ditangani = Ditangani
status-menunggu_pegawai = Menunggu jawaban Anda
status-selesai = Selesai
status-ditutup = Ditutup

## --- /profil ---

profil =
    Profil kepegawaian
    Nama: { $name }
    NIP: { $nip }
    Golongan: { $rank }
    Jabatan: { $position }
    Unit kerja: { $unit }
profil-career = Tanggal penting:
profil-problems = Catatan atas data Anda:
profil-correction = Bila ada data yang keliru, tulis saja di sini agar petugas kepegawaian memperbaikinya.

## --- /pengingat ---

pengingat-header =
    Pengingat LAYANI
    Ketuk satu jenis untuk mematikan atau menyalakannya (🔔 aktif, 🔕 dimatikan).
pengingat-upcoming = Pengingat berikutnya:
pengingat-none = Belum ada pengingat untuk Anda dalam 12 bulan ke depan.
pengingat-more = … dan { $count } lainnya
pengingat-muted = Pengingat { $kind } dimatikan
pengingat-unmuted = Pengingat { $kind } dinyalakan
pengingat-pension-ticket-opened = Tiket pensiun dibuka. Petugas kepegawaian akan membalas di sini.
pengingat-pension-ticket-exists = Anda sudah punya tiket pensiun #{ $number } yang masih terbuka. Tulis saja pesan Anda di sini.

## --- /saran ---

saran-choose-kind = Apa yang ingin Anda sampaikan?
saran-kind-masukan = Masukan
saran-kind-keluhan = Keluhan
saran-kind-kritik = Kritik
saran-choose-anon =
    { $kind }: kirim dengan nama Anda atau secara anonim?

    Anonim berarti tidak ada tautan ke Anda yang disimpan di mana pun: tidak pada data masukan, tidak di log audit, tidak dalam pesan ke tim kepegawaian, dan tidak di log sistem. Karena itu petugas juga tidak dapat membalas masukan anonim.
saran-anon-yes = Anonim
saran-anon-no = Dengan nama saya
saran-write-anon =
    Tulis { $kindLower } Anda dalam satu pesan teks.
    Pesan ini dikirim secara anonim: tidak ada tautan ke Anda yang disimpan di mana pun.
saran-write-named =
    Tulis { $kindLower } Anda dalam satu pesan teks.
    Nama dan unit kerja Anda akan disertakan.
saran-choose-first = Silakan pilih dahulu dengan tombol pada pesan di atas, atau ketik /saran untuk mengulang.
saran-text-only = Masukan hanya dapat dikirim sebagai teks. Silakan tulis dalam satu pesan teks.
saran-too-long = Masukan terlalu panjang (maksimal 5.000 karakter). Silakan persingkat lalu kirim lagi.
saran-sent-anon = Terima kasih. { $kind } Anda sudah diteruskan secara anonim ke tim kepegawaian.
saran-sent-named = Terima kasih. { $kind } Anda sudah diteruskan ke tim kepegawaian.
saran-cancelled = Pengiriman masukan dibatalkan.

## --- /bahasa ---

bahasa-set = Bahasa diganti ke Bahasa Indonesia. Ketik /bahasa lagi untuk beralih ke English.

## --- kepuasan layanan (CSAT) ---

csat-prompt = Tiket #{ $number } telah diselesaikan. Seberapa puas Anda dengan layanan kami? (1 = sangat tidak puas, 5 = sangat puas)
csat-rated = Penilaian tersimpan
csat-comment-ask =
    Terima kasih atas penilaian Anda: { $stars }
    Ingin menambahkan komentar? Tulis saja dalam satu pesan, atau tekan Lewati.
csat-skip = Lewati
csat-thanks = Terima kasih atas penilaian Anda.
csat-comment-thanks = Terima kasih, komentar Anda sudah kami terima.
csat-failed = Penilaian tidak dapat disimpan untuk tiket ini.

## --- FAQ answers ---

faq-contact-hr = Hubungi petugas
faq-thanks = Terima kasih atas penilaian Anda.
