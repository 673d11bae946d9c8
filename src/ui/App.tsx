import { AppShell, Badge, Group, ScrollArea, Tabs, useComputedColorScheme } from '@mantine/core';
import { Panel, ReactFlowProvider } from '@xyflow/react';
import { useUiStore, type PanelTab } from '../app/ui-store';
import { useLiveValidation, useValidationStore } from '../app/validation';
import { DesignCanvas } from './canvas/DesignCanvas';
import { ExportDrawer } from './ExportDrawer';
import { Header } from './Header';
import { Palette } from './Palette';
import { Checklist } from './panels/Checklist';
import { DeleteDialog, EndpointDialog, NoticeBar } from './panels/Dialogs';
import { FlowControls, TraceView } from './panels/Flows';
import { Inspector } from './panels/Inspector';
import { Problems } from './panels/Problems';
import { ShareNotices, useBoot } from './share';
import { useShortcuts } from './shortcuts';

function ProblemsTabLabel() {
  const findings = useValidationStore((s) => s.findings);
  return (
    <Group gap={6} wrap="nowrap">
      Problems
      <Badge size="xs" variant="default">
        {findings.length}
      </Badge>
    </Group>
  );
}

function SidePanel() {
  const tab = useUiStore((s) => s.tab);
  return (
    <Tabs
      value={tab}
      onChange={(t) => t && useUiStore.getState().setTab(t as PanelTab)}
      className="pnd-side-tabs"
      keepMounted={false}
    >
      <Tabs.List grow>
        <Tabs.Tab value="inspector" data-testid="tab-inspector">
          Inspector
        </Tabs.Tab>
        <Tabs.Tab value="problems" data-testid="tab-problems">
          <ProblemsTabLabel />
        </Tabs.Tab>
      </Tabs.List>
      <ScrollArea className="pnd-side-scroll" type="auto">
        <Tabs.Panel value="inspector" p="sm" data-testid="inspector">
          <Inspector />
        </Tabs.Panel>
        <Tabs.Panel value="problems" p="sm">
          <Problems />
        </Tabs.Panel>
      </ScrollArea>
    </Tabs>
  );
}

export function App() {
  useBoot();
  useLiveValidation();
  useShortcuts();
  const colorScheme = useComputedColorScheme('light');
  return (
    <ReactFlowProvider>
      <AppShell
        header={{ height: 56 }}
        navbar={{ width: 190, breakpoint: 0 }}
        aside={{ width: 380, breakpoint: 0 }}
        padding={0}
      >
        <AppShell.Header>
          <Header />
        </AppShell.Header>
        <AppShell.Navbar>
          <Palette />
        </AppShell.Navbar>
        <AppShell.Main className="pnd-main">
          <ShareNotices />
          <div className="pnd-canvas">
            <NoticeBar />
            <DesignCanvas colorMode={colorScheme}>
              <Panel position="top-right">
                <FlowControls />
              </Panel>
              <Checklist />
            </DesignCanvas>
          </div>
        </AppShell.Main>
        <AppShell.Aside>
          <SidePanel />
        </AppShell.Aside>
      </AppShell>
      <DeleteDialog />
      <EndpointDialog />
      <TraceView />
      <ExportDrawer />
    </ReactFlowProvider>
  );
}
