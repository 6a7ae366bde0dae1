import { $, el } from './dom';

// Toasts live in a role=status region (aria-live=polite): screen readers announce them when idle,
// and nothing here ever calls focus(), so typing in the helpdesk is never interrupted.
export function toast(text: string, ms = 6000): void {
  const region = $('toasts');
  const note = el('div', { class: 'toast', 'data-hg': 'toast', text });
  region.append(note);
  while (region.children.length > 4) region.firstElementChild?.remove();
  window.setTimeout(() => note.remove(), ms);
}
