import {
  ActionIcon,
  Button,
  Group,
  Menu,
  Text,
  Title,
  Tooltip,
  useMantineColorScheme,
  useComputedColorScheme,
} from '@mantine/core';
import { EXAMPLES, type ExampleId } from '../app/examples';
import { history, useDesignStore } from '../app/store';
import { useUiStore } from '../app/ui-store';
import { useValidationStore } from '../app/validation';
import { ImportFromAwsButton } from './import/ImportFromAws';
import { counted } from './panels/words';
import { FileShareControls } from './share';

function openTemplate(id: ExampleId) {
  const edited = useDesignStore.temporal.getState().pastStates.length > 0;
  useDesignStore.getState().replace(EXAMPLES[id].design());
  useUiStore.getState().select([]);
  useUiStore.getState().requestFit();
  // Replacing is one undo step; say so where the user is looking, so edits are never lost silently.
  if (edited)
    useUiStore
      .getState()
      .notify(`Opened “${EXAMPLES[id].title}”. The previous design is one Undo away.`, 'info', {
        label: 'Undo',
        run: history.undo,
      });
}

export function Header() {
  const name = useDesignStore((s) => s.design.name);
  const findings = useValidationStore((s) => s.findings);
  // Until the first answer arrives the counts are unknown, not zero.
  const checked = useValidationStore((s) => s.design !== null);
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  const errors = findings.filter((f) => f.severity === 'error').length;
  // Flows, routes and groups are judged against operations: with none, a clean result means nothing.
  const idle = useDesignStore((s) => s.design.operations.length === 0) && errors === 0;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const showProblems = () => useUiStore.getState().setTab('problems');
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        <Title order={1} size="h4">
          Private Network Designer
        </Title>
        <Text c="dimmed" truncate maw={320} data-testid="design-name">
          {name}
        </Text>
      </Group>
      <Group gap="xs" wrap="nowrap">
        <Menu position="bottom-end">
          <Menu.Target>
            <Button variant="default" size="xs" data-testid="new-design">
              New
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {(Object.keys(EXAMPLES) as ExampleId[]).map((id) => (
              <Menu.Item key={id} onClick={() => openTemplate(id)} data-testid={`template-${id}`}>
                {EXAMPLES[id].title}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
        <FileShareControls />
        <ImportFromAwsButton />
        <Button
          variant="default"
          size="xs"
          onClick={() => useUiStore.getState().setExportOpen(true)}
          data-testid="open-export"
        >
          Export
        </Button>
        <button
          type="button"
          className={`pnd-summary ${errors ? 'is-error' : idle ? 'is-quiet' : 'is-clean'}`}
          data-testid="summary-errors"
          onClick={showProblems}
          title={idle ? 'Nothing is validated until the design has an operation' : 'Show problems'}
        >
          {!checked ? '… errors' : idle ? 'not checked' : counted(errors, 'error')}
        </button>
        <button
          type="button"
          className={`pnd-summary ${warnings ? 'is-warning' : 'is-quiet'}`}
          data-testid="summary-warnings"
          onClick={showProblems}
          title="Show problems"
        >
          {checked ? counted(warnings, 'warning') : '… warnings'}
        </button>
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
