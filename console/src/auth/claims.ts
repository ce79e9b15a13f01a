/** What the console shows of the signed-in person, read from the access token's payload (never verified here: the
 * service verifies every token). */
export interface Claims {
  subject: string;
  roles: string[];
  org: string | null;
  expiresAt: number | null;
}

function base64UrlDecode(part: string): string {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

export function claimsOf(token: string): Claims {
  const payload = token.split('.')[1];
  if (!payload) return { subject: '', roles: [], org: null, expiresAt: null };
  try {
    const body = JSON.parse(base64UrlDecode(payload)) as Record<string, unknown>;
    const roles = Array.isArray(body.roles)
      ? body.roles.map(String)
      : typeof body.roles === 'string'
        ? body.roles.split(/[ ,]+/).filter(Boolean)
        : [];
    return {
      subject: typeof body.sub === 'string' ? body.sub : '',
      roles,
      org: typeof body.org === 'string' ? body.org : null,
      expiresAt: typeof body.exp === 'number' ? body.exp * 1000 : null,
    };
  } catch {
    return { subject: '', roles: [], org: null, expiresAt: null };
  }
}
