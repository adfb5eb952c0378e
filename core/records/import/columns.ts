import { eselons, jfJenjang, positionTypes, pppkGolongan, type EmployeeRecord } from '../employee.js';

/**
 * The columns of the HR import template, in template order. Each column turns one spreadsheet cell into the
 * value of one EmployeeRecord field (or the agency code). Parsers only *normalise* what HR typically types
 * (spacing, case, Indonesian date and number forms); whether the value is allowed is decided afterwards by
 * employeeRecordSchema, so the rules live in one place.
 */

/** A cell as the readers hand it over: CSV gives text, .xlsx may also give numbers and real dates. */
export type CellValue = string | number | Date | null;

/** What a parser may produce for the record candidate; the schema checks the rest. */
export type FieldInput = string | number | boolean | null;

export type CellParse = { ok: true; value: FieldInput } | { ok: false; reason: string };

/** EmployeeRecord fields plus the agency (instansi) code, which is not part of the record. */
export type ImportField = keyof EmployeeRecord | 'agencyCode';

export interface ImportColumn {
  /** Indonesian snake_case header as written in the template. */
  header: string;
  field: ImportField;
  /** The header must be present and every row must fill the cell. */
  required: boolean;
  description: string;
  example: string;
  /** Cell → field value. Handles empty cells itself: required → problem, optional → its default. */
  parse: (cell: CellValue) => CellParse;
}

const ok = (value: FieldInput): CellParse => ({ ok: true, value });
const fail = (reason: string): CellParse => ({ ok: false, reason });

export function isEmptyCell(cell: CellValue): cell is null {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

/** Text of a non-date cell; numbers are written without exponent where possible. */
function cellText(cell: string | number): string {
  return typeof cell === 'number' ? String(cell) : cell.trim();
}

const dateCellInTextColumn = 'sel berisi tanggal, bukan teks; format kolom sebagai Teks';

/** Wraps a parser of non-empty cells with the empty-cell rule of the column. */
function column(
  spec: Omit<ImportColumn, 'parse'> & { whenEmpty?: FieldInput },
  parseFilled: (cell: string | number | Date) => CellParse,
): ImportColumn {
  const { whenEmpty = null, ...rest } = spec;
  const label = spec.header.replace(/_/g, ' ');
  return {
    ...rest,
    parse: (cell) => {
      if (isEmptyCell(cell)) return spec.required ? fail(`${label} wajib diisi`) : ok(whenEmpty);
      return parseFilled(cell);
    },
  };
}

/** Plain text: trimmed, runs of whitespace collapsed. */
function text(cell: string | number | Date): CellParse {
  if (cell instanceof Date) return fail(dateCellInTextColumn);
  return ok(cellText(cell).replace(/\s+/g, ' '));
}

// ---------------------------------------------------------------------------------------------------------------
// NIP

const scientificNotation = /^\d+(?:[.,]\d+)?e[+-]?\d+$/i;
export const nipStoredAsNumber = 'NIP tersimpan sebagai angka di Excel; format kolom sebagai Teks';

export function parseNipCell(cell: string | number | Date): CellParse {
  // An 18-digit NIP does not fit a spreadsheet number (15 significant digits): any numeric cell has lost digits.
  if (typeof cell === 'number') return fail(`${nipStoredAsNumber} (terbaca ${cell})`);
  if (cell instanceof Date) return fail(dateCellInTextColumn);
  const raw = cell.trim();
  if (scientificNotation.test(raw)) return fail(`${nipStoredAsNumber} (terbaca ${raw})`);
  // Printed NIPs are grouped: "19860926 201505 1 001".
  const nip = raw.replace(/[\s\u00a0]+/g, '');
  if (/^\d{18}$/.test(nip) && nip.endsWith('000')) {
    // Excel keeps 15 significant digits, so a NIP that went through a number ends in 000 — and 000 is never a
    // valid sequence number (Perka BKN 22/2007).
    return fail(`NIP berakhiran 000 (nomor urut tidak boleh 000); kemungkinan ${nipStoredAsNumber}`);
  }
  return ok(nip);
}

// ---------------------------------------------------------------------------------------------------------------
// Dates

const indonesianMonths: Record<string, number> = {
  jan: 1, januari: 1, january: 1,
  feb: 2, peb: 2, februari: 2, pebruari: 2, february: 2,
  mar: 3, maret: 3, march: 3,
  apr: 4, april: 4,
  mei: 5, may: 5,
  jun: 6, juni: 6, june: 6,
  jul: 7, juli: 7, july: 7,
  agu: 8, agt: 8, agus: 8, agustus: 8, aug: 8, august: 8,
  sep: 9, sept: 9, september: 9,
  okt: 10, oktober: 10, oct: 10, october: 10,
  nov: 11, nop: 11, november: 11, nopember: 11,
  des: 12, desember: 12, dec: 12, december: 12,
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const ymd = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

/** Excel's day 0 is 1899-12-30 (the 1900 leap-year bug is absorbed by that choice for dates after Feb 1900). */
const excelEpochMs = Date.UTC(1899, 11, 30);
const dayMs = 24 * 60 * 60 * 1000;

/**
 * Cell → "YYYY-MM-DD". The result may still be a non-existent day ("2023-02-30"): the schema reports that.
 * Dates from exceljs are UTC instants of the day Excel shows (serial 0 = 1899-12-30T00:00Z), so the UTC parts
 * are the spreadsheet's date whatever the server's time zone; local getters would shift it by a day west of UTC.
 */
export function parseDateCell(cell: string | number | Date): CellParse {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return fail('tanggal tidak valid');
    return ok(ymd(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate()));
  }
  if (typeof cell === 'number') {
    // A date cell formatted as General shows its serial number (e.g. 31681 = 26-09-1986).
    if (Number.isInteger(cell) && cell >= 1 && cell <= 109_574) {
      const date = new Date(excelEpochMs + cell * dayMs);
      return ok(ymd(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()));
    }
    return fail(`format tanggal tidak dikenali (terbaca angka ${cell}); gunakan YYYY-MM-DD, DD-MM-YYYY atau DD/MM/YYYY`);
  }
  const raw = cell.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(raw);
  if (m) return ok(ymd(Number(m[1]), Number(m[2]), Number(m[3])));
  m = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/.exec(raw);
  if (m) return ok(ymd(Number(m[4]), Number(m[3]), Number(m[1])));
  m = /^(\d{1,2})[\s-]+([a-z]+)\.?[\s-]+(\d{4})$/i.exec(raw);
  const month = m ? indonesianMonths[m[2]!.toLowerCase()] : undefined;
  if (m && month) return ok(ymd(Number(m[3]), month, Number(m[1])));
  return fail(`format tanggal tidak dikenali ("${raw}"); gunakan YYYY-MM-DD, DD-MM-YYYY atau DD/MM/YYYY`);
}

// ---------------------------------------------------------------------------------------------------------------
// Coded values

function parseGender(cell: string | number | Date): CellParse {
  if (cell instanceof Date) return fail(dateCellInTextColumn);
  const value = cellText(cell).toUpperCase().replace(/\s+/g, ' ');
  if (value === 'LAKI-LAKI' || value === 'LAKI LAKI' || value === 'PRIA') return ok('L');
  if (value === 'PEREMPUAN' || value === 'WANITA') return ok('P');
  return ok(value);
}

function parseEmploymentType(cell: string | number | Date): CellParse {
  if (cell instanceof Date) return fail(dateCellInTextColumn);
  return ok(cellText(cell).toUpperCase().replace(/\s+/g, ''));
}

const romanByNumber = new Map(pppkGolongan.map((roman, i) => [i + 1, roman]));

const romanGroups = ['I', 'II', 'III', 'IV'] as const;

/**
 * "III/b", "iii b", "III-B", "3b", "3/b" → "III/b"; "PPPK IX", "ix", "9" → "IX". Whether it fits PNS or PPPK is
 * the schema's call.
 */
export function parseGolonganCell(cell: string | number | Date): CellParse {
  if (cell instanceof Date) return fail(`${dateCellInTextColumn} (Excel mengubah "III/b" menjadi tanggal?)`);
  const raw = cellText(cell).replace(/^pppk\b\s*/i, '').trim();
  const pns = /^(IV|I{1,3})\s*[/\-\s.]?\s*([a-e])$/i.exec(raw);
  if (pns) return ok(`${pns[1]!.toUpperCase()}/${pns[2]!.toLowerCase()}`);
  // Golongan written with an Arabic group number, as often typed in spreadsheets: "3b" is III/b.
  const arabic = /^([1-4])\s*[/\-\s.]?\s*([a-e])$/i.exec(raw);
  if (arabic) return ok(`${romanGroups[Number(arabic[1]) - 1]}/${arabic[2]!.toLowerCase()}`);
  if (/^\d{1,2}$/.test(raw)) return ok(romanByNumber.get(Number(raw)) ?? raw);
  return ok(raw.toUpperCase());
}

const educationAliases: Record<string, string> = {
  SD: 'SD',
  SLTP: 'SLTP', SMP: 'SLTP', MTS: 'SLTP',
  SLTA: 'SLTA', SMA: 'SLTA', SMK: 'SLTA', MA: 'SLTA', STM: 'SLTA', SMEA: 'SLTA',
  D1: 'D-I', DI: 'D-I',
  D2: 'D-II', DII: 'D-II',
  D3: 'D-III', DIII: 'D-III',
  D4: 'D-IV', DIV: 'D-IV',
  S1: 'S1', S2: 'S2', S3: 'S3',
};

function parseEducation(cell: string | number | Date): CellParse {
  if (cell instanceof Date) return fail(dateCellInTextColumn);
  const raw = cellText(cell).toUpperCase();
  return ok(educationAliases[raw.replace(/[\s\-./]/g, '')] ?? raw);
}

const positionTypeSet: ReadonlySet<string> = new Set(positionTypes);
const positionTypeAliases: Record<string, string> = {
  JF_TERAMPIL: 'JF_KETERAMPILAN',
  JF_KETRAMPILAN: 'JF_KETERAMPILAN',
  KETERAMPILAN: 'JF_KETERAMPILAN',
  TERAMPIL: 'JF_KETERAMPILAN',
  AHLI_PERTAMA: 'JF_AHLI_PERTAMA',
  AHLI_MUDA: 'JF_AHLI_MUDA',
  AHLI_MADYA: 'JF_AHLI_MADYA',
  AHLI_UTAMA: 'JF_AHLI_UTAMA',
};

/** "JF Ahli Muda", "jf_ahli_muda", "Fungsional Ahli Muda", "pelaksana", "JPT Pratama" → positionTypes codes. */
export function parsePositionTypeCell(cell: string | number | Date): CellParse {
  if (cell instanceof Date) return fail(dateCellInTextColumn);
  const code = cellText(cell)
    .toUpperCase()
    .replace(/[\s\-./]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^(JABATAN_FUNGSIONAL|FUNGSIONAL|JFT|JFU)_/, 'JF_')
    .replace(/^JABATAN_PIMPINAN_TINGGI_|^PIMPINAN_TINGGI_/, 'JPT_');
  if (positionTypeSet.has(code)) return ok(code);
  const alias = positionTypeAliases[code] ?? positionTypeAliases[code.replace(/^JF_/, '')];
  return ok(alias ?? code);
}

const jenjangSet: ReadonlySet<string> = new Set(jfJenjang);

/** "Ahli Muda", "ahli_muda", "Muda", "Terampil", "penyelia" → jfJenjang codes. */
export function parseJenjangCell(cell: string | number | Date): CellParse {
  if (cell instanceof Date) return fail(dateCellInTextColumn);
  const code = cellText(cell).toUpperCase().replace(/[\s\-./]+/g, '_').replace(/^JENJANG_/, '');
  if (jenjangSet.has(code)) return ok(code);
  if (jenjangSet.has(`AHLI_${code}`)) return ok(`AHLI_${code}`);
  if (code === 'TERAMPIL' || code === 'PELAKSANA') return ok('TERAMPIL');
  if (code === 'PELAKSANA_LANJUTAN') return ok('MAHIR');
  if (code === 'PELAKSANA_PEMULA') return ok('PEMULA');
  return ok(code);
}

/** "II.a", "IIa", "II/a", "2a", "II-A", "eselon III.b" → "II.a" style codes. */
export function parseEselonCell(cell: string | number | Date): CellParse {
  if (cell instanceof Date) return fail(`${dateCellInTextColumn} (Excel mengubah "II.a" menjadi tanggal?)`);
  const raw = cellText(cell).replace(/^eselon\s*/i, '').trim();
  const roman = /^(IV|I{1,3})\s*[/\-\s.]?\s*([ab])$/i.exec(raw);
  if (roman) return ok(`${roman[1]!.toUpperCase()}.${roman[2]!.toLowerCase()}`);
  const arabic = /^([1-4])\s*[/\-\s.]?\s*([ab])$/i.exec(raw);
  if (arabic) return ok(`${romanGroups[Number(arabic[1]) - 1]}.${arabic[2]!.toLowerCase()}`);
  return ok(raw);
}

// ---------------------------------------------------------------------------------------------------------------
// Numbers, contacts, flags

/** "12,5" (Indonesian decimal comma), "1.050,25", "12.5" and numeric cells. */
export function parseDecimalCell(cell: string | number | Date): CellParse {
  if (cell instanceof Date) return fail('sel berisi tanggal, bukan angka');
  if (typeof cell === 'number') return Number.isFinite(cell) ? ok(cell) : fail('angka tidak valid');
  const raw = cell.trim();
  const compact = raw.replace(/\s+/g, '');
  // With a comma present the comma is the decimal mark and dots group thousands; otherwise a dot is decimal.
  const normalised = compact.includes(',') ? compact.replace(/\./g, '').replace(',', '.') : compact;
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(normalised)) return fail(`bukan angka ("${raw}"); contoh penulisan: 12,5`);
  return ok(Number(normalised));
}

/** Indonesian numbers → "+62…": "0812-3456-7890", "+62 812 3456 7890", "62812…", and "812…" (Excel dropped the 0). */
export function parsePhoneCell(cell: string | number | Date): CellParse {
  if (cell instanceof Date) return fail(dateCellInTextColumn);
  const raw = cellText(cell);
  const compact = raw.replace(/[\s\u00a0\-.()/]+/g, '');
  if (!/^\+?\d+$/.test(compact)) return fail(`nomor telepon hanya boleh berisi angka, spasi, tanda - dan awalan +62 ("${raw}")`);
  if (compact.startsWith('+')) return ok(compact);
  if (compact.startsWith('62')) return ok(`+${compact}`);
  if (compact.startsWith('0')) return ok(`+62${compact.slice(1)}`);
  if (compact.startsWith('8')) return ok(`+62${compact}`);
  return fail(`nomor telepon harus diawali 0 atau +62 ("${raw}")`);
}

function parseEmail(cell: string | number | Date): CellParse {
  if (cell instanceof Date) return fail(dateCellInTextColumn);
  return ok(cellText(cell).replace(/^mailto:/i, '').toLowerCase());
}

const yes = new Set(['YA', 'Y', 'AKTIF', 'TRUE', 'BENAR', '1']);
const no = new Set(['TIDAK', 'T', 'TDK', 'NONAKTIF', 'NON AKTIF', 'NON-AKTIF', 'TIDAK AKTIF', 'FALSE', 'SALAH', '0']);

function parseActive(cell: string | number | Date): CellParse {
  if (cell instanceof Date) return fail('aktif harus ya atau tidak');
  const value = cellText(cell).toUpperCase().replace(/\s+/g, ' ');
  if (yes.has(value)) return ok(true);
  if (no.has(value)) return ok(false);
  return fail(`aktif harus ya atau tidak ("${cellText(cell)}")`);
}

const agencyCodePattern = /^[A-Z0-9_-]{2,32}$/;

function parseAgencyCode(cell: string | number | Date): CellParse {
  if (cell instanceof Date) return fail(dateCellInTextColumn);
  const code = cellText(cell).toUpperCase();
  if (!agencyCodePattern.test(code)) {
    return fail(`kode instansi harus 2–32 huruf kapital, angka, - atau _ ("${cellText(cell)}")`);
  }
  return ok(code);
}

// ---------------------------------------------------------------------------------------------------------------

export const employeeColumns: readonly ImportColumn[] = [
  column(
    { header: 'nip', field: 'nip', required: true, example: '198609262015051001',
      description: 'NIP 18 digit (boleh berspasi seperti tercetak); format kolom sebagai Teks di Excel' },
    parseNipCell,
  ),
  column({ header: 'nama', field: 'name', required: true, example: 'Budi Santoso', description: 'Nama lengkap pegawai' }, text),
  column(
    { header: 'tanggal_lahir', field: 'birthDate', required: true, example: '1986-09-26',
      description: 'Tanggal lahir: YYYY-MM-DD, DD-MM-YYYY atau DD/MM/YYYY' },
    parseDateCell,
  ),
  column(
    { header: 'jenis_kelamin', field: 'gender', required: true, example: 'L', description: 'L (laki-laki) atau P (perempuan)' },
    parseGender,
  ),
  column(
    { header: 'jenis_pegawai', field: 'employmentType', required: true, example: 'PNS', description: 'PNS atau PPPK' },
    parseEmploymentType,
  ),
  column(
    { header: 'golongan', field: 'golongan', required: true, example: 'III/b',
      description: 'Golongan/ruang PNS (I/a sampai IV/e) atau golongan PPPK (I sampai XVII, mis. IX)' },
    parseGolonganCell,
  ),
  column(
    { header: 'tmt_golongan', field: 'tmtGolongan', required: false, example: '2019-04-01',
      description: 'TMT golongan terakhir (tanggal)' },
    parseDateCell,
  ),
  column(
    { header: 'pendidikan', field: 'education', required: true, example: 'S1',
      description: 'Pendidikan terakhir: SD, SLTP, SLTA, D-I, D-II, D-III, D-IV, S1, S2 atau S3' },
    parseEducation,
  ),
  column(
    { header: 'jabatan', field: 'positionName', required: true, example: 'Penyuluh Perikanan Ahli Pertama',
      description: 'Nama jabatan' },
    text,
  ),
  column(
    { header: 'jenis_jabatan', field: 'positionType', required: true, example: 'JF_AHLI_PERTAMA',
      description: `Salah satu dari ${positionTypes.join(', ')} (boleh ditulis seperti "JF Ahli Muda" atau "Pelaksana")` },
    parsePositionTypeCell,
  ),
  column(
    { header: 'unit_kerja', field: 'unit', required: true, example: 'Bidang Perikanan Tangkap', description: 'Unit kerja' },
    text,
  ),
  column(
    { header: 'tmt_cpns', field: 'tmtCpns', required: false, example: '2015-05-01', description: 'TMT CPNS (tanggal)' },
    parseDateCell,
  ),
  column(
    { header: 'tmt_kgb_terakhir', field: 'lastKgbTmt', required: false, example: '2025-05-01',
      description: 'TMT kenaikan gaji berkala (KGB) terakhir (tanggal)' },
    parseDateCell,
  ),
  column(
    { header: 'angka_kredit', field: 'creditPoints', required: false, example: '12,5',
      description: 'Angka kredit (AK) kumulatif jabatan fungsional sejak kenaikan pangkat terakhir; koma desimal boleh' },
    parseDecimalCell,
  ),
  column(
    { header: 'jenjang', field: 'jenjang', required: false, example: 'AHLI_PERTAMA',
      description:
        `Jenjang jabatan fungsional: ${jfJenjang.join(', ')}; kosong: dari jenis_jabatan (keahlian), ` +
        'dari nama jabatan atau golongan (keterampilan)' },
    parseJenjangCell,
  ),
  column(
    { header: 'eselon', field: 'eselon', required: false, example: '',
      description:
        `Eselon jabatan struktural (JPT, administrator, pengawas): ${eselons.join(', ')}; kosong: I.a (JPT utama), ` +
        'I.b (JPT madya), II.a (JPT pratama), III.a (administrator), IV.a (pengawas)' },
    parseEselonCell,
  ),
  column(
    { header: 'telepon', field: 'phone', required: false, example: '0812-3456-7890',
      description: 'Nomor HP, diawali 0 atau +62; disimpan sebagai +62…' },
    parsePhoneCell,
  ),
  column(
    { header: 'email', field: 'email', required: false, example: 'budi.santoso@example.com', description: 'Alamat e-mail' },
    parseEmail,
  ),
  column(
    { header: 'aktif', field: 'active', required: false, whenEmpty: true, example: 'ya',
      description: 'ya atau tidak; kosong berarti ya' },
    parseActive,
  ),
  column(
    { header: 'instansi', field: 'agencyCode', required: false, example: 'DKP',
      description: 'Kode instansi (OPD); kosongkan untuk instansi bawaan' },
    parseAgencyCode,
  ),
];

/** Header comparison ignores case, spaces, underscores and dashes: "Tanggal Lahir" = "tanggal_lahir". */
export function normaliseHeader(header: string): string {
  return header.replace(/^\uFEFF/, '').toLowerCase().replace(/[\s_\-]+/g, '');
}

const columnsByKey = new Map(employeeColumns.map((c) => [normaliseHeader(c.header), c]));
const columnsByField = new Map(employeeColumns.map((c) => [c.field, c]));

export function findColumn(header: string): ImportColumn | undefined {
  return columnsByKey.get(normaliseHeader(header));
}

export function columnForField(field: string): ImportColumn | undefined {
  return columnsByField.get(field as ImportField);
}

export const requiredHeaders: readonly string[] = employeeColumns.filter((c) => c.required).map((c) => c.header);
export const allHeaders: readonly string[] = employeeColumns.map((c) => c.header);
