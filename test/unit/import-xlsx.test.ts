import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  allHeaders,
  readEmployeeBuffer,
  readEmployeeFile,
  templateXlsx,
  validateEmployeeRows,
} from '../../core/records/import/index.js';

const dir = mkdtempSync(join(tmpdir(), 'layani-import-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const originalTz = process.env.TZ;
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

/** Header in a different order and spelling; the first data rows use real Excel cell types. */
async function buildWorkbook(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Data Pegawai');
  sheet.addRow([
    'NIP', 'Nama', 'Tanggal Lahir', 'Jenis Kelamin', 'Jenis Pegawai', 'Golongan', 'TMT Golongan', 'Pendidikan',
    'Jabatan', 'Jenis Jabatan', 'Unit Kerja', 'TMT CPNS', 'Angka Kredit', 'Telepon', 'Email', 'Aktif', '',
  ]);
  sheet.getColumn(1).numFmt = '@';

  // Row 2: text NIP, real date cells (UTC midnight, as Excel stores a day), number cells, hyperlink and rich text.
  const r2 = sheet.addRow([
    '198609262015051001',
    { richText: [{ text: 'Budi ', font: { bold: true } }, { text: 'Santoso' }] },
    new Date(Date.UTC(1986, 8, 26)),
    'L', 'PNS', 'III/b',
    new Date(Date.UTC(2019, 3, 1)),
    'S1', 'Penyuluh Perikanan Ahli Pertama', 'JF Ahli Pertama', 'Bidang Perikanan Tangkap',
    new Date(Date.UTC(2015, 4, 1)),
    12.5,
    81234567890, // Excel dropped the leading 0
    { text: 'budi.santoso@example.com', hyperlink: 'mailto:budi.santoso@example.com' },
    true,
  ]);
  for (const col of [3, 7, 12]) r2.getCell(col).numFmt = 'dd/mm/yyyy';
  r2.getCell(1).numFmt = '@';

  sheet.addRow([]); // row 3: empty, skipped

  // Row 4: NIP typed into a General cell, so Excel stored it as a number.
  sheet.addRow([198609262015052000, 'Siti', '1990-01-15', 'P', 'PNS', 'III/a', null, 'S1', 'Staf', 'Pelaksana', 'Umum']);

  // Row 5: date typed as text; golongan from a formula; date as a serial number in a General cell.
  const r5 = sheet.addRow([
    '19900115 201903 2 001', 'Siti Aminah', '15-01-1990', 'P', 'PNS',
    { formula: '"III/"&"a"', result: 'III/a' }, null, 'D4', 'Pengadministrasi', 'pelaksana', 'Sekretariat',
    43525, // 2019-03-01
  ]);
  r5.getCell(1).numFmt = '@';

  workbook.addWorksheet('Catatan').addRow(['ini', 'bukan', 'data']);
  const path = join(dir, 'pegawai.xlsx');
  await workbook.xlsx.writeFile(path);
  return path;
}

describe('reading .xlsx', () => {
  it('reads the first worksheet with real date cells, text NIPs and rich cell types', async () => {
    const sheet = await readEmployeeFile(await buildWorkbook());
    expect(sheet.format).toBe('xlsx');
    expect(sheet.headers).toContain('tanggal_lahir');
    expect(sheet.rows.map((r) => r.rowNumber)).toEqual([2, 4, 5]);
    expect(sheet.rows[0]!.cells.tanggal_lahir).toBeInstanceOf(Date);

    const { valid, problems } = validateEmployeeRows(sheet.rows);
    expect(problems).toEqual([
      {
        rowNumber: 4,
        column: 'nip',
        reason: expect.stringMatching(/^NIP tersimpan sebagai angka di Excel; format kolom sebagai Teks/),
      },
    ]);
    expect(valid.map((v) => v.rowNumber)).toEqual([2, 5]);
    expect(valid[0]).toEqual({
      rowNumber: 2,
      agencyCode: null,
      record: {
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
        lastKgbTmt: null,
        creditPoints: 12.5,
        jenjang: null,
        eselon: null,
        phone: '+6281234567890',
        email: 'budi.santoso@example.com',
        active: true,
      },
    });
    expect(valid[1]!.record).toMatchObject({
      nip: '199001152019032001',
      birthDate: '1990-01-15',
      golongan: 'III/a',
      education: 'D-IV',
      tmtCpns: '2019-03-01',
    });
  });

  it.each(['America/Los_Angeles', 'Asia/Jakarta', 'Pacific/Kiritimati'])(
    'keeps Excel dates on the same day with the server in %s',
    async (tz) => {
      process.env.TZ = tz;
      const { valid } = validateEmployeeRows((await readEmployeeFile(await buildWorkbook())).rows);
      expect(valid[0]!.record.birthDate).toBe('1986-09-26');
      expect(valid[0]!.record.tmtCpns).toBe('2015-05-01');
    },
  );

  it('reports bad headers in an .xlsx the same way as in a CSV', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('x').addRow(['nip', 'nama', 'tgl lahir']);
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    await expect(readEmployeeBuffer(data, 'pegawai.xlsx')).rejects.toThrow(/Kolom tidak dikenal: "tgl lahir"\..*Kolom wajib tidak ada: tanggal_lahir, jenis_kelamin/);
  });

  it('rejects a file that only claims to be .xlsx', async () => {
    const path = join(dir, 'palsu.xlsx');
    writeFileSync(path, 'nip,nama\n');
    await expect(readEmployeeFile(path)).rejects.toThrow(/Berkas Excel tidak dapat dibaca/);
  });

  it('round-trips the .xlsx template, whose NIP column is formatted as Text', async () => {
    const data = await templateXlsx();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets[0]!.getColumn(1).numFmt).toBe('@');

    const sheet = await readEmployeeBuffer(data, 'template.xlsx');
    expect(sheet.headers).toEqual(allHeaders);
    const { valid, problems } = validateEmployeeRows(sheet.rows);
    expect(problems).toEqual([]);
    expect(valid).toHaveLength(1);
    expect(valid[0]).toMatchObject({ rowNumber: 2, agencyCode: 'DKP', record: { nip: '198609262015051001', creditPoints: 12.5 } });
  });
});
