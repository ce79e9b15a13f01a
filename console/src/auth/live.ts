import type { Language } from '../i18n';

type Waiter = (token: string | null) => void;

/** What the API client reads at call time rather than render state: the token, the language, and the calls
 * waiting for a new sign-in after a 401. */
export class LiveSession {
  private currentToken: string | null;
  private currentLanguage: Language;
  private waiting: Waiter[] = [];

  constructor(token: string | null, language: Language) {
    this.currentToken = token;
    this.currentLanguage = language;
  }

  token(): string | null {
    return this.currentToken;
  }

  language(): Language {
    return this.currentLanguage;
  }

  setLanguage(language: Language): void {
    this.currentLanguage = language;
  }

  /** A call refused with 401 waits here for the next sign-in (or sign-out: null). */
  wait(): Promise<string | null> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** A new token (or none) for the next calls; the waiting calls are sent again with it (or given up). */
  setToken(token: string | null): void {
    this.currentToken = token;
    const resolved = this.waiting;
    this.waiting = [];
    for (const resolve of resolved) resolve(token);
  }
}
