import type { Api } from '../api';
import { el } from './dom';

/** Agents' avatar URLs (https only, from the helpdesk directory), loaded once per page and on request. */
export class Avatars {
  private urls = new Map<string, string>();

  constructor(private readonly api: Api) {}

  async load(): Promise<void> {
    try {
      const { avatars } = await this.api.get<{ avatars: Record<string, string> }>('/avatars/agents');
      this.urls = new Map(Object.entries(avatars));
    } catch { /* initials everywhere */ }
  }

  /** The agent's picture, or their initials when there is none or it does not load (CSP, 404, offline). */
  of(agentId: string, name: string): HTMLElement {
    const initials = el('span', { class: 'avatar initials', 'aria-hidden': 'true', 'data-hg': 'avatar', text: initialsOf(name) });
    const url = this.urls.get(agentId);
    if (!url) return initials;
    const img = el('img', { class: 'avatar', src: url, alt: '', 'data-hg': 'avatar', referrerpolicy: 'no-referrer', decoding: 'async' });
    img.addEventListener('error', () => img.replaceWith(initials), { once: true });
    return img;
  }
}

export function initialsOf(name: string): string {
  const words = name.replace(/[^\p{L}\p{N} ]/gu, ' ').split(' ').filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map(w => Array.from(w)[0]).join('').toUpperCase() || '?';
}
