// i18next for the screens: zh-CN first, English second. Each feature brings its own namespace.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { sharedMessages, type Language } from '../../../shared/i18n';
import { commonEn, commonZhCN } from './common';

const LANGUAGE_KEY = 'lobbyDesk.language';

/** The language someone chose on this screen; else the PC's (the shell opens the screens with `?lang=`); else Chinese. */
export function storedLanguage(): Language {
  const chosen = localStorage.getItem(LANGUAGE_KEY) ?? new URLSearchParams(location.search).get('lang');
  return chosen === 'en' ? 'en' : 'zh-CN';
}

type Namespaces = Record<string, Record<string, unknown>>;

/** A feature's namespace holds both what its core says (shared/i18n) and its screens' strings. */
function mergeNamespaces(...sources: Namespaces[]): Namespaces {
  const merged: Namespaces = {};
  for (const source of sources) {
    for (const [ns, messages] of Object.entries(source)) merged[ns] = { ...merged[ns], ...messages };
  }
  return merged;
}

const resources = {
  'zh-CN': mergeNamespaces(sharedMessages['zh-CN'] as Namespaces, { common: commonZhCN }),
  en: mergeNamespaces(sharedMessages.en as Namespaces, { common: commonEn }),
};

void i18next.use(initReactI18next).init({
  resources,
  lng: storedLanguage(),
  fallbackLng: 'zh-CN',
  defaultNS: 'common',
  ns: Object.keys(resources['zh-CN']),
  interpolation: { escapeValue: false },
  initAsync: false,
});

/**
 * Adds the features' own strings (the app's catalogue list, `app/catalogues.ts`): a namespace the core also
 * speaks (shared/i18n) keeps the core's keys and gains the screens'.
 */
export function addCatalogues(catalogues: Record<Language, Record<string, object>>): void {
  for (const lang of ['zh-CN', 'en'] as const) {
    for (const [ns, messages] of Object.entries(catalogues[lang])) i18next.addResourceBundle(lang, ns, messages, true, true);
  }
}

dayjs.locale(storedLanguage() === 'en' ? 'en' : 'zh-cn');

/** Switches the whole app's language; `remember` keeps it for the next start (staff screens do, visitors don't). */
export function setLanguage(lang: Language, remember = true): void {
  if (remember) localStorage.setItem(LANGUAGE_KEY, lang);
  void i18next.changeLanguage(lang);
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
}

export { i18next };
