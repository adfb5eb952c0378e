import { readFile } from 'node:fs/promises';
import { extname, basename } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { Readable } from 'node:stream';
import { allHeaders, findColumn, isEmptyCell, requiredHeaders, type CellValue } from './columns.js';

/** One data row: `rowNumber` is the row HR sees in the spreadsheet (the header is row 1). */
export interface RawRow {
  rowNumber: number;
  /** Keyed by the template header (e.g. "tanggal_lahir"), only for columns present in the file. */
  cells: Record<string, CellValue>;
}

export interface EmployeeSheet {
  format: 'csv' | 'xlsx';
  /** Template headers found in the file, in file order. Absent optional columns count as empty cells. */
  headers: string[];
  rows: RawRow[];
}

export type ImportFileErrorCode = 'unsupported-file' | 'unreadable-file' | 'empty-file' | 'bad-headers';

/** A problem with the file as a whole; `message` is Indonesian and meant to be shown to HR as is. */
export class ImportFileError extends Error {
  constructor(
    readonly code: ImportFileErrorCode,
    message: string,
    readonly details: { unknownHeaders?: string[]; missingHeaders?: string[]; duplicateHeaders?: string[] } = {},
  ) {
    super(message);
    this.name = 'ImportFileError';
  }
}

export const supportedExtensions = ['.csv', '.xlsx'] as const;

/** Reads a .csv or .xlsx employee file from disk. Throws ImportFileError for file-level problems. */
export async function readEmployeeFile(path: string): Promise<EmployeeSheet> {
  const format = formatOf(path);
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (error) {
    throw new ImportFileError('unreadable-file', `Berkas ${basename(path)} tidak dapat dibaca (${(error as Error).message}).`);
  }
  return format === 'csv' ? readEmployeeCsv(data) : readEmployeeXlsx(data);
}

/** Same as readEmployeeFile for an upload already in memory (e.g. a file sent to the bot); the name picks the format. */
export async function readEmployeeBuffer(data: Uint8Array, fileName: string): Promise<EmployeeSheet> {
  return formatOf(fileName) === 'csv' ? readEmployeeCsv(data) : readEmployeeXlsx(data);
}

function formatOf(fileName: string): 'csv' | 'xlsx' {
  const ext = extname(fileName).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  const hint = ext === '.xls' ? ' Berkas .xls (Excel 97–2003) harus disimpan ulang sebagai .xlsx atau .csv.' : '';
  throw new ImportFileError(
    'unsupported-file',
    `Jenis berkas ${ext || '(tanpa ekstensi)'} tidak didukung; gunakan .csv atau .xlsx.${hint}`,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// CSV

/** UTF-8 (with or without BOM); a file that is not valid UTF-8 is read as Windows-1252, what older Excel writes. */
function decodeText(data: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    return new TextDecoder('windows-1252').decode(data);
  }
}

/** Indonesian-locale Excel saves "CSV" with semicolons; pick whichever separator the header line uses most. */
function detectDelimiter(text: string): string {
  const end = text.search(/\r?\n/);
  const headerLine = end === -1 ? text : text.slice(0, end);
  const counts = [';', ',', '\t'].map((d) => [d, headerLine.split(d).length - 1] as const);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ',';
}

export function readEmployeeCsv(data: Uint8Array | string): EmployeeSheet {
  const text = (typeof data === 'string' ? data : decodeText(data)).replace(/^\uFEFF/, '');
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    throw new ImportFileError('unreadable-file', `Berkas CSV tidak dapat dibaca: ${(error as Error).message}`);
  }
  const [header, ...body] = records;
  if (!header || header.every((h) => h.trim() === '')) throw emptyFile();
  const layout = headerLayout(header);
  const rows: RawRow[] = [];
  body.forEach((record, index) => {
    const row = toRow(index + 2, layout, (i) => record[i] ?? null);
    if (row) rows.push(row);
  });
  return { format: 'csv', headers: layout.map((l) => l.header), rows };
}

// ---------------------------------------------------------------------------------------------------------------
// XLSX

/**
 * First worksheet. Read as a stream: the whole-workbook reader keeps every cell object alive at once, which for
 * a 10,000-row sheet costs more memory than the rest of the import together. Date-formatted cells arrive as Date
 * objects (styles are read for that), other numbers as numbers.
 */
export async function readEmployeeXlsx(data: Uint8Array): Promise<EmployeeSheet> {
  const { default: ExcelJS } = await import('exceljs');
  const input = Readable.from([Buffer.from(data.buffer, data.byteOffset, data.byteLength)]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    hyperlinks: 'cache',
    styles: 'cache',
    worksheets: 'emit',
  });
  let layout: ReturnType<typeof headerLayout> | null = null;
  const rows: RawRow[] = [];
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet as AsyncIterable<{ number: number; values: unknown }>) {
        const values = row.values as unknown[];
        if (layout === null) {
          if (row.number !== 1) throw emptyFile();
          const header: string[] = [];
          for (let i = 1; i < values.length; i += 1) {
            const value = excelCell(values[i]);
            header[i - 1] = value instanceof Date ? value.toISOString() : value === null ? '' : String(value);
          }
          if (header.every((h) => h === undefined || h.trim() === '')) throw emptyFile();
          layout = headerLayout(Array.from(header, (h) => h ?? ''));
          continue;
        }
        const currentLayout = layout;
        const parsed = toRow(row.number, currentLayout, (i) => excelCell(values[i + 1]));
        if (parsed) rows.push(parsed);
      }
      break;
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(
      'unreadable-file',
      `Berkas Excel tidak dapat dibaca (${(error as Error).message}); pastikan berkas .xlsx tidak rusak atau terkunci kata sandi.`,
    );
  }
  if (layout === null) throw emptyFile();
  return { format: 'xlsx', headers: layout.map((l) => l.header), rows };
}

/** exceljs cell value → CellValue: rich text, hyperlinks (e-mails!) and formulas are reduced to what Excel shows. */
function excelCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return (v.richText as Array<{ text?: string }>).map((r) => r.text ?? '').join('');
    if ('formula' in v || 'sharedFormula' in v) return excelCell(v.result);
    if ('hyperlink' in v || 'text' in v) return excelCell(v.text);
    if (typeof v.error === 'string') return v.error; // "#N/A" etc.: shown as is so the column's check rejects it
  }
  return String(value);
}

// ---------------------------------------------------------------------------------------------------------------
// Shared

interface LayoutEntry {
  header: string;
  index: number;
}

function emptyFile(): ImportFileError {
  return new ImportFileError(
    'empty-file',
    `Baris 1 berkas kosong; baris 1 harus berisi judul kolom: ${allHeaders.join(', ')}.`,
  );
}

/** Maps file columns to template headers; throws one error naming every unknown, duplicate and missing column. */
function headerLayout(header: readonly string[]): LayoutEntry[] {
  const layout: LayoutEntry[] = [];
  const unknown: string[] = [];
  const duplicate: string[] = [];
  const seen = new Set<string>();
  header.forEach((raw, index) => {
    const text = raw.trim();
    if (text === '') return; // trailing blank columns are common in Excel exports
    const column = findColumn(text);
    if (!column) unknown.push(text);
    else if (seen.has(column.header)) duplicate.push(column.header);
    else {
      seen.add(column.header);
      layout.push({ header: column.header, index });
    }
  });
  const missing = requiredHeaders.filter((h) => !seen.has(h));
  if (unknown.length === 0 && duplicate.length === 0 && missing.length === 0) return layout;

  const parts: string[] = [];
  if (unknown.length > 0) parts.push(`Kolom tidak dikenal: ${unknown.map((h) => `"${h}"`).join(', ')}.`);
  if (duplicate.length > 0) parts.push(`Kolom muncul lebih dari sekali: ${duplicate.join(', ')}.`);
  if (missing.length > 0) parts.push(`Kolom wajib tidak ada: ${missing.join(', ')}.`);
  parts.push(
    `Kolom yang dikenal (baris 1, urutan bebas, huruf besar/kecil dan spasi/garis bawah diabaikan): ${allHeaders.join(', ')}. ` +
      `Kolom wajib: ${requiredHeaders.join(', ')}.`,
  );
  throw new ImportFileError('bad-headers', parts.join(' '), {
    unknownHeaders: unknown,
    missingHeaders: missing,
    duplicateHeaders: duplicate,
  });
}

/** null for a row whose template columns are all empty (such rows are skipped, numbering is kept). */
function toRow(rowNumber: number, layout: readonly LayoutEntry[], cellAt: (index: number) => CellValue): RawRow | null {
  const cells: Record<string, CellValue> = {};
  let filled = false;
  for (const { header, index } of layout) {
    const value = cellAt(index);
    const cell = isEmptyCell(value) ? null : value;
    if (cell !== null) filled = true;
    cells[header] = cell;
  }
  return filled ? { rowNumber, cells } : null;
}
