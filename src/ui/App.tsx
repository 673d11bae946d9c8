// The first paint needs the header, the palette and the canvas; everything else (side panels,
// dialogs, the flow overlay's controls, the export drawer) loads in its own chunk and mounts once
// the canvas has been painted, so a large design's first frame waits for none of it.
import {
  createContext,
  lazy,
  Suspense,
  use,
  useEffect,
  useState,
  type ComponentType,
  type ReactNode,
} from 'react';
import { AppShell, Badge, Group, Tabs, useComputedColorScheme } from '@mantine/core';
import { Panel, ReactFlowProvider } from '@xyflow/react';
import { useUiStore, type PanelTab } from '../app/ui-store';
import { useLiveValidation, useValidationStore } from '../app/validation';
import { TidyButton } from './canvas/CanvasTools';
import { DesignCanvas } from './canvas/DesignCanvas';
import { Header } from './Header';
import { Palette } from './Palette';
import { boot, ShareNotices, useBoot } from './share';
import { useShortcuts } from './shortcuts';

/** A named export of a module, loaded on first render. */
function later<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const dialogs = () => import('./panels/Dialogs');
const flowPanels = () => import('./panels/Flows');
const DeleteDialog = later(dialogs, 'DeleteDialog');
const EndpointDialog = later(dialogs, 'EndpointDialog');
const NoticeBar = later(dialogs, 'NoticeBar');
const FlowControls = later(flowPanels, 'FlowControls');
const TraceView = later(flowPanels, 'TraceView');
const Inspector = later(() => import('./panels/Inspector'), 'Inspector');
const Problems = later(() => import('./panels/Problems'), 'Problems');
const ExportDrawer = later(() => import('./ExportDrawer'), 'ExportDrawer');
const Checklist = later(() => import('./panels/Checklist'), 'Checklist');

const Painted = createContext(false);

/** False until the first design is in place and a frame of it has been painted. */
function usePainted(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let live = true;
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    void boot().then(() => {
      // A timeout from inside a frame callback runs once that frame is on screen.
      if (live)
        frame = requestAnimationFrame(() => {
          timer = setTimeout(() => setPainted(true), 0);
        });
    });
    return () => {
      live = false;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return painted;
}

function Later({ children }: { children: ReactNode }) {
  return use(Painted) ? <Suspense fallback={null}>{children}</Suspense> : null;
}

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
      {/* A plain scrolling box: Mantine's ScrollArea measures its scrollbar whenever the content
          changes, forcing a layout of the whole page (the canvas included) each time. */}
      <div className="pnd-side-scroll">
        <Tabs.Panel value="inspector" p="sm" data-testid="inspector">
          <Later>
            <Inspector />
          </Later>
        </Tabs.Panel>
        <Tabs.Panel value="problems" p="sm">
          <Later>
            <Problems />
          </Later>
        </Tabs.Panel>
      </div>
    </Tabs>
  );
}

export function App() {
  useBoot();
  useLiveValidation();
  useShortcuts();
  const colorScheme = useComputedColorScheme('light');
  const painted = usePainted();
  return (
    <Painted value={painted}>
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
              <Later>
                <NoticeBar />
              </Later>
              <DesignCanvas colorMode={colorScheme}>
                <Panel position="top-right" className="pnd-canvas-tools">
                  <TidyButton />
                  <Later>
                    <FlowControls />
                  </Later>
                </Panel>
                <Later>
                  <Checklist />
                </Later>
              </DesignCanvas>
            </div>
          </AppShell.Main>
          <AppShell.Aside>
            <SidePanel />
          </AppShell.Aside>
        </AppShell>
        <Later>
          <DeleteDialog />
          <EndpointDialog />
          <TraceView />
          <ExportDrawer />
        </Later>
      </ReactFlowProvider>
    </Painted>
  );
}
