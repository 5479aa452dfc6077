import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { addCatalogues } from './i18n';
import { featureMessages } from './app/catalogues';
import { App } from './app/App';

addCatalogues(featureMessages);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
