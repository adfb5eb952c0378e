import { TRPCError } from '@trpc/server';
import type { AgencyDirectory } from '../agencies/agency-directory.js';
import { audienceSchema, type Audience } from '../audience/audience.js';
import type { Db } from '../db/client.js';

/**
 * Whether a broadcast published by `publisherAgencyId` with `audience` is addressed to `agency`'s staff: its own
 * agency's broadcasts, and a province broadcast (every agency, or the agencies it names).
 */
export function reachesAgency(audience: Pick<Audience, 'province' | 'agencies'>, publisherAgencyId: string, agency: { id: string; code: string }): boolean {
  if (audience.province) return true;
  if (audience.agencies.length > 0) return audience.agencies.includes(agency.code);
  return publisherAgencyId === agency.id;
}

/** The agencies whose staff a broadcast reaches (ids), active ones only for a province-wide broadcast. */
export async function agenciesReached(agencies: AgencyDirectory, publisherAgencyId: string, audience: Pick<Audience, 'province' | 'agencies'>): Promise<string[]> {
  if (!audience.province && audience.agencies.length === 0) return [publisherAgencyId];
  const all = await agencies.all();
  return all.filter((agency) => (audience.province ? agency.active : true) && reachesAgency(audience, publisherAgencyId, agency)).map((agency) => agency.id);
}

/**
 * Only the province HR bureau addresses other agencies' staff, and only agencies that exist. Refused with a message
 * that says what to do.
 */
export async function assertMayAddressAgencies(agencies: AgencyDirectory, publisherAgencyId: string, audience: Pick<Audience, 'province' | 'agencies'>): Promise<void> {
  if (!audience.province && audience.agencies.length === 0) return;
  const publisher = await agencies.byId(publisherAgencyId);
  if (!publisher?.province) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'Hanya BKPSDMD (instansi dengan peran provinsi) yang dapat menyiarkan ke seluruh provinsi atau ke instansi lain. / Only the province HR bureau broadcasts to other agencies.',
    });
  }
  const unknown: string[] = [];
  for (const code of audience.agencies) if (!(await agencies.byCode(code))) unknown.push(code);
  if (unknown.length > 0) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: `Instansi ${unknown.join(', ')} tidak terdaftar; lihat \`layani agency list\`. / Unknown agency ${unknown.join(', ')}.` });
  }
}

/** The agencies whose broadcasts an employee of `agencyId` may have been sent: their own and the province's. */
export async function publishersFor(agencies: AgencyDirectory, agencyId: string): Promise<string[]> {
  return [...new Set([agencyId, ...(await agencies.provinceAgencies()).map((agency) => agency.id)])];
}

/**
 * The same question straight from the database, for staff-side checks (confirming, "Saya tertarik", the archive):
 * is this broadcast addressed to the staff of `agencyId`?
 */
export async function isAddressedToAgency(db: Db, broadcast: { agencyId: string; audience: string }, agencyId: string): Promise<boolean> {
  if (broadcast.agencyId === agencyId) return true;
  const audience = audienceSchema.pick({ province: true, agencies: true }).safeParse(JSON.parse(broadcast.audience));
  if (!audience.success || (!audience.data.province && audience.data.agencies.length === 0)) return false;
  const agency = await db.agency.findUnique({ where: { id: agencyId }, select: { id: true, code: true } });
  return agency !== null && reachesAgency(audience.data, broadcast.agencyId, agency);
}

/** The province agencies' ids straight from the database (their broadcasts may reach any agency). */
export async function provinceAgencyIds(db: Db): Promise<string[]> {
  return (await db.agency.findMany({ where: { province: true }, select: { id: true } })).map((row) => row.id);
}

/** publishersFor read straight from the database, for staff-side checks that have no agency directory at hand. */
export async function publisherAgencyIds(db: Db, agencyId: string): Promise<string[]> {
  return [...new Set([agencyId, ...(await provinceAgencyIds(db))])];
}

/** The candidates addressed to the employee's agency (a province broadcast names every agency or some). */
export async function addressedToAgency<T extends { agencyId: string; audience: string }>(db: Db, candidates: T[], agencyId: string): Promise<T[]> {
  const out: T[] = [];
  for (const b of candidates) if (await isAddressedToAgency(db, b, agencyId)) out.push(b);
  return out;
}
