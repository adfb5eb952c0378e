import { describeWibInstant } from '../calendar/business-calendar.js';
import type { LinkCodeSlip } from './bulk-link-codes.js';

const csvHeader = ['nama', 'nip', 'unit_kerja', 'kode', 'berlaku_sampai'];

function csvCell(value: string): string {
  // A leading = + - @ makes spreadsheets run a formula; NIPs must stay text (18 digits lose precision as numbers).
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",;\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The sheet as CSV (UTF-8 with BOM so that Excel shows the names right), one employee per line. */
export function linkCodeCsv(slips: readonly LinkCodeSlip[]): string {
  const lines = [csvHeader.join(',')];
  for (const slip of slips) lines.push([slip.name, slip.nip, slip.unit, slip.code, describeWibInstant(slip.expiresAt, 'id')].map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export interface SheetOptions {
  agencyName: string;
  /** The bot's Telegram username (without @), when known, printed in the instructions. */
  botUsername?: string | null;
}

const slipsPerPage = 4;

/**
 * The printable sheet: A4 pages of four slips with cut lines, each with the employee's name, NIP and unit, the
 * code, until when it is valid, and how to use it. HR cuts them apart and hands each to its employee.
 */
export async function linkCodePdf(slips: readonly LinkCodeSlip[], options: SheetOptions): Promise<Buffer> {
  // Loaded on the first sheet, not at start-up: the Slack adapter imports this file, and the PDF library is heavy.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A4', margin: 36, info: { Title: `Kode tautan LAYANI — ${options.agencyName}`, Author: 'LAYANI' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 72;
  const slipHeight = (doc.page.height - 72) / slipsPerPage;
  const bot = options.botUsername ? `@${options.botUsername}` : 'bot Telegram LAYANI';
  slips.forEach((slip, index) => {
    const position = index % slipsPerPage;
    if (index > 0 && position === 0) doc.addPage();
    const top = 36 + position * slipHeight;
    if (position > 0) doc.save().dash(4, { space: 4 }).moveTo(36, top).lineTo(36 + width, top).strokeColor('#999999').stroke().undash().restore();
    let y = top + 14;
    doc.font('Helvetica').fontSize(9).fillColor('#555555').text(`LAYANI · ${options.agencyName}`, 36, y, { width });
    y += 16;
    doc.font('Helvetica-Bold').fontSize(13).fillColor('#000000').text(slip.name, 36, y, { width });
    y += 18;
    doc.font('Helvetica').fontSize(10).text(`NIP ${slip.nip} · ${slip.unit}`, 36, y, { width });
    y += 20;
    doc.font('Courier-Bold').fontSize(22).text(slip.code, 36, y, { width });
    y += 30;
    doc.font('Helvetica').fontSize(10).text(`Berlaku sampai ${describeWibInstant(slip.expiresAt, 'id')}, sekali pakai.`, 36, y, { width });
    y += 16;
    doc
      .fontSize(9)
      .text(
        `Cara memakai: buka ${bot} di Telegram, tekan Mulai/Start, lalu kirim /start ${slip.code}. Jangan berikan kode ini kepada orang lain; bila hilang atau kedaluwarsa, minta kode baru kepada tim kepegawaian.`,
        36,
        y,
        { width },
      );
    y += 26;
    doc
      .fillColor('#555555')
      .text(`How to use: open ${bot} in Telegram, press Start, then send /start ${slip.code}. Keep this code to yourself.`, 36, y, { width });
  });
  if (slips.length === 0) doc.font('Helvetica').fontSize(12).text('Tidak ada kode tautan baru untuk dicetak.');
  doc.end();
  return done;
}
