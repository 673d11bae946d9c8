// The app itself, loaded by main.tsx once the received link's decoding has been started (and a
// large link's preview painted). It renders when main.tsx says so: its chunk may arrive before the
// page's stylesheets have.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Root } from './ui/Root';

export function startApp(): void {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  );
}
