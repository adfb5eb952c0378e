import { TRPCError } from '@trpc/server';
import type { Actor } from '../auth/actor.js';
import { hasAtLeast } from '../auth/roles.js';
import { writeAudit } from '../audit/audit-log.js';
import type { Db } from '../db/client.js';
import { agencyCodeSchema, agencyDeskInputSchema, type AgencyDesk, type AgencyDeskInput } from './agency-desk.js';
import type { AgencyDirectory } from './agency-directory.js';

export interface AgencyServiceDeps {
  db: Db;
  agencies: AgencyDirectory;
}

/**
 * Who may register agencies and change their desks: the operator (CLI, an admin token bound to no agency) and the
 * province HR bureau's leads (from Slack, `/layani instansi`). An agency's own HR cannot move its desk.
 */
export function assertProvinceAdmin(actor: Actor): void {
  if ((actor.agencyId === null && actor.role === 'admin') || (actor.province && hasAtLeast(actor.role, 'hr_lead'))) return;
  throw new TRPCError({
    code: 'FORBIDDEN',
    message: 'Hanya admin provinsi (pimpinan kepegawaian BKPSDMD atau operator) yang dapat mengatur instansi. / Only province admins manage agencies.',
  });
}

function columnsOf(input: AgencyDeskInput) {
  return {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.triageChannel !== undefined ? { triageChannel: input.triageChannel } : {}),
    ...(input.confidentialChannel !== undefined ? { confidentialChannel: input.confidentialChannel } : {}),
    ...(input.feedbackChannel !== undefined ? { feedbackChannel: input.feedbackChannel } : {}),
    ...(input.telegramGroups !== undefined ? { telegramGroups: JSON.stringify(input.telegramGroups) } : {}),
    ...(input.hrLeads !== undefined ? { hrLeads: JSON.stringify(input.hrLeads) } : {}),
    ...(input.firstResponseMinutes !== undefined ? { firstResponseMinutes: input.firstResponseMinutes } : {}),
    ...(input.resolutionMinutes !== undefined ? { resolutionMinutes: input.resolutionMinutes } : {}),
    ...(input.province !== undefined ? { province: input.province } : {}),
    ...(input.active !== undefined ? { active: input.active } : {}),
  };
}

/** A channel may be the desk of one agency only: otherwise who acts for whom in it would be ambiguous. */
async function assertChannelsFree(deps: AgencyServiceDeps, agencyCode: string, input: AgencyDeskInput): Promise<void> {
  const wanted = [input.triageChannel, input.confidentialChannel].filter((c): c is string => typeof c === 'string');
  if (input.triageChannel && input.triageChannel === input.confidentialChannel) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'Kanal triase dan kanal pimpinan harus berbeda. / Triage and leads channels must differ.' });
  }
  for (const other of await deps.agencies.all()) {
    if (other.code === agencyCode) continue;
    const clash = wanted.find((channel) => channel === other.channels.triage || channel === other.channels.confidential);
    if (clash) {
      throw new TRPCError({
        code: 'CONFLICT',
        message: `Kanal ${clash} sudah menjadi meja layanan instansi ${other.code}; setiap instansi memakai kanalnya sendiri. / Channel ${clash} already belongs to ${other.code}.`,
      });
    }
  }
}

/** Registers an agency with its desk. Refused when the code is taken (use `set` to change one). */
export async function addAgency(deps: AgencyServiceDeps, actor: Actor, code: string, name: string, desk: AgencyDeskInput = {}): Promise<AgencyDesk> {
  assertProvinceAdmin(actor);
  const agencyCode = agencyCodeSchema.parse(code);
  const input = agencyDeskInputSchema.parse({ ...desk, name });
  if (await deps.db.agency.findUnique({ where: { code: agencyCode } })) {
    throw new TRPCError({ code: 'CONFLICT', message: `Instansi ${agencyCode} sudah terdaftar; ubah dengan \`layani agency set ${agencyCode} …\`. / Agency exists.` });
  }
  await assertChannelsFree(deps, agencyCode, input);
  const created = await deps.db.$transaction(async (tx) => {
    const row = await tx.agency.create({ data: { code: agencyCode, name: input.name!, ...columnsOf(input) } });
    await writeAudit(tx, actor, { action: 'agency.add', entity: 'Agency', entityId: row.id, agencyId: row.id, after: { code: agencyCode, ...columnsOf(input) } });
    return row;
  });
  deps.agencies.invalidate();
  return (await deps.agencies.byId(created.id))!;
}

/** Changes an agency's desk: only the fields given; null clears a channel. */
export async function setAgency(deps: AgencyServiceDeps, actor: Actor, code: string, desk: AgencyDeskInput): Promise<AgencyDesk> {
  assertProvinceAdmin(actor);
  const agencyCode = agencyCodeSchema.parse(code);
  const input = agencyDeskInputSchema.parse(desk);
  const before = await deps.db.agency.findUnique({ where: { code: agencyCode } });
  if (!before) throw new TRPCError({ code: 'NOT_FOUND', message: `Instansi ${agencyCode} tidak terdaftar; daftarkan dengan \`layani agency add\`. / No such agency.` });
  await assertChannelsFree(deps, agencyCode, input);
  const data = columnsOf(input);
  await deps.db.$transaction(async (tx) => {
    await tx.agency.update({ where: { id: before.id }, data });
    await writeAudit(tx, actor, { action: 'agency.set', entity: 'Agency', entityId: before.id, agencyId: before.id, after: data });
  });
  deps.agencies.invalidate();
  return (await deps.agencies.byId(before.id))!;
}

/** Every agency the actor may read (the province role and operators: all; an agency's HR: their own). */
export async function listAgencies(deps: AgencyServiceDeps, actor: Actor): Promise<Array<AgencyDesk & { employees: number; linked: number }>> {
  const all = await deps.agencies.all();
  const visible = actor.agencyId === null || actor.province ? all : all.filter((agency) => agency.id === actor.agencyId);
  const employees = await deps.db.employee.groupBy({ by: ['agencyId'], where: { active: true }, _count: { _all: true } });
  const linkedRows = await deps.db.employee.groupBy({ by: ['agencyId'], where: { active: true, identities: { some: { platform: 'telegram' } } }, _count: { _all: true } });
  const count = (rows: typeof employees, id: string) => rows.find((row) => row.agencyId === id)?._count._all ?? 0;
  return visible.map((agency) => ({ ...agency, employees: count(employees, agency.id), linked: count(linkedRows, agency.id) }));
}

export async function showAgency(deps: AgencyServiceDeps, actor: Actor, code: string) {
  const wanted = agencyCodeSchema.parse(code);
  const found = (await listAgencies(deps, actor)).find((agency) => agency.code === wanted);
  if (!found) throw new TRPCError({ code: 'NOT_FOUND', message: `Instansi ${wanted} tidak ditemukan; lihat \`layani agency list\`. / No such agency.` });
  return found;
}
