// Inspector form for an operation (also listed under the design).
import { ActionIcon, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useUiStore } from '../../../app/ui-store';
import { moveOperation } from '../../../model/commands/operation';
import { OPERATION_KINDS, type Design, type Operation } from '../../../model/schema';
import { SelectField, SwitchField, TextField } from '../../panels/fields';
import { operationLabel } from '../../panels/names';
import { FIELD_LABELS, OPERATION_FIELDS, OPERATION_LABELS } from '../../panels/operation-fields';
import { REGION_OPTIONS, apply, set } from '../../inspector/helpers';
import { RemoveIcon } from '../../inspector/parts';

export function OperationForm({ operation, design }: { operation: Operation; design: Design }) {
  const fields = OPERATION_FIELDS[operation.kind];
  const repos = design.repositories.map((r) => ({
    value: r.id,
    label: `${r.name || r.id} (${r.tier}, ${r.region})`,
  }));
  const optional = (value: string | null) => value ?? undefined;
  return (
    <Paper withBorder p="xs" data-testid={`operation-${operation.id}`}>
      <Stack gap={6}>
        <Group gap={4} justify="space-between" wrap="nowrap">
          <Text size="sm" fw={600} truncate>
            {operationLabel(design, operation)}
          </Text>
          <Group gap={2} wrap="nowrap">
            <ActionIcon
              variant="subtle"
              size="sm"
              aria-label="Move operation up"
              onClick={() => apply([moveOperation({ id: operation.id, by: -1 })])}
            >
              ↑
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              size="sm"
              aria-label="Move operation down"
              onClick={() => apply([moveOperation({ id: operation.id, by: 1 })])}
            >
              ↓
            </ActionIcon>
            <RemoveIcon
              label={`Delete operation ${operation.name || operation.id}`}
              onClick={() => useUiStore.getState().askDelete([operation.id])}
            />
          </Group>
        </Group>
        <TextField
          label="Name"
          value={operation.name ?? ''}
          onCommit={(name, burst) => set(operation.id, { name: name || undefined }, burst)}
        />
        <SelectField
          label="Kind"
          value={operation.kind}
          data={OPERATION_KINDS.map((k) => ({ value: k, label: OPERATION_LABELS[k] }))}
          testId="field-kind"
          onChange={(kind) => kind && set(operation.id, { kind })}
        />
        {fields.includes('account') && (
          <SelectField
            label={FIELD_LABELS.account}
            value={operation.account ?? null}
            data={design.accounts.map((a) => ({ value: a.id, label: a.name || a.id }))}
            testId="field-op-account"
            onChange={(v) => set(operation.id, { account: optional(v) })}
          />
        )}
        {fields.includes('region') && (
          <SelectField
            label={FIELD_LABELS.region}
            value={operation.region ?? null}
            data={REGION_OPTIONS}
            testId="field-op-region"
            onChange={(v) => set(operation.id, { region: optional(v) })}
          />
        )}
        {fields.includes('vpc') && (
          <SelectField
            label={FIELD_LABELS.vpc}
            value={operation.vpc ?? null}
            data={design.vpcs.map((v) => ({ value: v.id, label: `${v.name || v.id} (${v.region})` }))}
            onChange={(v) => set(operation.id, { vpc: optional(v) })}
          />
        )}
        {fields.includes('repository') && (
          <SelectField
            label={FIELD_LABELS.repository}
            value={operation.repository ?? null}
            data={repos}
            testId="field-op-repository"
            onChange={(v) => set(operation.id, { repository: optional(v) })}
          />
        )}
        {fields.includes('archiveRepository') && (
          <SelectField
            label={FIELD_LABELS.archiveRepository}
            value={operation.archiveRepository ?? null}
            data={repos}
            onChange={(v) => set(operation.id, { archiveRepository: optional(v) })}
          />
        )}
        {fields.includes('workersIn') && (
          <SegmentedControl
            size="xs"
            aria-label={FIELD_LABELS.workersIn}
            value={operation.workersIn}
            data={[
              { value: 'backup-account', label: 'Backup account' },
              { value: 'production-account', label: 'Production account' },
            ]}
            onChange={(workersIn) => set(operation.id, { workersIn })}
          />
        )}
        {fields.includes('restoreToOriginal') && (
          <SwitchField
            label={FIELD_LABELS.restoreToOriginal}
            checked={operation.restoreToOriginal}
            onChange={(restoreToOriginal) => set(operation.id, { restoreToOriginal })}
          />
        )}
      </Stack>
    </Paper>
  );
}
