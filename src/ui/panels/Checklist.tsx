// The first-session checklist on the canvas: what a design needs before it can be judged. It shows
// until the design has an operation, because flows (and so routes, groups and endpoints) are only
// required by operations: before one exists, "no errors" would say nothing.
import { Panel } from '@xyflow/react';
import { Button, List, Paper, Text, ThemeIcon } from '@mantine/core';
import { useDesignStore } from '../../app/store';
import { useUiStore } from '../../app/ui-store';
import type { Design } from '../../model/schema';

interface Step {
  id: string;
  label: string;
  how: string;
  done(design: Design): boolean;
}

const STEPS: Step[] = [
  {
    id: 'accounts',
    label: 'Accounts',
    how: 'drag Account onto the canvas',
    done: (d) => d.accounts.length > 0,
  },
  { id: 'vpcs', label: 'VPCs', how: 'drop a VPC into an account', done: (d) => d.vpcs.length > 0 },
  {
    id: 'subnets',
    label: 'Subnets',
    how: 'drop a subnet into a VPC',
    done: (d) => d.vpcs.some((v) => v.subnets.length > 0),
  },
  {
    id: 'appliance',
    label: 'The backup appliance',
    how: 'drop it onto a subnet',
    done: (d) => d.appliance !== undefined,
  },
  {
    id: 'repositories',
    label: 'Repositories',
    how: 'drop one into an account',
    done: (d) => d.repositories.length > 0,
  },
  {
    id: 'operation',
    label: 'An operation',
    how: 'Design → Add operation',
    done: (d) => d.operations.length > 0,
  },
];

function addOperation() {
  useUiStore.getState().select([], { tab: 'inspector' });
  // The Design form is what the Inspector shows with nothing selected; its select adds operations.
  requestAnimationFrame(() =>
    document.querySelector<HTMLInputElement>('[data-testid="add-operation"]')?.focus(),
  );
}

export function Checklist() {
  const done = useDesignStore((s) => STEPS.map((step) => step.done(s.design)).join());
  const idle = useDesignStore((s) => s.design.operations.length === 0);
  if (!idle) return null;
  const flags = done.split(',').map((x) => x === 'true');
  return (
    <Panel position="bottom-center">
      <Paper withBorder shadow="sm" p="xs" maw={300} className="pnd-checklist" data-testid="checklist">
        <Text size="sm" fw={700}>
          Start a design
        </Text>
        <Text size="xs" c="dimmed" mb={6}>
          Nothing is validated until the design has an operation.
        </Text>
        <List size="xs" spacing={0} center>
          {STEPS.map((step, i) => (
            <List.Item
              key={step.id}
              data-testid={`checklist-${step.id}`}
              data-done={flags[i] ? 'true' : 'false'}
              icon={
                <ThemeIcon
                  size={14}
                  radius="xl"
                  color={flags[i] ? 'teal' : 'gray'}
                  variant={flags[i] ? 'filled' : 'light'}
                >
                  {flags[i] ? '✓' : i + 1}
                </ThemeIcon>
              }
            >
              <Text span size="xs" fw={flags[i] ? 400 : 600} td={flags[i] ? 'line-through' : undefined}>
                {step.label}
              </Text>{' '}
              <Text span size="xs" c="dimmed">
                — {step.how}
              </Text>
            </List.Item>
          ))}
        </List>
        <Button
          size="compact-xs"
          variant="light"
          mt={6}
          onClick={addOperation}
          data-testid="checklist-add-operation"
        >
          Add an operation
        </Button>
      </Paper>
    </Panel>
  );
}
