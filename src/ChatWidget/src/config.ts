export type DockMode = 'auto' | 'none';

export interface WidgetConfig {
  /** Origin plus path prefix the widget was served from, no trailing slash. */
  base: string;
  tenant: string;
  lang: string | null;
  dock: DockMode;
}

/** The part of an HTMLScriptElement we read; lets tests pass a plain object. */
export interface ScriptLike {
  src: string;
  getAttribute(name: string): string | null;
}

const TENANT = /^[a-z0-9-]{1,40}$/;

/**
 * Reads the embed tag. Returns null rather than throwing: a mistyped snippet must not put an
 * exception on the host page's console.
 */
export function parseConfig(script: ScriptLike, pageUrl: string): WidgetConfig | null {
  const tenant = (script.getAttribute('data-tenant') ?? '').trim();
  if (!TENANT.test(tenant) || !script.src) return null;
  let url: URL;
  try {
    url = new URL(script.src, pageUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  // The widget file sits at the app root (or under a path base), so the API lives beside it.
  const dir = url.pathname.replace(/\/[^/]*$/, '');
  const lang = (script.getAttribute('data-lang') ?? '').trim().toLowerCase() || null;
  const dock: DockMode = script.getAttribute('data-dock')?.trim().toLowerCase() === 'none' ? 'none' : 'auto';
  return { base: url.origin + dir, tenant, lang, dock };
}

/**
 * currentScript is only set while the file first runs; the data-tenant lookup covers hosts
 * that inject the tag from their own code or bundle us in unusual ways.
 */
export function findScript(doc: Document): HTMLScriptElement | null {
  const current = doc.currentScript;
  if (current instanceof HTMLScriptElement && current.hasAttribute('data-tenant')) return current;
  const tagged = doc.querySelectorAll<HTMLScriptElement>('script[data-tenant][src]');
  for (const s of Array.from(tagged)) {
    if (/\/widget(\.min)?\.js(\?|#|$)/.test(s.src)) return s;
  }
  return tagged[0] ?? null;
}
