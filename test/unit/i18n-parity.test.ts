/// <reference types="vite/client" />
// X-3 (a clear message in the user's language), for every message: both languages have the same keys and the
// same {{placeholders}} in each pair, over every namespace the core and the screens have.
import { describe, expect, it } from 'vitest';
import { sharedMessages } from '../../shared/i18n';
import { commonEn, commonZhCN } from '../../renderer/src/i18n/common';

type Tree = { [key: string]: unknown };

function leaves(tree: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof tree === 'string') {
    out.set(prefix, tree);
    return out;
  }
  if (tree && typeof tree === 'object') {
    for (const [k, v] of Object.entries(tree as Tree)) for (const [kk, vv] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]).sort();

/** i18next plural forms: zh has only `_other`, English `_one` and `_other`. */
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

function namespaces(): Array<[string, unknown, unknown]> {
  const out: Array<[string, unknown, unknown]> = [];
  for (const ns of Object.keys(sharedMessages['zh-CN'])) {
    out.push([`shared/i18n ${ns}`, (sharedMessages['zh-CN'] as Tree)[ns], (sharedMessages.en as Tree)[ns]]);
  }
  out.push(['renderer common', commonZhCN, commonEn]);
  const features = import.meta.glob('../../renderer/src/features/*/i18n.ts', { eager: true }) as Record<string, Record<string, unknown>>;
  for (const [file, mod] of Object.entries(features)) {
    for (const [name, value] of Object.entries(mod)) {
      const v = value as { 'zh-CN'?: unknown; en?: unknown };
      if (v && typeof v === 'object' && 'zh-CN' in v && 'en' in v) out.push([`${file.replace('../../', '')} ${name}`, v['zh-CN'], v.en]);
    }
  }
  return out;
}

describe('i18n parity', () => {
  it('X-3 the screens and the core have a catalogue for every feature folder', () => {
    const all = namespaces();
    expect(all.length).toBeGreaterThan(30);
    expect(Object.keys(sharedMessages.en).sort()).toEqual(Object.keys(sharedMessages['zh-CN']).sort());
  });

  it.each(namespaces())('X-3 %s: zh-CN and en have the same keys and placeholders', (_name, zh, en) => {
    const z = leaves(zh);
    const e = leaves(en);
    const zKeys = [...new Set([...z.keys()].map(base))].sort();
    const eKeys = [...new Set([...e.keys()].map(base))].sort();
    expect(eKeys, 'keys in one language only').toEqual(zKeys);
    for (const [key, zText] of z) {
      const eText = e.get(key) ?? e.get(`${base(key)}_other`) ?? e.get(base(key));
      if (eText === undefined) continue;
      expect(placeholders(eText), `placeholders of ${key}`).toEqual(placeholders(zText));
    }
  });
});
