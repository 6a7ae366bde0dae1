import { h } from './dom';

export type ToastKind = 'points' | 'badge' | 'level' | 'quest' | 'info';

const MAX_VISIBLE = 3;

/**
 * Short-lived notes above the launcher. They never take focus or pointer events: a toast is
 * a glance, the live region is what screen readers hear.
 */
export function createToasts() {
  const el = h('div', { class: 'hg-toasts', 'data-hg': 'toasts', 'aria-hidden': 'true' });
  return {
    el,
    show(text: string, kind: ToastKind, celebrate = false) {
      const toast = h('div', { class: `hg-toast${celebrate ? ' hg-celebrate' : ''}`, 'data-hg': 'toast', 'data-kind': kind }, text);
      el.append(toast);
      while (el.childElementCount > MAX_VISIBLE) el.firstElementChild?.remove();
      setTimeout(
        () => {
          toast.classList.add('hg-leaving');
          setTimeout(() => toast.remove(), 350);
        },
        celebrate ? 6000 : 4500,
      );
    },
  };
}
