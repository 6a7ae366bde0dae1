export type ApiErrorKind =
  | 'network' // no answer: offline, DNS, CORS refusal, timeout
  | 'unauthorized' // 401: identity or session token rejected or expired
  | 'forbidden' // 403
  | 'not_found'
  | 'conflict' // 409 with a domain code, e.g. a redemption that cannot happen
  | 'invalid' // other 4xx: our request was wrong; retrying will not help
  | 'server'; // 5xx or an answer we cannot read

export type ConflictCode = 'insufficient_points' | 'out_of_stock' | 'limit_reached' | 'unknown';

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    readonly status: number,
    readonly code: ConflictCode | null = null,
    readonly detail: string | null = null,
  ) {
    super(detail ?? `${kind} (${status})`);
    this.name = 'ApiError';
  }

  /** Worth trying again later without the user doing anything. */
  get transient(): boolean {
    return this.kind === 'network' || this.kind === 'server';
  }
}

const CONFLICTS: readonly ConflictCode[] = ['insufficient_points', 'out_of_stock', 'limit_reached'];

/** Maps an HTTP failure and its (possibly problem+json) body to what the widget acts on. */
export function toApiError(status: number, body: unknown): ApiError {
  const problem = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const detail = typeof problem.detail === 'string' ? problem.detail : typeof problem.title === 'string' ? problem.title : null;
  if (status === 401) return new ApiError('unauthorized', status, null, detail);
  if (status === 403) return new ApiError('forbidden', status, null, detail);
  if (status === 404) return new ApiError('not_found', status, null, detail);
  if (status === 409) {
    const raw = typeof problem.code === 'string' ? problem.code : '';
    const code = (CONFLICTS as readonly string[]).includes(raw) ? (raw as ConflictCode) : 'unknown';
    return new ApiError('conflict', status, code, detail);
  }
  // 408 and 429 mean "not now", which the retry loop handles like a server hiccup.
  if (status === 408 || status === 429) return new ApiError('server', status, null, detail);
  if (status >= 400 && status < 500) return new ApiError('invalid', status, null, detail);
  return new ApiError('server', status, null, detail);
}

export function networkError(cause: unknown): ApiError {
  const message = cause instanceof Error ? cause.message : null;
  return new ApiError('network', 0, null, message);
}
