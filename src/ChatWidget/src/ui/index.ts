import { createTranslator, type Lang, type Translate } from '../i18n';
import type { State } from '../state/state';
import type { Store } from '../state/store';
import type { UiActions } from './context';
import { createLauncher } from './launcher';
import { createAnnouncer } from './live';
import { createPanel } from './panel';
import { createRoot } from './root';
import { createToasts, type ToastKind } from './toast';

export interface UiOptions {
  store: Store;
  actions: Omit<UiActions, 'focusNext' | 'close'>;
  toggle(open: boolean, how: 'user' | 'keyboard'): void;
}

export function createUi(doc: Document, { store, actions, toggle }: UiOptions) {
  const { host, shadow, root } = createRoot(doc);
  const translators = new Map<Lang, Translate>();
  const translate = (lang: Lang) => {
    let t = translators.get(lang);
    if (!t) translators.set(lang, (t = createTranslator(lang)));
    return t;
  };

  const launcher = createLauncher(() => toggle(!store.get().open, 'user'));
  const panel = createPanel(shadow, actions.setLang, () => toggle(false, 'user'));
  const toasts = createToasts();
  const announcer = createAnnouncer();
  root.append(launcher.el, panel.el, toasts.el, announcer.el);

  root.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && store.get().open) {
      e.stopPropagation();
      toggle(false, 'keyboard');
    }
  });

  const fullActions: UiActions = { ...actions, close: () => toggle(false, 'user'), focusNext: (key) => panel.focusNext(key) };

  function render(state: State) {
    const t = translate(state.lang);
    root.dataset.dock = state.dock;
    root.dataset.open = String(state.open);
    root.setAttribute('lang', state.lang);
    launcher.update(state, t);
    panel.update({ state, t, now: Date.now(), actions: fullActions });
  }

  render(store.get());
  store.subscribe((state) => render(state));

  return {
    host,
    shadow,
    t: () => translate(store.get().lang),
    setChatOpen(open: boolean) {
      root.dataset.chat = open ? 'open' : 'closed';
    },
    focusNext: fullActions.focusNext,
    focusPanel() {
      panel.focusTitle();
    },
    focusLauncher() {
      launcher.el.focus();
    },
    /** True while keyboard focus is somewhere inside the panel. */
    hasFocus(): boolean {
      const active = shadow.activeElement;
      return !!active && panel.el.contains(active);
    },
    notify(text: string, kind: ToastKind, celebrate = false) {
      toasts.show(text, kind, celebrate);
      announcer.say(text);
    },
    announce(text: string) {
      announcer.say(text);
    },
    destroy() {
      host.remove();
    },
  };
}

export type Ui = ReturnType<typeof createUi>;
