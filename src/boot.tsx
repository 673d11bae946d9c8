// The app itself, loaded by main.tsx once the received link's decoding has been started (and a
// large link's preview painted). It renders when main.tsx says so: its chunk may arrive before the
// page's stylesheets have.
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Root } from './ui/Root';

export function startApp(): void {
  const root = createRoot(document.getElementById('root')!);
  // As a transition, the first render yields to the browser every few milliseconds instead of
  // holding the main thread for the whole tree (a large design's first render was one long task).
  startTransition(() =>
    root.render(
      <StrictMode>
        <Root />
      </StrictMode>,
    ),
  );
}
