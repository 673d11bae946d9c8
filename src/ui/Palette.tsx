// The palette: drag an item onto the canvas, or (keyboard) select a container and press the item.
import { Stack, Text, UnstyledButton } from '@mantine/core';
import { useReactFlow } from '@xyflow/react';
import { useUiStore } from '../app/ui-store';
import { performDrop } from './canvas/DesignCanvas';
import { DRAG_MIME, PALETTE, type DropTarget } from './canvas/drop';

const ICONS: Record<string, string> = {
  account: '▭',
  vpc: '⬚',
  subnet: '▤',
  endpoint: '⬡',
  repository: '⊔',
  transitGateway: '⊛',
  appliance: '◆',
  worker: '⚙',
};

const NODE_TYPES = new Set(['account', 'vpc', 'subnet', 'repository']);

export function Palette() {
  const { getInternalNode } = useReactFlow();
  const addToSelection = (kind: (typeof PALETTE)[number]['kind']) => {
    const selected = useUiStore.getState().selection.find((id) => {
      const t = getInternalNode(id)?.type;
      return t !== undefined && NODE_TYPES.has(t);
    });
    const node = selected ? getInternalNode(selected) : undefined;
    const target: DropTarget = node
      ? { id: node.id, type: node.type as NonNullable<DropTarget>['type'] }
      : null;
    // Without a pointer the element has no position of its own: the auto-layout places it.
    performDrop(kind, target, undefined);
  };
  return (
    <Stack gap={6} p="sm" component="nav" aria-label="Palette">
      <Text size="xs" fw={700} tt="uppercase" c="dimmed">
        Palette
      </Text>
      <Text size="xs" c="dimmed">
        Drag onto the canvas, or select a container and press an item.
      </Text>
      {PALETTE.map((item) => (
        <UnstyledButton
          key={item.kind}
          className="pnd-palette-item"
          draggable
          data-testid={`palette-${item.kind}`}
          aria-label={`Add ${item.label} (${item.hint})`}
          onDragStart={(event) => {
            event.dataTransfer.setData(DRAG_MIME, item.kind);
            event.dataTransfer.effectAllowed = 'copy';
          }}
          onClick={() => addToSelection(item.kind)}
        >
          <span aria-hidden className="pnd-palette-icon">
            {ICONS[item.kind]}
          </span>
          <span>
            <span className="pnd-palette-label">{item.label}</span>
            <span className="pnd-palette-hint">{item.hint}</span>
          </span>
        </UnstyledButton>
      ))}
    </Stack>
  );
}
