import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OptionsPage } from '../../components/OptionsPage';
import '../../components/options.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <OptionsPage />
  </StrictMode>,
);
