// How a notification leaves the building: a WeCom or DingTalk group robot (their documented JSON), a generic SMS
// gateway over HTTP, or e-mail over SMTP. Each send says whether it worked and, if not, whether trying again can
// help (network down, rate limited, server busy) or not (a wrong webhook, a refused address).
import crypto from 'node:crypto';
import nodemailer from 'nodemailer';
import type { SmsConfig, SmtpConfig } from './settings';

export type SendResult = { ok: true } | { ok: false; permanent: boolean; reason: string };

const TIMEOUT_MS = 10_000;

/** Robot error codes that mean "later": WeCom 45009 (frequency limit), -1 (busy); DingTalk 130101 (too fast), 130102. */
const TRANSIENT_ROBOT_CODES = new Set([-1, 45009, 45033, 130101, 130102]);

function transientHttp(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

function networkReason(error: unknown): string {
  const e = error as { name?: string; cause?: { code?: string; message?: string }; message?: string };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return 'timeout';
  return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(error);
}

async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; text: string } | { error: string }> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'error',
    });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    return { error: networkReason(error) };
  }
}

/** DingTalk's 加签: timestamp and the base64 HMAC-SHA256 of "timestamp\nsecret" under the secret. */
export function dingTalkSignedUrl(url: string, secret: string, timestamp: number): string {
  const sign = crypto.createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
  const u = new URL(url);
  u.searchParams.set('timestamp', String(timestamp));
  u.searchParams.set('sign', sign);
  return u.toString();
}

/** A group robot message: `{"msgtype":"text","text":{"content":…}}`, answered `{"errcode":0,"errmsg":"ok"}`. */
export async function sendRobot(kind: 'wecom' | 'dingtalk', url: string, secret: string | null, content: string, now: number): Promise<SendResult> {
  const target = kind === 'dingtalk' && secret ? dingTalkSignedUrl(url, secret, now) : url;
  const answer = await postJson(target, { msgtype: 'text', text: { content } });
  if ('error' in answer) return { ok: false, permanent: false, reason: answer.error };
  if (answer.status < 200 || answer.status >= 300) return { ok: false, permanent: !transientHttp(answer.status), reason: `HTTP ${answer.status}` };
  let parsed: { errcode?: unknown; errmsg?: unknown };
  try {
    parsed = JSON.parse(answer.text) as typeof parsed;
  } catch {
    return { ok: false, permanent: true, reason: 'the robot did not answer with JSON' };
  }
  const code = typeof parsed.errcode === 'number' ? parsed.errcode : Number.NaN;
  if (code === 0) return { ok: true };
  const reason = `errcode ${String(parsed.errcode)}${parsed.errmsg ? `: ${String(parsed.errmsg).slice(0, 120)}` : ''}`;
  return { ok: false, permanent: !TRANSIENT_ROBOT_CODES.has(code), reason };
}

function jsonEscaped(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

/** A generic SMS gateway: the configured JSON template with {{phone}} and {{text}} filled in; any 2xx is accepted. */
export async function sendSms(config: SmsConfig, phone: string, content: string): Promise<SendResult> {
  let body: unknown;
  try {
    body = JSON.parse(config.template.replaceAll('{{phone}}', jsonEscaped(phone)).replaceAll('{{text}}', jsonEscaped(content)));
  } catch {
    return { ok: false, permanent: true, reason: 'the SMS template is not JSON' };
  }
  const answer = await postJson(config.url, body, config.token ? { authorization: `Bearer ${config.token}` } : {});
  if ('error' in answer) return { ok: false, permanent: false, reason: answer.error };
  if (answer.status >= 200 && answer.status < 300) return { ok: true };
  return { ok: false, permanent: !transientHttp(answer.status), reason: `HTTP ${answer.status}` };
}

/** E-mail over SMTP (nodemailer); a 5xx reply is final, a 4xx or a connection failure is tried again. */
export async function sendEmail(config: SmtpConfig, to: string, subject: string, content: string): Promise<SendResult> {
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: config.user ? { user: config.user, pass: config.password } : undefined,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  try {
    await transport.sendMail({ from: config.from, to, subject, text: content });
    return { ok: true };
  } catch (error) {
    const e = error as { responseCode?: number; code?: string; message?: string };
    if (typeof e.responseCode === 'number') return { ok: false, permanent: e.responseCode >= 500, reason: `SMTP ${e.responseCode}` };
    return { ok: false, permanent: e.code === 'EAUTH', reason: e.code ?? e.message ?? 'SMTP failure' };
  } finally {
    transport.close();
  }
}
