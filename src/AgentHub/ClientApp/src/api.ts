import type { Session } from './session';

export interface LeaderboardEntry { rank: number; participantId: string; displayName: string; points: number; }
export interface LeaderboardPage { board: string; period: string; entries: LeaderboardEntry[]; me: LeaderboardEntry | null; }
export interface Summary { participantId: string; displayName: string | null; points: number; pendingPoints: number; byCategory: Record<string, number>; rank: number | null; }
export interface LedgerEntry { id: number; points: number; category: string; reason: string; ticketId: string | null; occurredAt: string; }

export class Api {
  constructor(private readonly session: Session) {}

  private async get<T>(path: string): Promise<T> {
    const response = await fetch(`/api/tenants/${encodeURIComponent(this.session.tenant)}${path}`, {
      headers: { Authorization: `Bearer ${this.session.token}` },
    });
    if (!response.ok) throw new Error(`${response.status} ${path}`);
    return (await response.json()) as T;
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
