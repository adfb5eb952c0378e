import type { Db } from '../db/client.js';
import { hasEmployeeFilter, type Audience } from './audience.js';
import { audienceMatcher } from './audience-matcher.js';

/** An employee an audience reaches, with their Telegram chat when they linked one and did not block the bot. */
export interface AudienceMember {
  employeeId: string;
  unit: string;
  golongan: string;
  positionType: string;
  /** Telegram private chat id; null when not linked. */
  telegramChatId: string | null;
  /** Linked, but the chat refused our messages (blocked the bot). */
  blocked: boolean;
}

/**
 * The active employees of an agency an audience reaches, in a stable order (by id). Inactive employees are never
 * reached. Filtering happens in memory: a whole agency (~10,000 rows of a few columns) is cheap to scan and the
 * rank-group rule ("III" = III/a–III/d) is awkward in SQL.
 */
export async function resolveAudienceMembers(db: Db, agencyId: string, audience: Audience): Promise<AudienceMember[]> {
  if (!reachesEmployees(audience)) return [];
  const agencyIds = (await agenciesOfAudience(db, agencyId, audience)).map((agency) => agency.id);
  return membersOf(db, agencyIds, audience);
}

/**
 * The same members, one of the audience's agencies (agenciesOfAudience) at a time. A province-wide fan-out then
 * holds one agency's rows at once rather than the whole province's: what a process holds at its peak decides how
 * much memory V8 lets its heap grow to.
 */
export async function* audienceMembersByAgency(db: Db, agencies: ReadonlyArray<{ id: string }>, audience: Audience): AsyncGenerator<AudienceMember[]> {
  if (!reachesEmployees(audience)) return;
  for (const agency of agencies) yield membersOf(db, [agency.id], audience);
}

const reachesEmployees = (audience: Audience) => audience.everyone || hasEmployeeFilter(audience) || audience.nips.length > 0;

async function membersOf(db: Db, agencyIds: string[], audience: Audience): Promise<AudienceMember[]> {
  const employees = await db.employee.findMany({
    where: { agencyId: agencyIds.length === 1 ? agencyIds[0]! : { in: agencyIds }, active: true },
    select: { id: true, nip: true, unit: true, golongan: true, positionType: true },
    orderBy: { id: 'asc' },
  });
  const chosen = employees.filter(audienceMatcher(audience));
  const chats = await telegramChatsOfAgencies(db, agencyIds);
  return chosen.map((e) => {
    const chat = chats.get(e.id);
    return {
      employeeId: e.id,
      unit: e.unit,
      golongan: e.golongan,
      positionType: e.positionType,
      telegramChatId: chat?.chatId ?? null,
      blocked: chat?.blocked ?? false,
    };
  });
}

/**
 * The agencies whose staff an audience is about: the publishing agency, or (a province broadcast) every active
 * agency or the ones named. Read from the database so that the fan-out needs nothing but the broadcast.
 */
export async function agenciesOfAudience(db: Db, agencyId: string, audience: Pick<Audience, 'province' | 'agencies'>): Promise<Array<{ id: string; code: string; telegramGroups: string }>> {
  const select = { id: true, code: true, telegramGroups: true } as const;
  if (audience.province) return db.agency.findMany({ where: { active: true }, select, orderBy: { code: 'asc' } });
  if (audience.agencies.length > 0) return db.agency.findMany({ where: { code: { in: audience.agencies } }, select, orderBy: { code: 'asc' } });
  const own = await db.agency.findUnique({ where: { id: agencyId }, select });
  return own ? [own] : [];
}

/**
 * The Telegram private chat of every linked employee of an agency (a Telegram user id is also their private chat
 * id). One query for the whole agency rather than long IN lists, which SQLite caps at a few hundred parameters.
 */
export async function telegramChatsOf(db: Db, agencyId: string): Promise<Map<string, { chatId: string; blocked: boolean }>> {
  return telegramChatsOfAgencies(db, [agencyId]);
}

/** The same for several agencies at once (a province-wide broadcast or opportunity). */
export async function telegramChatsOfAgencies(db: Db, agencyIds: readonly string[]): Promise<Map<string, { chatId: string; blocked: boolean }>> {
  if (agencyIds.length === 0) return new Map();
  const identities = await db.chatIdentity.findMany({
    where: { platform: 'telegram', employee: agencyIds.length === 1 ? { agencyId: agencyIds[0]! } : { agencyId: { in: [...agencyIds] } } },
    select: { employeeId: true, externalId: true },
    orderBy: { linkedAt: 'asc' },
  });
  // Few people block the bot: the whole list is small.
  const blocked = new Set((await db.blockedChat.findMany({ where: { platform: 'telegram' }, select: { chatId: true } })).map((row) => row.chatId));
  const result = new Map<string, { chatId: string; blocked: boolean }>();
  // The newest link wins when someone linked twice.
  for (const identity of identities) result.set(identity.employeeId, { chatId: identity.externalId, blocked: blocked.has(identity.externalId) });
  return result;
}
