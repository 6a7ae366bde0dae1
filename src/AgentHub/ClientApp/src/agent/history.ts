import type { LedgerEntry } from '../api';
import { $, el, signed } from '../ui/dom';

/** "Why did I get these points": each entry's reason, points, and a link to its ticket in the helpdesk. */
export function renderHistory(entries: LedgerEntry[], ticketUrl: string | null): void {
  $('ledger').replaceChildren(...entries.map(entry => {
    const reason = el('span', { class: 'reason', text: entry.reason });
    if (entry.kind && entry.kind !== 'award') reason.append(el('span', { class: 'tag', text: entry.kind }));
    const item = el('li', { 'data-ledger': String(entry.id) }, reason);
    if (entry.ticketId && ticketUrl) {
      item.append(el('a', { href: ticketUrl.replace('{ticket}', encodeURIComponent(entry.ticketId)), target: '_blank', rel: 'noopener noreferrer', text: `#${entry.ticketId}` }));
    }
    item.append(el('span', { class: entry.points < 0 ? 'pts neg' : 'pts', text: signed(entry.points) }));
    return item;
  }));
  if (entries.length === 0) $('ledger').append(el('li', { class: 'muted', text: 'Nothing yet: solve a ticket!' }));
}
