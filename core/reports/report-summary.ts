import { businessDuration, formatChangeValue, formatDelta, number, percent } from './report-format.js';
import type { ServiceReport } from './report-schema.js';

/** The report's headline in a few lines (Slack mrkdwn-compatible, also plain text for the CLI). */
export function reportSummaryText(report: ServiceReport): string {
  const fr = report.sla.firstResponse;
  const res = report.sla.resolution;
  const skm = report.skm.index === null ? 'belum ada responden' : `${number(report.skm.index, 2)} (mutu ${report.skm.letter}, ${report.skm.quality}; ${report.skm.responses} responden)`;
  const change = report.change.map((c) => `• ${c.label}: ${formatChangeValue(c.unit, c.current)} (${formatDelta(c)} dari bulan sebelumnya)`);
  return [
    `*Laporan layanan kepegawaian ${report.monthLabel}* — ${report.scope.title}`,
    `Tiket: ${number(report.tickets.total, 0)} · tanggapan pertama median ${businessDuration(fr.median)} (p90 ${businessDuration(fr.p90)}), ${number(fr.breached, 0)} lewat batas · penyelesaian median ${businessDuration(res.median)} (p90 ${businessDuration(res.p90)}), ${number(res.breached, 0)} lewat batas`,
    `Kepuasan tiket: ${report.csat.average === null ? '—' : `${number(report.csat.average, 2)}/5`} (${report.csat.responses} penilaian) · IKM: ${skm}`,
    `FAQ: ${number(report.faq.answered + report.faq.personal, 0)} dijawab, ${number(report.faq.escalated, 0)} diteruskan, ${number(report.faq.refused, 0)} ditolak · siaran dikonfirmasi ${percent(report.broadcasts.ackRate)} · pengingat ${number(report.reminders.sent, 0)} terkirim, ${number(report.reminders.undeliverable, 0)} tidak tersampaikan · pegawai tertaut ${number(report.staff.linked, 0)}/${number(report.staff.active, 0)}`,
    '',
    '*Dibanding bulan sebelumnya*',
    ...change,
  ].join('\n');
}
