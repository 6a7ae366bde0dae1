import css from './widget.css';

export const HOST_ID = 'helpdeskgamify-widget';

/**
 * Our own host element with an open shadow root (open so browser tests and assistive tech can
 * see in). Styles go in as a constructed sheet where supported: hosts with a strict CSP that
 * forbids inline <style> still get a styled widget.
 */
export function createRoot(doc: Document): { host: HTMLElement; shadow: ShadowRoot; root: HTMLElement } {
  doc.getElementById(HOST_ID)?.remove();
  const host = doc.createElement('div');
  host.id = HOST_ID;
  const shadow = host.attachShadow({ mode: 'open' });
  if ('adoptedStyleSheets' in shadow && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
  } else {
    const style = doc.createElement('style');
    style.textContent = css;
    shadow.append(style);
  }
  const root = doc.createElement('div');
  root.className = 'hg-root';
  shadow.append(root);
  doc.body.append(host);
  return { host, shadow, root };
}
