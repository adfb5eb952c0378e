import { TRPCError } from '@trpc/server';
import { audienceMatcher } from '../audience/audience-matcher.js';
import { describeAudience, isEmptyAudience, type Audience } from '../audience/audience.js';
import type { Db } from '../db/client.js';

const badRequest = (message: string) => new TRPCError({ code: 'BAD_REQUEST', message });

/**
 * Checks that an audience for a reminder or deadline reaches someone, and says how many. Reminders go to people
 * one by one, so groups and channels are refused (broadcasts are for those); a NIP or unit that matches nobody is
 * named, since it is almost always a typo.
 */
export async function checkReminderAudience(db: Db, agencyId: string, audience: Audience): Promise<{ recipients: number; linked: number; description: string }> {
  if (audience.telegramGroups.length > 0 || audience.slackChannels.length > 0) {
    throw badRequest(
      'Pengingat dikirim langsung ke pegawai satu per satu; grup Telegram dan kanal Slack hanya untuk siaran. / ' +
        'Reminders go to employees one by one; Telegram groups and Slack channels are for broadcasts.',
    );
  }
  if (isEmptyAudience(audience)) {
    throw badRequest('Tentukan penerimanya: semua, unit, golongan, jenis jabatan atau NIP. / Say who it is for: everyone, units, ranks, position types or NIPs.');
  }
  const employees = await db.employee.findMany({
    where: { agencyId, active: true },
    select: { id: true, nip: true, unit: true, golongan: true, positionType: true },
  });
  const known = new Set(employees.map((e) => e.nip));
  const unknown = audience.nips.filter((nip) => !known.has(nip));
  if (unknown.length > 0) {
    throw badRequest(`Tidak ada pegawai aktif dengan NIP ${unknown.join(', ')}; periksa kembali NIP-nya. / No active employee has NIP ${unknown.join(', ')}.`);
  }
  const units = new Set(employees.map((e) => e.unit.toLowerCase()));
  const unknownUnits = audience.units.filter((unit) => !units.has(unit.toLowerCase()));
  if (unknownUnits.length > 0) {
    const names = [...new Set(employees.map((e) => e.unit))].sort().join(', ');
    throw badRequest(`Unit "${unknownUnits.join('", "')}" tidak ada. Unit yang ada: ${names}. / Unknown unit.`);
  }
  const reached = employees.filter(audienceMatcher(audience));
  if (reached.length === 0) {
    throw badRequest(`Tidak ada pegawai aktif yang cocok dengan sasaran ini (${describeAudience(audience)}). / The audience reaches nobody.`);
  }
  const linkedIds = new Set(
    (await db.chatIdentity.findMany({ where: { platform: 'telegram', employee: { agencyId, active: true } }, select: { employeeId: true } })).map((i) => i.employeeId),
  );
  const linked = reached.filter((e) => linkedIds.has(e.id)).length;
  return { recipients: reached.length, linked, description: describeAudience(audience) };
}
