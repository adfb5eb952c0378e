import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer } from '../../api/http-server.js';
import { cliActor } from '../../core/auth/actor.js';
import { createApiToken } from '../../core/auth/api-tokens.js';
import { employeeRecord } from '../support/employees.js';
import { testDatabaseKinds } from '../support/test-databases.js';
import { createTestRuntime, type TestRuntime } from '../support/test-runtime.js';

describe.each(testDatabaseKinds)('HTTP API on %s', (kind) => {
  let rt: TestRuntime;
  let server: Server;
  let base: string;
  let staffToken: string;
  let officerToken: string;
  const budi = employeeRecord();

  beforeAll(async () => {
    rt = await createTestRuntime(kind);
    const { employee } = await rt.callerFor(cliActor).records.upsert({ record: budi });
    staffToken = (await createApiToken(rt.db, { name: 't', role: 'staff', employeeId: employee.id, agencyId: employee.agencyId })).token;
    officerToken = (await createApiToken(rt.db, { name: 't', role: 'hr_officer', agencyId: employee.agencyId })).token;
    server = createHttpServer(rt);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await rt?.stop();
  });

  it('answers /healthz', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('refuses callers without a valid bearer token', async () => {
    expect((await fetch(`${base}/trpc/records.me`)).status).toBe(401);
    const wrong = await fetch(`${base}/trpc/records.me`, { headers: { authorization: 'Bearer lyn_nope' } });
    expect(wrong.status).toBe(401);
  });

  it('serves records.me to a staff token', async () => {
    const response = await fetch(`${base}/trpc/records.me`, { headers: { authorization: `Bearer ${staffToken}` } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { result: { data: { nip: string; name: string } } };
    expect(body.result.data.nip).toBe(budi.nip);
  });

  it('returns field errors for bad input', async () => {
    const input = encodeURIComponent(JSON.stringify({ nip: '123' }));
    const response = await fetch(`${base}/trpc/records.get?input=${input}`, { headers: { authorization: `Bearer ${officerToken}` } });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { data: { fieldErrors: Record<string, string> } } };
    expect(body.error.data.fieldErrors).toEqual({ nip: 'NIP harus 18 digit angka' });
  });

  it('forbids a staff token from reading another NIP', async () => {
    const input = encodeURIComponent(JSON.stringify({ nip: '199001152019032002' }));
    const response = await fetch(`${base}/trpc/records.get?input=${input}`, { headers: { authorization: `Bearer ${staffToken}` } });
    expect(response.status).toBe(403);
  });
});
