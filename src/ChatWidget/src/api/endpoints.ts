import type { CustomerSummary, Leaderboard, Programme, Redemption, Reward, Session } from '../types';
import { requestJson } from './http';

/** Typed calls to the tenant's widget-facing routes. `token` is the session JWT. */
export function createApi(base: string, tenant: string) {
  const root = `${base}/api/tenants/${encodeURIComponent(tenant)}`;
  const id = encodeURIComponent;
  return {
    programme: () => requestJson<Programme>(`${root}/widget/programme`),
    session: (identityToken: string) =>
      requestJson<Session>(`${root}/widget/session`, { method: 'POST', body: { identityToken } }),
    customer: (token: string, customerId: string) =>
      requestJson<CustomerSummary>(`${root}/customers/${id(customerId)}`, { token }),
    rewards: (token: string) => requestJson<{ rewards: Reward[] }>(`${root}/rewards`, { token }),
    board: (token: string) =>
      requestJson<Leaderboard>(`${root}/leaderboards/customers?period=month&limit=5`, { token }),
    redeem: (token: string, customerId: string, rewardId: string) =>
      requestJson<Redemption>(`${root}/customers/${id(customerId)}/redemptions`, {
        method: 'POST',
        token,
        body: { rewardId },
      }),
  };
}

export type Api = ReturnType<typeof createApi>;
