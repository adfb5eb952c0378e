import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor, systemActor, type Actor } from '../../core/auth/actor.js';
import { fixedClock } from '../../core/clock/clock.js';
import { resolveChatActor } from '../../core/identity/resolve-chat-actor.js';
import { employeeRecord } from '../support/employees.js';
import { testDatabaseKinds } from '../support/test-databases.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';

describe.each(testDatabaseKinds)('link codes on %s', (kind) => {
  let rt: TestRuntime;
  let agencyId: string;
  const clock = fixedClock('2026-11-23T03:00:00Z');
  const budi = employeeRecord();
  const officer = (): Actor => ({ ref: 'test:officer', role: 'hr_officer', employeeId: null, agencyId });

  beforeAll(async () => {
    rt = await createTestRuntime(kind, { clock });
    const { employee } = await rt.callerFor(cliActor).records.upsert({ record: budi });
    agencyId = employee.agencyId;
  });
  afterAll(async () => rt?.stop());

  async function failure(promise: Promise<unknown>): Promise<string> {
    const error = await promise.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    return (error as TRPCError).message;
  }

  it('links a chat account once with a code HR issued, and stores only its digest', async () => {
    const issued = await rt.callerFor(officer()).identity.issueLinkCode({ nip: budi.nip });
    expect(issued.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(new Date(issued.expiresAt).getTime() - clock.now().getTime()).toBe(72 * 3_600_000);
    const stored = await rt.db.linkCode.findMany();
    expect(stored.some((row) => row.codeHash.includes(issued.code) || row.codeHash === issued.code)).toBe(false);

    const system = rt.callerFor(systemActor);
    // Users type codes loosely: lower case, no dashes.
    await system.identity.redeemLinkCode({ code: issued.code.toLowerCase().replaceAll('-', ''), platform: 'telegram', externalId: '5550001' });
    const actor = await resolveChatActor(rt.db, 'telegram', '5550001');
    expect(actor.employeeId).not.toBeNull();
    expect((await rt.callerFor(actor).records.me()).nip).toBe(budi.nip);

    expect(await failure(system.identity.redeemLinkCode({ code: issued.code, platform: 'telegram', externalId: '5550002' }))).toMatch(/sudah pernah dipakai/);
    expect((await resolveChatActor(rt.db, 'telegram', '5550002')).employeeId).toBeNull();
  });

  it('refuses an expired code after 72 hours and an unknown code', async () => {
    const issued = await rt.callerFor(officer()).identity.issueLinkCode({ nip: budi.nip });
    clock.advance(72 * 3_600_000 + 1000);
    const system = rt.callerFor(systemActor);
    expect(await failure(system.identity.redeemLinkCode({ code: issued.code, platform: 'telegram', externalId: '5550003' }))).toMatch(/kedaluwarsa/);
    expect(await failure(system.identity.redeemLinkCode({ code: 'AAAA-BBBB-CCCC', platform: 'telegram', externalId: '5550003' }))).toMatch(/tidak dikenal/);
  });

  it('voids the previous unused code when a new one is issued', async () => {
    const first = await rt.callerFor(officer()).identity.issueLinkCode({ nip: budi.nip });
    const second = await rt.callerFor(officer()).identity.issueLinkCode({ nip: budi.nip });
    const system = rt.callerFor(systemActor);
    expect(await failure(system.identity.redeemLinkCode({ code: first.code, platform: 'telegram', externalId: '5550004' }))).toMatch(/kedaluwarsa/);
    await system.identity.redeemLinkCode({ code: second.code, platform: 'telegram', externalId: '5550004' });
  });

  it('resolves a linked account to its highest role and agency, and a deactivated employee to a stranger', async () => {
    const ani = employeeRecord({ nip: '199105052016022002', name: 'Ani Lestari', birthDate: '1991-05-05', gender: 'P' });
    const { employee } = await rt.callerFor(cliActor).records.upsert({ record: ani });
    await rt.db.roleAssignment.createMany({ data: [{ employeeId: employee.id, role: 'hr_officer' }, { employeeId: employee.id, role: 'hr_lead' }] });
    const issued = await rt.callerFor(officer()).identity.issueLinkCode({ nip: ani.nip });
    await rt.callerFor(systemActor).identity.redeemLinkCode({ code: issued.code, platform: 'telegram', externalId: '5550005' });
    expect(await resolveChatActor(rt.db, 'telegram', '5550005')).toEqual({
      ref: 'telegram:5550005',
      role: 'hr_lead',
      employeeId: employee.id,
      agencyId: employee.agencyId,
    });
    await rt.db.employee.update({ where: { id: employee.id }, data: { active: false } });
    expect(await resolveChatActor(rt.db, 'telegram', '5550005')).toEqual({ ref: 'telegram:5550005', role: 'staff', employeeId: null, agencyId: null });
  });

  it('does not let staff issue codes or redeem through the API', async () => {
    const staff: Actor = { ref: 'test:staff', role: 'staff', employeeId: null, agencyId };
    const error = await rt.callerFor(staff).identity.issueLinkCode({ nip: budi.nip }).catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe('FORBIDDEN');
  });
});
