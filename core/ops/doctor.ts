import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { Config } from '../config/config-schema.js';
import { ConfigError, parseConfig } from '../config/load-config.js';
import { parseDatabaseUrl, type DatabaseLocation } from '../db/database-url.js';
import { llmSettingsFromConfig } from '../faq/answer/llm.js';
import { createLogger } from '../logging/logger.js';
import { SiasnClient, SiasnError } from '../siasn/siasn-client.js';
import { siasnSettingsFromConfig, siasnWanted, type SiasnSettings } from '../siasn/siasn-settings.js';
import { loadMigrations, migrationsTable, pendingMigrations, type AppliedMigration } from '../db/migrations.js';
import { agencyChannelFindings, readStoredDesks } from './agency-channel-check.js';
import { defaultOpenAiBaseUrl, probeLlm, probeSlack, probeTelegram, probeTimeoutMs, telegramWebhookInfo, type ProbeResult } from './platform-probes.js';

/** ok: works; warn: works but worth a look; fail: LAYANI will not work until fixed; off: not configured. */
export type FindingStatus = 'ok' | 'warn' | 'fail' | 'off';

export interface Finding {
  area: string;
  status: FindingStatus;
  /** What was found, in one line. */
  summary: string;
  /** What to do about it, in plain words. */
  fix?: string;
}

/**
 * `layani doctor`: checks what an IT person would check by hand before calling for help, and says what to fix.
 * It changes nothing: no migration is applied, no message is sent.
 */
export async function runDoctor(env: Record<string, string | undefined>): Promise<Finding[]> {
  let config: Config;
  try {
    config = parseConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return [{ area: 'Pengaturan', status: 'fail', summary: 'ada nilai yang salah', fix: error.message }];
  }
  const findings: Finding[] = [{ area: 'Pengaturan', status: 'ok', summary: 'semua nilai terbaca' }, ...settingsAdvice(config)];
  findings.push(...(await databaseFindings(config)));
  const platforms = await platformFindings(config);
  findings.push(...platforms);
  // Each agency's desk channels, once Slack itself answers.
  if (platforms.some((f) => f.area === 'Slack' && f.status === 'ok')) {
    try {
      findings.push(...(await agencyChannelFindings(config, await readStoredDesks(parseDatabaseUrl(config.DATABASE_URL)))));
    } catch {
      // A database that cannot be read is reported above.
    }
  }
  return findings;
}

/** Settings that parse but will not work together. */
function settingsAdvice(config: Config): Finding[] {
  const out: Finding[] = [];
  const kind = parseDatabaseUrl(config.DATABASE_URL).kind;
  if (config.TELEGRAM_BOT_TOKEN) {
    if (config.TELEGRAM_WEBHOOK_URL && !config.TELEGRAM_WEBHOOK_SECRET) {
      out.push({ area: 'Telegram webhook', status: 'fail', summary: 'TELEGRAM_WEBHOOK_URL diisi tanpa TELEGRAM_WEBHOOK_SECRET', fix: 'Isi TELEGRAM_WEBHOOK_SECRET dengan teks acak (huruf, angka, _ atau -), misalnya hasil: openssl rand -hex 32' });
    }
    if (config.TELEGRAM_WEBHOOK_URL && !config.TELEGRAM_WEBHOOK_URL.startsWith('https://')) {
      out.push({ area: 'Telegram webhook', status: 'warn', summary: 'TELEGRAM_WEBHOOK_URL bukan https://', fix: 'Telegram hanya mengirim ke alamat HTTPS. Pasang LAYANI di belakang reverse proxy dengan sertifikat (mis. Caddy atau nginx).' });
    }
    if (!config.TELEGRAM_WEBHOOK_URL && kind === 'postgresql') {
      out.push({ area: 'Telegram', status: 'warn', summary: 'long polling dengan PostgreSQL', fix: 'Long polling hanya boleh dijalankan oleh satu instans. Jika LAYANI berjalan di beberapa mesin, isi TELEGRAM_WEBHOOK_URL dan TELEGRAM_WEBHOOK_SECRET.' });
    }
  }
  if (config.SLACK_BOT_TOKEN && !config.SLACK_SIGNING_SECRET && !config.SLACK_APP_TOKEN) {
    out.push({ area: 'Slack', status: 'fail', summary: 'SLACK_BOT_TOKEN diisi, tetapi SLACK_SIGNING_SECRET dan SLACK_APP_TOKEN kosong', fix: 'Salin Signing Secret dari halaman Basic Information aplikasi Slack ke SLACK_SIGNING_SECRET (atau SLACK_APP_TOKEN untuk Socket Mode).' });
  }
  if (config.SLACK_BOT_TOKEN && !config.SLACK_TRIAGE_CHANNEL) {
    out.push({ area: 'Slack', status: 'warn', summary: 'SLACK_TRIAGE_CHANNEL kosong: kartu tiket tertahan di antrean', fix: 'Isi SLACK_TRIAGE_CHANNEL dengan ID kanal tim kepegawaian (mis. C0123ABCD; terlihat di detail kanal di Slack).' });
  }
  return out;
}

async function databaseFindings(config: Config): Promise<Finding[]> {
  let location: DatabaseLocation;
  try {
    location = parseDatabaseUrl(config.DATABASE_URL);
  } catch (error) {
    return [{ area: 'Basis data', status: 'fail', summary: (error as Error).message }];
  }
  const shipped = loadMigrations(location.kind);
  let applied: AppliedMigration[];
  if (location.kind === 'sqlite') {
    const file = location.target;
    if (file !== ':memory:' && !existsSync(file)) {
      const dir = dirname(file);
      const writable = canWrite(existsSync(dir) ? dir : dirname(dir));
      return [
        writable
          ? { area: 'Basis data', status: 'warn', summary: `SQLite ${file} belum ada`, fix: 'Akan dibuat dan dimigrasikan saat LAYANI pertama kali dijalankan (npm start atau npx layani migrate).' }
          : { area: 'Basis data', status: 'fail', summary: `SQLite ${file} belum ada dan foldernya tidak dapat ditulis`, fix: `Buat folder ${dir} dan berikan hak tulis kepada pengguna yang menjalankan LAYANI.` },
      ];
    }
    try {
      applied = readSqliteMigrations(file);
    } catch (error) {
      return [{ area: 'Basis data', status: 'fail', summary: `SQLite ${file} tidak dapat dibaca: ${(error as Error).message}`, fix: 'Periksa bahwa berkas itu basis data LAYANI yang utuh; jika rusak, pulihkan cadangan terakhir (npx layani restore).' }];
    }
    if (!canWrite(file) || !canWrite(dirname(file))) {
      return [{ area: 'Basis data', status: 'fail', summary: `SQLite ${file} tidak dapat ditulis`, fix: `Berikan hak tulis atas berkas dan folder ${dirname(file)} kepada pengguna yang menjalankan LAYANI.` }];
    }
  } else {
    try {
      applied = await readPostgresMigrations(location.target);
    } catch (error) {
      return [{ area: 'Basis data', status: 'fail', ...postgresProblem(error, location.target) }];
    }
  }
  const where = location.kind === 'sqlite' ? `SQLite ${location.target}` : `PostgreSQL ${safeUrl(location.target)}`;
  const findings: Finding[] = [{ area: 'Basis data', status: 'ok', summary: `${where} dapat dibuka` }];
  try {
    const pending = pendingMigrations(shipped, applied);
    if (pending.length === 0) findings.push({ area: 'Migrasi', status: 'ok', summary: `${applied.length} migrasi, semuanya sudah diterapkan` });
    else
      findings.push({
        area: 'Migrasi',
        status: 'warn',
        summary: `${pending.length} belum diterapkan (${pending.map((m) => m.name).join(', ')})`,
        fix: 'Diterapkan otomatis saat LAYANI mulai; untuk menerapkannya sekarang: npx layani migrate. Buat cadangan dulu (npx layani backup <folder>).',
      });
  } catch (error) {
    findings.push({ area: 'Migrasi', status: 'fail', summary: 'tidak cocok dengan versi LAYANI ini', fix: (error as Error).message });
  }
  return findings;
}

function canWrite(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function readSqliteMigrations(file: string): AppliedMigration[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.prepare('SELECT 1').get();
    const table = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?`).get(migrationsTable);
    if (!table) return [];
    return db.prepare(`SELECT name, checksum FROM "${migrationsTable}" ORDER BY name`).all() as AppliedMigration[];
  } finally {
    db.close();
  }
}

async function readPostgresMigrations(url: string): Promise<AppliedMigration[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const { rows } = await client.query<{ exists: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS exists`, [`"${migrationsTable}"`]);
    if (!rows[0]?.exists) return [];
    return (await client.query<AppliedMigration>(`SELECT name, checksum FROM "${migrationsTable}" ORDER BY name`)).rows;
  } finally {
    await client.end();
  }
}

function safeUrl(url: string): string {
  return url.replace(/\/\/[^/@\s]*@/, '//***@');
}

function postgresProblem(error: unknown, url: string): { summary: string; fix: string } {
  const code = (error as { code?: string }).code;
  const target = new URL(url);
  const host = `${target.hostname}:${target.port || 5432}`;
  const database = target.pathname.slice(1);
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || /timeout/i.test((error as Error).message)) {
    return { summary: `server PostgreSQL di ${host} tidak menjawab (${code ?? 'waktu habis'})`, fix: 'Pastikan PostgreSQL berjalan dan dapat dihubungi dari mesin ini (host, port, firewall), lalu periksa DATABASE_URL.' };
  }
  if (code === '28P01' || code === '28000') return { summary: `PostgreSQL menolak pengguna atau kata sandi di ${host}`, fix: 'Periksa nama pengguna dan kata sandi di DATABASE_URL (dan pg_hba.conf di server).' };
  if (code === '3D000') return { summary: `basis data "${database}" belum ada di ${host}`, fix: `Buat dulu: createdb -h ${target.hostname} -U <pengguna> ${database}` };
  return { summary: `PostgreSQL di ${host}: ${(error as Error).message.split('\n')[0]}`, fix: 'Periksa DATABASE_URL dan log server PostgreSQL.' };
}

async function platformFindings(config: Config): Promise<Finding[]> {
  const checks: Array<Promise<Finding>> = [];
  const off = (area: string, hint: string): Promise<Finding> => Promise.resolve({ area, status: 'off', summary: 'tidak diaktifkan', fix: hint });
  checks.push(
    config.TELEGRAM_BOT_TOKEN
      ? probeTelegram(config.TELEGRAM_API_ROOT, config.TELEGRAM_BOT_TOKEN!).then((r) =>
          platformFinding('Telegram', r, config.TELEGRAM_API_ROOT, {
            rejected: 'TELEGRAM_BOT_TOKEN salah atau sudah dicabut. Buka @BotFather di Telegram, pilih bot Anda, "API Token", lalu salin token itu ke TELEGRAM_BOT_TOKEN.',
            where: 'TELEGRAM_API_ROOT',
          }),
        )
      : off('Telegram', 'Isi TELEGRAM_BOT_TOKEN (dari @BotFather) untuk mengaktifkan bot Telegram.'),
  );
  checks.push(
    config.SLACK_BOT_TOKEN
      ? probeSlack(config.SLACK_API_URL, config.SLACK_BOT_TOKEN).then((r) =>
          platformFinding('Slack', r, config.SLACK_API_URL, {
            rejected: 'SLACK_BOT_TOKEN salah, dicabut, atau aplikasinya dicopot dari workspace. Salin "Bot User OAuth Token" (xoxb-…) dari halaman OAuth & Permissions aplikasi Slack; pasang ulang aplikasinya jika perlu.',
            where: 'SLACK_API_URL',
          }),
        )
      : off('Slack', 'Isi SLACK_BOT_TOKEN dan SLACK_SIGNING_SECRET untuk mengaktifkan meja layanan di Slack.'),
  );
  const llm = llmSettingsFromConfig(config);
  if (llm) {
    const base = llm.baseURL ?? defaultOpenAiBaseUrl;
    checks.push(
      probeLlm(base, config.OPENAI_API_KEY, llm.model).then((r) =>
        platformFinding('LLM', r, base, {
          rejected: 'OPENAI_API_KEY ditolak server LLM. Periksa kuncinya (dan saldo/akses akun), atau kosongkan untuk server lokal tanpa kunci.',
          where: 'OPENAI_BASE_URL',
          unexpected: `Periksa LLM_MODEL dan OPENAI_BASE_URL (harus berakhir dengan /v1 untuk OpenAI, Ollama dan vLLM). Selama LLM tidak dapat dipakai, jawaban FAQ tetap diberikan secara ekstraktif.`,
        }),
      ),
    );
  } else {
    checks.push(off('LLM', 'Opsional: isi OPENAI_API_KEY, LLM_MODEL (dan OPENAI_BASE_URL untuk server sendiri). Tanpa LLM, jawaban FAQ diambil langsung dari korpus.'));
  }
  checks.push(siasnFinding(config));
  const findings = await Promise.all(checks);
  if (config.TELEGRAM_BOT_TOKEN && config.TELEGRAM_WEBHOOK_URL && findings[0]?.status === 'ok') {
    const webhook = await webhookFinding(config.TELEGRAM_API_ROOT, config.TELEGRAM_BOT_TOKEN, config.TELEGRAM_WEBHOOK_URL);
    if (webhook) findings.splice(1, 0, webhook);
  }
  return findings;
}

/** Webhook mode: whether Telegram has the configured address, and whether it could reach it lately. */
async function webhookFinding(apiRoot: string, token: string, configured: string): Promise<Finding | null> {
  const info = await telegramWebhookInfo(apiRoot, token);
  if (!info) return null;
  const area = 'Telegram webhook';
  if (info.url !== configured) {
    return {
      area,
      status: 'warn',
      summary: info.url ? `Telegram mengirim ke ${info.url}, bukan ke TELEGRAM_WEBHOOK_URL` : 'belum terdaftar di Telegram',
      fix: 'LAYANI mendaftarkan TELEGRAM_WEBHOOK_URL saat mulai; jika LAYANI sudah berjalan, mulai ulang. Instans lain dengan pengaturan berbeda akan menimpanya.',
    };
  }
  if (info.lastError && Date.now() - info.lastError.at.getTime() < 60 * 60_000) {
    return {
      area,
      status: 'fail',
      summary: `Telegram gagal mengirim ke ${info.url} (${info.lastError.message}; ${info.pendingUpdates} pesan menunggu)`,
      fix: 'Alamat itu harus dapat dibuka dari internet dengan HTTPS dan sertifikat yang sah, dan reverse proxy harus meneruskan /telegram/webhook ke LAYANI. Periksa juga bahwa LAYANI berjalan (/readyz).',
    };
  }
  return { area, status: 'ok', summary: `Telegram mengirim ke ${info.url} (${info.pendingUpdates} pesan menunggu)` };
}

function platformFinding(area: string, result: ProbeResult, url: string, advice: { rejected: string; where: string; unexpected?: string }): Finding {
  switch (result.outcome) {
    case 'ok':
      return { area, status: 'ok', summary: `terhubung (${result.detail})` };
    case 'rejected':
      return { area, status: 'fail', summary: `kredensial ditolak (${result.detail})`, fix: advice.rejected };
    case 'unreachable':
      return {
        area,
        status: 'fail',
        summary: `tidak dapat dihubungi di ${url} (${result.detail === 'TIMEOUT' ? `tidak ada jawaban dalam ${probeTimeoutMs / 1000} detik` : result.detail})`,
        fix: `Periksa koneksi internet mesin ini, DNS, firewall atau proxy keluar (HTTPS_PROXY), dan ${advice.where}.`,
      };
    default:
      if (result.modelsOffered) {
        const offered = result.modelsOffered.slice(0, 10).join(', ') || 'tidak ada';
        return { area, status: 'fail', summary: `server tidak menyediakan model yang diatur (${result.detail})`, fix: `Isi LLM_MODEL dengan salah satu model yang tersedia: ${offered}.` };
      }
      return { area, status: 'fail', summary: `jawaban tidak terduga dari ${url} (${result.detail})`, fix: advice.unexpected ?? `Periksa ${advice.where}: alamat itu tampaknya bukan server yang benar.` };
  }
}

/** SIASN: both tokens are requested with the configured credentials; nothing is read from the API and no secret is shown. */
async function siasnFinding(config: Config): Promise<Finding> {
  const area = 'SIASN';
  if (!siasnWanted(config)) {
    return { area, status: 'off', summary: 'tidak diaktifkan', fix: 'Opsional: isi SIASN_CONSUMER_KEY, SIASN_CONSUMER_SECRET, SIASN_SSO_CLIENT_ID, SIASN_SSO_USERNAME dan SIASN_SSO_PASSWORD (kredensial web service dari BKN) untuk memperbarui data pegawai dan status usulan KP dari SIASN.' };
  }
  let settings: SiasnSettings | null;
  try {
    settings = siasnSettingsFromConfig(config);
  } catch (error) {
    return { area, status: 'fail', summary: 'pengaturan belum lengkap', fix: (error as Error).message };
  }
  if (!settings) return { area, status: 'off', summary: 'tidak diaktifkan' };
  const client = new SiasnClient({ ...settings, maxRetries: 0, timeoutMs: probeTimeoutMs }, { log: createLogger('silent') });
  try {
    await client.checkCredentials();
  } catch (error) {
    if (!(error instanceof SiasnError)) throw error;
    const summary = error.kind === 'auth' ? 'kredensial ditolak' : error.kind === 'unavailable' ? 'tidak dapat dihubungi' : 'jawaban tak terduga';
    return { area, status: 'fail', summary: `${summary}${error.status ? ` (HTTP ${error.status})` : ''}`, fix: error.message };
  } finally {
    client.close();
  }
  const nightly = settings.syncCron ? `sinkronisasi malam "${settings.syncCron}" WIB` : 'sinkronisasi malam mati (SIASN_SYNC_CRON=off)';
  return { area, status: 'ok', summary: `token gateway dan SSO diterima; ${settings.requestsPerSecond} permintaan/detik; ${nightly}` };
}
