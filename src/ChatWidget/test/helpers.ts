import type { CustomerSummary } from '../src/types';

/** An unsigned JWT-shaped token with the given claims; the widget never verifies signatures. */
export function fakeJwt(claims: Record<string, unknown>): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${enc({ alg: 'HS256', typ: 'JWT' })}.${enc(claims)}.signature`;
}

export function summary(overrides: Partial<CustomerSummary> = {}): CustomerSummary {
  return {
    participantId: 'p-1',
    kind: 'customer',
    displayName: 'Ada',
    points: 40,
    pendingPoints: 5,
    byCategory: { engagement: 40 },
    level: { index: 0, name: 'Bronze', points: 40, threshold: 0, nextName: 'Silver', nextThreshold: 100 },
    badges: [],
    quests: [
      {
        id: 'q-rate',
        name: 'Rate your chat',
        description: 'Rate a conversation',
        progress: 0,
        target: 1,
        completed: false,
        rewardPoints: 5,
        endsAt: null,
      },
    ],
    ...overrides,
  };
}
