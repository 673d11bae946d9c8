// The received link's decoding starts first, while everything below is still being evaluated.
import './app/early-link';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@mantine/core/styles.css';
import '@xyflow/react/dist/style.css';
import './ui/styles.css';
import { Root } from './ui/Root';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
