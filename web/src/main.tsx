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

// The tab's icon. Without a <link rel="icon">, Chromium asks for /favicon.ico after each load
// and logs the 404 as a console error.
const icon = document.createElement('link');
icon.rel = 'icon';
icon.type = 'image/svg+xml';
icon.href = new URL('./favicon.svg', import.meta.url).href;
document.head.append(icon);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
