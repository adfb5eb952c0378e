import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPModuleFunctions as http, HTTPResponseAck, type App, type Logger, type Receiver } from '@slack/bolt';

/**
 * Bolt's HTTP receiver, mounted on LAYANI's own server instead of opening a port of its own. It does what Bolt's
 * HTTPReceiver does for `POST /slack/events` (signature and timestamp check → 401, url_verification, ssl_check,
 * ack → 200 before the handlers run) and also keeps track of the requests still being handled, so `stop()` can
 * let them finish.
 */
export class MountedHttpReceiver implements Receiver {
  private app: App | null = null;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly options: {
      signingSecret: string;
      logger: Logger;
      /** Bolt answers 404 when no listener acknowledged a request within this time. */
      unhandledRequestTimeoutMillis?: number;
    },
  ) {}

  init(app: App): void {
    this.app = app;
  }

  /** HTTP is served by LAYANI's server: nothing to open. */
  async start(): Promise<void> {}

  async stop(): Promise<void> {
    await this.idle();
  }

  /** Resolves when every request received so far has been handled. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** The route handler for `/slack/events`. */
  readonly requestListener = (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return Promise.resolve();
    }
    const work = this.handle(req, res);
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
    return work;
  };

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { logger } = this.options;
    let buffered;
    try {
      buffered = await http.parseAndVerifyHTTPRequest({ enabled: true, signingSecret: this.options.signingSecret, logger }, req);
    } catch (error) {
      logger.warn(`Slack request refused: ${(error as Error).message}`);
      http.buildNoBodyResponse(res, 401);
      return;
    }
    let body;
    try {
      body = http.parseHTTPRequestBody(buffered);
    } catch (error) {
      logger.warn(`Malformed Slack request body: ${(error as Error).message}`);
      http.buildNoBodyResponse(res, 400);
      return;
    }
    if (body.ssl_check === '1') {
      http.buildSSLCheckResponse(res);
      return;
    }
    if (body.type === 'url_verification') {
      http.buildUrlVerificationResponse(res, body);
      return;
    }
    const ack = new HTTPResponseAck({
      logger,
      processBeforeResponse: false,
      unhandledRequestTimeoutMillis: this.options.unhandledRequestTimeoutMillis ?? 3001,
      httpRequest: buffered,
      httpRequestBody: body,
      httpResponse: res,
    });
    try {
      if (!this.app) throw new Error('Slack receiver used before the Bolt app was created');
      await this.app.processEvent({
        body,
        ack: ack.bind(),
        retryNum: http.extractRetryNumFromHTTPRequest(req),
        retryReason: http.extractRetryReasonFromHTTPRequest(req),
      });
    } catch (error) {
      const answered = await http.defaultProcessEventErrorHandler({ error: error as Error, logger, request: req, response: res, storedResponse: ack.storedResponse });
      if (answered) ack.ack();
    }
  }
}
