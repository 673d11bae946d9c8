// Building blocks every Inspector form uses: section, title, delete button, link list.
import type { ReactNode } from 'react';
import { ActionIcon, Button, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { useUiStore } from '../../app/ui-store';
import { selectId } from './helpers';

export function Section({
  title,
  children,
  actions,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <Stack gap={6} component="section" aria-label={title}>
      <Group gap={6} className="pnd-section-title" wrap="nowrap">
        <Text size="xs" fw={700} tt="uppercase">
          {title}
        </Text>
        <Divider className="pnd-section-rule" />
        {actions}
      </Group>
      {children}
    </Stack>
  );
}

export interface Crumb {
  id: string;
  label: string;
}

/** The element's title, with the containers it sits in as links (account › VPC) above it. */
export function Header({
  kind,
  title,
  id,
  path,
}: {
  kind: string;
  title: string;
  id: string;
  path?: Crumb[];
}) {
  return (
    <Stack gap={2}>
      {path && path.length > 0 && (
        <Group gap={4} data-testid="inspector-path" aria-label="Contained in">
          {path.map((c, i) => (
            <Group key={c.id} gap={4} wrap="nowrap">
              {i > 0 && (
                <Text size="xs" c="dimmed">
                  ›
                </Text>
              )}
              <button type="button" className="pnd-link" onClick={() => selectId(c.id)}>
                {c.label}
              </button>
            </Group>
          ))}
        </Group>
      )}
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {kind}
      </Text>
      <Title order={2} size="h4" data-testid="inspector-title">
        {title || id}
      </Title>
      <Text size="xs" c="dimmed" className="pnd-mono">
        id: {id}
      </Text>
    </Stack>
  );
}

export function DeleteButton({ id, what }: { id: string; what: string }) {
  return (
    <Button
      variant="light"
      color="red"
      size="xs"
      onClick={() => useUiStore.getState().askDelete([id])}
      data-testid="inspector-delete"
    >
      Delete {what}
    </Button>
  );
}

export function RemoveIcon({ label, onClick }: { label: string; onClick(): void }) {
  return (
    <ActionIcon variant="subtle" color="red" aria-label={label} title={label} onClick={onClick} size="sm">
      ✕
    </ActionIcon>
  );
}

const LINK_LIMIT = 60;

export function LinkList({ items }: { items: { id: string; label: string }[] }) {
  if (!items.length) return null;
  // Big designs list hundreds of elements: the rest stay reachable from the canvas.
  const shown = items.slice(0, LINK_LIMIT);
  return (
    <Group gap={4}>
      {shown.map((i) => (
        <button key={i.id} type="button" className="pnd-link" onClick={() => selectId(i.id)}>
          {i.label}
        </button>
      ))}
      {items.length > shown.length && (
        <Text size="xs" c="dimmed">
          and {items.length - shown.length} more
        </Text>
      )}
    </Group>
  );
}
