/**
 * Fake of BKN's SIASN web service for tests and the benchmark, on 127.0.0.1, speaking the wire shape agencies'
 * code shows:
 *
 *   POST {url}/oauth2/token        gateway (WSO2) client-credentials token; HTTP Basic consumerKey:consumerSecret
 *   POST {url}/sso/token           SSO (Keycloak) password grant: client_id, username, password
 *   GET  {url}/apisiasn/1.0/pns/data-utama/{nip}
 *   GET  {url}/apisiasn/1.0/pns/rw-golongan/{nip}, rw-jabatan/{nip}, rw-angkakredit/{nip}
 *   GET  {url}/apisiasn/1.0/pns/list-kp-instansi?periode=YYYY-MM-DD
 *
 * Every API call must carry `Authorization: Bearer <gateway token>` and `Auth: bearer <SSO token>`, both issued
 * here and not expired or revoked; otherwise 401. Answers use the `{code, success, message, data}` envelope.
 * Tests script failures (429, 5xx, malformed bodies) per path, expire or revoke tokens, and count what arrived.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmployeeRecord } from '../../core/records/employee.js';
import { FakeHttpServer, sendJson, sendText } from './http-util.js';

export interface FakeSiasnCredentials {
  consumerKey: string;
  consumerSecret: string;
  clientId: string;
  username: string;
  password: string;
}

export const fakeSiasnCredentials: FakeSiasnCredentials = {
  consumerKey: 'ck-test-agency',
  consumerSecret: 'cs-test-secret',
  clientId: 'layani-test',
  username: 'operator.dkp',
  password: 'rahasia-operator',
};

export interface ScriptedFailure {
  /** Matched against the request path (after /apisiasn/1.0/), e.g. /data-utama/. */
  path: RegExp;
  status: number;
  /** Raw body to send instead of an error envelope (a malformed answer). */
  body?: string;
  headers?: Record<string, string>;
  /** How many times (default once). */
  times?: number;
}

export interface FakeSiasnOptions {
  credentials?: FakeSiasnCredentials;
  /** Lifetime of issued tokens in seconds (default 3600). */
  tokenSeconds?: number;
  /** Delay before each API answer, ms. */
  latencyMs?: number;
  /** Keep a log of API requests (off for the benchmark). */
  recordRequests?: boolean;
}

interface Issued {
  expiresAt: number;
  revoked: boolean;
}

export class FakeSiasn {
  private readonly http: FakeHttpServer;
  readonly credentials: FakeSiasnCredentials;
  private readonly gatewayTokens = new Map<string, Issued>();
  private readonly ssoTokens = new Map<string, Issued>();
  private issued = 0;
  private failures: ScriptedFailure[] = [];
  /** data-utama records by NIP (wire shape), or a raw body for a malformed one. */
  readonly mainRecords = new Map<string, Record<string, unknown> | { raw: string }>();
  readonly histories = new Map<string, Record<string, unknown>[]>();
  readonly kpLists = new Map<string, Record<string, unknown>[]>();
  readonly requests: Array<{ method: string; path: string; authorization?: string; auth?: string; status: number }> = [];
  readonly counts = { gatewayGrants: 0, ssoGrants: 0, api: 0, unauthorized: 0, rejectedGrants: 0 };
  /** Set to make every API call answer 401 (tokens accepted by the token endpoints, refused by the API). */
  refuseAllApiCalls = false;

  constructor(private readonly options: FakeSiasnOptions = {}) {
    this.credentials = options.credentials ?? fakeSiasnCredentials;
    this.http = new FakeHttpServer((req, res, body) => this.handle(req, res, body), 'fake-siasn');
  }

  async start(): Promise<{ url: string }> {
    return this.http.start();
  }

  stop(): Promise<void> {
    return this.http.stop();
  }

  get url(): string {
    return this.http.url;
  }

  /** The LAYANI settings that point at this fake. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      SIASN_API_URL: `${this.url}/apisiasn/1.0/`,
      SIASN_GATEWAY_TOKEN_URL: `${this.url}/oauth2/token`,
      SIASN_SSO_TOKEN_URL: `${this.url}/sso/token`,
      SIASN_CONSUMER_KEY: this.credentials.consumerKey,
      SIASN_CONSUMER_SECRET: this.credentials.consumerSecret,
      SIASN_SSO_CLIENT_ID: this.credentials.clientId,
      SIASN_SSO_USERNAME: this.credentials.username,
      SIASN_SSO_PASSWORD: this.credentials.password,
      ...extra,
    };
  }

  fail(failure: ScriptedFailure): void {
    this.failures.push({ times: 1, ...failure });
  }

  /** Every token issued so far stops working (as after a gateway restart or a password change). */
  revokeTokens(): void {
    for (const t of [...this.gatewayTokens.values(), ...this.ssoTokens.values()]) t.revoked = true;
  }

  private async handle(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (req.method === 'POST' && url.pathname === '/oauth2/token') return this.gatewayGrant(req, res, body);
    if (req.method === 'POST' && url.pathname === '/sso/token') return this.ssoGrant(res, body);
    const prefix = '/apisiasn/1.0/';
    if (!url.pathname.startsWith(prefix)) return sendJson(res, 404, { fault: { message: 'No matching resource found' } });
    this.counts.api += 1;
    if (this.options.latencyMs) await new Promise((r) => setTimeout(r, this.options.latencyMs));
    const path = url.pathname.slice(prefix.length);
    const status = this.authorised(req) ? this.answer(path, url, res) : this.unauthorised(res);
    if (this.options.recordRequests !== false) {
      this.requests.push({ method: req.method ?? 'GET', path, authorization: req.headers.authorization, auth: req.headers.auth as string | undefined, status });
    }
  }

  private gatewayGrant(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const expected = `Basic ${Buffer.from(`${this.credentials.consumerKey}:${this.credentials.consumerSecret}`).toString('base64')}`;
    const form = new URLSearchParams(body.toString());
    if (req.headers.authorization !== expected || form.get('grant_type') !== 'client_credentials') {
      this.counts.rejectedGrants += 1;
      return sendJson(res, 401, { error: 'invalid_client', error_description: 'Client Authentication failed.' });
    }
    this.counts.gatewayGrants += 1;
    sendJson(res, 200, this.issue(this.gatewayTokens, 'gw'));
  }

  private ssoGrant(res: ServerResponse, body: Buffer): void {
    const form = new URLSearchParams(body.toString());
    const ok =
      form.get('grant_type') === 'password' &&
      form.get('client_id') === this.credentials.clientId &&
      form.get('username') === this.credentials.username &&
      form.get('password') === this.credentials.password;
    if (!ok) {
      this.counts.rejectedGrants += 1;
      return sendJson(res, 401, { error: 'invalid_grant', error_description: 'Invalid user credentials' });
    }
    this.counts.ssoGrants += 1;
    sendJson(res, 200, { ...this.issue(this.ssoTokens, 'sso'), refresh_expires_in: 1800, 'not-before-policy': 0, scope: 'profile email' });
  }

  private issue(store: Map<string, Issued>, kind: string): { access_token: string; expires_in: number; token_type: string } {
    const seconds = this.options.tokenSeconds ?? 3600;
    const token = `${kind}-${++this.issued}-${Math.random().toString(36).slice(2, 10)}`;
    store.set(token, { expiresAt: Date.now() + seconds * 1000, revoked: false });
    return { access_token: token, expires_in: seconds, token_type: 'Bearer' };
  }

  private authorised(req: IncomingMessage): boolean {
    if (this.refuseAllApiCalls) return false;
    const valid = (store: Map<string, Issued>, header: unknown, scheme: RegExp) => {
      const match = typeof header === 'string' ? scheme.exec(header) : null;
      const issued = match ? store.get(match[1]!) : undefined;
      return issued !== undefined && !issued.revoked && issued.expiresAt > Date.now();
    };
    return valid(this.gatewayTokens, req.headers.authorization, /^Bearer (\S+)$/) && valid(this.ssoTokens, req.headers.auth, /^bearer (\S+)$/i);
  }

  private unauthorised(res: ServerResponse): number {
    this.counts.unauthorized += 1;
    sendJson(res, 401, { code: 401, success: false, message: 'Unauthorized', data: null });
    return 401;
  }

  private answer(path: string, url: URL, res: ServerResponse): number {
    const failure = this.failures.find((f) => f.path.test(path));
    if (failure) {
      failure.times = (failure.times ?? 1) - 1;
      if (failure.times <= 0) this.failures.splice(this.failures.indexOf(failure), 1);
      if (failure.body !== undefined) sendText(res, failure.status, failure.body, 'application/json', failure.headers);
      else sendJson(res, failure.status, { code: failure.status, success: false, message: 'Error', data: null }, failure.headers);
      return failure.status;
    }
    const [group, name, nip] = path.split('/');
    if (group === 'pns' && name === 'list-kp-instansi') {
      const period = url.searchParams.get('periode') ?? '';
      return this.ok(res, this.kpLists.get(period) ?? []);
    }
    if (group === 'pns' && name === 'data-utama' && nip) {
      const record = this.mainRecords.get(nip);
      if (!record) return this.notFound(res);
      if ('raw' in record) {
        sendText(res, 200, record.raw as string, 'application/json');
        return 200;
      }
      return this.ok(res, record);
    }
    if (group === 'pns' && name?.startsWith('rw-') && nip) {
      if (!this.mainRecords.has(nip)) return this.notFound(res);
      return this.ok(res, this.histories.get(`${name}/${nip}`) ?? []);
    }
    sendJson(res, 404, { code: 404, success: false, message: 'Not Found', data: null });
    return 404;
  }

  private ok(res: ServerResponse, data: unknown): number {
    sendJson(res, 200, { code: 1, success: true, message: 'success', data });
    return 200;
  }

  private notFound(res: ServerResponse): number {
    sendJson(res, 200, { code: 0, success: false, message: 'Data tidak ditemukan', data: null });
    return 200;
  }
}

const ddmmyyyy = (iso: string | null) => (iso ? `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}` : null);

const jenisJabatanOf = (type: EmployeeRecord['positionType']) =>
  type.startsWith('JF_') ? '2' : type === 'PELAKSANA' ? '4' : '1';
const eselonOf: Partial<Record<EmployeeRecord['positionType'], string>> = {
  JPT_UTAMA: 'I.a', JPT_MADYA: 'I.b', JPT_PRATAMA: 'II.a', ADMINISTRATOR: 'III.a', PENGAWAS: 'IV.a',
};
const educationNames: Record<EmployeeRecord['education'], string> = {
  SD: 'SD', SLTP: 'SLTP', SLTA: 'SLTA', 'D-I': 'Diploma I', 'D-II': 'Diploma II', 'D-III': 'Diploma III', 'D-IV': 'Diploma IV',
  S1: 'S-1/Sarjana', S2: 'S-2', S3: 'S-3/Doktor',
};

/** A data-utama record in SIASN's wire shape for an employee record (dates dd-mm-yyyy, codes as strings). */
export function siasnDataUtama(record: EmployeeRecord, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: `A5EB03E2-${record.nip.slice(-8)}`,
    nipBaru: record.nip,
    nipLama: '',
    nama: record.name,
    gelarDepan: '',
    gelarBelakang: 'S.Pi.',
    tempatLahir: 'Pangkalpinang',
    tglLahir: ddmmyyyy(record.birthDate),
    jenisKelamin: record.gender === 'L' ? 'M' : 'F',
    agama: 'Islam',
    jenisPegawaiNama: record.employmentType === 'PNS' ? 'PNS Daerah Provinsi' : 'PPPK',
    kedudukanPnsNama: record.active ? 'Aktif' : 'Pemberhentian',
    statusPegawai: record.employmentType,
    golRuangAkhir: record.golongan,
    pangkatAkhir: '',
    tmtGolAkhir: ddmmyyyy(record.tmtGolongan),
    tmtCpns: ddmmyyyy(record.tmtCpns),
    tmtPns: '',
    jenisJabatan: jenisJabatanOf(record.positionType),
    jabatanNama: record.positionName,
    jabatanFungsionalNama: record.positionType.startsWith('JF_') ? record.positionName : '',
    jabatanStrukturalNama: eselonOf[record.positionType] ? record.positionName : '',
    eselon: eselonOf[record.positionType] ?? '',
    eselonLevel: '',
    tmtJabatan: '01-01-2024',
    unorNama: record.unit,
    unorIndukNama: 'Dinas Kelautan dan Perikanan',
    instansiKerjaNama: 'Pemerintah Provinsi Kepulauan Bangka Belitung',
    pendidikanTerakhirNama: educationNames[record.education],
    tkPendidikanTerakhir: '',
    mkTahun: '10',
    mkBulan: '2',
    bupPensiun: '58',
    email: 'pegawai@example.com',
    emailGov: '',
    noHp: '081234567890',
    nik: '1971000000000001',
    ...overrides,
  };
}

/** rw-angkakredit entries in SIASN's shape. */
export function siasnAngkaKredit(total: number, year = 2025, month = 12): Record<string, unknown> {
  return { id: `ak-${year}-${month}`, kreditBaruTotal: String(total), kreditUtamaBaru: String(total), kreditPenunjangBaru: '0', bulanMulaiPenailan: '1', tahunMulaiPenailan: String(year), bulanSelesaiPenailan: String(month), tahunSelesaiPenailan: String(year), tanggalSk: `31-${String(month).padStart(2, '0')}-${year}` };
}
