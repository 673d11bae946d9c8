// The Export drawer: the diagram as PNG/SVG, and the code export (Terraform, CloudFormation) that
// the export panel provides. Both load on demand so they cost nothing at start-up.
import { lazy, Suspense, useState, type ComponentType } from 'react';
import {
  Alert,
  Button,
  Drawer,
  Group,
  Loader,
  Stack,
  Tabs,
  Text,
  useComputedColorScheme,
} from '@mantine/core';
import { useReactFlow } from '@xyflow/react';
import { useDesignStore } from '../app/store';
import { useUiStore } from '../app/ui-store';
import type { Design } from '../model/schema';

// The code export panel is built separately; import.meta.glob keeps this build working whether or
// not it is there yet, and still splits it into its own chunk.
const exportPanelModules = import.meta.glob<{ default: ComponentType<{ design: Design }> }>(
  './export/ExportPanel.tsx',
);

function Unavailable() {
  return <Text size="sm">Code export is not part of this build.</Text>;
}

const ExportPanel = lazy(async () => {
  const load = Object.values(exportPanelModules)[0];
  return load ? load() : { default: Unavailable };
});

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** Waits (a few frames at most) until the canvas has every node in the DOM. */
async function allNodesRendered(count: number): Promise<void> {
  for (let frame = 0; frame < 30; frame++) {
    await nextFrame();
    if (document.querySelectorAll('.react-flow__node').length >= count) return;
  }
}

function DiagramExport() {
  const { getNodes } = useReactFlow();
  const name = useDesignStore((s) => s.design.name);
  const scheme = useComputedColorScheme('light');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const download = async (format: 'png' | 'svg') => {
    setBusy(true);
    setError(null);
    try {
      const { renderDiagram, diagramFileName } = await import('./diagram/image');
      // Nodes out of view are not in the DOM; the image is taken from the DOM, so render them all.
      useUiStore.getState().setRenderAll(true);
      await allNodesRendered(getNodes().length);
      const url = await renderDiagram(getNodes(), format, scheme === 'dark' ? '#1a1b1e' : '#ffffff');
      const a = document.createElement('a');
      a.href = url;
      a.download = diagramFileName(name, format);
      a.click();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      useUiStore.getState().setRenderAll(false);
      setBusy(false);
    }
  };
  return (
    <Stack gap="sm">
      <Text size="sm">The whole diagram as an image, in the current theme.</Text>
      <Group>
        <Button onClick={() => void download('png')} loading={busy} data-testid="export-png">
          Download PNG
        </Button>
        <Button
          variant="default"
          onClick={() => void download('svg')}
          loading={busy}
          data-testid="export-svg"
        >
          Download SVG
        </Button>
      </Group>
      {error && <Alert color="red">{error}</Alert>}
    </Stack>
  );
}

export function ExportDrawer() {
  const open = useUiStore((s) => s.exportOpen);
  // Only an open drawer follows the design: closed, it must not re-render on every edit.
  const design = useDesignStore((s) => (open ? s.design : null));
  return (
    <Drawer
      opened={open}
      onClose={() => useUiStore.getState().setExportOpen(false)}
      title="Export"
      position="right"
      size="xl"
    >
      {open && design && (
        <Tabs defaultValue="code" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="code">Terraform / CloudFormation</Tabs.Tab>
            <Tabs.Tab value="diagram">Diagram</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="code" pt="sm">
            <Suspense fallback={<Loader size="sm" />}>
              <ExportPanel design={design} />
            </Suspense>
          </Tabs.Panel>
          <Tabs.Panel value="diagram" pt="sm">
            <DiagramExport />
          </Tabs.Panel>
        </Tabs>
      )}
    </Drawer>
  );
}
