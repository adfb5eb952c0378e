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
    /info — pengumuman kepegawaian terbaru per topik; /info KATA untuk mencari
    /langganan — pilih topik pengumuman yang ingin Anda terima
    /tanyasosialisasi PERTANYAAN — ajukan pertanyaan untuk narasumber sosialisasi
    /hadir KODE — catat kehadiran di sosialisasi dengan kode yang diumumkan di ruangan

    Anda juga dapat langsung menulis pesan atau mengirim foto/dokumen: semuanya diteruskan ke petugas kepegawaian dalam tiket Anda yang masih terbuka. Untuk menambah keterangan pada tiket tertentu, balas (reply) salah satu pesannya; bila ada beberapa tiket terbuka, bot akan menanyakan tiket yang mana.
cmd-start = Mulai dan tautkan akun dengan kode dari petugas
cmd-bantuan = Bantuan: daftar perintah
cmd-tanya = Ajukan pertanyaan kepegawaian
cmd-tiket = Buka tiket baru (pilih kategori)
cmd-tiketku = Lihat status tiket Anda
cmd-profil = Profil kepegawaian dan tanggal KGB, kenaikan pangkat, pensiun
cmd-pengingat = Atur pengingat KGB, kenaikan pangkat, pensiun dan tenggat
cmd-saran = Kirim masukan, keluhan atau kritik
cmd-bahasa = Ganti bahasa (Indonesia/English)
cmd-info = Pengumuman terbaru per topik, atau cari: /info kata
cmd-langganan = Pilih topik pengumuman yang Anda terima
cmd-tanyasosialisasi = Ajukan pertanyaan untuk sesi sosialisasi
cmd-hadir = Catat kehadiran sosialisasi: /hadir KODE
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
profil-kp = Usulan kenaikan pangkat (SIASN):
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
saran-confirm-anon =
    Kirim { $kindLower } berikut secara anonim?

    { $text }

    Periksa dahulu: setelah Anda menekan "Kirim anonim", pesan ini tidak dapat ditarik, dan karena anonim petugas tidak dapat membalasnya. Sampai Anda menekan tombol, tidak ada yang dikirim. Untuk mengubahnya, kirim saja teks yang baru.
saran-confirm-send = Kirim anonim
saran-confirm-stale = Draf ini sudah tidak berlaku. Ketik /saran untuk mengulang.
route-stale = Pilihan ini sudah tidak berlaku. Silakan kirim pesan Anda lagi.
edit-not-relayed = Perubahan pesan tidak diteruskan ke petugas: pesan itu tidak termasuk tiket yang masih terbuka. Bila perlu, kirim isinya sebagai pesan baru.

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

## --- /info: pusat informasi kepegawaian ---

info-header-all = 📚 Pusat informasi kepegawaian — semua topik
info-header-topic = 📚 Pusat informasi kepegawaian — { $topic }
info-header-search = 🔎 Hasil pencarian "{ $query }"
info-page = Halaman { $page } dari { $pages } · { $total } pengumuman, terbaru dahulu
info-empty = Belum ada pengumuman di sini.
info-empty-search = Tidak ada pengumuman yang memuat "{ $query }". Coba kata lain, atau kirim /info untuk melihat semuanya.
info-source = Sumber: { $source }
info-source-default = tim kepegawaian
info-attachment = 📎 { $name }
info-closes = { $kind } · pendaftaran ditutup { $date }
info-closed = { $kind } · pendaftaran sudah ditutup
info-valid-until = berlaku s.d. { $date }
info-ack-done = ✅ sudah Anda konfirmasi
info-ack-needed = ⚠️ wajib dikonfirmasi
info-session-cancelled = ❌ sesi ini dibatalkan
info-session-rejected = ❌ sesi ini tidak jadi dilaksanakan
info-footer = Tekan 📄 dan nomornya untuk membaca lengkap beserta lampirannya. Cari dengan /info kata kunci; atur topik yang dikirim kepada Anda dengan /langganan.
info-prev = « Sebelumnya
info-next = Berikutnya »
info-all-topics = Semua topik
info-sent-below = Pengumuman lengkap dikirim di bawah.

## --- /langganan ---

langganan-header =
    Topik pengumuman yang dikirim kepada Anda (✅ diikuti, 🔕 tidak). Tekan untuk mengubah.
    Pengumuman yang ditandai wajib oleh tim kepegawaian tetap Anda terima, dan semua pengumuman tetap ada di /info.
langganan-saved-on = Anda kembali menerima pengumuman { $topic }.
langganan-saved-off = Pengumuman { $topic } tidak lagi dikirim kepada Anda, kecuali yang wajib.

## --- peluang karier ---

minat-saved = Minat Anda tercatat. Kami ingatkan 3 hari kerja sebelum pendaftaran ditutup ({ $date }).
minat-already = Minat Anda sudah tercatat sebelumnya.
minat-button-done = ✅ Saya tertarik

## --- sosialisasi ---

rsvp-saved-hadir = Terima kasih, Anda tercatat hadir di tempat.
rsvp-saved-tidak = Terima kasih, Anda tercatat tidak hadir.
rsvp-saved-online = Terima kasih, Anda tercatat mengikuti secara online.
rsvp-full = Mohon maaf, kursi di ruangan sudah penuh.
rsvp-full-online = Kursi di ruangan sudah penuh. Anda tetap dapat mengikuti secara online: tekan "Online".
tanyasos-none = Saat ini tidak ada sesi sosialisasi yang menerima pertanyaan dari Anda.
tanyasos-choose = Pertanyaan untuk sesi sosialisasi yang mana?
tanyasos-choose-first = Pilih dahulu sesinya dengan tombol pada pesan di atas.
tanyasos-write = Tulis pertanyaan Anda untuk sesi "{ $title }" dalam satu pesan.
tanyasos-text-only = Pertanyaan hanya dapat dikirim sebagai teks. Tulis dalam satu pesan.
tanyasos-saved = Pertanyaan Anda (no. { $number }) untuk sesi "{ $title }" sudah diteruskan ke narasumber. Data pribadi seperti NIP dan nomor telepon disamarkan.
hadir-usage = Kirim kode yang diumumkan di ruangan sosialisasi, misalnya: /hadir K7P2QX
hadir-ok = Kehadiran Anda di sosialisasi "{ $title }" tercatat. Terima kasih!
hadir-again = Kehadiran Anda di sosialisasi "{ $title }" sudah tercatat sebelumnya.

## --- survei kepuasan (SKM) ---

skm-question = Survei kepuasan — pertanyaan { $n } dari 9
    { $question }
skm-cancel = Batalkan survei
skm-cancelled = Survei dibatalkan. Tombol "Isi survei" di atas masih dapat dipakai.
skm-closed = Survei untuk tiket ini sudah diisi atau tidak tersedia lagi.
skm-press-start = Tekan "Isi survei" pada pesan survei terlebih dahulu.
skm-thanks-anon = Terima kasih! Jawaban Anda tersimpan tanpa nama dan tanpa nomor tiket.
skm-thanks = Terima kasih! Jawaban Anda sudah tersimpan.
skm-u1 = Bagaimana kesesuaian persyaratan layanan dengan jenis layanannya?
skm-u1-scale = 1 Tidak sesuai | 2 Kurang sesuai | 3 Sesuai | 4 Sangat sesuai
skm-u2 = Bagaimana kemudahan prosedur layanan kepegawaian ini?
skm-u2-scale = 1 Tidak mudah | 2 Kurang mudah | 3 Mudah | 4 Sangat mudah
skm-u3 = Bagaimana kecepatan waktu dalam memberikan layanan?
skm-u3-scale = 1 Tidak cepat | 2 Kurang cepat | 3 Cepat | 4 Sangat cepat
skm-u4 = Bagaimana kewajaran biaya/tarif dalam layanan ini?
skm-u4-scale = 1 Sangat mahal | 2 Cukup mahal | 3 Murah | 4 Gratis
skm-u5 = Bagaimana kesesuaian hasil layanan dengan yang dijanjikan dalam standar layanan?
skm-u5-scale = 1 Tidak sesuai | 2 Kurang sesuai | 3 Sesuai | 4 Sangat sesuai
skm-u6 = Bagaimana kompetensi/kemampuan petugas dalam melayani?
skm-u6-scale = 1 Tidak kompeten | 2 Kurang kompeten | 3 Kompeten | 4 Sangat kompeten
skm-u7 = Bagaimana perilaku petugas (kesopanan dan keramahan) dalam melayani?
skm-u7-scale = 1 Tidak sopan | 2 Kurang sopan | 3 Sopan dan ramah | 4 Sangat sopan dan ramah
skm-u8 = Bagaimana penanganan pengaduan, saran dan masukan pengguna layanan?
skm-u8-scale = 1 Tidak ada | 2 Ada, tidak berfungsi | 3 Kurang maksimal | 4 Dikelola dengan baik
skm-u9 = Bagaimana kualitas sarana dan prasarana layanan (termasuk bot dan kanal ini)?
skm-u9-scale = 1 Buruk | 2 Cukup | 3 Baik | 4 Sangat baik
