import { MantineProvider, createTheme, localStorageColorSchemeManager } from '@mantine/core';
import { App } from './App';

const theme = createTheme({
  primaryColor: 'teal',
  // Text on filled buttons and badges picks black or white by contrast (WCAG AA on every shade).
  autoContrast: true,
  // System fonts only: the app makes no request to another origin.
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  fontFamilyMonospace: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace',
});

const colorSchemeManager = localStorageColorSchemeManager({ key: 'pnd-color-scheme' });

export function Root() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto" colorSchemeManager={colorSchemeManager}>
      <App />
    </MantineProvider>
  );
}
