/**
 * Reads the `exp` claim without verifying anything: the server verifies; we only want to know
 * when to stop reusing a token, so a malformed token simply reads as "no expiry known".
 */
export function jwtExpiry(token: string): number | null {
  const exp = jwtClaim(token, 'exp');
  return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : null;
}

/** One claim of an unverified token, or undefined when the token cannot be read. */
export function jwtClaim(token: string, name: string): unknown {
  const part = token.split('.')[1];
  if (!part) return undefined;
  try {
    const b64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const padded = b64 + '==='.slice((b64.length + 3) % 4);
    // atob yields Latin-1; decode as UTF-8 so non-ASCII display names survive.
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return claims && typeof claims === 'object' ? (claims as Record<string, unknown>)[name] : undefined;
  } catch {
    return undefined;
  }
}

/** True when the token is known to expire within `skewMs` of `now`. */
export function expiresSoon(token: string, now: number, skewMs = 30_000): boolean {
  const exp = jwtExpiry(token);
  return exp !== null && exp - skewMs <= now;
}
