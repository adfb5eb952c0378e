import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { describeWibInstant } from '../calendar/business-calendar.js';
import { addDays, formatIndonesian, todayInJakarta } from '../dates/calendar-date.js';
import type { Db } from '../db/client.js';
import type { Logger } from '../logging/logger.js';
import { enqueue } from '../outbox/enqueue.js';
import { wibInstant, wibParts } from '../scheduling/jakarta-time.js';
import { onceInTransaction } from '../scheduling/once-in-transaction.js';
import { telegramChatsOfAgencies } from '../audience/resolve-audience.js';
import type { AgencyDirectory } from '../agencies/agency-directory.js';
import { archiveItemButton } from './archive-buttons.js';
import { interestedStaff } from './career-interest.js';
import { careerKindLabel, careerTopic } from './topics.js';

/** Working days before the closing date on which interested staff are reminded. */
export const closingReminderWorkingDays = 3;
/** Not before this hour (WIB) on the reminder day: a reminder at 00:01 would only wait for the morning anyway. */
const reminderHour = 7;

/** The day `workingDays` business days before `closesOn` (holidays and cuti bersama skipped, from the calendar files). */
export function closingReminderDay(calendar: BusinessCalendar, closesOn: string, workingDays = closingReminderWorkingDays): string {
  let day = closesOn;
  for (let counted = 0; counted < workingDays; ) {
    day = addDays(day, -1);
    if (calendar.isBusinessDay(day)) counted++;
  }
  return day;
}

function reminderText(opportunity: { title: string; careerKind: string | null; closesOn: string }): string {
  const kind = careerKindLabel(opportunity.careerKind) ?? 'Peluang karier';
  return [
    `Pengingat: pendaftaran ${kind.toLowerCase()} "${opportunity.title}" ditutup ${formatIndonesian(opportunity.closesOn)} (${closingReminderWorkingDays} hari kerja lagi).`,
    'Anda menandai "Saya tertarik" pada pengumuman ini. Pastikan berkas Anda lengkap sebelum batas waktu.',
  ].join('\n');
}

/**
 * Reminds everyone who pressed "Saya tertarik" three working days before a career opportunity closes, once each
 * (the conditional update of `remindedAt` in the same transaction as the message), and tells the HR desk in Slack
 * who is interested, once per opportunity. People who pressed the button on the reminder day or later are not
 * reminded: they have just seen the deadline.
 */
export async function sendCareerClosingReminders(db: Db, calendar: BusinessCalendar, agencies: AgencyDirectory, now: Date, log: Logger): Promise<number> {
  const today = todayInJakarta(now);
  if (wibParts(now).hour < reminderHour) return 0;
  const opportunities = await db.broadcast.findMany({
    where: { topic: careerTopic, closesOn: { gte: today }, publishedAt: { not: null } },
    select: { id: true, agencyId: true, number: true, title: true, careerKind: true, closesOn: true },
  });
  let reminded = 0;
  for (const opportunity of opportunities) {
    const remindOn = closingReminderDay(calendar, opportunity.closesOn!);
    if (today < remindOn) continue;
    const startOfReminderDay = wibInstant(remindOn, 0);
    const due = await db.careerInterest.findMany({ where: { broadcastId: opportunity.id, remindedAt: null, at: { lt: startOfReminderDay } } });
    // A province-wide opportunity has interested staff in many agencies.
    const chats = due.length > 0 ? await telegramChatsOfAgencies(db, await agenciesOfEmployees(db, due.map((d) => d.employeeId))) : new Map<string, { chatId: string; blocked: boolean }>();
    for (const interest of due) {
      const chat = chats.get(interest.employeeId);
      const sent = await db.$transaction(async (tx) => {
        const { count } = await tx.careerInterest.updateMany({ where: { broadcastId: opportunity.id, employeeId: interest.employeeId, remindedAt: null }, data: { remindedAt: now } });
        if (count !== 1 || !chat || chat.blocked) return false;
        await enqueue(tx, {
          channel: 'telegram',
          kind: 'telegram.text',
          chatId: chat.chatId,
          lang: 'id',
          text: reminderText({ ...opportunity, closesOn: opportunity.closesOn! }),
          buttons: [[archiveItemButton(opportunity.id, 'Baca pengumumannya')]],
          holdInQuietHours: true,
        });
        return true;
      });
      if (sent) reminded++;
    }
    await tellHrWhoIsInterested(db, agencies, opportunity, now);
  }
  if (reminded > 0) log.info({ reminded }, 'career closing reminders queued');
  return reminded;
}

async function agenciesOfEmployees(db: Db, employeeIds: string[]): Promise<string[]> {
  const rows = await db.employee.findMany({ where: { id: { in: employeeIds } }, select: { agencyId: true }, distinct: ['agencyId'] });
  return rows.map((row) => row.agencyId);
}

/**
 * The list of interested staff, to each agency's own triage channel: the agency that published the opportunity
 * sees everyone (for a province-wide one, the province bureau sees every agency's staff); every other agency sees
 * only its own staff. Once per opportunity and agency.
 */
async function tellHrWhoIsInterested(db: Db, agencies: AgencyDirectory, opportunity: { id: string; agencyId: string; number: number; title: string; closesOn: string | null }, now: Date): Promise<void> {
  const people = await interestedStaff(db, opportunity.id);
  if (people.length === 0) return;
  const byAgency = new Map<string, typeof people>([[opportunity.agencyId, people]]);
  for (const person of people) {
    if (person.agencyId === opportunity.agencyId) continue;
    byAgency.set(person.agencyId, [...(byAgency.get(person.agencyId) ?? []), person]);
  }
  for (const [agencyId, list] of byAgency) {
    const channel = await agencies.channelFor(agencyId, 'careerInterest');
    if (!channel) continue;
    const runKey = agencyId === opportunity.agencyId ? opportunity.id : `${opportunity.id}:${agencyId}`;
    if (await db.jobRun.findUnique({ where: { job_runKey: { job: 'career-closing-hr', runKey } } })) continue;
    const own = agencyId === opportunity.agencyId;
    const text = [
      `Peluang karier siaran #${opportunity.number} "${opportunity.title}" ditutup ${formatIndonesian(opportunity.closesOn!)}. ${list.length} pegawai${own ? '' : ' instansi Anda'} menyatakan tertarik (yang menandainya sebelum hari ini sudah diingatkan):`,
      ...list.map((p) => `• ${p.name} — ${p.unit} (${p.golongan})`),
      ...(own ? [`Daftar terbaru: /layani siaran minat ${opportunity.number} (per ${describeWibInstant(now, 'id')})`] : []),
    ].join('\n');
    await onceInTransaction(db, 'career-closing-hr', runKey, (tx) => enqueue(tx, { channel: 'slack', kind: 'slack.channelMessage', slackChannel: channel, text }));
  }
}
