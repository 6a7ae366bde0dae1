import type { Api } from '../api';
import type { Avatars } from '../ui/avatar';
import { $, el } from '../ui/dom';

export interface AgentStats {
  agentId: string; displayName: string; team: string | null; solved: number; firstReplyMedianMinutes: number | null;
  resolutionMedianMinutes: number | null; csatPercent: number | null; ratings: number; firstContactResolutionPercent: number | null;
  points: number; pointsByCategory: Record<string, number>; badgeCount: number; badges: EarnedBadge[];
}
interface EarnedBadge { id: string; name: string; tier: string | null; earnedAt: string; label: string; }
interface StatsPage { from: string; to: string; categories: string[]; agents: AgentStats[]; }

// value sorts; show (when given) is what the cell says.
type Column = { key: string; label: string; value: (a: AgentStats) => string | number | null; show?: (a: AgentStats) => string };

const baseColumns: Column[] = [
  { key: 'name', label: 'Agent', value: a => a.displayName },
  { key: 'team', label: 'Team', value: a => a.team },
  { key: 'solved', label: 'Solved', value: a => a.solved },
  { key: 'firstReply', label: 'First reply (median min)', value: a => a.firstReplyMedianMinutes },
  { key: 'resolution', label: 'Resolution (median min)', value: a => a.resolutionMedianMinutes },
  { key: 'csat', label: 'CSAT %', value: a => a.csatPercent },
  { key: 'fcr', label: 'FCR %', value: a => a.firstContactResolutionPercent },
  { key: 'points', label: 'Points', value: a => a.points },
  { key: 'badges', label: 'Badges', value: a => a.badgeCount, show: a => a.badges.length ? `${a.badgeCount}: ${a.badges.map(b => b.label).join(', ')}` : '0' },
];

/** The per-agent table: a date range, sortable columns, CSV export, and a row click for the drill-down. */
export class StatsView {
  private page: StatsPage | null = null;
  private sortKey = 'points';
  private descending = true;

  constructor(private readonly api: Api, private readonly onPick: (agent: AgentStats) => void, private readonly avatars: Avatars) {
    const today = new Date();
    $<HTMLInputElement>('to').value = iso(today);
    $<HTMLInputElement>('from').value = iso(new Date(today.getTime() - 6 * 86400000));
    $('stats-form').addEventListener('submit', e => { e.preventDefault(); void this.refresh(); });
    $('export-csv').addEventListener('click', () => void this.exportCsv());
  }

  get range(): { from: string; to: string } {
    return { from: $<HTMLInputElement>('from').value, to: $<HTMLInputElement>('to').value };
  }

  async refresh(): Promise<void> {
    const { from, to } = this.range;
    try {
      this.page = await this.api.get<StatsPage>(`/stats/agents?from=${from}&to=${to}`);
      $('stats-error').textContent = '';
      this.render();
    } catch {
      $('stats-error').textContent = 'Could not load stats for that range.';
    }
  }

  private async exportCsv(): Promise<void> {
    const { from, to } = this.range;
    const { blob, name } = await this.api.download(`/stats/agents.csv?from=${from}&to=${to}`);
    const link = el('a', { href: URL.createObjectURL(blob), download: name });
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  }

  private columns(): Column[] {
    return [...baseColumns, ...(this.page?.categories ?? []).map(c => ({ key: `cat:${c}`, label: c, value: (a: AgentStats) => a.pointsByCategory[c] ?? 0 }))];
  }

  private cell(c: Column, agent: AgentStats): HTMLElement {
    const text = c.show ? c.show(agent) : format(c.value(agent));
    return c.key === 'name'
      ? el('td', { 'data-col': c.key, class: 'who-cell' }, this.avatars.of(agent.agentId, agent.displayName), el('span', { text }))
      : el('td', { 'data-col': c.key, text });
  }

  private render(): void {
    const columns = this.columns();
    const sortColumn = columns.find(c => c.key === this.sortKey) ?? columns[columns.length - 1];
    const rows = [...(this.page?.agents ?? [])].sort((a, b) => compare(sortColumn.value(a), sortColumn.value(b)) * (this.descending ? -1 : 1));
    $('stats-head').replaceChildren(el('tr', {}, ...columns.map(c => {
      const sort = c.key === this.sortKey ? (this.descending ? 'descending' : 'ascending') : 'none';
      const button = el('button', { type: 'button', text: c.label });
      button.addEventListener('click', () => {
        this.descending = c.key === this.sortKey ? !this.descending : true;
        this.sortKey = c.key;
        this.render();
      });
      return el('th', { scope: 'col', 'aria-sort': sort, 'data-col': c.key }, button);
    })));
    $('stats-body').replaceChildren(...rows.map(agent => {
      const row = el('tr', { 'data-agent': agent.agentId, tabindex: '0' }, ...columns.map(c => this.cell(c, agent)));
      const pick = (): void => {
        document.querySelectorAll('#stats-body tr').forEach(r => r.classList.toggle('selected', r === row));
        this.onPick(agent);
      };
      row.addEventListener('click', pick);
      row.addEventListener('keydown', e => { if (e.key === 'Enter') pick(); });
      return row;
    }));
    if (rows.length === 0) $('stats-body').append(el('tr', {}, el('td', { colspan: String(columns.length), class: 'muted', text: 'No agents yet.' })));
  }
}

function compare(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
}

function format(value: string | number | null): string {
  return value === null ? '–' : String(value);
}

export function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}
