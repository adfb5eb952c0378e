import PDFDocument from 'pdfkit';
import { skmGrades } from '../survey/skm-index.js';
import type { ReportChart } from './report-charts.js';
import { businessDuration, formatChangeValue, formatDelta, isImprovement, number, percent, wibStamp } from './report-format.js';
import type { ServiceReport } from './report-schema.js';
import { smallGroupThreshold } from './small-groups.js';

/** A4 in points, with 2 cm margins. */
const page = { width: 595.28, height: 841.89, margin: 56 };
const contentWidth = page.width - 2 * page.margin;
/** Lowest y a line may start at: the footer (page number) lives below it. */
const bottom = page.height - page.margin - 14;

type Doc = PDFKit.PDFDocument;

/** Helvetica has no arrows: "▲ 12" becomes "+12", "▼ 3" becomes "-3". */
const winAnsi = (text: string) => text.replace(/▲ /g, '+').replace(/▼ /g, '-');
type Column = { header: string; width: number; align?: 'left' | 'right' };

function heading(doc: Doc, text: string): void {
  ensureRoom(doc, 60);
  doc.moveDown(0.6).font('bold').fontSize(14).fillColor('#1f5fa8').text(text, page.margin, doc.y, { width: contentWidth });
  doc.moveDown(0.3).font('regular').fontSize(10).fillColor('#000000');
}

function paragraph(doc: Doc, text: string): void {
  ensureRoom(doc, 30);
  doc.font('regular').fontSize(10).fillColor('#333333').text(text, page.margin, doc.y, { width: contentWidth });
  doc.moveDown(0.4).fillColor('#000000');
}

function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > bottom) doc.addPage();
}

function image(doc: Doc, chart: ReportChart | undefined): void {
  if (!chart) return;
  // A little narrower than the text, so a section's chart and its table share a page.
  const width = contentWidth * 0.84;
  const height = (width * chart.height) / chart.width;
  ensureRoom(doc, height + 6);
  doc.image(chart.png, page.margin + (contentWidth - width) / 2, doc.y, { width });
  doc.y += height + 6;
}

/** A table that continues on the next page, repeating its header. */
function table(doc: Doc, columns: Column[], rows: string[][], options: { emphasiseLast?: boolean } = {}): void {
  const scale = contentWidth / columns.reduce((sum, c) => sum + c.width, 0);
  const widths = columns.map((c) => c.width * scale);
  const rowHeight = (cells: string[], font: string) => {
    doc.font(font).fontSize(9);
    return Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: widths[i]! - 8 }))) + 6;
  };
  const drawRow = (cells: string[], font: 'regular' | 'bold', fill: string | null) => {
    const height = rowHeight(cells, font);
    if (doc.y + height > bottom) {
      doc.addPage();
      drawRow(columns.map((c) => c.header), 'bold', '#e8eef6');
    }
    const top = doc.y;
    if (fill) doc.rect(page.margin, top, contentWidth, height).fill(fill);
    let x = page.margin;
    cells.forEach((cell, i) => {
      doc.font(font).fontSize(9).fillColor('#000000').text(cell, x + 4, top + 3, { width: widths[i]! - 8, align: columns[i]!.align ?? 'left' });
      x += widths[i]!;
    });
    doc.moveTo(page.margin, top + height).lineTo(page.margin + contentWidth, top + height).lineWidth(0.5).strokeColor('#c8d0da').stroke();
    doc.y = top + height;
  };
  ensureRoom(doc, 40);
  drawRow(columns.map((c) => c.header), 'bold', '#e8eef6');
  rows.forEach((row, i) => drawRow(row, options.emphasiseLast && i === rows.length - 1 ? 'bold' : 'regular', null));
  doc.x = page.margin;
  doc.moveDown(0.6);
}

/**
 * The printable report: A4, Bahasa Indonesia, the agency's name and the period on the first page, charts and
 * tables, "Halaman x dari y" on every page. Counts and units only.
 */
export function renderReportPdf(report: ServiceReport, charts: readonly ReportChart[]): Promise<Buffer> {
  const chart = (name: string) => charts.find((c) => c.name === name);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: page.margin, bottom: page.margin, left: page.margin, right: page.margin },
    bufferPages: true,
    info: { Title: `Laporan Layanan Kepegawaian ${report.monthLabel} — ${report.scope.title}`, Author: 'LAYANI', Subject: 'Laporan bulanan layanan kepegawaian' },
    lang: 'id-ID',
  });
  // The PDF's own Helvetica: nothing to embed or subset (Indonesian needs no letters outside its Latin set), which
  // makes the PDF several times quicker to write and smaller than with an embedded font.
  doc.registerFont('regular', 'Helvetica');
  doc.registerFont('bold', 'Helvetica-Bold');
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const groupWord = report.scope.kind === 'province' ? 'Instansi' : 'Unit';

  // --- page 1: who, when, the headline figures ---
  doc.font('bold').fontSize(20).fillColor('#1f5fa8').text('Laporan Layanan Kepegawaian', page.margin, page.margin, { width: contentWidth });
  doc.font('bold').fontSize(13).fillColor('#000000').text(report.scope.title, { width: contentWidth });
  doc.font('regular').fontSize(11).text(`Periode: ${report.monthLabel}`, { width: contentWidth });
  doc.fontSize(9).fillColor('#555555').text(
    `Data sampai ${wibStamp(report.asOf)} · dibuat ${wibStamp(report.generatedAt)} · waktu tanggapan dan penyelesaian dihitung dalam jam kerja`,
    { width: contentWidth },
  );
  doc.fillColor('#000000');
  heading(doc, 'Ringkasan dan perbandingan dengan bulan sebelumnya');
  table(
    doc,
    [
      { header: 'Ukuran', width: 200 },
      { header: report.monthLabel, width: 110, align: 'right' },
      { header: 'Bulan sebelumnya', width: 110, align: 'right' },
      { header: 'Perubahan', width: 100, align: 'right' },
    ],
    report.change.map((c) => {
      const better = isImprovement(c);
      return [c.label, formatChangeValue(c.unit, c.current), formatChangeValue(c.unit, c.previous), `${winAnsi(formatDelta(c))}${better === null ? '' : better ? ' (membaik)' : ' (memburuk)'}`];
    }),
  );
  paragraph(
    doc,
    `Laporan ini hanya memuat jumlah dan nama unit, tanpa data pribadi. ${groupWord} dengan kurang dari ${smallGroupThreshold} pegawai digabung ke dalam "lainnya" agar tidak seorang pun dapat dikenali.`,
  );

  // --- tickets ---
  doc.addPage();
  heading(doc, '1. Tiket layanan');
  paragraph(
    doc,
    `${number(report.tickets.total, 0)} tiket masuk (${number(report.tickets.confidential, 0)} rahasia); ${number(report.tickets.stillOpen, 0)} masih terbuka saat laporan dibuat.`,
  );
  image(doc, chart('tiket-per-kategori'));
  table(
    doc,
    [
      { header: 'Saluran', width: 300 },
      { header: 'Tiket', width: 100, align: 'right' },
    ],
    report.tickets.byChannel.map((c) => [c.label, number(c.count, 0)]),
  );
  heading(doc, '2. Waktu tanggapan dan penyelesaian (jam kerja)');
  const fr = report.sla.firstResponse;
  const res = report.sla.resolution;
  table(
    doc,
    [
      { header: 'Target', width: 150 },
      { header: 'Median', width: 90, align: 'right' },
      { header: 'Persentil 90', width: 90, align: 'right' },
      { header: 'Tepat waktu', width: 70, align: 'right' },
      { header: 'Lewat batas', width: 70, align: 'right' },
      { header: 'Berjalan', width: 60, align: 'right' },
    ],
    [
      ['Tanggapan pertama', businessDuration(fr.median), businessDuration(fr.p90), number(fr.met, 0), number(fr.breached, 0), number(fr.pending, 0)],
      ['Penyelesaian', businessDuration(res.median), businessDuration(res.p90), number(res.met, 0), number(res.breached, 0), number(res.pending, 0)],
    ],
  );
  image(doc, chart('ketepatan-waktu'));

  // --- satisfaction ---
  doc.addPage();
  heading(doc, '3. Kepuasan pegawai');
  image(doc, chart('kepuasan-tiket'));
  heading(doc, '4. Survei Kepuasan Masyarakat (PermenPANRB 14/2017)');
  paragraph(
    doc,
    report.skm.index === null
      ? 'Belum ada responden survei pada bulan ini.'
      : `${number(report.skm.responses, 0)} responden. Nilai IKM ${number(report.skm.index, 2)} (rata-rata ${number(report.skm.average, 4)} × 25): mutu pelayanan ${report.skm.letter}, ${report.skm.quality}.`,
  );
  image(doc, chart('skm'));
  table(
    doc,
    [
      { header: 'Mutu', width: 60 },
      { header: 'Nilai interval konversi', width: 180 },
      { header: 'Kinerja unit pelayanan', width: 180 },
    ],
    skmGrades.map((g) => [g.letter, `${number(g.from, 2)} – ${number(g.to, 2)}`, g.id]),
  );

  // --- FAQ and broadcasts ---
  doc.addPage();
  heading(doc, '5. Penjawab pertanyaan otomatis (FAQ)');
  image(doc, chart('faq'));
  if (report.faq.unhelpfulDocuments.length > 0) {
    paragraph(doc, 'Dokumen jawaban yang dinilai tidak membantu oleh pegawai (perlu ditinjau):');
    table(
      doc,
      [
        { header: 'Dokumen', width: 300 },
        { header: 'Membantu', width: 80, align: 'right' },
        { header: 'Tidak membantu', width: 90, align: 'right' },
      ],
      report.faq.unhelpfulDocuments.map((d) => [d.title || d.documentId, number(d.helpful, 0), number(d.unhelpful, 0)]),
    );
  } else {
    paragraph(doc, 'Tidak ada dokumen FAQ yang dinilai tidak membantu pada bulan ini.');
  }
  heading(doc, '6. Siaran');
  if (report.broadcasts.list.length === 0) paragraph(doc, 'Tidak ada siaran yang dikirim pada bulan ini.');
  else {
    table(
      doc,
      [
        { header: 'No.', width: 40 },
        { header: 'Judul', width: 230 },
        { header: 'Penerima', width: 70, align: 'right' },
        { header: 'Terkirim', width: 70, align: 'right' },
        { header: 'Konfirmasi', width: 80, align: 'right' },
      ],
      report.broadcasts.list.map((b) => [String(b.number), b.title, number(b.recipients, 0), number(b.delivered, 0), b.needsAck ? number(b.acknowledged, 0) : '—']),
    );
  }
  image(doc, chart('konfirmasi-siaran'));

  // --- reminders, staff, feedback ---
  doc.addPage();
  heading(doc, '7. Pengingat');
  table(
    doc,
    [
      { header: 'Jenis', width: 260 },
      { header: 'Dikirim', width: 90, align: 'right' },
      { header: 'Tidak tersampaikan', width: 120, align: 'right' },
    ],
    [
      ...report.reminders.byKind.map((k) => [k.label, number(k.sent, 0), number(k.undeliverable, 0)]),
      ['Jumlah', number(report.reminders.sent, 0), number(report.reminders.undeliverable, 0)],
    ],
    { emphasiseLast: true },
  );
  heading(doc, '8. Pegawai tertaut ke Telegram');
  image(doc, chart('pegawai-tertaut'));
  table(
    doc,
    [
      { header: groupWord, width: 260 },
      { header: 'Pegawai', width: 70, align: 'right' },
      { header: 'Tertaut', width: 70, align: 'right' },
      { header: 'Belum', width: 70, align: 'right' },
    ],
    report.staff.byUnit.map((u) => [u.unit, number(u.people, 0), number(u.linked, 0), number(u.notLinked, 0)]),
  );
  heading(doc, '9. Saran, keluhan dan kritik');
  table(
    doc,
    [
      { header: 'Jenis', width: 260 },
      { header: 'Jumlah', width: 90, align: 'right' },
    ],
    report.feedback.byKind.map((k) => [k.label, number(k.count, 0)]),
  );

  // --- province: agencies side by side ---
  if (report.scope.kind === 'province') {
    doc.addPage();
    heading(doc, '10. Perbandingan antarinstansi');
    table(
      doc,
      [
        { header: 'Instansi', width: 150 },
        { header: 'Tiket', width: 45, align: 'right' },
        { header: 'Median tanggapan', width: 75, align: 'right' },
        { header: 'Median selesai', width: 75, align: 'right' },
        { header: 'Lewat batas', width: 50, align: 'right' },
        { header: 'Kepuasan', width: 50, align: 'right' },
        { header: 'IKM', width: 45, align: 'right' },
        { header: 'Konfirmasi', width: 55, align: 'right' },
        { header: 'Tertaut', width: 50, align: 'right' },
      ],
      report.agencies.map((a) => [
        `${a.unit} — ${a.name}`,
        number(a.tickets, 0),
        businessDuration(a.firstResponseMedian),
        businessDuration(a.resolutionMedian),
        number(a.breaches, 0),
        number(a.csatAverage, 2),
        number(a.ikm, 2),
        percent(a.ackRate),
        percent(a.linkedShare),
      ]),
    );
  }

  // Page numbers last, once the number of pages is known.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // The footer sits in the bottom margin: without this pdfkit would start a new page for it.
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(8).fillColor('#777777');
    doc.text(`${report.scope.title} · ${report.monthLabel} · Halaman ${i + 1} dari ${range.count}`, page.margin, page.height - page.margin + 10, {
      width: contentWidth,
      align: 'center',
      lineBreak: false,
    });
  }
  doc.end();
  return done;
}
