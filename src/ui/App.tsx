import { useMemo } from 'react';
import { AppShell, useComputedColorScheme } from '@mantine/core';
import { ReactFlowProvider } from '@xyflow/react';
import { useDesignStore } from '../app/store';
import { validate } from '../rules/registry';
import { DesignCanvas } from './canvas/DesignCanvas';
import { Header } from './Header';
import { ShareNotices, useBoot } from './share';

export function App() {
  useBoot();
  const design = useDesignStore((s) => s.design);
  const findings = useMemo(() => validate(design), [design]);
  const colorScheme = useComputedColorScheme('light');
  return (
    <ReactFlowProvider>
      <AppShell header={{ height: 56 }} padding={0}>
        <AppShell.Header>
          <Header findings={findings} />
        </AppShell.Header>
        <AppShell.Main className="pnd-main">
          <ShareNotices />
          <div className="pnd-canvas">
            <DesignCanvas colorMode={colorScheme} />
          </div>
        </AppShell.Main>
      </AppShell>
    </ReactFlowProvider>
  );
}
