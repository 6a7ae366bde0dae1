import { ApiError, type Api } from '../api';
import { $ } from '../ui/dom';

/**
 * The rules editor: reads the tenant's rules, has the engine validate a candidate and preview a
 * back-test, and saves it. Team leads validate and back-test; only the tenant's admins (admin-role
 * tokens) save, which the server enforces — the page only keeps the button honest.
 */
export class RulesView {
  constructor(private readonly api: Api, private readonly canSave: boolean) {
    $('rules-validate').addEventListener('click', () => void this.validate());
    $('rules-backtest').addEventListener('click', () => void this.backtest());
    $('rules-save').addEventListener('click', () => void this.save());
  }

  async refresh(): Promise<void> {
    const editor = $<HTMLTextAreaElement>('rules');
    try {
      editor.value = JSON.stringify(await this.api.get<unknown>('/rules'), null, 2);
      editor.readOnly = false;
      $<HTMLButtonElement>('rules-backtest').disabled = false;
      $<HTMLButtonElement>('rules-validate').disabled = false;
      $<HTMLButtonElement>('rules-save').disabled = !this.canSave;
      $('rules-note').textContent = this.canSave ? '' : 'Team leads validate and back-test; an admin of this tenant saves.';
    } catch {
      editor.readOnly = true;
      $('rules-note').textContent = 'The rules could not be loaded.';
    }
  }

  private status(text: string, error: boolean): void {
    const status = $('rules-status');
    status.textContent = text;
    status.className = error ? 'error' : 'muted';
  }

  private parse(): unknown {
    try {
      return JSON.parse($<HTMLTextAreaElement>('rules').value);
    } catch (e) {
      this.status(e instanceof Error ? `Not JSON: ${e.message}` : 'Not JSON.', true);
      return null;
    }
  }

  // The engine's validation problem names the rule and field; show each.
  private async rejected(e: unknown, fallback: string): Promise<void> {
    if (e instanceof ApiError && e.status === 400 && e.body) {
      const errors = (e.body as { errors?: Record<string, string[]> }).errors ?? {};
      this.status(Object.entries(errors).map(([field, messages]) => `${field}: ${messages.join(' ')}`).join('\n') || fallback, true);
    } else if (e instanceof ApiError && e.status === 403) {
      this.status('Only an admin of this tenant may save rules.', true);
    } else {
      this.status(fallback, true);
    }
  }

  private async validate(): Promise<boolean> {
    const rules = this.parse();
    if (!rules) return false;
    try {
      const result = await this.api.post<{ rules: number; badges: number; quests: number }>('/rules/validate', rules);
      this.status(`Valid: ${result.rules} rules, ${result.badges} badges, ${result.quests} quests.`, false);
      return true;
    } catch (e) {
      await this.rejected(e, 'The engine rejected these rules.');
      return false;
    }
  }

  private async backtest(): Promise<void> {
    const rules = this.parse();
    if (!rules) return;
    try {
      $('rules-preview').textContent = JSON.stringify(await this.api.post<unknown>('/rules/backtest', rules), null, 2);
      this.status('Back-test done; nothing was saved.', false);
    } catch (e) {
      await this.rejected(e, 'Back-test failed.');
    }
  }

  private async save(): Promise<void> {
    const rules = this.parse();
    if (!rules) return;
    try {
      await this.api.put('/rules', rules);
      this.status('Saved.', false);
    } catch (e) {
      await this.rejected(e, 'The engine rejected these rules.');
    }
  }
}
