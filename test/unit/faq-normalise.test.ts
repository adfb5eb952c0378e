import { describe, expect, it } from 'vitest';
import { cleanText, looksEnglish, normaliseQuery, plainWords } from '../../core/faq/retrieval/normalise.js';
import { boundedDamerau, ChunkIndex, stem, tokenizeForIndex } from '../../core/faq/retrieval/search-index.js';
import { answerQuestion, sharedKnowledge } from '../../core/faq/answer/answer-question.js';
import { colloquialVariants } from '../../core/faq/retrieval/colloquial.js';
import { questionIntent } from '../../core/faq/answer/question-intent.js';

const plain = (text: string) => normaliseQuery(text).plain;
const expansionOf = (text: string, word: string) => normaliseQuery(text).terms.find((t) => t.word === word)?.expansion.join(' ');

describe('query normaliser', () => {
  it('lower-cases, drops punctuation and folds repeated letters', () => {
    expect(cleanText('Cuti THN brp hari?!!')).toBe('cuti thn brp hari');
    expect(cleanText('kapannnn yaaa')).toBe('kapan ya');
    expect(cleanText('e-Kinerja, SKP & TPP.')).toBe('e kinerja skp tpp');
  });

  it('keeps abbreviations and roman numerals that repeat a letter', () => {
    expect(cleanText('PPPK golongan III')).toBe('pppk golongan iii');
  });

  it('reads ranks as the corpus writes them', () => {
    expect(cleanText('3c itu apa')).toBe('iii c itu apa');
    expect(cleanText('gol 4a')).toBe('gol iv a');
    expect(cleanText('golongan 3')).toBe('golongan iii');
  });

  it('splits numbers glued to units and reduplication', () => {
    expect(cleanText('cuti 12hr')).toBe('cuti 12 hr');
    expect(cleanText('kata2')).toBe('kata');
  });

  it('reads English words staff mix in', () => {
    expect(plain('miscarriage leave brp lama')).toContain('keguguran');
    expect(plain('is the break on friday longer')).toBe('istirahat jumat longer');
    expect(plain('can i apply verbally or must it be written')).toBe('saya mengajukan lisan wajib tertulis');
    expect(plain('penalty for absence without reason')).toBe('hukuman tidak masuk tanpa alasan');
    expect(plain('is it still mandatory')).toBe('masih wajib');
    expect(plain('what time during ramadan, since when')).toBe('apa jam selama ramadan sejak kapan');
    expect(plain('years of service')).toBe('tahun masa kerja');
    // "/start" is the bot's command, not a word to translate.
    expect(plain('kode /start bs 2x')).toContain('start');
  });

  it('replaces chat words', () => {
    expect(plain('sy mau tny brp lama cuti sakit')).toBe('saya mau tanya berapa lama cuti sakit');
    expect(plain('gmn klo tdk dgn surat dokter yg asli')).toBe('bagaimana kalau tidak dengan surat dokter yang asli');
    expect(plain('kpn aku bs cuti utk nikah')).toBe('kapan saya bisa cuti untuk nikah');
    expect(expansionOf('kpn aku bs cuti utk nikah', 'nikah')).toBe('menikah');
    expect(plain('gak ada ga bisa')).toBe('tidak ada tidak bisa');
    expect(plain('mau ngeluh tp gak mau ketauan')).toBe('mau keluhan tapi tidak mau diketahui');
    expect(plain('daftar lwt mana')).toBe('daftar lewat mana');
    expect(plain('brarti tiket sy kelar')).toBe('berarti tiket saya selesai');
    expect(colloquialVariants('diajuin')).toContain('diajukan');
    // A real word with affixes is not a typo of a corpus word: "dicairkan" (from "cair") is not "dicarikan".
    const index = ChunkIndex.build(sharedKnowledge().chunks);
    expect(index.correct('dicairkan')).toBe('dicairkan');
    expect(index.correct('pensiunn')).toBe('pensiun');
  });

  it('drops greetings and politeness', () => {
    expect(plain('halo min, mau tanya dong kak')).toBe('mau tanya');
  });

  it('expands staff abbreviations while keeping them', () => {
    expect(expansionOf('kgb kapan', 'kgb')).toBe('kenaikan gaji berkala');
    expect(expansionOf('kp reguler', 'kp')).toBe('kenaikan pangkat');
    expect(expansionOf('bup kabid', 'bup')).toBe('batas usia pensiun');
    expect(expansionOf('bup kabid', 'kabid')).toBe('kepala bidang administrator');
    expect(expansionOf('kasi', 'kasi')).toBe('kepala seksi pengawas');
    expect(expansionOf('jf ahli', 'jf')).toBe('jabatan fungsional');
    expect(expansionOf('hukdis', 'hukdis')).toBe('hukuman disiplin');
    expect(expansionOf('wfa', 'wfa')).toContain('kerja fleksibel');
    expect(expansionOf('wfh', 'wfh')).toContain('kerja fleksibel');
    expect(expansionOf('ak jf', 'ak')).toBe('angka kredit');
    expect(expansionOf('tmt', 'tmt')).toBe('terhitung mulai tanggal');
    expect(expansionOf('sk', 'sk')).toBe('surat keputusan');
    expect(expansionOf('skp', 'skp')).toContain('sasaran kinerja pegawai');
    expect(expansionOf('pns', 'pns')).toBe('pegawai negeri sipil');
    expect(expansionOf('pppk', 'pppk')).toContain('perjanjian kerja');
  });

  it('reads "cuti thn" as annual leave, and time words', () => {
    expect(plain('cuti thn brp hari')).toBe('cuti tahunan berapa hari');
    expect(plain('3 bln 2 thn')).toBe('3 bulan 2 tahun');
  });

  it('turns phrases into the corpus wording', () => {
    expect(plain('naik pangkat')).toBe('kenaikan pangkat');
    expect(plain('anak ke 4')).toBe('anak keempat');
    expect(plain('update data di my asn')).toContain('myasn');
  });

  it('splits possessives on known nouns', () => {
    expect(plain('pensiunku kapan')).toBe('pensiun saya kapan');
    expect(plain('kgbnya kapan')).toBe('kgb kapan');
  });

  it('reads English questions into Indonesian words', () => {
    expect(looksEnglish('when is my next salary increment')).toBe(true);
    expect(looksEnglish('cuti tahunan berapa hari')).toBe(false);
    expect(plainWords('when will i retire')).toEqual(['kapan', 'saya', 'pensiun']);
    expect(plain('how many days of annual leave')).toBe('berapa hari tahunan cuti');
    // English around the Indonesian names of things ("presensi", "kepegawaian") is still English.
    expect(looksEnglish('I sent a ticket about my presensi at 9pm last night. how long until someone from kepegawaian replies?')).toBe(true);
    expect(looksEnglish('sy gol 3a, kgb sy kapan ya')).toBe(false);
    expect(plain('is consdesk open on weekends')).toBe('consdesk buka sabtu minggu libur');
    // "/start" stays the command.
    expect(plain('kode /start bs dipake 2x ga')).toMatch(/\bstart\b/);
  });

  it('derives hints from the kind of question', () => {
    expect(normaliseQuery('lhkpn kapan').hints).toContain('batas');
    expect(normaliseQuery('kgb tiap brp thn').hints).toEqual(['tiap', 'setiap', 'sekali']);
    expect(normaliseQuery('cuti sakit brp lama').hints).toContain('lama');
  });
});

describe('Indonesian stemming and typo tolerance', () => {
  it('stems with the Orama Indonesian stemmer, keeping word families together', () => {
    expect(stem('kenaikan')).toBe('naik');
    expect(stem('pensiun')).toBe(stem('pensiunan'));
    expect(stem('penundaan')).toBe(stem('ditunda'));
    // "bisa diperpanjang" must meet "kemungkinan perpanjangan" in the corpus.
    expect(stem('diperpanjang')).toBe(stem('perpanjangan'));
    expect(stem('iii')).toBe('iii');
  });

  it('drops Indonesian stopwords but keeps the ones that matter here', () => {
    expect(tokenizeForIndex('berapa lama cuti bersama yang tidak')).toEqual(['lama', 'cuti', stem('bersama')]);
  });

  it('measures edits with swaps counted once', () => {
    expect(boundedDamerau('pensuin', 'pensiun', 2)).toBe(1);
    expect(boundedDamerau('melahirakn', 'melahirkan', 2)).toBe(1);
    expect(boundedDamerau('kgb', 'kp', 1)).toBe(2);
  });

  it('corrects typos to corpus words', () => {
    const knowledge = sharedKnowledge();
    const search = (q: string) => knowledge.search(q, 1)[0]?.chunk.docId;
    expect(search('cuti melahirakn brp bulan')).toBe('cuti-melahirkan');
    expect(search('kenaiakn gaji berkala')).toMatch(/^kgb/);
    expect(search('pensuin umur brp')).toBe('batas-usia-pensiun');
  });

  it('reads "bkn" as "bukan" between ordinary words, and as the agency where an institution is meant', () => {
    expect(cleanText('nip bkn data rahasia kan')).toBe('nip bukan data rahasia kan');
    expect(cleanText('cuti besar bkn hak pppk ya')).toBe('cuti besar bukan hak pppk ya');
    expect(cleanText('pertek bkn itu apa sih')).toBe('pertek bkn itu apa sih');
    expect(cleanText('peraturan bkn 24/2017')).toBe('peraturan bkn 24 2017');
    expect(cleanText('data di bkn beda')).toBe('data di bkn beda');
  });
});

describe('"lama" as a complaint is not a question of how long', () => {
  it('drops it after "sudah/terlalu" and before "sekali", keeps it when asked', () => {
    expect(plain('sy p3k udh lama kerja, bs ambil cuti besar gak')).not.toMatch(/\blama\b/);
    expect(plain('tiket sy lama bgt blm dijawab')).not.toMatch(/\blama\b/);
    expect(plain('cuti sakit brp lama')).toMatch(/berapa lama/);
  });
});

describe('colloquial words are read as the corpus spells them', () => {
  it('offers the standard forms of Jakarta-style words', () => {
    expect(colloquialVariants('malem')).toContain('malam');
    expect(colloquialVariants('dibalesnya')).toContain('dibalas');
    expect(colloquialVariants('ngitungnya')).toContain('menghitungnya');
    expect(colloquialVariants('nyari')).toContain('cari');
    expect(colloquialVariants('disiapin')).toContain('disiapkan');
    expect(colloquialVariants('cuti')).toEqual([]);
  });

  it('answers a question asked in them', async () => {
    const answer = await answerQuestion('tmt pensiun ngitungnya gimana sih');
    expect(answer.kind).toBe('answer');
    expect(answer.text).toMatch(/tanggal 1 bulan berikutnya/);
  });
});

describe('what a yes/no question asks about', () => {
  it('takes the word before a trailing "gak", not who it is about', () => {
    const predicates = (q: string) => questionIntent(normaliseQuery(q)).predicates;
    expect(predicates('nip itu rahasia gak sih, bahaya ga kalo org lain tau')).toEqual(['rahasia', 'bahaya']);
    expect(predicates('kgb sy ditunda setaun, waktunya hangus ga?')).toEqual(['hangus']);
    expect(predicates('penilaian kinerja p3k sama kyk pns ga')).toEqual([]);
    expect(predicates('cuti tahunan berapa hari')).toEqual([]);
  });
});
