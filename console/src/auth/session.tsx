/**
 * The only global state of the console: who is signed in (token in memory only) and the language of the screen.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createApi, type Api } from '../api/client';
import { createI18n, type Language } from '../i18n';
import { claimsOf, type Claims } from './claims';
import { LiveSession } from './live';
import type { ConsoleConfig } from './config';

export interface SignedIn extends Claims {
  token: string;
}

export interface SessionValue {
  config: ConsoleConfig;
  api: Api;
  user: SignedIn | null;
  /** The session ended (401 or expiry) and the sign-in dialog is open over the screen. */
  expired: boolean;
  language: Language;
  setLanguage(language: Language): void;
  /** Sign in with a token obtained from the development issuer or the OpenID Connect provider. */
  signIn(token: string, expiresIn?: number | null): void;
  signOut(): void;
  /** Reference data read once per sign-in (purposes, offences, policy): the same answer for every screen. */
  cache: Map<string, Promise<unknown>>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

export function useApi(): Api {
  return useSession().api;
}

/** The signed-in user (screens below the sign-in gate only). */
export function useUser(): SignedIn {
  const { user } = useSession();
  if (!user) throw new Error('useUser while signed out');
  return user;
}

interface Props {
  config: ConsoleConfig;
  initialLanguage: Language;
  children: ReactNode;
  /** Tests only: start signed in. */
  initialToken?: string;
}

export function SessionProvider({ config, initialLanguage, children, initialToken }: Props) {
  const [user, setUser] = useState<SignedIn | null>(() =>
    initialToken ? { token: initialToken, ...claimsOf(initialToken) } : null,
  );
  const [expired, setExpired] = useState(false);
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const [i18n] = useState(() => createI18n(initialLanguage));

  // What the API client reads at call time (not render state): the token, the language, the calls waiting for a
  // new sign-in.
  const [live] = useState(() => new LiveSession(user?.token ?? null, initialLanguage));
  const [cache, setCache] = useState(() => new Map<string, Promise<unknown>>());

  const [api] = useState(() =>
    createApi({
      token: () => live.token(),
      language: () => live.language(),
      reauthenticate: () => {
        if (live.token() === null) return Promise.resolve(null);
        setExpired(true);
        return live.wait();
      },
    }),
  );

  const setLanguage = useCallback(
    (next: Language) => {
      live.setLanguage(next);
      setLanguageState(next);
      void i18n.changeLanguage(next);
    },
    [i18n, live],
  );

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const signIn = useCallback((token: string, expiresIn?: number | null) => {
    const claims = claimsOf(token);
    const expiresAt = expiresIn ? Date.now() + expiresIn * 1000 : claims.expiresAt;
    setUser({ token, ...claims, expiresAt });
    setExpired(false);
    live.setToken(token);
  }, [live]);

  const signOut = useCallback(() => {
    setCache(new Map());
    setUser(null);
    setExpired(false);
    live.setToken(null);
  }, [live]);

  // An expired token opens the sign-in dialog before a request is refused.
  const expiresAt = user?.expiresAt ?? null;
  useEffect(() => {
    if (expiresAt === null) return undefined;
    const delay = Math.max(0, expiresAt - Date.now() - 5000);
    const timer = window.setTimeout(() => setExpired(true), Math.min(delay, 2 ** 31 - 1));
    return () => window.clearTimeout(timer);
  }, [expiresAt]);

  const value = useMemo<SessionValue>(
    () => ({ config, api, user, expired, language, setLanguage, signIn, signOut, cache }),
    [config, api, user, expired, language, setLanguage, signIn, signOut, cache],
  );

  return (
    <I18nextProvider i18n={i18n}>
      <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
    </I18nextProvider>
  );
}
