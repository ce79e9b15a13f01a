import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n';
import { useSession } from '../auth/session';

export function LanguageSwitcher() {
  const { t } = useTranslation();
  const { language, setLanguage } = useSession();
  return (
    <div className="languages" role="group" aria-label={t('layout.language')}>
      {LANGUAGES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={language === l}
          onClick={() => setLanguage(l)}
        >
          {l.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
