import { cliActor } from '../../core/auth/actor.js';
import type { Db } from '../../core/db/client.js';
import { saveEmployees } from '../../core/records/save-employees.js';
import { generateEmployees } from './generate-employees.js';

/**
 * An office of `count` active employees, each linked to a Telegram chat (ids from `firstChatId` up), all in the
 * unit `unit`, without bot traffic: for broadcasts at scale.
 */
export async function seedLinkedOffice(db: Db, options: { count: number; unit: string; firstChatId: number; seed?: number }): Promise<number[]> {
  const agency = await db.agency.findFirstOrThrow();
  const people = generateEmployees(options.count, options.seed ?? 7).map((person) => ({ ...person, unit: options.unit, active: true }));
  await saveEmployees(db, cliActor, agency.id, people);
  const saved = await db.employee.findMany({ where: { nip: { in: people.map((p) => p.nip) } }, select: { id: true, nip: true } });
  const idOf = new Map(saved.map((e) => [e.nip, e.id]));
  const chats = people.map((_, index) => options.firstChatId + index);
  for (let start = 0; start < people.length; start += 500) {
    await db.chatIdentity.createMany({
      data: people.slice(start, start + 500).map((person, offset) => ({ employeeId: idOf.get(person.nip)!, platform: 'telegram', externalId: String(chats[start + offset]) })),
    });
  }
  return chats;
}
