import type { Api } from '../api';
import { $, el, signed } from '../ui/dom';

interface Award { ledgerId: number; points: number; category: string; reason: string; entryKind: string; ticketId: string | null; agentId: string; agentName: string | null; }
interface QueueItem extends Award { origin: string; note: string | null; addedBy: string; }
interface FlaggedAward extends Award { decision: string | null; }
interface Flag { id: number; kind: string; subject: string; participantId: string; detail: string; status: string; ticketIds: string[]; awards: FlaggedAward[]; }
interface Decision { ledgerId: number; decision: string; note: string | null; author: string; nowMs: number; adjustmentLedgerId: number | null; flagId: number | null; }
interface FlagDecision { flagId: number; decision: string; note: string | null; author: string; nowMs: number; kind: string | null; participantId: string | null; }

/**
 * The review queue: awards picked by a lead and the engine's anti-gaming flags, each flag with the
 * awards the server joined to it, to approve or contest; recent awards to pick; the audit trail.
 */
export class ReviewView {
  constructor(private readonly api: Api) {}

  async refresh(): Promise<void> {
    const [queue, recent, trail] = await Promise.all([
      this.api.get<{ items: QueueItem[]; flags: Flag[] }>('/review/queue'),
      this.api.get<{ items: Award[] }>('/review/awards'),
      this.api.get<{ items: Decision[]; flags: FlagDecision[] }>('/review/decisions'),
    ]);
    $('queue').replaceChildren(...queue.items.map(item => this.queueRow(item)));
    if (queue.items.length === 0) $('queue').append(el('li', { class: 'muted', text: 'Nothing picked for review.' }));
    $('flags').replaceChildren(...queue.flags.map(flag => this.flagRow(flag)));
    if (queue.flags.length === 0) $('flags').append(el('li', { class: 'muted', text: 'No open flags.' }));
    const queued = new Set(queue.items.map(i => i.ledgerId));
    $('recent').replaceChildren(...recent.items.filter(a => !queued.has(a.ledgerId)).slice(0, 15).map(a => {
      const pick = el('button', { type: 'button', class: 'btn secondary', text: 'Review' });
      pick.addEventListener('click', () => void this.api.post('/review/items', { ledgerId: a.ledgerId, note: 'Picked by a team lead' }).then(() => this.refresh()));
      return el('li', { 'data-ledger': String(a.ledgerId) }, el('span', { text: `${a.agentName ?? a.agentId}: ${a.reason}` }), el('span', { class: 'pts', text: signed(a.points) }), pick);
    }));
    const entries = [
      ...trail.flags.map(f => ({ at: f.nowMs, node: el('li', { 'data-flag': String(f.flagId) },
        el('span', { text: `Flag #${f.flagId} (${f.kind ?? 'flag'}, agent ${f.participantId ?? '?'}) ${f.decision} by ${f.author}${f.note ? ` — ${f.note}` : ''}` }),
        el('span', { class: 'muted small', text: new Date(f.nowMs).toLocaleString() })) })),
      ...trail.items.map(d => ({ at: d.nowMs, node: el('li', { 'data-ledger': String(d.ledgerId) },
        el('span', { text: `#${d.ledgerId} ${d.decision} by ${d.author}${d.flagId ? ` (flag #${d.flagId})` : ''}${d.note ? ` — ${d.note}` : ''}` }),
        el('span', { class: 'muted small', text: new Date(d.nowMs).toLocaleString() })) })),
    ].sort((a, b) => b.at - a.at);
    $('trail').replaceChildren(...entries.map(e => e.node));
  }

  private decisionControls(label: string, send: (decision: string, note: string) => Promise<unknown>): HTMLElement[] {
    const note = el('input', { 'aria-label': `Reason for ${label}`, placeholder: 'Reason (required to contest)' });
    const approve = el('button', { type: 'button', class: 'btn', text: 'Approve' });
    const contest = el('button', { type: 'button', class: 'btn secondary', text: 'Contest' });
    const decide = (decision: string): void => {
      void send(decision, note.value)
        .then(() => this.refresh())
        .catch(() => { note.setAttribute('aria-invalid', 'true'); note.placeholder = 'Say why you contest it'; });
    };
    approve.addEventListener('click', () => decide('approve'));
    contest.addEventListener('click', () => decide('contest'));
    return [note, approve, contest];
  }

  private flagRow(flag: Flag): HTMLElement {
    const held = flag.awards.filter(a => a.decision === null);
    const total = held.reduce((sum, a) => sum + a.points, 0);
    const awards = el('ul', { class: 'flag-awards' }, ...flag.awards.map(a => el('li', { 'data-ledger': String(a.ledgerId) },
      el('span', { text: `${a.agentName ?? a.agentId}: ${a.reason}${a.decision ? ` (${a.decision})` : ''}` }), el('span', { class: 'pts', text: signed(a.points) }))));
    if (flag.awards.length === 0) awards.append(el('li', { class: 'muted', text: 'No awards on these tickets.' }));
    return el('li', { 'data-flag': String(flag.id), class: 'flag' },
      el('span', { text: `${flag.kind}: agent ${flag.participantId || '?'} — ${flag.detail}` }),
      el('span', { class: 'pts', text: signed(total) }),
      ...this.decisionControls(`flag #${flag.id}`, (decision, note) => this.api.post(`/review/flags/${flag.id}/decision`, { decision, note })),
      awards);
  }

  private queueRow(item: QueueItem): HTMLElement {
    return el('li', { 'data-ledger': String(item.ledgerId) },
      el('span', { text: `${item.agentName ?? item.agentId}: ${item.reason} (${item.origin}${item.note ? `: ${item.note}` : ''})` }),
      el('span', { class: 'pts', text: signed(item.points) }),
      ...this.decisionControls(`#${item.ledgerId}`, (decision, note) => this.api.post(`/review/items/${item.ledgerId}/decision`, { decision, note })));
  }
}
