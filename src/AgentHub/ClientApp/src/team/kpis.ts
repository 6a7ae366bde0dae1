import type { Api } from '../api';
import { $, el } from '../ui/dom';

interface Kpi { key: string; label: string; unit: string; direction: string; value: number | null; target: number | null; met: boolean | null; trend: { period: string; value: number | null }[]; }

/** KPI cards: value now, target, met or missed, and a small trend; targets are editable. */
export class KpiView {
  constructor(private readonly api: Api) {
    $('kpi-targets').addEventListener('submit', e => { e.preventDefault(); void this.saveTargets(); });
  }

  async refresh(): Promise<void> {
    const { kpis } = await this.api.get<{ kpis: Kpi[] }>('/kpis');
    $('kpis').replaceChildren(...kpis.map(k => {
      const max = Math.max(1, ...k.trend.map(p => Math.abs(p.value ?? 0)));
      const unit = k.unit === '%' ? '%' : '';
      return el('div', { class: `kpi ${k.met === null ? '' : k.met ? 'met' : 'missed'}`, 'data-kpi': k.key },
        el('p', { class: 'small', text: k.label }),
        el('p', { class: 'value', text: k.value === null ? '–' : `${k.value}${unit}` }),
        el('p', { class: 'muted small', text: k.target === null ? 'No target set' : `Target ${k.direction === 'above' ? '≥' : '≤'} ${k.target}${unit}${k.met === null ? '' : k.met ? ' · on track' : ' · behind'}` }),
        el('ol', { 'aria-label': `${k.label} trend` }, ...k.trend.map(p => el('li', { title: `${p.period}: ${p.value ?? '–'}`, style: `height:${Math.round((Math.abs(p.value ?? 0) / max) * 100)}%` }))));
    }));
    $('kpi-target-fields').replaceChildren(...kpis.map(k => el('label', {}, k.label,
      el('input', { type: 'number', step: 'any', name: k.key, value: k.target === null ? '' : String(k.target) }))));
  }

  private async saveTargets(): Promise<void> {
    const targets: Record<string, number> = {};
    document.querySelectorAll<HTMLInputElement>('#kpi-target-fields input').forEach(input => {
      if (input.value !== '') targets[input.name] = Number(input.value);
    });
    await this.api.put('/kpis/targets', targets);
    await this.refresh();
  }
}
