import ExcelJS from 'exceljs';
import { employeeColumns } from './columns.js';

function csvField(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The import template: header row plus one example row (the fact sheet's NIP 19860926 201505 1 001).
 * Comma-separated by default; pass ';' for a file that Indonesian-locale Excel opens in columns.
 * Note that Excel opening a CSV turns the NIP into a number: HR should import it via Data ▸ From Text with the
 * nip column as Text, or use templateXlsx().
 */
export function templateCsv(options: { delimiter?: ',' | ';' } = {}): string {
  const delimiter = options.delimiter ?? ',';
  const line = (values: string[]) => values.map((v) => csvField(v, delimiter)).join(delimiter);
  return `${line(employeeColumns.map((c) => c.header))}\r\n${line(employeeColumns.map((c) => c.example))}\r\n`;
}

const textColumns = new Set(['nip', 'telepon', 'golongan', 'instansi']);

/** The same template as .xlsx, with nip/telepon/golongan formatted as Text so Excel does not mangle them. */
export async function templateXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Pegawai');
  sheet.columns = employeeColumns.map((c) => ({
    header: c.header,
    key: c.header,
    width: Math.max(c.header.length, c.example.length) + 2,
    style: textColumns.has(c.header) ? { numFmt: '@' } : {},
  }));
  sheet.addRow(Object.fromEntries(employeeColumns.map((c) => [c.header, c.example])));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** The columns as a Markdown table for the README: kolom, wajib, keterangan, contoh. */
export function columnsMarkdownTable(): string {
  const lines = [
    '| kolom | wajib | keterangan | contoh |',
    '|---|---|---|---|',
    ...employeeColumns.map(
      (c) => `| \`${c.header}\` | ${c.required ? 'ya' : 'tidak'} | ${cell(c.description)} | ${c.example ? `\`${cell(c.example)}\`` : '(kosong)'} |`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
