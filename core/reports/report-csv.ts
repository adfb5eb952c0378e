import type { ServiceReport } from './report-schema.js';

const cell = (value: string | number | null) => {
  const text = value === null ? '' : String(value);
  return /[",\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * The report's figures as CSV for a spreadsheet: one figure per line (section, item, measure, value), numbers with
 * a decimal point. Durations are business minutes.
 */
export function renderReportCsv(report: ServiceReport): string {
  const rows: Array<[string, string, string, string | number | null]> = [];
  const add = (section: string, item: string, measure: string, value: string | number | null) => rows.push([section, item, measure, value]);
  add('laporan', report.scope.title, 'periode', report.month);
  add('laporan', report.scope.title, 'data_sampai', report.asOf);
  add('tiket', 'semua', 'jumlah', report.tickets.total);
  add('tiket', 'rahasia', 'jumlah', report.tickets.confidential);
  add('tiket', 'masih_terbuka', 'jumlah', report.tickets.stillOpen);
  for (const c of report.tickets.byCategory) add('tiket_kategori', c.label, 'jumlah', c.count);
  for (const c of report.tickets.byChannel) add('tiket_saluran', c.label, 'jumlah', c.count);
  for (const [name, figures] of [['tanggapan_pertama', report.sla.firstResponse], ['penyelesaian', report.sla.resolution]] as const) {
    add('sla', name, 'median_menit_kerja', figures.median);
    add('sla', name, 'p90_menit_kerja', figures.p90);
    add('sla', name, 'tepat_waktu', figures.met);
    add('sla', name, 'lewat_batas', figures.breached);
    add('sla', name, 'berjalan', figures.pending);
  }
  for (const c of report.sla.byCategory) {
    add('sla_kategori', c.label, 'tanggapan_tepat_waktu', c.firstResponseMet);
    add('sla_kategori', c.label, 'tanggapan_lewat_batas', c.firstResponseBreached);
    add('sla_kategori', c.label, 'selesai_tepat_waktu', c.resolutionMet);
    add('sla_kategori', c.label, 'selesai_lewat_batas', c.resolutionBreached);
  }
  report.csat.distribution.forEach((n, i) => add('kepuasan_tiket', `${i + 1}`, 'jumlah', n));
  add('kepuasan_tiket', 'rata_rata', 'nilai', report.csat.average);
  add('skm', 'responden', 'jumlah', report.skm.responses);
  report.skm.elementMeans.forEach((m, i) => add('skm', `U${i + 1}`, 'nilai_rata_rata', m));
  add('skm', 'IKM', 'nilai', report.skm.index);
  add('skm', 'IKM', 'mutu', report.skm.letter);
  for (const key of ['answered', 'personal', 'escalated', 'refused', 'total'] as const) add('faq', key, 'jumlah', report.faq[key]);
  for (const d of report.faq.unhelpfulDocuments) {
    add('faq_dokumen', d.title || d.documentId, 'membantu', d.helpful);
    add('faq_dokumen', d.title || d.documentId, 'tidak_membantu', d.unhelpful);
  }
  for (const b of report.broadcasts.list) {
    add('siaran', `#${b.number} ${b.title}`, 'penerima', b.recipients);
    add('siaran', `#${b.number} ${b.title}`, 'terkirim', b.delivered);
    if (b.needsAck) add('siaran', `#${b.number} ${b.title}`, 'konfirmasi', b.acknowledged);
  }
  for (const u of report.broadcasts.ackByUnit) {
    add('siaran_unit', u.unit, 'penerima', u.recipients);
    add('siaran_unit', u.unit, 'konfirmasi', u.acknowledged);
  }
  for (const k of report.reminders.byKind) {
    add('pengingat', k.label, 'dikirim', k.sent);
    add('pengingat', k.label, 'tidak_tersampaikan', k.undeliverable);
  }
  add('pengingat', 'semua', 'dibisukan', report.reminders.muted);
  for (const u of report.staff.byUnit) {
    add('pegawai', u.unit, 'aktif', u.people);
    add('pegawai', u.unit, 'tertaut', u.linked);
  }
  for (const k of report.feedback.byKind) add('saran', k.label, 'jumlah', k.count);
  for (const a of report.agencies) {
    add('instansi', a.unit, 'tiket', a.tickets);
    add('instansi', a.unit, 'median_tanggapan_menit_kerja', a.firstResponseMedian);
    add('instansi', a.unit, 'median_selesai_menit_kerja', a.resolutionMedian);
    add('instansi', a.unit, 'lewat_batas', a.breaches);
    add('instansi', a.unit, 'kepuasan', a.csatAverage);
    add('instansi', a.unit, 'ikm', a.ikm);
  }
  for (const c of report.change) {
    add('perbandingan', c.label, 'bulan_ini', c.current);
    add('perbandingan', c.label, 'bulan_lalu', c.previous);
  }
  return ['bagian,butir,ukuran,nilai', ...rows.map((r) => r.map(cell).join(','))].join('\n') + '\n';
}
