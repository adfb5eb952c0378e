import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ImportFileError,
  allHeaders,
  columnsMarkdownTable,
  employeeColumns,
  parseDateCell,
  readEmployeeCsv,
  readEmployeeFile,
  templateCsv,
  validateEmployeeRows,
} from '../../core/records/import/index.js';
import type { EmployeeRecord } from '../../core/records/employee.js';

const dir = mkdtempSync(join(tmpdir(), 'layani-import-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function importFile(name: string, content: string | Buffer) {
  const sheet = await readEmployeeFile(write(name, content));
  return { sheet, ...validateEmployeeRows(sheet.rows) };
}

const templateRecord: EmployeeRecord = {
  nip: '198609262015051001',
  name: 'Budi Santoso',
  birthDate: '1986-09-26',
  gender: 'L',
  employmentType: 'PNS',
  golongan: 'III/b',
  tmtGolongan: '2019-04-01',
  education: 'S1',
  positionName: 'Penyuluh Perikanan Ahli Pertama',
  positionType: 'JF_AHLI_PERTAMA',
  unit: 'Bidang Perikanan Tangkap',
  tmtCpns: '2015-05-01',
  lastKgbTmt: '2025-05-01',
  creditPoints: 12.5,
  jenjang: 'AHLI_PERTAMA',
  eselon: null,
  phone: '+6281234567890',
  email: 'budi.santoso@example.com',
  active: true,
};

describe('template', () => {
  it('round-trips: the template CSV parses to exactly one valid record', async () => {
    const { valid, problems, sheet } = await importFile('template.csv', templateCsv());
    expect(problems).toEqual([]);
    expect(sheet.headers).toEqual(allHeaders);
    expect(valid).toEqual([{ rowNumber: 2, agencyCode: 'DKP', record: templateRecord }]);
  });

  it('round-trips with semicolons too', async () => {
    const { valid, problems } = await importFile('template-semicolon.csv', templateCsv({ delimiter: ';' }));
    expect(problems).toEqual([]);
    expect(valid.map((v) => v.record)).toEqual([templateRecord]);
  });

  it('documents every column in a Markdown table', () => {
    const table = columnsMarkdownTable().trimEnd().split('\n');
    expect(table[0]).toBe('| kolom | wajib | keterangan | contoh |');
    expect(table).toHaveLength(2 + employeeColumns.length);
    expect(table[2]).toMatch(/^\| `nip` \| ya \| .+ \| `198609262015051001` \|$/);
    expect(table.find((l) => l.startsWith('| `instansi`'))).toContain('| tidak |');
  });
});

describe('reading CSV', () => {
  const header = 'NIP;Nama;Tanggal Lahir;JENIS_KELAMIN;jenis pegawai;golongan;pendidikan;jabatan;Jenis_Jabatan;unit_kerja;tmt_cpns;angka_kredit;telepon;aktif;instansi';

  it('reads "3b" as III/b, and the optional jenjang and eselon columns in the ways HR writes them', async () => {
    const csv = [
      'nip;nama;tanggal_lahir;jenis_kelamin;jenis_pegawai;golongan;pendidikan;jabatan;jenis_jabatan;unit_kerja;jenjang;eselon',
      '198609262015051001;Budi;1986-09-26;L;PNS;3b;S1;Pranata Komputer;JF Keterampilan;Bidang;Mahir;',
      '199001152019032001;Siti;1990-01-15;P;PNS;4a;S2;Kepala Bidang;Administrator;Bidang;;3b',
      '198001012005031001;Andi;1980-01-01;L;PNS;IV/c;S2;Kepala Dinas;JPT Pratama;Dinas;;eselon II.a',
      '198202022006042001;Rina;1982-02-02;P;PNS;III/c;S1;Analis;JF Ahli Muda;Bidang;Ahli Muda;',
    ].join('\n');
    const { valid, problems } = await importFile('jenjang-eselon.csv', csv);
    expect(problems).toEqual([]);
    expect(valid.map((v) => [v.record.golongan, v.record.jenjang, v.record.eselon])).toEqual([
      ['III/b', 'MAHIR', null],
      ['IV/a', null, 'III.b'],
      ['IV/c', null, 'II.a'],
      ['III/c', 'AHLI_MUDA', null],
    ]);
  });

  it('refuses a jenjang or eselon that does not fit the position type, saying what would', async () => {
    const csv = [
      'nip;nama;tanggal_lahir;jenis_kelamin;jenis_pegawai;golongan;pendidikan;jabatan;jenis_jabatan;unit_kerja;jenjang;eselon',
      '198609262015051001;Budi;1986-09-26;L;PNS;III/c;S1;Analis;JF Ahli Muda;Bidang;Ahli Madya;',
      '199001152019032001;Siti;1990-01-15;P;PNS;III/b;S1;Pengadministrasi;Pelaksana;Bidang;;IV.a',
    ].join('\n');
    const { valid, problems } = await importFile('bad-jenjang-eselon.csv', csv);
    expect(valid).toEqual([]);
    expect(problems.map((p) => [p.rowNumber, p.column, p.reason])).toEqual([
      [2, 'jenjang', 'jenjang AHLI_MADYA tidak sesuai dengan jenis jabatan JF_AHLI_MUDA (seharusnya AHLI_MUDA) (tertulis "Ahli Madya")'],
      [3, 'eselon', 'eselon hanya diisi untuk JPT, administrator dan pengawas, bukan PELAKSANA; kosongkan kolom ini (tertulis "IV.a")'],
    ]);
  });

  it('reads a semicolon CSV with BOM, friendly values, and keeps spreadsheet row numbers across empty rows', async () => {
    const csv =
      '\uFEFF' +
      [
        header,
        '19860926 201505 1 001;Budi Santoso;26-09-1986;l;pns;iii/b;s1;Analis;JF Ahli Muda;Bidang Umum;01/05/2015;12,5;+62 812-3456-7890;;',
        ';;;;;;;;;;;;;;',
        '',
        '199001152019032001;"Siti; Aminah";1990-01-15;Perempuan;PNS;III B;D4;Pengadministrasi;pelaksana;"Sekretariat";2019-03-01;;0812 1111 2222;tidak;bkpsdmd',
        '198001012020121001;Andi;1 Januari 1980;L;PPPK;PPPK IX;S2;Kepala Dinas;JPT Pratama;Dinas;;;;ya;DKP',
      ].join('\r\n') +
      '\r\n';
    const { sheet, valid, problems } = await importFile('bom-semicolon.csv', csv);
    expect(sheet.format).toBe('csv');
    expect(sheet.rows.map((r) => r.rowNumber)).toEqual([2, 5, 6]);
    expect(problems).toEqual([]);
    expect(valid.map((v) => [v.rowNumber, v.agencyCode])).toEqual([
      [2, null],
      [5, 'BKPSDMD'],
      [6, 'DKP'],
    ]);
    expect(valid[0]!.record).toMatchObject({
      nip: '198609262015051001',
      birthDate: '1986-09-26',
      gender: 'L',
      employmentType: 'PNS',
      golongan: 'III/b',
      education: 'S1',
      positionType: 'JF_AHLI_MUDA',
      tmtCpns: '2015-05-01',
      creditPoints: 12.5,
      phone: '+6281234567890',
      active: true,
      tmtGolongan: null,
      lastKgbTmt: null,
      email: null,
    });
    expect(valid[1]!.record).toMatchObject({
      name: 'Siti; Aminah',
      gender: 'P',
      golongan: 'III/b',
      education: 'D-IV',
      positionType: 'PELAKSANA',
      phone: '+6281211112222',
      active: false,
    });
    expect(valid[2]!.record).toMatchObject({ birthDate: '1980-01-01', golongan: 'IX', positionType: 'JPT_PRATAMA' });
  });

  it('reads a comma CSV without BOM', async () => {
    const csv = `${allHeaders.join(',')}\n${employeeColumns.map((c) => (c.example.includes(',') ? `"${c.example}"` : c.example)).join(',')}\n`;
    const { valid, problems } = await importFile('plain.csv', csv);
    expect(problems).toEqual([]);
    expect(valid).toHaveLength(1);
  });

  it('falls back to Windows-1252 for files that are not UTF-8', async () => {
    const csv = templateCsv().replace('Budi Santoso', 'José Santoso');
    const { valid } = await importFile('latin1.csv', Buffer.from(csv, 'latin1'));
    expect(valid[0]!.record.name).toBe('José Santoso');
  });

  it('rejects unknown headers, listing the expected ones', async () => {
    const csv = templateCsv().replace('tanggal_lahir', 'tgl_lhr').replace('aktif', 'status');
    const error = await readEmployeeFile(write('unknown.csv', csv)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    const { message, details } = error as ImportFileError;
    expect(message).toContain('Kolom tidak dikenal: "tgl_lhr", "status".');
    expect(message).toContain('Kolom wajib tidak ada: tanggal_lahir.');
    expect(message).toContain(allHeaders.join(', '));
    expect(details).toMatchObject({ unknownHeaders: ['tgl_lhr', 'status'], missingHeaders: ['tanggal_lahir'] });
  });

  it('names missing required columns', () => {
    expect(() => readEmployeeCsv('nip,nama,email\n198609262015051001,Budi,a@b.co\n')).toThrow(
      'Kolom wajib tidak ada: tanggal_lahir, jenis_kelamin, jenis_pegawai, golongan, pendidikan, jabatan, jenis_jabatan, unit_kerja.',
    );
  });

  it('rejects an empty file and duplicate columns', () => {
    expect(() => readEmployeeCsv('')).toThrow(/Baris 1 berkas kosong/);
    expect(() => readEmployeeCsv(`${allHeaders.join(',')},Nama\n`)).toThrow('Kolom muncul lebih dari sekali: nama.');
  });

  it.each(['pegawai.xls', 'pegawai.txt', 'pegawai'])('rejects %s with an Indonesian message', async (name) => {
    await expect(readEmployeeFile(write(name, 'x'))).rejects.toThrow(/tidak didukung; gunakan \.csv atau \.xlsx/);
  });
});

describe('validating rows', () => {
  const head = allHeaders.join(';');
  const good = employeeColumns.map((c) => c.example);
  const row = (changes: Record<string, string>) => employeeColumns.map((c, i) => changes[c.header] ?? good[i]).join(';');

  it('reports every problem of every bad row with row, column and Indonesian reason', async () => {
    const csv = [
      head,
      row({ nip: '1,98609E+17', tanggal_lahir: '31-02-1986', jenis_kelamin: 'X', golongan: 'IX', email: 'bukan-email' }),
      row({}), // valid
      row({ nip: '19860926201505100', nama: '', pendidikan: 'SMA sederajat', jenis_jabatan: 'staf', angka_kredit: 'dua belas' }),
      row({ nip: '198609262015052002', tanggal_lahir: '27/09/1986', tmt_cpns: 'kemarin', telepon: '12345', aktif: 'mungkin' }),
      row({ nip: '198609262015051001', jenis_pegawai: 'honorer', angka_kredit: '-1', instansi: 'D K P' }),
      row({ nip: '198609262015051002', jenis_kelamin: 'P', tmt_cpns: '2016-01-01', tmt_golongan: '2019-13-01' }),
    ].join('\n');
    const { valid, problems } = await importFile('bad-rows.csv', csv);
    expect(valid.map((v) => v.rowNumber)).toEqual([3]);
    expect(problems).toEqual([
      { rowNumber: 2, column: 'nip', reason: 'NIP tersimpan sebagai angka di Excel; format kolom sebagai Teks (terbaca 1,98609E+17)' },
      { rowNumber: 2, column: 'tanggal_lahir', reason: 'tanggal tidak ada di kalender (tertulis "31-02-1986")' },
      { rowNumber: 2, column: 'jenis_kelamin', reason: 'jenis kelamin harus L atau P (tertulis "X")' },
      { rowNumber: 2, column: 'golongan', reason: 'golongan PNS harus berbentuk I/a sampai IV/e (tertulis "IX")' },
      { rowNumber: 2, column: 'email', reason: 'alamat e-mail tidak valid (tertulis "bukan-email")' },

      { rowNumber: 4, column: 'nip', reason: 'NIP harus 18 digit angka (tertulis "19860926201505100")' },
      { rowNumber: 4, column: 'nama', reason: 'nama wajib diisi' },
      { rowNumber: 4, column: 'pendidikan', reason: expect.stringMatching(/^pendidikan harus salah satu dari SD, .*S3 \(tertulis "SMA sederajat"\)$/) },
      { rowNumber: 4, column: 'jenis_jabatan', reason: expect.stringMatching(/^jenis jabatan harus salah satu dari JPT_UTAMA, .* \(tertulis "staf"\)$/) },
      { rowNumber: 4, column: 'angka_kredit', reason: 'bukan angka ("dua belas"); contoh penulisan: 12,5' },

      { rowNumber: 5, column: 'tanggal_lahir', reason: 'NIP menunjukkan tanggal lahir 26-09-1986, tetapi data tanggal lahir 1986-09-27' },
      { rowNumber: 5, column: 'jenis_kelamin', reason: 'NIP menunjukkan jenis kelamin perempuan (P), tetapi data jenis kelamin L' },
      { rowNumber: 5, column: 'tmt_cpns', reason: expect.stringMatching(/^format tanggal tidak dikenali \("kemarin"\)/) },
      { rowNumber: 5, column: 'telepon', reason: 'nomor telepon harus diawali 0 atau +62 ("12345")' },
      { rowNumber: 5, column: 'aktif', reason: 'aktif harus ya atau tidak ("mungkin")' },

      { rowNumber: 6, column: 'nip', reason: 'NIP sama dengan baris 3' },
      { rowNumber: 6, column: 'jenis_pegawai', reason: 'jenis pegawai harus PNS atau PPPK (tertulis "honorer")' },
      { rowNumber: 6, column: 'angka_kredit', reason: 'angka kredit tidak boleh negatif (tertulis "-1")' },
      { rowNumber: 6, column: 'instansi', reason: 'kode instansi harus 2–32 huruf kapital, angka, - atau _ ("D K P")' },

      { rowNumber: 7, column: 'jenis_kelamin', reason: 'NIP menunjukkan jenis kelamin laki-laki (L), tetapi data jenis kelamin P' },
      { rowNumber: 7, column: 'tmt_golongan', reason: 'tanggal tidak ada di kalender (tertulis "2019-13-01")' },
      { rowNumber: 7, column: 'tmt_cpns', reason: 'NIP menunjukkan TMT CPNS 01-05-2015, tetapi data TMT CPNS 2016-01-01' },
    ]);
  });

  it('reports a duplicate NIP on the later row, even when written differently', async () => {
    const csv = [head, row({}), row({ nama: 'Orang Lain' }), row({ nip: '19860926 201505 1 001' })].join('\n');
    const { valid, problems } = await importFile('duplicate.csv', csv);
    expect(valid.map((v) => v.rowNumber)).toEqual([2]);
    expect(problems).toEqual([
      { rowNumber: 3, column: 'nip', reason: 'NIP sama dengan baris 2' },
      { rowNumber: 4, column: 'nip', reason: 'NIP sama dengan baris 2' },
    ]);
  });

  it('explains a NIP that lost its last digits to a spreadsheet number', async () => {
    const { problems } = await importFile('rounded.csv', [head, row({ nip: '198609262015051000' })].join('\n'));
    expect(problems).toEqual([
      { rowNumber: 2, column: 'nip', reason: expect.stringContaining('NIP tersimpan sebagai angka di Excel; format kolom sebagai Teks') },
    ]);
  });

  it('can skip the NIP consistency check', () => {
    const sheet = readEmployeeCsv([head, row({ tanggal_lahir: '1986-09-27' })].join('\n'));
    expect(validateEmployeeRows(sheet.rows).problems).toHaveLength(1);
    expect(validateEmployeeRows(sheet.rows, { checkNipConsistency: false }).valid).toHaveLength(1);
  });

  it('only requires the required columns', () => {
    const csv = 'nip,nama,tanggal_lahir,jenis_kelamin,jenis_pegawai,golongan,pendidikan,jabatan,jenis_jabatan,unit_kerja\n' +
      '198609262015051001,Budi,1986-09-26,L,PNS,III/b,S1,Staf,Pelaksana,Umum\n';
    const { valid, problems } = validateEmployeeRows(readEmployeeCsv(csv).rows);
    expect(problems).toEqual([]);
    expect(valid[0]).toMatchObject({ agencyCode: null, record: { active: true, tmtCpns: null, phone: null, creditPoints: null } });
  });
});

describe('date cells', () => {
  it.each([
    ['1986-09-26', '1986-09-26'],
    ['26-09-1986', '1986-09-26'],
    ['26/09/1986', '1986-09-26'],
    ['6/9/1986', '1986-09-06'],
    ['1986-09-26 00:00:00', '1986-09-26'],
    ['26 Sep 1986', '1986-09-26'],
    ['17 Agustus 1945', '1945-08-17'],
  ])('reads "%s" as %s', (text, iso) => {
    expect(parseDateCell(text)).toEqual({ ok: true, value: iso });
  });

  it('reads Date objects by their UTC parts and Excel serial numbers', () => {
    expect(parseDateCell(new Date(Date.UTC(1986, 8, 26)))).toEqual({ ok: true, value: '1986-09-26' });
    expect(parseDateCell(31681)).toEqual({ ok: true, value: '1986-09-26' });
  });
});
