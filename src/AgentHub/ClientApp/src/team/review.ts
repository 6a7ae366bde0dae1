import type { Api } from '../api';
import { $, el, signed } from '../ui/dom';

interface Award { ledgerId: number; points: number; category: string; reason: string; entryKind: string; ticketId: string | null; agentId: string; agentName: string | null; }
interface QueueItem extends Award { origin: string; note: string | null; addedBy: string; }
interface EngineFlag { id: number; kind: string; subject: string; participantId: string; detail: string; status: string; }
interface Decision { ledgerId: number; decision: string; note: string | null; author: string; nowMs: number; adjustmentLedgerId: number | null; }

/** The review queue: flagged or picked awards to approve or contest, recent awards to pick, and the audit trail. */
export class ReviewView {
  constructor(private readonly api: Api) {}

  async refresh(): Promise<void> {
    const [queue, recent, trail] = await Promise.all([
      this.api.get<{ items: QueueItem[] }>('/review/queue'),
      this.api.get<{ items: Award[] }>('/review/awards'),
      this.api.get<{ items: Decision[] }>('/review/decisions'),
    ]);
    $('queue').replaceChildren(...queue.items.map(item => this.queueRow(item)));
    if (queue.items.length === 0) $('queue').append(el('li', { class: 'muted', text: 'Nothing waiting for review.' }));
    const queued = new Set(queue.items.map(i => i.ledgerId));
    $('recent').replaceChildren(...recent.items.filter(a => !queued.has(a.ledgerId)).slice(0, 15).map(a => {
      const pick = el('button', { type: 'button', class: 'btn secondary', text: 'Review' });
      pick.addEventListener('click', () => void this.api.post('/review/items', { ledgerId: a.ledgerId, note: 'Picked by a team lead' }).then(() => this.refresh()));
      return el('li', { 'data-ledger': String(a.ledgerId) }, el('span', { text: `${a.agentName ?? a.agentId}: ${a.reason}` }), el('span', { class: 'pts', text: signed(a.points) }), pick);
    }));
    await this.engineFlags();
    $('trail').replaceChildren(...trail.items.map(d => el('li', {}, el('span', { text: `#${d.ledgerId} ${d.decision} by ${d.author}${d.note ? ` — ${d.note}` : ''}` }), el('span', { class: 'muted small', text: new Date(d.nowMs).toLocaleString() }))));
  }

  // The engine's anti-gaming flags (ticket splitting, reopen loops), when this server has them.
  private async engineFlags(): Promise<void> {
    try {
      const { flags } = await this.api.get<{ flags: EngineFlag[] }>('/review/flags?status=open');
      $('flags').replaceChildren(...flags.map(f => el('li', { 'data-flag': String(f.id) },
        el('span', { text: `${f.kind}: agent ${f.participantId}, ${f.subject} — ${f.detail}` }), el('span', { class: 'muted small', text: f.status }))));
      if (flags.length === 0) $('flags').append(el('li', { class: 'muted', text: 'No open flags.' }));
      $('flags-section').hidden = false;
    } catch {
      $('flags-section').hidden = true;
    }
  }

  private queueRow(item: QueueItem): HTMLElement {
    const note = el('input', { 'aria-label': `Reason for #${item.ledgerId}`, placeholder: 'Reason (required to contest)' });
    const approve = el('button', { type: 'button', class: 'btn', text: 'Approve' });
    const contest = el('button', { type: 'button', class: 'btn secondary', text: 'Contest' });
    const decide = (decision: string): void => {
      void this.api.post(`/review/items/${item.ledgerId}/decision`, { decision, note: note.value })
        .then(() => this.refresh())
        .catch(() => { note.setAttribute('aria-invalid', 'true'); note.placeholder = 'Say why you contest it'; });
    };
    approve.addEventListener('click', () => decide('approve'));
    contest.addEventListener('click', () => decide('contest'));
    return el('li', { 'data-ledger': String(item.ledgerId) },
      el('span', { text: `${item.agentName ?? item.agentId}: ${item.reason} (${item.origin}${item.note ? `: ${item.note}` : ''})` }),
      el('span', { class: 'pts', text: signed(item.points) }), note, approve, contest);
  }
}
