import { ApiError, networkError, toApiError } from './errors';

export interface RequestOptions {
  method?: 'GET' | 'POST';
  token?: string | null;
  body?: unknown;
  timeoutMs?: number;
}

/** JSON over fetch; every failure comes back as an ApiError, never as a raw TypeError. */
export async function requestJson<T>(url: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), opts.timeoutMs ?? 15_000);
  let res: Response;
  try {
    res = await fetch(url, {
      method: opts.method ?? 'GET',
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      // The session token travels in the header; cookies of the host or of AgentHub are not ours to send.
      credentials: 'omit',
      mode: 'cors',
      signal: abort.signal,
    });
  } catch (e) {
    throw networkError(e);
  } finally {
    clearTimeout(timer);
  }
  const body = await readBody(res);
  if (!res.ok) throw toApiError(res.status, body);
  if (body === undefined) throw new ApiError('server', res.status, null, 'unreadable response');
  return body as T;
}

async function readBody(res: Response): Promise<unknown> {
  try {
    const text = await res.text();
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
