import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../bots/slack/kp-command.js';
import { classifyQuestion } from '../../core/faq/answer/classify.js';
import { kpStageOf } from '../../core/siasn/kp-status.js';
import { mergeSiasnFields } from '../../core/siasn/merge-siasn.js';
import { readSiasnAnswer } from '../../core/siasn/siasn-answer.js';
import { siasnDate } from '../../core/siasn/siasn-dates.js';
import { cumulativeCreditPoints, eselonOf, golonganOf, jenjangOf, lastRankTmt, latestPosition, mapDataUtama, positionTypeOf } from '../../core/siasn/siasn-records.js';
import { employeeRecord } from '../support/employees.js';

describe('reading SIASN answers', () => {
  it('reads dates as SIASN writes them, and refuses days that do not exist', () => {
    expect(siasnDate('26-09-1986')).toBe('1986-09-26');
    expect(siasnDate('1/4/2021')).toBe('2021-04-01');
    expect(siasnDate('2021-04-01T00:00:00.000Z')).toBe('2021-04-01');
    expect(siasnDate('31-02-2021')).toBeUndefined();
    expect(siasnDate('')).toBeUndefined();
    expect(siasnDate(19860926)).toBeUndefined();
  });

  it('tells data, an unknown NIP and a malformed answer apart in every envelope seen', () => {
    expect(readSiasnAnswer({ status: 200, body: { code: 1, success: true, data: { nipBaru: '1' } } })).toEqual({ kind: 'data', data: { nipBaru: '1' } });
    expect(readSiasnAnswer({ status: 200, body: { code: 0, success: false, message: 'Data tidak ditemukan', data: null } })).toEqual({ kind: 'not_found' });
    expect(readSiasnAnswer({ status: 200, body: { code: 1, data: 'Data tidak ditemukan' } })).toEqual({ kind: 'not_found' });
    expect(readSiasnAnswer({ status: 404, body: null })).toEqual({ kind: 'not_found' });
    expect(readSiasnAnswer({ status: 200, body: { Error: true, Message: 'PNS tidak ditemukan' } })).toEqual({ kind: 'not_found' });
    expect(readSiasnAnswer({ status: 200, body: { Error: true, Message: 'Internal error' } })).toMatchObject({ kind: 'malformed' });
    expect(readSiasnAnswer({ status: 200, body: null })).toEqual({ kind: 'malformed', reason: 'jawaban bukan JSON berbentuk objek' });
    expect(readSiasnAnswer({ status: 200, body: { hasil: [] } })).toEqual({ kind: 'malformed', reason: 'jawaban tanpa bagian data' });
  });

  it('maps data-utama tolerantly: odd spellings read, blanks and unknown values are left out', () => {
    const mapped = mapDataUtama({
      nipBaru: '198609262015051001', nama: ' Budi Santoso ', tglLahir: '26-09-1986', jenisKelamin: 'M', statusPegawai: 'PNS',
      golRuangAkhir: 'iii / B', tmtGolAkhir: '-', pendidikanTerakhirNama: 'S-1/Sarjana', jenisJabatan: '2',
      jabatanNama: 'Penyuluh Perikanan Ahli Muda', unorNama: '', tmtCpns: '01-05-2015', kedudukanPnsNama: 'Aktif', mkTahun: 10,
      eselon: null, unexpected: { nested: true },
    });
    expect(mapped).toEqual({
      nip: '198609262015051001',
      kedudukan: 'Aktif',
      fields: { name: 'Budi Santoso', birthDate: '1986-09-26', gender: 'L', employmentType: 'PNS', golongan: 'III/b', education: 'S1', positionName: 'Penyuluh Perikanan Ahli Muda', positionType: 'JF_AHLI_MUDA', tmtCpns: '2015-05-01' },
    });
    expect(mapDataUtama('Data tidak ditemukan')).toBeNull();
    expect(mapDataUtama([{ nama: 'x' }])?.fields).toEqual({ name: 'x' });
  });

  it('reads ranks, position types and histories', () => {
    expect(golonganOf('IV/a')).toBe('IV/a');
    expect(golonganOf('IX')).toBe('IX');
    expect(golonganOf('V/a')).toBeUndefined();
    expect(positionTypeOf({ jenisJabatan: '1', eselon: 'III.a' })).toBe('ADMINISTRATOR');
    expect(positionTypeOf({ jenisJabatan: 'Struktural', eselon: 'IV.b' })).toBe('PENGAWAS');
    expect(positionTypeOf({ jenisJabatan: '2', functional: 'Pranata Komputer Terampil' })).toBe('JF_KETERAMPILAN');
    expect(positionTypeOf({ jenisJabatan: '4' })).toBe('PELAKSANA');
    expect(positionTypeOf({ jenisJabatan: '2', functional: 'Analis' })).toBeUndefined();
    expect(lastRankTmt([{ golongan: 'III/a', tmtGolongan: '01-04-2017' }, { golongan: 'III/b', tmtGolongan: '01-04-2021' }], 'III/a')).toBe('2017-04-01');
    expect(lastRankTmt([{ golongan: 'III/a', tmtGolongan: '01-04-2017' }, { golongan: 'III/b', tmtGolongan: '01-04-2021' }], undefined)).toBe('2021-04-01');
    expect(cumulativeCreditPoints([{ kreditBaruTotal: '150,5', tahunSelesaiPenailan: '2025', bulanSelesaiPenailan: '12' }, { kreditBaruTotal: '120', tahunSelesaiPenailan: '2024', bulanSelesaiPenailan: '12' }])).toBe(150.5);
    expect(cumulativeCreditPoints([{ kreditBaruTotal: 'abc' }])).toBeUndefined();
    expect(latestPosition([{ jenisJabatan: '1', eselon: 'IV.a', jabatanStrukturalNama: 'Kepala Seksi', tmtJabatan: '01-01-2024' }, { jenisJabatan: '4', jabatanFungsionalUmumNama: 'Pengadministrasi', tmtJabatan: '01-01-2020' }])).toEqual({ positionName: 'Kepala Seksi', positionType: 'PENGAWAS', eselon: 'IV.a' });
  });

  it('maps eselon and jenjang onto the career record fields', () => {
    expect(eselonOf('II.a')).toBe('II.a');
    expect(eselonOf('iii b')).toBe('III.b');
    expect(eselonOf('41')).toBe('IV.a');
    expect(eselonOf('V.a')).toBeUndefined();
    expect(jenjangOf('Pranata Komputer Mahir')).toBe('MAHIR');
    expect(mapDataUtama({ jenisJabatan: '1', eselon: 'III.b', jabatanNama: 'Sekretaris' })?.fields).toMatchObject({ positionType: 'ADMINISTRATOR', eselon: 'III.b' });
    expect(mapDataUtama({ jenisJabatan: '2', jabatanFungsionalNama: 'Pengawas Perikanan Penyelia' })?.fields).toMatchObject({ positionType: 'JF_KETERAMPILAN', jenjang: 'PENYELIA' });
    // A stored eselon does not survive a move to a functional post.
    const head = employeeRecord({ positionType: 'PENGAWAS', eselon: 'IV.a', positionName: 'Kepala Seksi' });
    expect(mergeSiasnFields(head, { positionType: 'JF_AHLI_MUDA', positionName: 'Penyuluh Perikanan Ahli Muda' }).record).toMatchObject({ positionType: 'JF_AHLI_MUDA', eselon: null });
  });

  it('keeps stored values where SIASN is empty or gives a value the record cannot take', () => {
    const pppk = employeeRecord({ employmentType: 'PPPK', golongan: 'IX' });
    const { record, rejected } = mergeSiasnFields(pppk, { golongan: 'III/c', unit: 'Bidang Budidaya' });
    expect(record).toMatchObject({ golongan: 'IX', unit: 'Bidang Budidaya' });
    expect(rejected).toEqual(['golongan']);
  });
});

describe('KP proposal status', () => {
  it('explains a status by SIASN\'s number, else by its name, else says it is unknown', () => {
    expect(kpStageOf('22', 'Sdh di TTD - Pertek')).toBe('approved');
    expect(kpStageOf('32', null)).toBe('done');
    expect(kpStageOf('6', 'Tidak Memenuhi Syarat')).toBe('rejected');
    expect(kpStageOf(null, 'Perbaikan Dokumen - BTS')).toBe('needs_fix');
    expect(kpStageOf('777', 'Input Berkas')).toBe('preparing');
    expect(kpStageOf('777', 'Sesuatu yang baru')).toBe('unknown');
  });

  it('reads the periods HR types', () => {
    expect(parsePeriod('2027-01')).toBe('2027-01-01');
    expect(parsePeriod('2027-01-01')).toBe('2027-01-01');
    expect(parsePeriod('01-2027')).toBe('2027-01-01');
    expect(parsePeriod('Februari 2027')).toBe('2027-02-01');
    expect(parsePeriod('2027-13')).toBeNull();
    expect(parsePeriod('besok')).toBeNull();
  });

  it('sends "where is my proposal" to the asker\'s own record and "how to propose" to the corpus', () => {
    for (const q of ['usulan kp sy sdh sampai mana', 'Status usulan kenaikan pangkat saya gimana?', 'berkas kp saya sudah di mana', 'where is my promotion proposal']) {
      expect(classifyQuestion(q), q).toMatchObject({ kind: 'personal', topic: 'kp_proposal' });
    }
    for (const q of ['syarat usulan kp apa saja', 'bagaimana cara usulan kenaikan pangkat saya', 'kapan kp saya']) {
      expect(classifyQuestion(q), q).not.toMatchObject({ topic: 'kp_proposal' });
    }
    expect(classifyQuestion('usulan kp pak Andi sudah sampai mana')).toMatchObject({ kind: 'refuse', reason: 'other_person' });
  });
});
