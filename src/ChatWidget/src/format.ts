import type { Level, Quest } from './types';

export interface Progress {
  /** Points gained inside the current tier. */
  value: number;
  /** Points the current tier spans; 0 at the top tier. */
  max: number;
  percent: number;
  remaining: number;
  atTop: boolean;
}

export function levelProgress(level: Level): Progress {
  if (level.nextThreshold === null || level.nextThreshold === undefined || level.nextThreshold <= level.threshold) {
    return { value: level.points - level.threshold, max: 0, percent: 100, remaining: 0, atTop: true };
  }
  const max = level.nextThreshold - level.threshold;
  const value = clamp(level.points - level.threshold, 0, max);
  return { value, max, percent: Math.floor((value / max) * 100), remaining: max - value, atTop: false };
}

export function questPercent(quest: Pick<Quest, 'progress' | 'target' | 'completed'>): number {
  if (quest.completed) return 100;
  if (!(quest.target > 0)) return 0;
  return Math.floor((clamp(quest.progress, 0, quest.target) / quest.target) * 100);
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * "in 3 days" / "tomorrow" for near deadlines, a plain date further out. Null when the date is
 * missing, unreadable or past, because a countdown to the past only confuses.
 */
export function formatEnds(lang: string, endsAt: string | null | undefined, now: number): string | null {
  if (!endsAt) return null;
  const at = Date.parse(endsAt);
  if (Number.isNaN(at) || at <= now) return null;
  const left = at - now;
  if (left > 7 * DAY) return new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short' }).format(at);
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  if (left >= DAY) return rtf.format(Math.round(left / DAY), 'day');
  return rtf.format(Math.max(1, Math.round(left / HOUR)), 'hour');
}

/**
 * The server phrases reasons for a sentence start ("Rating your chat"); in English they read
 * after "for", so a capitalised ordinary first word is lowered. Acronyms ("CSAT") stay as sent.
 */
export function reasonInSentence(lang: string, reason: string): string {
  const text = reason.trim();
  if (lang !== 'en' || text.length < 2) return text;
  const first = text[0];
  const second = text[1];
  if (first === first.toUpperCase() && second === second.toLowerCase() && second !== second.toUpperCase()) {
    return first.toLowerCase() + text.slice(1);
  }
  return text;
}

export function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Number.isFinite(n) ? n : min));
}
