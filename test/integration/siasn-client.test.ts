import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../core/config/load-config.js';
import { createLogger } from '../../core/logging/logger.js';
import { SiasnClient, SiasnError } from '../../core/siasn/siasn-client.js';
import { siasnSettingsFromConfig, type SiasnSettings } from '../../core/siasn/siasn-settings.js';
import { FakeSiasn, siasnDataUtama } from '../fakes/fake-siasn.js';
import { employeeRecord } from '../support/employees.js';

const nip = '198609262015051001';

describe('SIASN client against the fake gateway, SSO and API', () => {
  let siasn: FakeSiasn;
  let settings: SiasnSettings;
  let logLines: string[];
  const client = (overrides: Partial<SiasnSettings> = {}, now?: () => number) =>
    new SiasnClient({ ...settings, ...overrides }, { log: createLogger('debug', { write: (line: string) => void logLines.push(line) }), now });

  beforeEach(async () => {
    siasn = new FakeSiasn();
    await siasn.start();
    siasn.mainRecords.set(nip, siasnDataUtama(employeeRecord({ nip })));
    settings = { ...siasnSettingsFromConfig(parseConfig(siasn.env()))!, backoffBaseMs: 20, requestsPerSecond: 200 };
    logLines = [];
  });
  afterEach(() => siasn.stop());

  it('sends both tokens on every call and reuses them until they are about to expire', async () => {
    const api = client();
    for (let i = 0; i < 5; i++) expect((await api.get(`pns/data-utama/${nip}`)).status).toBe(200);
    expect(siasn.counts).toMatchObject({ gatewayGrants: 1, ssoGrants: 1, api: 5, unauthorized: 0 });
    for (const request of siasn.requests) {
      expect(request.authorization).toMatch(/^Bearer gw-/);
      expect(request.auth).toMatch(/^bearer sso-/);
    }
  });

  it('renews both tokens before they expire instead of waiting for a 401', async () => {
    let now = Date.now();
    const api = client({}, () => now);
    await api.get(`pns/data-utama/${nip}`);
    now += 3600 * 1000; // the fake's tokens live an hour; the client renews a minute early
    await api.get(`pns/data-utama/${nip}`);
    expect(siasn.counts).toMatchObject({ gatewayGrants: 2, ssoGrants: 2, unauthorized: 0 });
    const [first, second] = siasn.requests;
    expect(second!.authorization).not.toBe(first!.authorization);
    expect(second!.auth).not.toBe(first!.auth);
  });

  it('answers a 401 with fresh tokens once, and the call succeeds', async () => {
    const api = client();
    await api.get(`pns/data-utama/${nip}`);
    siasn.revokeTokens();
    const answer = await api.get(`pns/data-utama/${nip}`);
    expect(answer.status).toBe(200);
    expect(siasn.counts).toMatchObject({ gatewayGrants: 2, ssoGrants: 2, unauthorized: 1 });
    expect(api.counts.reauthentications).toBe(1);
  });

  it('fails loudly when fresh tokens are refused too, after exactly one renewal', async () => {
    siasn.refuseAllApiCalls = true;
    const api = client();
    const error = await api.get(`pns/data-utama/${nip}`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SiasnError);
    expect((error as SiasnError).kind).toBe('auth');
    expect((error as Error).message).toMatch(/SIASN_SSO_USERNAME/);
    expect(siasn.counts).toMatchObject({ api: 2, unauthorized: 2, gatewayGrants: 2, ssoGrants: 2 });
  });

  it('retries 429 and 5xx with growing waits, and honours Retry-After', async () => {
    siasn.fail({ path: /data-utama/, status: 503 });
    siasn.fail({ path: /data-utama/, status: 502 });
    const api = client({ backoffBaseMs: 100 });
    let started = Date.now();
    expect((await api.get(`pns/data-utama/${nip}`)).status).toBe(200);
    // Waits of 50–100 ms then 100–200 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(api.counts.retries).toBe(2);

    siasn.fail({ path: /data-utama/, status: 429, headers: { 'retry-after': '1' } });
    started = Date.now();
    expect((await api.get(`pns/data-utama/${nip}`)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(siasn.counts.api).toBe(5);
  });

  it('gives up after the configured retries with a message that says what to check', async () => {
    siasn.fail({ path: /data-utama/, status: 500, times: 10 });
    const api = client({ maxRetries: 2 });
    const error = await api.get(`pns/data-utama/${nip}`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SiasnError);
    expect((error as SiasnError).kind).toBe('unavailable');
    expect((error as Error).message).toMatch(/3 percobaan.*HTTP 500.*SIASN_API_URL/);
    expect(siasn.counts.api).toBe(3);
  });

  it('names the refused credential without ever echoing a secret', async () => {
    const api = client({ consumerSecret: 'salah-secret-123' });
    const error = await api.checkCredentials().catch((e: unknown) => e);
    expect((error as SiasnError).kind).toBe('auth');
    expect((error as Error).message).toMatch(/SIASN_CONSUMER_KEY\/SIASN_CONSUMER_SECRET/);
    expect((error as Error).message).not.toMatch(/salah-secret-123/);

    const sso = client({ ssoPassword: 'kata-sandi-lama' });
    const ssoError = await sso.checkCredentials().catch((e: unknown) => e);
    expect((ssoError as Error).message).toMatch(/SSO SIASN menolak akun operator/);
    expect((ssoError as Error).message).not.toMatch(/kata-sandi-lama/);
    expect(logLines.join('\n')).not.toMatch(/kata-sandi-lama|salah-secret-123|cs-test-secret/);
  });

  it('spaces calls to the configured rate', async () => {
    const api = client({ requestsPerSecond: 20 });
    const started = Date.now();
    await Promise.all(Array.from({ length: 30 }, () => api.get(`pns/data-utama/${nip}`)));
    // 30 calls at 20/s: the last may leave no earlier than ~1.45 s after the first.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1300);
  });
});
