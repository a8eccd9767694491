import { Button } from '@utrecht/component-library-react';
import { useApp } from '../app-context';
import { LANGS } from '../i18n';

/** Each button names its language in that language, so it is found whichever language is active. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useApp();
  return (
    <div role="group" aria-label={t('lang.label')} className="kern-lang-switch">
      {LANGS.map((code) => (
        <Button key={code} appearance="subtle-button" lang={code} pressed={code === lang} onClick={() => setLang(code)}>
          {t(`lang.${code}`)}
        </Button>
      ))}
    </div>
  );
}
