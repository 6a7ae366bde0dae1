/**
 * Reads the `exp` claim without verifying anything: the server verifies; we only want to know
 * when to stop reusing a token, so a malformed token simply reads as "no expiry known".
 */
export function jwtExpiry(token: string): number | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const b64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const padded = b64 + '==='.slice((b64.length + 3) % 4);
    const claims: unknown = JSON.parse(atob(padded));
    const exp = (claims as { exp?: unknown }).exp;
    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : null;
  } catch {
    return null;
  }
}

/** True when the token is known to expire within `skewMs` of `now`. */
export function expiresSoon(token: string, now: number, skewMs = 30_000): boolean {
  const exp = jwtExpiry(token);
  return exp !== null && exp - skewMs <= now;
}
