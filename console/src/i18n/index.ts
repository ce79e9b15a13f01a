import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import enCore from './en/core.json';
import enCoordinator from './en/coordinator.json';
import enDisclosures from './en/disclosures.json';
import enRoles from './en/roles.json';
import frCore from './fr/core.json';
import frCoordinator from './fr/coordinator.json';
import frDisclosures from './fr/disclosures.json';
import frRoles from './fr/roles.json';
import nlCore from './nl/core.json';
import nlCoordinator from './nl/coordinator.json';
import nlDisclosures from './nl/disclosures.json';
import nlRoles from './nl/roles.json';

export const LANGUAGES = ['fr', 'nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language asked by `?lang=` on the first URL, else French (kept in memory only afterwards). */
export function initialLanguage(search: string = window.location.search): Language {
  const asked = new URLSearchParams(search).get('lang');
  return isLanguage(asked) ? asked : 'fr';
}

type Catalogue = { [key: string]: string | Catalogue };

/** One catalogue per language, merged from its parts (core: sign-in, layout, enumerations; coordinator: legal bases
 * and concertations; roles: the participant's, prosecutor's and auditor's screens; disclosures: "Which regime?" and the shared-secrecy,
 * art. 458bis and state-of-necessity records). A key is in one part only. */
export function merge(...parts: Catalogue[]): Catalogue {
  const out: Catalogue = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      const existing = out[key];
      if (typeof value === 'object' && typeof existing === 'object') {
        out[key] = merge(existing, value);
      } else if (existing !== undefined) {
        throw new Error(`i18n: key ${key} defined twice`);
      } else {
        out[key] = value;
      }
    }
  }
  return out;
}

const fr = merge(frCore, frCoordinator, frRoles, frDisclosures);
const nl = merge(nlCore, nlCoordinator, nlRoles, nlDisclosures);
const en = merge(enCore, enCoordinator, enRoles, enDisclosures);

export const catalogues = { fr, nl, en } as const;

export function createI18n(language: Language): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { fr: { translation: fr }, nl: { translation: nl }, en: { translation: en } },
    lng: language,
    fallbackLng: false,
    initImmediate: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  return instance;
}
