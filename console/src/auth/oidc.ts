/**
 * Production sign-in: OpenID Connect authorisation code with PKCE (oidc-client-ts). The user (and so the tokens)
 * is kept in memory only; the sign-in request's state (the PKCE verifier, no token) waits in sessionStorage across
 * the redirect to the issuer and is removed when the callback is processed.
 */
import { InMemoryWebStorage, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { OidcConfig } from './config';

let manager: UserManager | null = null;

export function userManager(config: OidcConfig): UserManager {
  if (manager) return manager;
  const origin = window.location.origin;
  manager = new UserManager({
    authority: config.authority,
    client_id: config.client_id,
    scope: config.scope,
    redirect_uri: `${origin}/console/callback`,
    popup_redirect_uri: `${origin}/console/callback`,
    post_logout_redirect_uri: `${origin}/console/`,
    response_type: 'code',
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    automaticSilentRenew: false,
    loadUserInfo: false,
  });
  return manager;
}
