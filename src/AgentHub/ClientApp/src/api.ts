import type { Session } from './session';

export interface LeaderboardEntry { rank: number; participantId: string; displayName: string; points: number; }
export interface LeaderboardPage { board: string; period: string; entries: LeaderboardEntry[]; me: LeaderboardEntry | null; }
export interface Level { index: number; name: string; points: number; threshold: number; nextName?: string | null; nextThreshold?: number | null; }
export interface Badge { id?: string; name: string; description?: string; earned?: boolean; earnedAt?: string | null; progress?: number | null; target?: number | null; }
export interface Quest { id?: string; name: string; description?: string; progress: number; target: number; kind?: string; endsAt?: string | null; completed?: boolean; }
export interface Summary {
  participantId: string; displayName: string | null; points: number; pendingPoints?: number;
  byCategory: Record<string, number>; rank: number | null; team?: string | null;
  level?: Level | null; badges?: Badge[] | null; quests?: Quest[] | null; optedOut?: boolean | null;
}
export interface LedgerEntry { id: number; points: number; category: string; reason: string; kind: string; ticketId: string | null; occurredAt: string; }

/** Thrown for a non-2xx answer, with its status so pages can tell 403 from 404. */
export class ApiError extends Error {
  constructor(readonly status: number, path: string, readonly body: unknown = null) { super(`${status} ${path}`); }
}

// A problem+json body (RFC 7807) when the server sent one.
async function problem(response: Response): Promise<unknown> {
  try {
    return (response.headers.get('Content-Type') ?? '').includes('json') ? await response.json() : null;
  } catch {
    return null;
  }
}

export class Api {
  constructor(private readonly session: Session) {}

  private async send<T>(method: string, path: string, body?: unknown, absolute = false): Promise<T> {
    const url = absolute ? path : `/api/tenants/${encodeURIComponent(this.session.tenant)}${path}`;
    const response = await fetch(url, {
      method,
      headers: { Authorization: `Bearer ${this.session.token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new ApiError(response.status, path, await problem(response));
    const text = await response.text();
    return (text ? JSON.parse(text) : null) as T;
  }

  get<T>(path: string): Promise<T> { return this.send<T>('GET', path); }
  post<T>(path: string, body: unknown): Promise<T> { return this.send<T>('POST', path, body); }
  put<T>(path: string, body: unknown): Promise<T> { return this.send<T>('PUT', path, body); }

  /** A file answer (CSV) as a blob, with the server's file name. */
  async download(path: string): Promise<{ blob: Blob; name: string }> {
    const response = await fetch(`/api/tenants/${encodeURIComponent(this.session.tenant)}${path}`, { headers: { Authorization: `Bearer ${this.session.token}` } });
    if (!response.ok) throw new ApiError(response.status, path);
    const disposition = response.headers.get('Content-Disposition') ?? '';
    const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? 'export.csv';
    return { blob: await response.blob(), name };
  }

  leaderboard(board: string, period: string): Promise<LeaderboardPage> {
    return this.get(`/leaderboards/${board}?period=${period}&limit=10`);
  }

  me(): Promise<Summary> {
    return this.get(`/agents/${encodeURIComponent(this.session.subject)}`);
  }

  ledger(): Promise<{ entries: LedgerEntry[] }> {
    return this.get(`/agents/${encodeURIComponent(this.session.subject)}/ledger?limit=15`);
  }
}
