// Serving the built renderer from our own privileged scheme, lobby-desk://app/… (never file://), with the CSP
// on every file. Which file a URL maps to, refusing anything outside the renderer folder, is renderer-files.ts.
import fs from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME, CONTENT_SECURITY_POLICY } from './security';
import { contentTypeFor, rendererFileFor } from './renderer-files';

/** Before the app is ready: the scheme must be known as standard and secure. */
export function registerRendererScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = rendererFileFor(rendererDir, request.url);
    if (!file) return new Response('not found', { status: 404 });
    try {
      const body = await fs.readFile(file);
      return new Response(body, { headers: { 'content-type': contentTypeFor(file), 'content-security-policy': CONTENT_SECURITY_POLICY } });
    } catch {
      return new Response('not found', { status: 404 });
    }
  });
}
