/** `GET /console/config.json`: how to sign in, before anyone is signed in (served by the service, not in the API). */
export interface OidcConfig {
  authority: string;
  client_id: string;
  scope: string;
}

export interface ConsoleConfig {
  dev_sign_in: boolean;
  dev_issuer: string;
  oidc: OidcConfig | null;
  docs_url: string;
  redoc_url: string;
}

export const CONFIG_URL = '/console/config.json';

export async function loadConfig(): Promise<ConsoleConfig> {
  const response = await fetch(CONFIG_URL, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  const body = (await response.json()) as Partial<ConsoleConfig>;
  return {
    dev_sign_in: body.dev_sign_in === true,
    dev_issuer: body.dev_issuer ?? 'concertation-dev',
    oidc: body.oidc ?? null,
    docs_url: body.docs_url ?? '/docs',
    redoc_url: body.redoc_url ?? '/redoc',
  };
}
