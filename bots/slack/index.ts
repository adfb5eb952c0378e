import { App, SocketModeReceiver, type AuthorizeResult } from '@slack/bolt';
import { WebClient, type WebClientOptions } from '@slack/web-api';
import type { ChatAdapter } from '../../api/chat-adapter.js';
import { withLogContext } from '../../core/logging/log-context.js';
import type { AttachmentFetcher, AttachmentFetchers } from '../../core/outbox/attachment-files.js';
import type { Runtime } from '../../core/runtime.js';
import { boltLogger } from './bolt-logger.js';
import { createSlackDelivery } from './delivery.js';
import { DeskMembers } from './desk-members.js';
import { loggableError } from './errors.js';
import { MountedHttpReceiver } from './http-receiver.js';
import { registerBroadcastHandlers } from './broadcasts.js';
import { registerInboundHandlers } from './inbound.js';
import { registerSosialisasiHandlers } from './sosialisasi.js';

/** The Slack adapter, plus what tests and operators may want to wait on. */
export interface SlackAdapter extends ChatAdapter {
  name: 'slack';
  /** The Web API client the adapter sends with. */
  client: WebClient;
  /** The app's shared attachment fetchers (Telegram files are fetched through it to go into Slack threads). */
  files: AttachmentFetchers;
  /** Resolves when every Slack request received so far has been handled. */
  whenIdle(): Promise<void>;
}

/** Largest file carried from Slack to Telegram (Telegram bots may send up to 50 MB). */
const maxDownloadBytes = 50 * 1024 * 1024;

/**
 * Slack for the HR desk: ticket cards with buttons in the triage (or confidential) channel, replies in their
 * threads, `/layani` for link codes, the queue and figures. HTTP mode mounts Bolt at `POST /slack/events` on
 * LAYANI's own server; with SLACK_APP_TOKEN it uses Socket Mode instead.
 */
export function createSlackAdapter(runtime: Runtime, files: AttachmentFetchers): SlackAdapter {
  const { config, log } = runtime;
  const token = config.SLACK_BOT_TOKEN;
  if (!token) throw new Error('SLACK_BOT_TOKEN is not set');
  const logger = boltLogger(log);
  const clientOptions: WebClientOptions = {
    slackApiUrl: config.SLACK_API_URL,
    // The outbox sees the 429 and reschedules the message for Retry-After, instead of a delivery blocking on it.
    rejectRateLimitedCalls: true,
    // A couple of quick retries for a dropped connection; the outbox does the patient retrying.
    retryConfig: { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 1000 },
    timeout: 15_000,
  };
  const client = new WebClient(token, { ...clientOptions, logger });

  const socketMode = Boolean(config.SLACK_APP_TOKEN);
  let httpReceiver: MountedHttpReceiver | null = null;
  let receiver: MountedHttpReceiver | SocketModeReceiver;
  if (socketMode) {
    receiver = new SocketModeReceiver({ appToken: config.SLACK_APP_TOKEN!, logger, installerOptions: { clientOptions: { slackApiUrl: config.SLACK_API_URL } } });
  } else {
    if (!config.SLACK_SIGNING_SECRET) throw new Error('SLACK_SIGNING_SECRET is not set (or set SLACK_APP_TOKEN for Socket Mode)');
    httpReceiver = new MountedHttpReceiver({ signingSecret: config.SLACK_SIGNING_SECRET, logger });
    receiver = httpReceiver;
  }

  // Who the bot is (to ignore its own messages), asked once; a failure is asked again on the next event.
  let identity: Promise<{ botId?: string; botUserId?: string }> | null = null;
  const botIdentity = () => {
    if (!identity) {
      identity = client.auth.test().then((r) => ({ botId: r.bot_id, botUserId: r.user_id }));
      identity.catch(() => {
        identity = null;
      });
    }
    return identity;
  };
  const authorize = async (): Promise<AuthorizeResult> => {
    const who = await botIdentity().catch(() => ({}));
    return { botToken: token, ...who };
  };

  const app = new App({ receiver, authorize, logger, clientOptions, convoStore: false });
  const inFlight = new Set<Promise<unknown>>();
  app.use(async ({ body, next }) => {
    runtime.metrics.messagesIn.inc({ platform: 'slack' });
    // Events carry an event_id; actions and slash commands a trigger_id.
    const { event_id: eventId, trigger_id: triggerId } = body as { event_id?: string; trigger_id?: string };
    const work = withLogContext({ slackEventId: eventId ?? triggerId }, () => next());
    inFlight.add(work);
    try {
      await work;
    } finally {
      inFlight.delete(work);
    }
  });
  app.error(async (error) => {
    log.error({ err: loggableError(error) }, 'Slack handler failed');
  });

  const members = new DeskMembers(runtime, client);
  registerInboundHandlers(app, { runtime, client, members });
  registerBroadcastHandlers(app, { runtime, client, members });
  registerSosialisasiHandlers(app, { runtime, client, members });

  const fetchAttachment: AttachmentFetcher = async (attachment) => {
    let url = attachment.url;
    if (!url) {
      const info = await client.files.info({ file: attachment.fileId });
      url = info.file?.url_private ?? null;
    }
    if (!url) throw new Error(`Slack file ${attachment.fileId} has no download URL`);
    assertSlackFileHost(url, config.SLACK_API_URL);
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, redirect: 'manual', signal: AbortSignal.timeout(60_000) });
    if (response.status !== 200) throw new Error(`Slack file download failed: HTTP ${response.status}`);
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > maxDownloadBytes) throw new Error(`Slack file too large to forward (${length} bytes)`);
    const contentType = response.headers.get('content-type')?.split(';')[0]?.trim() || null;
    // Without files:read Slack answers with its sign-in page instead of the file.
    if (contentType === 'text/html' && attachment.mimeType !== 'text/html') throw new Error('Slack returned a sign-in page instead of the file (files:read scope missing?)');
    const bytes = Buffer.from(await response.arrayBuffer());
    return { bytes, fileName: attachment.fileName, mimeType: attachment.mimeType ?? contentType };
  };

  return {
    name: 'slack',
    client,
    files,
    deliver: createSlackDelivery(runtime, client, files),
    fetchAttachment,
    routes: httpReceiver ? { '/slack/events': httpReceiver.requestListener } : {},
    async start() {
      for (const agency of await runtime.settings.agencies.all()) {
        if (!agency.active) continue;
        if (!agency.channels.triage) log.warn({ agency: agency.code }, 'agency has no Slack triage channel: its ticket cards wait in the outbox until it is set (layani agency set, or SLACK_TRIAGE_CHANNEL for the default agency)');
        if (!agency.channels.confidential) log.warn({ agency: agency.code }, 'agency has no Slack confidential channel: its confidential tickets wait in the outbox until it is set');
      }
      if (socketMode) await app.start();
      else void botIdentity().catch((err: unknown) => log.warn({ reason: (err as Error).message }, 'Slack auth.test failed; will retry on the next event'));
      log.info({ mode: socketMode ? 'socket' : 'http' }, 'Slack adapter started');
    },
    async stop() {
      if (socketMode) await app.stop();
      await httpReceiver?.idle();
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    async whenIdle() {
      await httpReceiver?.idle();
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}

/** The bot token goes only to Slack's own file hosts (or the configured API host, e.g. a test server). */
function assertSlackFileHost(url: string, slackApiUrl: string): void {
  const target = new URL(url);
  const api = new URL(slackApiUrl);
  const host = target.hostname;
  const slackHost = ['slack.com', 'slack-gov.com'].some((domain) => host === domain || host.endsWith(`.${domain}`));
  if ((slackHost && target.protocol === 'https:') || target.host === api.host) return;
  throw new Error(`refusing to send the Slack token to ${host}`);
}
