import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import './styles/base.css';
import './styles/library.css';
import './styles/search.css';
import './styles/episode.css';
import './styles/annotate.css';
import './styles/claims.css';
import './styles/clips.css';
import './styles/compose.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
