// The first paint needs the header, the palette and the canvas; everything else (side panels,
// dialogs, the flow overlay's controls, the export drawer) loads in its own chunk and mounts once
// the canvas has been painted, so a large design's first frame waits for none of it.
import {
  createContext,
  lazy,
  Suspense,
  use,
  useCallback,
  useEffect,
  useMemo,
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
import { SHELL } from './canvas/view';
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

/**
 * How far the deferred parts have got: 0 until the first design is in place and a frame of it has
 * been painted; then each `Later` of order k mounts once the stage passes k, and its content's
 * mounting opens the next stage. Mounting the side panel, the dialogs and the overlays one after
 * another keeps each piece its own short task instead of one long one right after the first paint.
 */
const Stage = createContext<{ stage: number; reached: (order: number) => void }>({
  stage: 0,
  reached: () => {},
});

/** The last order any `Later` uses. */
const LAST_ORDER = 6;
/** A stage whose content never mounts (its chunk failed to load) does not hold up the rest. */
const STAGE_FALLBACK_MS = 1500;

function useStages() {
  const [stage, setStage] = useState(0);
  useEffect(() => {
    let live = true;
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    void boot().then(() => {
      // A timeout from inside a frame callback runs once that frame is on screen.
      if (live)
        frame = requestAnimationFrame(() => {
          timer = setTimeout(() => setStage(1), 0);
        });
    });
    return () => {
      live = false;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  useEffect(() => {
    if (stage === 0 || stage > LAST_ORDER) return;
    const timer = setTimeout(() => setStage((s) => Math.max(s, stage + 1)), STAGE_FALLBACK_MS);
    return () => clearTimeout(timer);
  }, [stage]);
  const reached = useCallback((order: number) => {
    // A task of its own for the next piece, so a frame can be painted in between.
    setTimeout(() => setStage((s) => Math.max(s, order + 2)), 0);
  }, []);
  return useMemo(() => ({ stage, reached }), [stage, reached]);
}

/**
 * Holds the stages, so that opening one re-renders only the `Later`s that read it: the tree it is
 * given was made by App's render and stays the same element, so React skips it (with App holding
 * the stages, each of the seven stages re-rendered the whole app, the canvas included).
 */
function Stages({ children }: { children: ReactNode }) {
  const stages = useStages();
  return <Stage value={stages}>{children}</Stage>;
}

function Reached({ order }: { order: number }) {
  const { reached } = use(Stage);
  useEffect(() => reached(order), [reached, order]);
  return null;
}

function Later({ order, children }: { order: number; children: ReactNode }) {
  return use(Stage).stage > order ? (
    <Suspense fallback={null}>
      {children}
      <Reached order={order} />
    </Suspense>
  ) : null;
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
          <Later order={0}>
            <Inspector />
          </Later>
        </Tabs.Panel>
        <Tabs.Panel value="problems" p="sm">
          <Later order={0}>
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
  return (
    <Stages>
      <ReactFlowProvider>
        <AppShell
          header={{ height: SHELL.header }}
          navbar={{ width: SHELL.palette, breakpoint: 0 }}
          aside={{ width: SHELL.side, breakpoint: 0 }}
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
              <Later order={1}>
                <NoticeBar />
              </Later>
              <DesignCanvas colorMode={colorScheme}>
                <Panel position="top-right" className="pnd-canvas-tools">
                  <TidyButton />
                  <Later order={2}>
                    <FlowControls />
                  </Later>
                </Panel>
                <Later order={3}>
                  <Checklist />
                </Later>
              </DesignCanvas>
            </div>
          </AppShell.Main>
          <AppShell.Aside>
            <SidePanel />
          </AppShell.Aside>
        </AppShell>
        <Later order={4}>
          <DeleteDialog />
          <EndpointDialog />
        </Later>
        <Later order={5}>
          <TraceView />
        </Later>
        <Later order={6}>
          <ExportDrawer />
        </Later>
      </ReactFlowProvider>
    </Stages>
  );
}
