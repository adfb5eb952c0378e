export { FakeTelegram, TINY_JPEG } from './fake-telegram.js';
export type {
  FakeTelegramOptions,
  RateLimitConfig,
  StoredFile,
  TelegramCall,
  TelegramFailure,
  UploadedFile,
  UserLike,
  WebhookDelivery,
} from './fake-telegram.js';
export { FakeSlack, encodeInbound, signedRequest, slackSignature } from './fake-slack.js';
export type {
  FakeSlackOptions,
  SignedRequestOptions,
  SignedResponse,
  SlackCall,
  SlackChannelSpec,
  SlackEphemeral,
  SlackFailure,
  SlackInbound,
  SlackMessage,
  SlackUpload,
  SlackUserSpec,
} from './fake-slack.js';
export { FakeOpenAI, messageText } from './fake-openai.js';
export type {
  ChatCompletionRequestBody,
  ChatMessageIn,
  FakeOpenAIOptions,
  RecordedOpenAIRequest,
  ReplyFn,
  ScriptedContent,
  ScriptedError,
  ScriptedReply,
} from './fake-openai.js';
