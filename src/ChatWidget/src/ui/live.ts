import { h } from './dom';

/**
 * The polite live region. Each message is its own node, removed after a while, so two quick
 * awards are both read and the same text twice in a row is read twice.
 */
export function createAnnouncer() {
  const el = h('div', { class: 'hg-sr', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'false', 'data-hg': 'live' });
  return {
    el,
    say(text: string) {
      const line = h('p', {}, text);
      el.append(line);
      setTimeout(() => line.remove(), 8000);
    },
  };
}
