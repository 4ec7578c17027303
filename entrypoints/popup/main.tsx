import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ReportHistory } from '../../components/ReportHistory';
import '../../components/popup.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ReportHistory />
  </StrictMode>,
);
