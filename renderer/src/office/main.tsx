import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../ui-kit/ui-kit.css';
import { App } from './App.js';
import './office.css';
import { Router } from './router.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Router>
      <App />
    </Router>
  </StrictMode>,
);
