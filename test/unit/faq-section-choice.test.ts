/**
 * Answers that state the fact asked for: the section of the right document that holds the limit, date, list or
 * reason; one confidence ordering hits; staff slang; pay complaints to a human; contact details the asker gives;
 * NIP structure. Each case here was answered from a neighbouring section (or refused) before section choice.
 */
import { describe, expect, it } from 'vitest';
import { answerQuestion, sharedKnowledge, type FaqAnswer } from '../../core/faq/answer/answer-question.js';
import { atThreshold, chooseThreshold } from '../../core/faq/eval/calibrate.js';
import type { EvalResult } from '../../core/faq/eval/evaluate.js';
import { questionParts } from '../../core/faq/answer/question-parts.js';

const knowledge = sharedKnowledge();
const ask = (question: string, names?: string[]) => answerQuestion(question, { knowledge, names });
/** The answer's own words (without the sources line). */
async function said(question: string, names?: string[]): Promise<{ answer: FaqAnswer; text: string; doc: string | undefined }> {
  const answer = await ask(question, names);
  return { answer, text: answer.text.split('\n\nSumber:')[0]!, doc: answer.kind === 'answer' ? answer.sources[0]?.docId : undefined };
}

describe('the section that states the asked fact', () => {
  it.each([
    // How long: the "Lama penundaan" section, not "Kapan KGB ditunda".
    ['kgb ditunda krn skp butuh perbaikan nundanya brp lama', 'kgb-penundaan', /paling lama 1 tahun/],
    // A closing date: the example that names it, not "Bila usul terlambat".
    ['batas usul kp periode 1 april tgl brp', 'periode-kenaikan-pangkat', /15 Maret/],
    // A list: the whole list of documents, not the tips on gathering them.
    ['berkas pensiun apa aja yg dikumpulin', 'dokumen-pensiun', /DPCP[\s\S]*SK CPNS dan SK PNS[\s\S]*surat pernyataan tidak sedang menjalani proses pidana/],
    // A yes/no rule: "bukan hak", not the "ketentuan di DKP tidak tercantum" section.
    ['boleh wfa gak', 'kerja-fleksibel', /bukan hak/],
    // A range: "I sampai XVII", not "golongan menurut pendidikan tidak tercantum".
    ['golongan p3k itu dr brp sampe brp', 'pppk-golongan', /XVII/],
    // A purpose: what the rating is used for.
    ['rating bintang stlh tiket selesai itu buat apa', 'chatcanal-penilaian-layanan', /mengukur dan memperbaiki layanan/],
    // A number in a table row: "bolos 5 hari" → the 4–6 row.
    ['bolos 5 hari hukdisnya apa', 'disiplin-ketidakhadiran', /4–6: teguran tertulis/],
    // Also for PPPK: the passage that speaks of PPPK, not the PNS rule sharing the other words.
    ['kgb pppk ikut aturan pns ga', 'pppk-perbedaan-dengan-pns', /tidak mengikuti kenaikan pangkat serta KGB|tidak berlaku bagi PPPK/],
    ['sy p3k mau naik haji cuti besar bs gak', 'cuti-pppk', /tidak termasuk hak cuti PPPK|tidak mencakup cuti besar/],
    // Who approves leave: the office named by the rule, asked in slang ("acc" = approve).
    ['sapa yg acc cuti pns di pemprov', 'cuti-pejabat-berwenang', /Gubernur/],
    // A table row keyed by the education level named, in the document the rank-names section points to.
    ['d3 bisa naik sampe gol brp', 'kenaikan-pangkat-reguler', /D-III \| III\/c|D-III: III\/c/],
    // A choice offered ("kadis atau gubernur"): the rule naming one, not the "di DKP tidak tercantum" section.
    ['yg tanda tangan cuti sy siapa sih kadis ato gubernur', 'cuti-pejabat-berwenang', /PPK adalah Gubernur/],
    // …or one post guessed ("kadis kah?"): the section naming who, though it does not repeat the guess.
    ['yg berwenang ngasih cuti pns pemprov tu sbnrnya siapa? kadis kah?', 'cuti-pejabat-berwenang', /PPK adalah Gubernur/],
    // "kp pilihan itu …" names its document by what the abbreviation stands for, not the neighbour mentioning it.
    ['kp pilihan itu bisa krn apa aja selain yg reguler', 'kenaikan-pangkat-pilihan', /prestasi kerja luar biasa/],
    // How soon a ticket is answered is the desk's target (SLA), whatever else the message says of the ticket…
    ['tiket soal cuti biasanya dibales brp jam', 'consdesk-sla', /Cuti: 2 jam/],
    ['tiket kgb sy kira2 di respon brp lama ya', 'consdesk-sla', /KGB, Kinerja\/SKP, Lainnya: 4 jam/],
    // …while when a message sent at night is answered is the desk's hours.
    ['kalo sy chat sabtu malem gini, kapan dibalesnya sama petugas?', 'consdesk-jam-layanan', /Pesan di luar jam itu tetap diterima/],
    // Whether a change shows at once is whether it waits for a check; whether one record follows another, whether
    // it changes it by itself.
    ['udh update data pendidikan di myasn, itu langsung berubah kan?', 'myasn-pemutakhiran-data', /tidak langsung berlaku/],
    ['kalo data sy udh dibenerin lwt layani, di myasn ikut berubah sendiri kan?', 'pemutakhiran-data-kepegawaian', /tidak otomatis mengubah data di MyASN/],
    // How many kinds there are ("ada brp macem") is the list of them, not a limit.
    ['predikat kinerja skrg ada brp macem', 'skp-predikat-kinerja', /ada lima/],
    // The document the question names (LHKASN), not a neighbour's fixed date for another report (LHKPN).
    ['deadline lhkasn tiap thn tgl brp', 'lhkasn', /ditetapkan oleh instansi/],
    // …also when the asker half-remembers the other report's date, or compares with it: LHKASN is what is asked.
    ['lhkasn batasnya tiap thn 31 maret kan? biar sy gk telat', 'lhkasn', /ditetapkan oleh instansi/],
    ['deadline lhkasn tiap thn tgl brp, sama kyk lhkpn 31 maret kah', 'lhkasn', /ditetapkan oleh instansi/],
    // The deadline in general: the rule that it is set every year, not the worked example for 2024…
    ['skp deadline nya tgl brp', 'skp-batas-waktu', /ditetapkan setiap tahun|ditetapkan melalui surat edaran/],
    // …which still answers when the question names its year.
    ['tenggat skp 2024 kapan', 'skp-batas-waktu', /10 Januari 2025/],
    // A placeholder (SATAM-ASN leave requests) tied with what the bot cannot do: the bot was asked about.
    ['bot ini bisa ngajuin cuti sy ga', 'batasan-layanan-bot', /tidak dapat mengajukan/],
    // …or ranked above it: a question not naming SATAM-ASN is answered by the current document.
    ['cuti bs diajuin lewat bot ini gak', 'batasan-layanan-bot', /tidak dapat mengajukan/],
    // …nearly as confidently, the asker's reason beside it ("biar gk usah isi form") matching the placeholder's words.
    ['bot ini bisa sekalian ajuin cuti sy ga min biar gk usah isi form', 'batasan-layanan-bot', /tidak dapat mengajukan/],
    // Two table keys named (a level and a rating): the sentence working through both, not the table keyed by one.
    ['jf ahli pertama nilai kinerja sangat baik, ak per tahunnya jd brp', 'angka-kredit-jabatan-fungsional', /18,75/],
    // Eligibility by service: the minimum the rule sets, in the document the question names by its title.
    ['baru 6 bln jd pns, udh boleh ambil cuti tahunan blm', 'cuti-tahunan', /paling singkat 1 tahun/],
    ['baru 3 thn kerja udh bs cuti besar blm', 'cuti-besar', /paling singkat 5 tahun/],
    ['br 6 bln pns udh bs ngajuin izin belajar?', 'izin-belajar', /paling singkat 1 tahun/],
    // A CPNS is answered by the PNS rule when no passage about CPNS speaks of what was asked.
    ['cpns diangkat umur 50, masa kerja cuma 8 thn pas pensiun, dpt hak pensiun ga', 'masa-kerja-minimal-pensiun', /paling singkat 10 tahun/],
    // …even when the document says how to file is not described here.
    ['baru 10 bln jd pns, udh boleh ngajuin izin belajar blm', 'izin-belajar', /paling singkat 1 tahun/],
    // Yes or no ("rahasia ga"): the sentence saying "bukan rahasia", not the section explaining why.
    ['nip tuh rahasia ga', 'nip-bukan-rahasia', /NIP bukan rahasia/],
    // Which documents: the sentence naming them by example, not the steps that say "unggah dokumen pendukung".
    ['upload dokumen apa utk ubah data keluarga di myasn', 'myasn-pemutakhiran-data', /akta atau surat nikah/],
    // "Belum berubah" after an update: the change waits on the operator's check, not which documents to upload.
    ['udh update data keluarga di myasn seminggu lalu kok blm berubah2', 'myasn-pemutakhiran-data', /diverifikasi oleh operator/],
    // A section covering most of the question, stating itself the word the document says it lacks elsewhere
    // ("Koefisien jenjang lain tidak tercantum"), answers instead of handing over.
    ['ak sy udh cukup, brarti otomatis naik jenjang ke ahli muda kan?', 'angka-kredit-jabatan-fungsional', /uji kompetensi/],
    // A claim checked ("berarti sk pensiun keluar dalam 37,5 jam"): the sentence denying it, not the table of hours
    // the asker quotes.
    ['di tabel sla pensiun 37,5 jam, berarti sk pensiun sy kluar dlm 37,5 jam kerja gt?', 'consdesk-sla', /bukan lama terbitnya SK/],
    // English in the words staff use: weekend hours, promotion for outstanding performance.
    ['If I message the HR desk on Saturday evening, when will someone actually handle it? Is ConsDesk open on weekends?', 'consdesk-jam-layanan', /tutup pada Sabtu, Minggu/],
    ["What counts as a 'kenaikan pangkat pilihan'? Can I get one for outstanding performance?", 'kenaikan-pangkat-pilihan', /prestasi kerja luar biasa/],
    ["how many years do I need to stay in my current rank before I'm eligible for a regular promotion?", 'kenaikan-pangkat-reguler', /4 tahun/],
    ['who is actually authorized to grant leave for civil servants of the Bangka Belitung provincial government?', 'cuti-pejabat-berwenang', /Gubernur/],
    // A code from the authenticator app is the MFA code: never given to anyone.
    ['td ada yg wa ngaku petugas bkpsdmd minta kode dr aplikasi authenticator sy buat verifikasi data. kasih aja gpp kan?', 'asn-digital', /kode MFA/],
    // "pakai aplikasi apa": the document the first one points to ("lihat dokumen LHKASN") names the application.
    ['sy bukan wajib lhkpn, lapor harta kekayaan pake aplikasi apa', 'lhkasn', /SIHARKA/],
    // Three words of a title in a row ("… Lahir Tanggal 1 …") name the document, ranked below the general rule or not.
    ['lahir tgl 1 agustus, tmt pensiunnya 1 agustus ato 1 september', 'tmt-pensiun-kasus-khusus', /belum dapat dipastikan|perlu dipastikan/],
    // Whether pay continues during CLTN: "tidak menerima penghasilan", not the attendance rules "masuk" shares words with.
    ['sy lg mikir ambil CLTN buat ngurus ortu yg sakit, selama CLTN itu gaji msh masuk ga ya?', 'cuti-di-luar-tanggungan-negara', /tidak menerima penghasilan/],
    // Signing in to MyASN is signing in to ASN Digital.
    ['myasn skrg login nya lwt mana sih, link lama gak bs', 'asn-digital', /asndigital\.bkn\.go\.id/],
    // Checking a ticket is its status: the /tiketku command.
    ['gmn cara ngecek tiket yg sy kirim kmrn udh diproses blm', 'chatcanal-layanan-chat', /\/tiketku/],
    // About PPPK: a section that speaks of PPPK, not the PNS rank table of the same document.
    ['sy pppk gol IX, itu setara III/a pns ya? pangkatnya penata muda dong', 'golongan-pangkat', /Golongan PPPK tidak memakai golongan ruang/],
    // The general limit, not the section for a case the question does not name ("… karena keguguran").
    ['cuti sakit maksimal brp lama? tmn seruangan opname udh 2 bln', 'cuti-sakit', /paling lama 1 tahun/],
    // "X itu …" names the subject by its document's title, however far below the first (on "anonim") it ranked.
    ['tiket rahasia tuh anonim kan? nama sy gak ikut kekirim?', 'chatcanal-tiket-rahasia', /memuat (nama|identitas) Anda/],
  ])('%s', async (question, doc, fact) => {
    const { answer, text } = await said(question);
    expect(answer.kind).toBe('answer');
    expect(answer.kind === 'answer' && answer.sources[0]?.docId).toBe(doc);
    expect(text).toMatch(fact);
  });

  it('quotes the table row keyed by what the question names, not rows sharing its letters', async () => {
    const { text } = await said('lulusan d3 naik pangkat reguler mentok di gol brp');
    expect(text).toMatch(/D-III: III\/c/);
    expect(text).not.toMatch(/SLTA|D-II:/);
  });

  it('adds the best sentence of a section that scored nearly as well, unless it repeats what is said', async () => {
    // The virtual card's section, and the neighbouring one's sentence that the physical card is no longer issued.
    const karpeg = await said('karpeg sy ilang pas pindahan, gmn cara bikin yg baru dong');
    expect(karpeg.doc).toBe('kartu-asn-virtual');
    expect(karpeg.text).toMatch(/MyASN/);
    expect(karpeg.text).toMatch(/tidak lagi diterbitkan/);
    // Two sections stating the same deadline: said once.
    const lhkpn = await said('harta lhkpn dilaporin per tgl brp');
    expect(lhkpn.text.match(/31 Maret/g)).toHaveLength(1);
  });

  it('still hands over when the corpus says the asked thing is not covered, quoting what it does say', async () => {
    const answer = await ask('koefisien ak ahli madya brp');
    expect(answer).toMatchObject({ kind: 'escalate', reason: 'not_covered' });
    expect(answer.text).toMatch(/Koefisien jenjang lain tidak tercantum di sini/);
  });

  it('hands over what a document hands to the HR desk by name ("Untuk formulir …: Hubungi petugas")', async () => {
    for (const question of ['formulir cuti sakit di dkp ambil dmn', 'dokumen pendukung cuti haji apa aja', 'ak kumulatif jenjang terampil brp', 'cltn bs diperpanjang gak']) {
      expect(await ask(question), question).toMatchObject({ kind: 'escalate', reason: 'not_covered' });
    }
    // The rule beside such a sentence still answers the questions it states.
    expect((await said('sakit lbh dr sehari ngajuin cutinya gmn')).text).toMatch(/permohonan tertulis/);
    expect((await said('potongan taspen brp persen')).text).toMatch(/8%/);
  });

  it('hands over a number the document says it does not give, even when a section names everything else asked', async () => {
    const answer = await ask('cuti melahirkan p3k brp bulan');
    expect(answer).toMatchObject({ kind: 'escalate', reason: 'not_covered' });
    expect(answer.text).toMatch(/tidak tercantum di sini/);
  });

  it('follows a section that sends the asker to another document for the asked limit', async () => {
    // "Suami PNS … dapat mengajukan cuti karena alasan penting. Lihat dokumen …": the limit is in that document.
    const { doc, text } = await said('istri lahiran di rs, suami dpt cuti brp lama');
    expect(doc).toBe('cuti-alasan-penting');
    expect(text).toMatch(/paling lama 1 bulan/);
    // "… dibahas dalam dokumen …" alone is not an answer.
    expect((await said('pangkat sy udh sama kyk atasan, msh bs naik lg?')).doc).toBe('kenaikan-pangkat-melebihi-atasan');
  });

  it('answers from the section about what was asked, not a table keyed by a word of the question', async () => {
    // The table of cumulative credits has an "Ahli Pertama" row, but the coefficient is in its own section.
    expect((await said('koefisien ak ahli pertama brp setaun')).text).toMatch(/12,5 per tahun/);
  });

  it('answers an eligibility question by the section stating the minimum service', async () => {
    // Not the NIP section that writes "8 angka", nor the carry-over section sharing "ambil" and "tahun".
    const { text, doc } = await said('cpns br 8 bln, sdh blh ngambil cuti tahunan blm');
    expect(doc).toBe('cuti-tahunan');
    expect(text).toMatch(/paling singkat 1 tahun/);
  });

  it('answers both questions of a two-question message from the sections stating each', async () => {
    const both = (await said('kgb bs ditunda brp lama? trus masa kerja slama ditunda diitung gak')).text;
    expect(both).toMatch(/paling lama 1 tahun/);
    expect(both).toMatch(/tetap dihitung sebagai masa kerja/);
    const leave = (await said('cuti besar paling lama brp bulan, trus selama cuti besar cuti tahunan dpt gak')).text;
    expect(leave).toMatch(/paling lama 3 bulan/);
    expect(leave).toMatch(/cuti tahunan tidak diberikan/);
  });

  it('compares a length the asker states with a limit given in another unit', async () => {
    // "sudah 4 hari" against "72 jam", not the fourth step of linking.
    expect((await said('kode tautan udh 4 hari blm sy pake, msh berlaku gak')).text).toMatch(/72 jam/);
  });

  it('answers "pulang jam berapa" with the hours of the schedule, not the weekly total', async () => {
    expect((await said('jam pulang kantor jumat jam brp ya')).text).toMatch(/Jumat (pukul )?07\.30–16\.30/);
  });

  it('reads "hari jumat" as the weekday, not as a count of days asked', async () => {
    expect((await said('jam plg hr jumat jam brp sih')).text).toMatch(/Jumat (pukul )?07\.30–16\.30/);
  });

  it('answers a newly appointed asker by the minimum service, as when they count the months', async () => {
    expect((await said('sy cpns baru masuk januari kmrn, udh bs ambil cuti tahunan blm')).text).toMatch(/paling singkat 1 tahun/);
  });

  it('answers a list asked with the list, whatever length of time the asker tells beside it', async () => {
    expect((await said('sy pensiun 3 thn lg, dokumen apa aja yg perlu disiapin')).text).toMatch(/DPCP/);
  });

  it('answers whether something still goes ahead with the requirement that decides it', async () => {
    expect((await said('predikat skp sy butuh perbaikan, kgb sy tetap jalan gak')).text).toMatch(/KGB: praktik saat ini mensyaratkan/);
  });

  it("answers when the HR staff can be reached with the desk's hours, not the civil servants' working hours", async () => {
    const { doc } = await said('petugas kepeg bs dihubungi sampe jam brp');
    expect(doc).toBe('consdesk-jam-layanan');
  });

  it('answers "cara …" with the steps', async () => {
    expect((await said('baru pertama kali pakai bot layani, cara nyambungin akun telegram gimana')).text).toMatch(/\/start/);
    expect((await said('cara update data keluarga di myasn')).text).toMatch(/Pilih data yang ingin diperbarui/);
  });

  it('explains words the asker quotes from the section that has them', async () => {
    expect((await said('di profil ada tulisan catatan atas data anda, itu artinya apa ya')).text).toMatch(/tidak konsisten/);
  });

  it('answers "lewat aplikasi apa" with the system the section names', async () => {
    expect((await said('laporan lhkasn diisi via aplikasi apa')).text).toMatch(/SIHARKA/);
  });

  it('answers about the subject before "itu" from the document whose title names it', async () => {
    // Not from the anonymous-feedback document, which ranks first on "anonim".
    const { text, doc } = await said('tiket rahasia itu anonim kah? nama sy ga keliatan');
    expect(doc).toBe('chatcanal-tiket-rahasia');
    expect(text).toMatch(/memuat (nama|identitas) Anda/);
  });

  it('answers a reading the asker checks ("itu artinya …?") with the sentence denying it', async () => {
    // The SLA table holds the 37,5 the asker quotes; the section after it says the SLA is not how long an SK takes.
    const { text } = await said('target tiket pensiun 37,5 jam itu artinya sk pensiun sy terbit dlm 37,5 jam?');
    expect(text).toMatch(/bukan lama terbitnya SK/);
  });

  it('splits a message into questions only where each part asks something', () => {
    expect(questionParts('kgb ditunda brp lama, trus masa kerjanya hilang gak')).toEqual(['kgb ditunda brp lama', 'masa kerjanya hilang gak']);
    expect(questionParts('cuti sakit brp lama? kalo blm sembuh gmn')).toEqual(['cuti sakit brp lama', 'kalo blm sembuh gmn']);
    // A situation, then one question.
    expect(questionParts('sy lulusan s1 gol 3c, kalo kp reguler mentok di gol brp')).toEqual([]);
    expect(questionParts('cuti tahunan brp hari')).toEqual([]);
  });

  it('quotes the legal basis when it is what was asked', async () => {
    expect((await said('jam kerja ramadan dasar hukumnya apa')).text).toMatch(/Perpres 21\/2023/);
    expect((await said('cuti thn brp hari sih')).text).not.toMatch(/^Dasar:/m);
  });

  it('answers a PPPK question from the PPPK passage naming the rule asked of, whatever else the asker told', async () => {
    const { text, doc } = await said('sy pppk, bapak sy sakit keras di bangka. bs ambil cuti alasan penting kyk pns gak?');
    expect(doc).toBe('cuti-pppk');
    expect(text).toMatch(/tidak mencakup/);
  });

  it('hands over a PPPK question when no passage about PPPK speaks of the rest of it', async () => {
    expect(await ask('pppk bs dpt izin belajar ga')).toMatchObject({ kind: 'escalate', reason: 'not_covered' });
    expect((await said('sy p3k mau naik haji cuti besar bs gak')).doc).toBe('cuti-pppk');
  });

  it('orders hits by the one confidence the threshold is compared with', () => {
    for (const question of ['cuti thn brp hari', 'nip 18 digit itu artinya apa aja', 'bolos 5 hari hukdisnya apa', 'boleh wfa gak']) {
      const confidences = knowledge.search(question, 8).map((hit) => hit.confidence);
      expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
    }
  });
});

describe('staff language', () => {
  it('reads acc, ket and ttd', async () => {
    expect((await said('acc cuti sakit sm siapa')).doc).toBe('cuti-pejabat-berwenang');
    expect((await said('ga masuk 3 hari tanpa ket kena apa')).text).toMatch(/teguran lisan/);
    // "tolong acc cuti saya" is still a request to approve leave, which the bot cannot do.
    expect(await ask('tolong acc cuti sy besok')).toMatchObject({ kind: 'escalate', reason: 'submit_leave' });
  });

  it('reads blh, komen and nulis', async () => {
    const { answer, text } = await said('abis kasih rating blh nulis komen gak');
    expect(answer.kind).toBe('answer');
    expect(text).toMatch(/komentar/);
  });
});

describe('matters beside the corpus go to a human', () => {
  it.each(['potongan bpjs kesehatan di gaji brp persen', 'apel pagi senin di dkp jam brp', 'siapa gubernur babel sekarang'])('%s', async (question) => {
    expect(await ask(question)).toMatchObject({ kind: 'escalate', reason: 'off_topic' });
  });
});

describe('pay complaints go to a human', () => {
  it.each(['gaji sy kok kurang bulan ini', 'tunjangan anak blm masuk', 'uang makan sy dipotong trs', 'kok gaji bulan ini berubah ya'])('%s', async (question) => {
    expect(await ask(question)).toMatchObject({ kind: 'escalate', reason: 'salary' });
  });

  it('while who handles a named contribution is answered from its document', async () => {
    const { answer, text } = await said('mau stop potongan tapera di slip gaji hubungi siapa');
    expect(answer.kind === 'answer' && answer.sources[0]?.docId).toBe('tapera');
    expect(text).toMatch(/bagian keuangan/);
    // An amount of it is still money only finance knows.
    expect(await ask('potongan tapera sy sebulan brp rupiah')).toMatchObject({ kind: 'escalate', reason: 'salary' });
  });

  it('while the rules that mention pay are still answered', async () => {
    expect((await said('mangkir 12 hari tukin dipotong brp persen')).text).toMatch(/25%/);
    expect((await said('potongan taspen brp persen')).text).toMatch(/8%/);
    expect((await said('gaji berkala ditunda brp lama')).doc).toBe('kgb-penundaan');
  });
});

describe('contact details the asker gives', () => {
  const names = ['Budi Santoso', 'Sari Dewi', 'Andi Pratama'];
  it.each([
    ['saya budi santoso, hp 0812-3333-4444, cuti melahirkan brp lama', /3 bulan/],
    ['nama saya Sari Dewi no wa 081233334444 syarat izin belajar apa', /paling singkat 1 tahun/],
    ['sy andi pratama email andi@gmail.com mau nanya jam kerja ramadan', /32,5 jam/],
  ])('%s', async (question, fact) => {
    const { answer, text } = await said(question, names);
    expect(answer.kind).toBe('answer');
    expect(text).toMatch(fact);
    expect(text).not.toMatch(/0812|3333|gmail/);
  });

  it("still refuses to give a colleague's contact details", async () => {
    expect(await ask('minta no hp budi santoso', names)).toMatchObject({ kind: 'refuse', reason: 'other_person' });
    expect(await ask('email sari dewi apa', names)).toMatchObject({ kind: 'refuse', reason: 'other_person' });
  });
});

describe('NIP structure', () => {
  it("answers how a NIP is read for a number that is not the asker's, without reading that number", async () => {
    for (const question of ['nip 19880101 201001 1 003 itu artinya apa ya', 'maksud angka di nip 198801012010011003 apa aja', 'cara baca nip 19770412 200003 2 005']) {
      const { answer, text, doc } = await said(question);
      expect(answer.kind, question).toBe('answer');
      expect(doc).toBe('nip-pns');
      expect(text).toMatch(/lahir/);
      expect(text).toMatch(/TMT CPNS/);
      expect(text).not.toMatch(/1988|1977|April 1977|1 Januari 1988/);
    }
  });

  it('refuses questions about the person behind a NIP', async () => {
    expect(await ask('nip 198801012010011003 lahir kapan')).toMatchObject({ kind: 'refuse' });
    expect(await ask('nip 198801012010011003 punya siapa')).toMatchObject({ kind: 'refuse' });
  });
});

describe('choosing the threshold on a question set', () => {
  const result = (expected: EvalResult['expected'], confidence: number, correct: boolean): EvalResult => ({
    question: `${expected} ${confidence}`,
    expect: expected === 'answer' ? { docs: ['d'], facts: ['x'] } : expected,
    expected,
    kind: 'answer',
    reason: null,
    docs: ['d'],
    cited: ['d'],
    rank: 1,
    sourceOk: true,
    factsOk: correct,
    missingFacts: [],
    phrasesOk: null,
    correct: expected === 'answer' && correct,
    confidence,
    said: '',
    ms: 1,
  });

  it('hands over what falls below it and picks the middle of the best range', () => {
    const results = [result('answer', 0.9, true), result('answer', 0.7, true), result('escalate', 0.4, false), result('answer', 0.3, false)];
    expect(atThreshold(results, 0.5).map((r) => r.kind)).toEqual(['answer', 'answer', 'escalate', 'escalate']);
    expect(atThreshold(results, 0.5)[2]!.correct).toBe(true);
    // Any threshold in (0.4, 0.7] answers both right answers and hands over the out-of-scope one.
    const { threshold, table } = chooseThreshold(results);
    expect(threshold).toBe(0.55);
    expect(table.find((row) => row.threshold === 0.7)).toMatchObject({ stated: 2, escalated: 1, answers: 2, precision: 1 });
  });
});
