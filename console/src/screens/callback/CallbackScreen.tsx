import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { userManager } from '../../auth/oidc';
import { useSession } from '../../auth/session';

/** The OpenID Connect issuer sends the browser back here with the authorisation code. */
export function CallbackScreen() {
  const { t } = useTranslation();
  const { config, signIn } = useSession();
  const navigate = useNavigate();
  const [failed, setFailed] = useState<string | null>(null);
  const done = useRef(false);

  useEffect(() => {
    if (done.current || !config.oidc) return;
    done.current = true;
    const manager = userManager(config.oidc);
    if (window.opener && window.opener !== window) {
      void manager.signinPopupCallback().catch((e: unknown) => setFailed(String(e)));
      return;
    }
    manager
      .signinRedirectCallback()
      .then((user) => {
        signIn(user.access_token, user.expires_in ?? null);
        const state = user.state as { path?: string } | undefined;
        const path = state?.path?.replace(/^\/console/, '') || '/';
        navigate(path, { replace: true });
      })
      .catch((e: unknown) => setFailed(e instanceof Error ? e.message : String(e)));
  }, [config.oidc, navigate, signIn]);

  return (
    <main data-screen="callback">
      <h1>{t('signIn.title')}</h1>
      {failed ? <p role="alert">{t('signIn.callbackFailed', { detail: failed })}</p> : <p role="status">{t('signIn.callback')}</p>}
    </main>
  );
}
