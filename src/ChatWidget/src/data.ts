import { ApiError } from './api/errors';
import type { AppContext } from './context';
import type { Customer, CustomerSummary, Programme } from './types';

export type Part = 'summary' | 'rewards' | 'board';
export const ALL_PARTS: readonly Part[] = ['summary', 'rewards', 'board'];

/** Loads the anonymous programme description, retrying quietly until the server answers. */
export function loadProgramme(ctx: AppContext) {
  ctx.retrier.run('programme', async () => ctx.store.dispatch({ type: 'programme', programme: await ctx.api.programme() }), {
    failed: (e, retrying) => offline(ctx, e, retrying),
  });
}

/** Fetches the identified visitor's own data; each part retries on its own. */
export function refresh(ctx: AppContext, parts: readonly Part[] = ALL_PARTS) {
  const customerId = ctx.session.customerId;
  if (!customerId) return;
  const stillMine = () => ctx.session.customerId === customerId;
  const { api, store, session } = ctx;
  const tasks: Record<Part, () => Promise<void>> = {
    summary: async () => {
      let summary: CustomerSummary;
      try {
        summary = await session.authorized((token) => api.customer(token, customerId));
      } catch (e) {
        // Someone who has never earned anything may not exist in the engine yet.
        if (!(e instanceof ApiError && e.kind === 'not_found')) throw e;
        summary = emptySummary(store.get().customer ?? { id: customerId, displayName: '' }, store.get().programme);
      }
      if (stillMine()) store.dispatch({ type: 'summary', summary: withDefaults(summary, store.get().programme) });
    },
    rewards: async () => {
      const { rewards } = await session.authorized((token) => api.rewards(token));
      if (stillMine()) store.dispatch({ type: 'rewards', rewards: Array.isArray(rewards) ? rewards : [] });
    },
    board: async () => {
      const board = await session.authorized((token) => api.board(token));
      if (stillMine()) store.dispatch({ type: 'board', board });
    },
  };
  for (const part of parts) {
    ctx.retrier.run(part, tasks[part], {
      failed: (e, retrying) => {
        if (e instanceof ApiError && e.kind === 'unauthorized') ctx.sessionLost();
        else offline(ctx, e, retrying);
      },
    });
  }
}

function offline(ctx: AppContext, e: unknown, retrying: boolean) {
  if (!retrying) return;
  if (ctx.store.get().notice === null) ctx.store.dispatch({ type: 'notice', notice: 'offline' });
  ctx.reportError('network', e instanceof Error ? e.message : 'unreachable');
}

/** Fills what an older or partial server leaves out, so rendering never meets a missing field. */
export function withDefaults(summary: Partial<CustomerSummary> & Pick<CustomerSummary, 'participantId'>, programme: Programme | null): CustomerSummary {
  const empty = emptySummary({ id: summary.participantId, displayName: summary.displayName ?? '' }, programme);
  return {
    ...empty,
    ...summary,
    byCategory: summary.byCategory ?? {},
    level: summary.level ? { ...empty.level, ...summary.level } : { ...empty.level, points: summary.points ?? 0 },
    badges: Array.isArray(summary.badges) ? summary.badges : [],
    quests: Array.isArray(summary.quests) ? summary.quests : [],
  };
}

export function emptySummary(customer: Customer, programme: Programme | null): CustomerSummary {
  const tiers = [...(programme?.tiers ?? [])].sort((a, b) => a.threshold - b.threshold);
  return {
    participantId: customer.id,
    kind: 'customer',
    displayName: customer.displayName,
    points: 0,
    pendingPoints: 0,
    byCategory: {},
    level: {
      index: 0,
      name: tiers[0]?.name ?? '',
      points: 0,
      threshold: tiers[0]?.threshold ?? 0,
      nextName: tiers[1]?.name ?? null,
      nextThreshold: tiers[1]?.threshold ?? null,
    },
    badges: [],
    quests: [],
  };
}
