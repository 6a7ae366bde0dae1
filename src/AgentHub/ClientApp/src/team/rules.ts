import { ApiError, type Api } from '../api';
import { $ } from '../ui/dom';

/**
 * The rules editor: reads the tenant's rules from the engine's admin routes, checks the JSON
 * before saving, and previews a back-test. Where the routes are absent (or this token may not
 * use them) it stays read-only and says why.
 */
export class RulesView {
  constructor(private readonly api: Api, private readonly tenant: string) {
    $('rules-validate').addEventListener('click', () => { this.parse(); });
    $('rules-backtest').addEventListener('click', () => void this.backtest());
    $('rules-save').addEventListener('click', () => void this.save());
  }

  private get base(): string { return `/api/admin/tenants/${encodeURIComponent(this.tenant)}/rules`; }

  async refresh(): Promise<void> {
    const editor = $<HTMLTextAreaElement>('rules');
    try {
      editor.value = JSON.stringify(await this.api.admin<unknown>('GET', this.base), null, 2);
      this.setReadOnly(false, '');
    } catch (e) {
      this.setReadOnly(true, e instanceof ApiError && e.status === 404
        ? 'The rules engine routes are not available on this server yet; the editor is read-only.'
        : 'Rules can be changed with the admin key only; shown read-only.');
    }
  }

  private setReadOnly(readOnly: boolean, note: string): void {
    $<HTMLTextAreaElement>('rules').readOnly = readOnly;
    $<HTMLButtonElement>('rules-save').disabled = readOnly;
    $<HTMLButtonElement>('rules-backtest').disabled = readOnly;
    $('rules-note').textContent = note;
  }

  private parse(): unknown {
    const status = $('rules-status');
    try {
      const value: unknown = JSON.parse($<HTMLTextAreaElement>('rules').value);
      const rules = (value as { rules?: unknown })?.rules;
      if (typeof value !== 'object' || value === null || (rules !== undefined && !Array.isArray(rules))) throw new Error('The rules must be an object with a "rules" list.');
      status.textContent = 'Valid JSON.';
      status.className = 'muted';
      return value;
    } catch (e) {
      status.textContent = e instanceof Error ? e.message : 'Invalid JSON.';
      status.className = 'error';
      return null;
    }
  }

  private async backtest(): Promise<void> {
    const rules = this.parse();
    if (!rules) return;
    try {
      const result = await this.api.admin<unknown>('POST', `${this.base}/backtest`, rules);
      $('rules-preview').textContent = JSON.stringify(result, null, 2);
    } catch (e) {
      $('rules-status').textContent = e instanceof ApiError && e.status === 400 ? 'The engine rejected these rules.' : 'Back-test failed.';
    }
  }

  private async save(): Promise<void> {
    const rules = this.parse();
    if (!rules) return;
    try {
      await this.api.admin('PUT', this.base, rules);
      $('rules-status').textContent = 'Saved.';
    } catch {
      $('rules-status').textContent = 'The engine rejected these rules.';
    }
  }
}
