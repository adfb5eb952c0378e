import type { Db } from '../db/client.js';
import type { EmployeeRecord } from '../records/employee.js';
import type { ReminderKind, ReminderRoute } from './reminder-kinds.js';

/** An active employee as reminders see them: the record, their Telegram chat, and the types they muted. */
export interface RosterEntry {
  id: string;
  record: EmployeeRecord;
  /** Telegram private chat; null when not linked. */
  chat: { chatId: string; blocked: boolean } | null;
  muted: ReadonlySet<ReminderKind>;
}

/**
 * The agency's active employees (or the listed ones among them), in a stable order, with chats and mutes. A whole
 * agency is read with a handful of queries filtered by agency rather than long id lists (Prisma's SQLite driver
 * refuses more than 999 parameters per query).
 */
export async function loadRoster(db: Db, agencyId: string, employeeIds?: readonly string[]): Promise<RosterEntry[]> {
  const onlyListed = employeeIds ? { id: { in: [...employeeIds] } } : {};
  // Only the record's columns: reading the timestamps too made Prisma take four times as long per row.
  const rows = await db.employee.findMany({ where: { agencyId, active: true, ...onlyListed }, orderBy: { id: 'asc' }, select: rosterColumns });
  const identities = await db.chatIdentity.findMany({
    where: { platform: 'telegram', employee: { agencyId, active: true, ...onlyListed } },
    select: { employeeId: true, externalId: true },
    // The newest link wins when someone linked twice.
    orderBy: { linkedAt: 'asc' },
  });
  const blocked = new Set(
    (await db.blockedChat.findMany({ where: { platform: 'telegram' }, select: { chatId: true } })).map((row) => row.chatId),
  );
  const chats = new Map(identities.map((i) => [i.employeeId, { chatId: i.externalId, blocked: blocked.has(i.externalId) }]));
  const muted = new Map<string, Set<ReminderKind>>();
  const mutes = await db.reminderMute.findMany({ where: employeeIds ? { employeeId: { in: [...employeeIds] } } : {} });
  for (const mute of mutes) {
    const set = muted.get(mute.employeeId) ?? new Set<ReminderKind>();
    set.add(mute.kind as ReminderKind);
    muted.set(mute.employeeId, set);
  }
  return rows.map(({ id, ...columns }) => ({
    id,
    // Phone and e-mail are never needed to remind anyone, so they are not read.
    record: { ...columns, phone: null, email: null } as EmployeeRecord,
    chat: chats.get(id) ?? null,
    muted: muted.get(id) ?? new Set(),
  }));
}

const rosterColumns = {
  id: true, nip: true, name: true, birthDate: true, gender: true, employmentType: true, golongan: true, tmtGolongan: true,
  education: true, positionName: true, positionType: true, unit: true, tmtCpns: true, lastKgbTmt: true, creditPoints: true,
  jenjang: true, eselon: true,
  active: true,
} as const;

/** Where one occurrence goes: a superseded or muted one nowhere; otherwise the person's chat, or the HR digest. */
export function routeFor(entry: RosterEntry, kind: ReminderKind, superseded: boolean): ReminderRoute {
  if (superseded) return 'superseded';
  if (entry.muted.has(kind)) return 'muted';
  if (entry.chat && !entry.chat.blocked) return 'telegram';
  return 'digest';
}
