import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';
import { SignInForm } from './SignInForm';

export function SignInScreen() {
  const { t } = useTranslation();
  return (
    <div className="sign-in-page">
      <header className="banner sign-in-banner">
        <span className="app-name">{t('app.name')}</span>
        <LanguageSwitcher />
      </header>
      <main data-screen="sign-in" className="sign-in">
        <h1>{t('signIn.title')}</h1>
        <SignInForm />
      </main>
    </div>
  );
}
