import { LANG_NAMES, LANGS, type Lang } from '../i18n';
import type { View } from './context';
import { h, ICON_CLOSE, icon } from './dom';
import { type SectionSpec, sectionsFor } from './sections';

interface Rendered {
  deps: unknown[];
  lang: Lang;
  node: HTMLElement | null;
}

/**
 * The panel: a non-modal dialog (the page stays usable beside it). Sections are rebuilt only
 * when the state they read changes, and focus is put back by data-hg key afterwards, so a
 * live update never yanks keyboard focus away from the visitor.
 */
export function createPanel(shadow: ShadowRoot, onLang: (lang: Lang) => void, onClose: () => void) {
  const title = h('h2', { class: 'hg-title', id: 'hg-title', tabindex: -1 });
  const lang = h('select', { class: 'hg-lang', 'data-hg': 'lang', 'aria-label': 'Language' }) as HTMLSelectElement;
  for (const code of LANGS) lang.append(h('option', { value: code, lang: code }, LANG_NAMES[code]));
  lang.addEventListener('change', () => onLang(lang.value as Lang));
  const close = h('button', { type: 'button', class: 'hg-icon-btn', 'data-hg': 'close' }, icon(ICON_CLOSE, 22));
  close.addEventListener('click', onClose);
  const body = h('div', { class: 'hg-body', 'data-hg': 'body' });
  const el = h(
    'div',
    {
      class: 'hg-panel',
      id: 'hg-panel',
      role: 'dialog',
      'aria-modal': 'false',
      'aria-labelledby': 'hg-title',
      'data-hg': 'panel',
      hidden: true,
    },
    h('div', { class: 'hg-head' }, title, lang, close),
    body,
  );
  const rendered = new Map<string, Rendered>();
  let wantFocus: string | null = null;

  function renderBody(view: View) {
    const active = activeKey(shadow);
    const specs = sectionsFor(view.state);
    const nodes = specs.map((spec) => sectionNode(spec, view)).filter((n): n is HTMLElement => n !== null);
    for (const key of Array.from(rendered.keys())) if (!specs.some((s) => s.key === key)) rendered.delete(key);
    patchChildren(body, nodes);
    const target = wantFocus ?? (active && !shadow.activeElement?.isConnected ? active : null);
    wantFocus = null;
    if (target) body.querySelector<HTMLElement>(`[data-hg="${CSS.escape(target)}"]`)?.focus();
  }

  function sectionNode(spec: SectionSpec, view: View): HTMLElement | null {
    const deps = spec.deps(view.state);
    const prev = rendered.get(spec.key);
    if (prev && prev.lang === view.state.lang && sameDeps(prev.deps, deps)) return prev.node;
    const node = spec.render(view);
    rendered.set(spec.key, { deps, lang: view.state.lang, node });
    return node;
  }

  return {
    el,
    update(view: View) {
      const { state, t } = view;
      el.hidden = !state.open;
      el.setAttribute('lang', state.lang);
      title.textContent = state.programme?.name || t('title');
      lang.value = state.lang;
      lang.setAttribute('aria-label', t('language'));
      close.setAttribute('aria-label', t('close'));
      // A closed panel is not worth rebuilding; it renders fresh when opened.
      if (state.open) renderBody(view);
    },
    focusNext(key: string) {
      wantFocus = key;
    },
    focusTitle() {
      title.focus();
    },
  };
}

export type Panel = ReturnType<typeof createPanel>;

function activeKey(shadow: ShadowRoot): string | null {
  const active = shadow.activeElement;
  return active instanceof HTMLElement ? active.getAttribute('data-hg') : null;
}

function sameDeps(a: unknown[], b: unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Puts `nodes` in order under `parent`, leaving unchanged nodes where they are (moving a node would blur it). */
function patchChildren(parent: HTMLElement, nodes: HTMLElement[]) {
  const keep = new Set<Node>(nodes);
  for (const child of Array.from(parent.childNodes)) if (!keep.has(child)) child.remove();
  let ref: ChildNode | null = parent.firstChild;
  for (const node of nodes) {
    if (node === ref) ref = ref.nextSibling;
    else parent.insertBefore(node, ref);
  }
}
