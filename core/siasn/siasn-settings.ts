import { readFileSync } from 'node:fs';
import type { Config } from '../config/config-schema.js';

/**
 * How LAYANI reaches SIASN (BKN's web service). Every URL is a setting because the fact sheet could only gather
 * them from third-party code: an agency puts in what BKN gave it. Secrets may come from a file (`*_FILE`) so that
 * they need not sit in .env.
 */
export interface SiasnSettings {
  apiUrl: string;
  gatewayTokenUrl: string;
  consumerKey: string;
  consumerSecret: string;
  ssoTokenUrl: string;
  ssoClientId: string;
  ssoUsername: string;
  ssoPassword: string;
  requestsPerSecond: number;
  timeoutMs: number;
  maxRetries: number;
  /** First wait before a retry; doubled each time (tests shorten it). */
  backoffBaseMs: number;
  /** Cron expression (WIB) of the nightly sync, or null when off. */
  syncCron: string | null;
}

export class SiasnSettingsError extends Error {
  override name = 'SiasnSettingsError';
}

/** The settings still missing before SIASN can be used, by variable name (empty: complete). */
export function missingSiasnSettings(config: Config): string[] {
  const missing: string[] = [];
  if (!config.SIASN_CONSUMER_KEY) missing.push('SIASN_CONSUMER_KEY');
  if (!config.SIASN_CONSUMER_SECRET && !config.SIASN_CONSUMER_SECRET_FILE) missing.push('SIASN_CONSUMER_SECRET');
  if (!config.SIASN_SSO_CLIENT_ID) missing.push('SIASN_SSO_CLIENT_ID');
  if (!config.SIASN_SSO_USERNAME) missing.push('SIASN_SSO_USERNAME');
  if (!config.SIASN_SSO_PASSWORD && !config.SIASN_SSO_PASSWORD_FILE) missing.push('SIASN_SSO_PASSWORD');
  return missing;
}

/** True when the agency has started configuring SIASN (any credential set). */
export function siasnWanted(config: Config): boolean {
  return Boolean(config.SIASN_CONSUMER_KEY || config.SIASN_SSO_USERNAME || config.SIASN_SSO_CLIENT_ID);
}

/** null when SIASN is not configured; throws SiasnSettingsError when it is half configured or a secret file is unreadable. */
export function siasnSettingsFromConfig(config: Config): SiasnSettings | null {
  if (!siasnWanted(config)) return null;
  const missing = missingSiasnSettings(config);
  if (missing.length > 0) {
    throw new SiasnSettingsError(`SIASN belum lengkap diatur: isi ${missing.join(', ')} di .env (lihat .env.example).`);
  }
  return {
    apiUrl: config.SIASN_API_URL.endsWith('/') ? config.SIASN_API_URL : `${config.SIASN_API_URL}/`,
    gatewayTokenUrl: config.SIASN_GATEWAY_TOKEN_URL,
    consumerKey: config.SIASN_CONSUMER_KEY!,
    consumerSecret: config.SIASN_CONSUMER_SECRET ?? secretFile('SIASN_CONSUMER_SECRET_FILE', config.SIASN_CONSUMER_SECRET_FILE!),
    ssoTokenUrl: config.SIASN_SSO_TOKEN_URL,
    ssoClientId: config.SIASN_SSO_CLIENT_ID!,
    ssoUsername: config.SIASN_SSO_USERNAME!,
    ssoPassword: config.SIASN_SSO_PASSWORD ?? secretFile('SIASN_SSO_PASSWORD_FILE', config.SIASN_SSO_PASSWORD_FILE!),
    requestsPerSecond: config.SIASN_REQUESTS_PER_SECOND,
    timeoutMs: config.SIASN_TIMEOUT_MS,
    maxRetries: config.SIASN_MAX_RETRIES,
    backoffBaseMs: 1000,
    syncCron: config.SIASN_SYNC_CRON === '' || config.SIASN_SYNC_CRON === 'off' ? null : config.SIASN_SYNC_CRON,
  };
}

function secretFile(variable: string, path: string): string {
  try {
    const value = readFileSync(path, 'utf8').trim();
    if (value) return value;
  } catch {
    // The path is named, never the content.
  }
  throw new SiasnSettingsError(`${variable}: berkas ${path} tidak dapat dibaca atau kosong. Periksa path dan hak bacanya.`);
}

/** What staff and HR are told when SIASN is not set up. */
export const siasnNotConfiguredText = {
  id: 'Data SIASN belum tersambung ke LAYANI di instansi ini, jadi status usulan kenaikan pangkat belum dapat dilihat di sini. Tanyakan langsung kepada petugas kepegawaian (tulis /tiket).',
  en: 'SIASN is not connected to LAYANI at this agency yet, so the status of promotion (KP) proposals cannot be shown here. Please ask the HR desk directly (send /tiket).',
} as const;
