import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Api } from '../api';
import { $, el } from '../ui/dom';
import type { AgentStats } from './stats';

interface Day { date: string; solved: number; points: number; csatPercent: number | null; }
interface Note { id: number; author: string; body: string; createdAtMs: number; }

/** One agent: daily trend charts (uPlot, bundled), coaching notes, and manual adjustments. */
export class DrillDown {
  private chart: uPlot | null = null;
  private agent: AgentStats | null = null;

  constructor(private readonly api: Api, private readonly range: () => { from: string; to: string }) {
    $('note-form').addEventListener('submit', e => { e.preventDefault(); void this.addNote(); });
    $('adjust-form').addEventListener('submit', e => { e.preventDefault(); void this.adjust(); });
  }

  async show(agent: AgentStats): Promise<void> {
    this.agent = agent;
    $('drill').hidden = false;
    $('drill-name').textContent = agent.displayName;
    const { from, to } = this.range();
    const { days } = await this.api.get<{ days: Day[] }>(`/stats/agents/${encodeURIComponent(agent.agentId)}/daily?from=${from}&to=${to}`);
    this.draw(days);
    await this.loadNotes();
  }

  private draw(days: Day[]): void {
    const x = days.map(d => Date.parse(`${d.date}T00:00:00Z`) / 1000);
    const data: uPlot.AlignedData = [x, days.map(d => d.solved), days.map(d => d.points), days.map(d => d.csatPercent)];
    this.chart?.destroy();
    const host = $('trend-chart');
    host.replaceChildren();
    this.chart = new uPlot({
      width: Math.max(host.clientWidth, 320), height: 220, title: 'Daily trend',
      series: [{}, { label: 'Solved', stroke: '#0a66c2', width: 2 }, { label: 'Points', stroke: '#137333', width: 2, scale: 'pts' },
        { label: 'CSAT %', stroke: '#b3261e', width: 1, scale: '%' }],
      axes: [{}, { label: 'Solved' }, { scale: 'pts', side: 1, label: 'Points' }],
      scales: { '%': { range: [0, 100] } },
    }, data, host);
    $('trend-table').replaceChildren(...days.map(d => el('tr', {}, el('td', { text: d.date }), el('td', { text: String(d.solved) }), el('td', { text: String(d.points) }), el('td', { text: d.csatPercent === null ? '–' : String(d.csatPercent) }))));
  }

  private async loadNotes(): Promise<void> {
    if (!this.agent) return;
    const { items } = await this.api.get<{ items: Note[] }>(`/agents/${encodeURIComponent(this.agent.agentId)}/notes`);
    $('notes').replaceChildren(...items.map(n => el('li', {}, el('p', { text: n.body }), el('p', { class: 'muted small', text: `${n.author} · ${new Date(n.createdAtMs).toLocaleString()}` }))));
    if (items.length === 0) $('notes').append(el('li', { class: 'muted', text: 'No coaching notes yet.' }));
  }

  private async addNote(): Promise<void> {
    const body = $<HTMLTextAreaElement>('note-body');
    if (!this.agent || !body.value.trim()) return;
    await this.api.post(`/agents/${encodeURIComponent(this.agent.agentId)}/notes`, { body: body.value });
    body.value = '';
    await this.loadNotes();
  }

  private async adjust(): Promise<void> {
    if (!this.agent) return;
    const points = Number($<HTMLInputElement>('adjust-points').value);
    const reason = $<HTMLInputElement>('adjust-reason').value;
    const status = $('adjust-status');
    try {
      await this.api.post(`/agents/${encodeURIComponent(this.agent.agentId)}/adjustments`, { points, reason, category: $<HTMLSelectElement>('adjust-category').value });
      status.textContent = `Adjusted by ${points} points.`;
    } catch {
      status.textContent = 'Enter non-zero points and a reason.';
    }
  }
}
