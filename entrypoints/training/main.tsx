import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { TrainingPage } from '../../components/TrainingPage';
import '../../components/training.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <TrainingPage />
  </StrictMode>,
);
