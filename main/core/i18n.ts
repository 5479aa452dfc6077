// The core's own translator, for error messages in the caller's language.
import i18next, { type i18n } from 'i18next';
import { sharedMessages, type Language } from '../../shared/i18n';

let instance: i18n | null = null;

function translator(): i18n {
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({
      resources: sharedMessages as unknown as Record<string, Record<string, object>>,
      lng: 'zh-CN',
      fallbackLng: 'zh-CN',
      ns: Object.keys(sharedMessages['zh-CN']),
      defaultNS: 'errors',
      interpolation: { escapeValue: false },
      initAsync: false,
    });
  }
  return instance;
}

const KEY = /^[a-zA-Z][\w-]*:[\w.]+$/;

/** Whether a message is an i18n key (`errors:field.mobile`) rather than finished text. */
export function isMessageKey(message: string): boolean {
  return KEY.test(message);
}

/** A parameter that is itself a message, translated in the same language as the message it goes into. */
export interface NestedMessage {
  key: string;
  params: Record<string, unknown>;
}

export function nested(key: string, params: Record<string, unknown> = {}): NestedMessage {
  return { key, params };
}

function isNested(value: unknown): value is NestedMessage {
  return typeof value === 'object' && value !== null && typeof (value as NestedMessage).key === 'string' && isMessageKey((value as NestedMessage).key);
}

export function translate(lang: Language, key: string, params: Record<string, unknown> = {}): string {
  if (!isMessageKey(key)) return key;
  const resolved = Object.fromEntries(Object.entries(params).map(([name, value]) => [name, isNested(value) ? translate(lang, value.key, value.params) : value]));
  return translator().t(key, { ...resolved, lng: lang }) as string;
}
