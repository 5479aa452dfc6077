// The HTTP binding of the contract: POST /api/<method>, GET /api/health, pushed events over a WebSocket at
// /api/events, and the built renderer. No per-method code: every method goes through Core.call.
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import type { WebSocket } from 'ws';
import type { Core } from '../core/core';
import type { Credentials } from '../core/auth/callers';
import { AppError } from '../core/errors';
import { pickLanguage, type Language } from '../../shared/i18n';
import { isLoopbackAddress, securityHeaders, originAllowed } from './policy';
import { HostAllowList } from './host-names';
import { DEFAULT_CLIENT_LIMITS, SourceCounter, capConnections, nodeServerOptions, requestSource, type ClientLimits } from './limits';
import { encodeEvent, parseClientMessage, REFUSED_CLOSE_CODE } from '../../shared/contract/wire';
import { findMethod, listMethods } from '../../shared/contract';
import { registerPhoneEventRoute } from './phone-events-route';

export interface ServerOptions {
  core: Core;
  host?: string;
  port?: number;
  /** The built renderer (dist/renderer). When absent the API still works and pages say so. */
  rendererDir?: string | null;
  /** Largest request body accepted, in bytes. */
  bodyLimit?: number;
  /** Host names to answer to besides loopback and the host listened on (`--allow-host`). */
  allowedHosts?: readonly string[];
  /** Deadlines and connection caps; the defaults are documented in docs/architecture.md. */
  limits?: Partial<ClientLimits>;
}

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  port: number;
  host: string;
  /** The Host names this server answers to (besides those an administrator sets). */
  hostNames: string[];
  close(): Promise<void>;
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** JSON is UTF-8 (RFC 8259): bytes that are not are refused, not replaced with U+FFFD. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The body limit of one method: its own (uploads) when it declares a larger one, else the server's default. */
export function bodyLimitOf(method: string, defaultLimit: number): number {
  return Math.max(defaultLimit, findMethod(method)?.bodyLimit ?? 0);
}

/** Screens reachable by a path of their own, served as the renderer's hash routes. */
const SCREEN_PATHS = ['lobby', 'visitor', 'handover', 'admin', 'records', 'incidents', 'keys', 'diary', 'reports', 'archive', 'setup'];

/** A 413 that says the limit (in MB, as people read sizes). */
function tooLarge(limitBytes: number): AppError {
  return new AppError('payload_too_large', 'errors:request.tooLarge', { mb: Math.round((limitBytes / 1024 / 1024) * 10) / 10 });
}

function credentialsOf(request: FastifyRequest): Credentials {
  const auth = request.headers.authorization;
  const sessionToken = typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice(7).trim() : null;
  const device = request.headers['x-device-token'];
  return {
    sessionToken,
    deviceToken: typeof device === 'string' && device.length > 0 ? device : null,
    origin: isLoopbackAddress(request.socket.remoteAddress) ? 'loopback' : 'lan',
  };
}

function languageOf(request: FastifyRequest): Language {
  const explicit = request.headers['x-lang'];
  return pickLanguage(typeof explicit === 'string' ? explicit : request.headers['accept-language']);
}

function sendError(core: Core, reply: FastifyReply, error: unknown, lang: Language): FastifyReply {
  const { status, body } = core.errorResponse(error, lang);
  if (body.error.retryAfterSeconds !== undefined) reply.header('retry-after', String(body.error.retryAfterSeconds));
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { core } = options;
  const host = options.host ?? '127.0.0.1';
  const defaultLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const limits: ClientLimits = { ...DEFAULT_CLIENT_LIMITS, ...options.limits };
  const hosts = new HostAllowList({ bindHost: host, extraNames: options.allowedHosts, adminNames: () => core.allowedHostNames() });
  // Fastify reads at most the largest limit any method declares; each method's own limit is checked below.
  const largestLimit = Math.max(defaultLimit, ...listMethods().map(([name]) => bodyLimitOf(name, defaultLimit)));
  const app = Fastify({
    logger: false,
    bodyLimit: largestLimit,
    forceCloseConnections: true,
    return503OnClosing: true,
    // A request (headers and body) must arrive within its deadline; a trickling body or a Content-Length that
    // is never met is answered 408 and closed by Node itself (X-7).
    requestTimeout: limits.requestTimeoutMs,
    http: nodeServerOptions(limits),
  });
  capConnections(app.server, limits);
  const eventChannels = new SourceCounter(limits.socketsPerAddress, limits.socketsOnLan, limits.socketsFromThisPc);

  // JSON only, in UTF-8; an empty body means {}; __proto__ and constructor.prototype keys are refused, not stripped.
  const jsonParser = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    const method = (request.params as { method?: string } | undefined)?.method ?? '';
    if (bytes.length > bodyLimitOf(method, defaultLimit)) return done(tooLarge(bodyLimitOf(method, defaultLimit)), undefined);
    let text: string;
    try {
      text = strictUtf8.decode(bytes);
    } catch {
      return done(new AppError('bad_request', 'errors:request.notUtf8'), undefined);
    }
    if (text.trim() === '') return done(null, {});
    jsonParser(request, text, done);
  });

  // Registered before the Host and Origin checks: its own onRequest hook marks upgrade requests, so that a
  // refused upgrade's socket is closed after the answer instead of staying open.
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });

  app.addHook('onRequest', async (request, reply) => {
    for (const [name, value] of Object.entries(securityHeaders(request.url.startsWith('/api/')))) reply.header(name, value);
    // First of all: a request for a name that is not ours (DNS rebinding) gets nothing, not even a page.
    if (!hosts.allows(request.headers.host)) {
      reply.header('connection', 'close');
      return sendError(core, reply, new AppError('misdirected'), languageOf(request));
    }
    if (!originAllowed(request.headers.origin, request.headers.host)) {
      return sendError(core, reply, new AppError('forbidden', 'errors:code.forbidden'), languageOf(request));
    }
    if ((request as FastifyRequest & { ws?: boolean }).ws) {
      const source = requestSource(request.raw);
      if (!eventChannels.take(source)) {
        reply.header('retry-after', '30');
        return sendError(core, reply, new AppError('busy'), languageOf(request));
      }
      request.raw.socket.once('close', () => eventChannels.release(source));
    }
    // Refuse early, before reading the body, when the declared length is over this method's limit.
    const declared = Number(request.headers['content-length'] ?? 0);
    const method = (request.params as { method?: string } | undefined)?.method;
    if (method !== undefined && declared > bodyLimitOf(method, defaultLimit)) {
      return sendError(core, reply, tooLarge(bodyLimitOf(method, defaultLimit)), languageOf(request));
    }
    return undefined;
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    const lang = languageOf(request);
    if (error instanceof AppError) return sendError(core, reply, error, lang);
    if (error.statusCode === 413) return sendError(core, reply, tooLarge(largestLimit), lang);
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(core, reply, new AppError('bad_request'), lang);
    }
    return sendError(core, reply, error, lang);
  });

  // One log line per call: the method (only a method of the contract — never the URL, which may carry anything),
  // the status and the time taken. Bodies, headers and tokens are never logged.
  app.addHook('onResponse', async (request, reply) => {
    const method = (request.params as { method?: string } | undefined)?.method;
    if (request.method !== 'POST' || !request.url.startsWith('/api/')) return;
    core.logger.info('api', {
      method: method && findMethod(method) ? method : '(unknown)',
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
      lan: !isLoopbackAddress(request.socket.remoteAddress),
    });
  });

  app.get('/api/health', async () => ({ ok: true, version: core.version }));

  app.post<{ Params: { method: string } }>('/api/:method', async (request, reply) => {
    const lang = languageOf(request);
    try {
      const result = await core.call(credentialsOf(request), request.params.method, request.body, lang);
      return reply.type('application/json; charset=utf-8').send(result);
    } catch (error) {
      return sendError(core, reply, error, lang);
    }
  });

  app.get('/api/events', { websocket: true }, (socket: WebSocket, request) => {
    const base = credentialsOf(request);
    let credentials: Credentials = { ...base, sessionToken: null, deviceToken: null };
    const unsubscribe = core.onEvent((event) => {
      if (socket.readyState !== socket.OPEN) return;
      try {
        // Resolved at each delivery: a revoked device or an ended session stops receiving at once.
        if (core.mayReceive(core.resolve(credentials), event)) socket.send(encodeEvent(event.name, event.payload));
      } catch {
        socket.close(REFUSED_CLOSE_CODE, 'unauthenticated');
      }
    });
    socket.on('message', (data) => {
      const message = parseClientMessage(String(data));
      if (message?.type === 'hello') {
        credentials = { ...base, sessionToken: message.sessionToken ?? null, deviceToken: message.deviceToken ?? null };
        // What the timers sent at start, before this screen could listen.
        for (const event of core.replayTo(credentials)) socket.send(encodeEvent(event.name, event.payload));
      }
    });
    socket.on('close', unsubscribe);
    socket.on('error', unsubscribe);
  });

  await registerPhoneEventRoute(app, core);

  app.all('/api/*', async (request, reply) => sendError(core, reply, new AppError('not_found'), languageOf(request)));

  const rendererDir = options.rendererDir && fs.existsSync(path.join(options.rendererDir, 'index.html')) ? options.rendererDir : null;
  if (rendererDir) {
    await app.register(fastifyStatic, { root: rendererDir, prefix: '/', index: ['index.html'], cacheControl: false });
  } else {
    app.get('/', async (_request, reply) =>
      reply.code(503).type('text/plain; charset=utf-8').send('The screens are not built yet: run `npm run build`.'),
    );
  }
  for (const screen of SCREEN_PATHS) {
    app.get(`/${screen}`, async (_request, reply) => reply.redirect(`/#/${screen}`));
  }

  await app.listen({ host, port: options.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return {
    app,
    port,
    host,
    hostNames: hosts.describe(),
    url: `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`,
    close: () => app.close(),
  };
}
