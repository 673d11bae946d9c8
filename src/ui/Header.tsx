import {
  ActionIcon,
  Badge,
  Group,
  Text,
  Title,
  Tooltip,
  useMantineColorScheme,
  useComputedColorScheme,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { history, useDesignStore } from '../app/store';
import type { Finding } from '../rules/types';
import { FileShareControls } from './share';

export function Header({ findings }: { findings: readonly Finding[] }) {
  const name = useDesignStore((s) => s.design.name);
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  useHotkeys([
    ['mod+Z', history.undo],
    ['mod+shift+Z', history.redo],
  ]);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        <Title order={1} size="h4">
          Private Network Designer
        </Title>
        <Text c="dimmed" truncate maw={420} data-testid="design-name">
          {name}
        </Text>
      </Group>
      <Group gap="xs" wrap="nowrap">
        <FileShareControls />
        <Badge color={errors ? 'red' : 'teal'} variant="light" data-testid="summary-errors">
          {errors} errors
        </Badge>
        <Badge color={warnings ? 'yellow' : 'gray'} variant="light" data-testid="summary-warnings">
          {warnings} warnings
        </Badge>
        <Tooltip label="Undo (Ctrl+Z)">
          <ActionIcon variant="subtle" aria-label="Undo" onClick={history.undo}>
            ↶
          </ActionIcon>
        </Tooltip>
        <Tooltip label="Redo (Ctrl+Shift+Z)">
          <ActionIcon variant="subtle" aria-label="Redo" onClick={history.redo}>
            ↷
          </ActionIcon>
        </Tooltip>
        <Tooltip label={scheme === 'dark' ? 'Light theme' : 'Dark theme'}>
          <ActionIcon
            variant="subtle"
            aria-label="Toggle dark mode"
            onClick={() => setColorScheme(scheme === 'dark' ? 'light' : 'dark')}
          >
            {scheme === 'dark' ? '☀' : '☾'}
          </ActionIcon>
        </Tooltip>
      </Group>
    </Group>
  );
}
