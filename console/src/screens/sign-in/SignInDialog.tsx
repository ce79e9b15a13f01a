import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SignInForm } from './SignInForm';

/** Shown over the current screen when the session ended: the screen under it stays mounted. */
export function SignInDialog() {
  const { t } = useTranslation();
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    ref.current?.querySelector<HTMLElement>('select, input, button')?.focus();
    return () => previous?.focus?.();
  }, []);
  return (
    <div className="overlay">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} ref={ref} data-screen="sign-in-again">
        <h2 id={titleId}>{t('signIn.again')}</h2>
        <p>{t('signIn.againIntro')}</p>
        <SignInForm again />
      </div>
    </div>
  );
}
