import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadConfig } from './auth/config';
import { initialLanguage } from './i18n';
import './styles.css';

const root = createRoot(document.getElementById('root')!);

loadConfig()
  .then((config) => {
    root.render(
      <StrictMode>
        <App config={config} initialLanguage={initialLanguage()} />
      </StrictMode>,
    );
  })
  .catch((error: unknown) => {
    // Before the catalogues can help: the service did not answer /console/config.json.
    const message = document.createElement('p');
    message.setAttribute('role', 'alert');
    message.textContent = `Concertation: ${error instanceof Error ? error.message : String(error)}`;
    document.getElementById('root')!.replaceChildren(message);
  });
