// The lobby-desk://app protocol: URLs map to files of the built renderer and nothing outside it.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rendererFileFor, contentTypeFor } from '../../../main/app/renderer-files';

const root = path.resolve('/opt/lobby-desk/renderer');

describe('renderer files', () => {
  it('X-5 maps app URLs to files under the renderer folder; the root is index.html; query and hash are ignored', () => {
    expect(rendererFileFor(root, 'lobby-desk://app/')).toBe(path.join(root, 'index.html'));
    expect(rendererFileFor(root, 'lobby-desk://app/index.html#/lobby')).toBe(path.join(root, 'index.html'));
    expect(rendererFileFor(root, 'lobby-desk://app/assets/index-abc.js?v=1')).toBe(path.join(root, 'assets/index-abc.js'));
    expect(rendererFileFor(root, 'lobby-desk://app/assets/%E5%9B%BE.png')).toBe(path.join(root, 'assets/图.png'));
  });

  it('X-5 refuses anything outside the renderer folder, other hosts, bad encodings and NUL bytes', () => {
    for (const url of [
      'lobby-desk://app/../../etc/passwd',
      'lobby-desk://app/%2e%2e/%2e%2e/etc/passwd',
      'lobby-desk://app/..%2f..%2fetc%2fpasswd',
      'lobby-desk://app/assets/..%2f..%2f..%2fetc%2fpasswd',
      'lobby-desk://app/%2E%2E%5C%2E%2E%5Cwindows%5Cwin.ini',
      'lobby-desk://app/a%00.js',
      'lobby-desk://app/%E0%A4%A',
      'lobby-desk://evil/index.html',
      'lobby-desk://app.evil/index.html',
      'not a url',
    ]) {
      const file = rendererFileFor(root, url);
      if (file !== null) expect(file.startsWith(root + path.sep), url).toBe(true);
      else expect(file, url).toBeNull();
    }
    expect(rendererFileFor(root, 'lobby-desk://app/..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(rendererFileFor(root, 'lobby-desk://app/a%00.js')).toBeNull();
    expect(rendererFileFor(root, 'lobby-desk://evil/index.html')).toBeNull();
  });

  it('X-5 serves what the renderer build contains with a specific content type', () => {
    expect(contentTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('a.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('a.mjs')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('a.CSS')).toBe('text/css; charset=utf-8');
    for (const file of ['a.svg', 'a.png', 'a.jpg', 'a.jpeg', 'a.webp', 'a.gif', 'a.ico', 'a.woff2', 'a.woff', 'a.ttf', 'a.json', 'a.mp3', 'a.wav', 'a.map']) {
      expect(contentTypeFor(file), file).not.toBe('application/octet-stream');
    }
    expect(contentTypeFor('a.exe')).toBe('application/octet-stream');
  });
});
