import en from './en.json';
import nb from './nb.json';
import ru from './ru.json';

export type Lang = 'en' | 'ru' | 'nb';
export type MessageKey = keyof typeof en;
type Resource = Record<string, string | Partial<Record<Intl.LDMLPluralRule, string>>>;

export const LANGS: readonly Lang[] = ['en', 'ru', 'nb'];
/** Each language named in itself, for the language picker. */
export const LANG_NAMES: Record<Lang, string> = { en: 'English', ru: 'Русский', nb: 'Norsk bokmål' };

const RESOURCES: Record<Lang, Resource> = { en, ru, nb };

/**
 * Maps a BCP 47 tag to a language we ship. Norwegian readers of Nynorsk ("nn") and generic
 * "no" read Bokmål comfortably, so they get it rather than English.
 */
export function matchLang(tag: string | null | undefined): Lang | null {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'en' || primary === 'ru' || primary === 'nb') return primary;
  if (primary === 'no' || primary === 'nn') return 'nb';
  return null;
}

/** The embed's data-lang wins; then the visitor's browser preferences, in order; then English. */
export function pickLang(explicit: string | null | undefined, preferred: readonly string[]): Lang {
  const fromAttr = matchLang(explicit);
  if (fromAttr) return fromAttr;
  for (const tag of preferred) {
    const lang = matchLang(tag);
    if (lang) return lang;
  }
  return 'en';
}

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export function createTranslator(lang: Lang): Translate {
  const plural = new Intl.PluralRules(lang);
  const numbers = new Intl.NumberFormat(lang);
  const own = RESOURCES[lang];
  return (key, params = {}) => {
    const entry = own[key] ?? RESOURCES.en[key];
    let template: string;
    if (typeof entry === 'string') {
      template = entry;
    } else if (entry) {
      const count = Number(params.count ?? 0);
      template = entry[plural.select(count)] ?? entry.other ?? '';
    } else {
      template = key;
    }
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
  };
}
