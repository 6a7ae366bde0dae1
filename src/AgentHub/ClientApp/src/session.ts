// The page's token: taken from the URL fragment (never sent to the server, so never in its logs),
// kept for this tab only, and the fragment cleared so it is not bookmarked or shared by accident.
export interface Session {
  token: string;
  tenant: string;
  subject: string;
  role: string;
  name?: string;
}

const storageKey = 'helpdeskgamify.token';

export function takeSession(): Session | null {
  const match = /(?:^|[#&])token=([^&]+)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem(storageKey, decodeURIComponent(match[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }
  const token = sessionStorage.getItem(storageKey);
  if (!token) return null;
  const claims = decodeClaims(token);
  if (!claims || typeof claims.tenant !== 'string' || typeof claims.sub !== 'string') return null;
  if (typeof claims.exp === 'number' && claims.exp * 1000 < Date.now()) {
    sessionStorage.removeItem(storageKey);
    return null;
  }
  return { token, tenant: claims.tenant, subject: claims.sub, role: String(claims.role ?? ''), name: claims.name as string | undefined };
}

function decodeClaims(token: string): Record<string, unknown> | null {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(Array.from(atob(part), c => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
    return JSON.parse(json) as Record<string, unknown>;
  } catch {
    return null;
  }
}
