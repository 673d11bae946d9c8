// Inspector form for the design itself: shown when nothing is selected.
import { Stack, Text } from '@mantine/core';
import { useUiStore } from '../../../app/ui-store';
import { setDesignFields } from '../../../model/commands/design';
import { newOperation } from '../operation/defaults';
import { operationLabel } from '../../panels/names';
import { OPERATION_KINDS, type Design, type OperationKind } from '../../../model/schema';
import { SelectField, SwitchField, TextField } from '../../panels/fields';
import { OPERATION_LABELS } from '../../panels/operation-fields';
import { apply } from '../../inspector/helpers';
import { Section, Header, LinkList } from '../../inspector/parts';

export function DesignForm({ design }: { design: Design }) {
  return (
    <Stack gap="sm">
      <Header kind="Design" title={design.name} id="design" />
      <TextField
        label="Design name"
        value={design.name}
        onCommit={(name, burst) => apply([setDesignFields({ fields: { name } })], burst)}
        testId="field-design-name"
      />
      <SwitchField
        label="Private network deployment"
        description="Workers get no public IP and reach AWS only through endpoints."
        checked={design.privateNetworkDeployment}
        onChange={(privateNetworkDeployment) =>
          apply([setDesignFields({ fields: { privateNetworkDeployment } })])
        }
      />
      <SelectField
        label="Backup account (worker deployment role)"
        value={design.backupAccount ?? null}
        data={design.accounts.map((a) => ({ value: a.id, label: a.name || a.id }))}
        clearable
        placeholder="The appliance's account"
        testId="field-backupAccount"
        onChange={(backupAccount) =>
          apply([setDesignFields({ fields: { backupAccount: backupAccount ?? undefined } })])
        }
      />
      <Section title="Operations">
        <LinkList
          items={design.operations.map((o) => ({
            id: o.id,
            label: operationLabel(design, o),
          }))}
        />
        <SelectField
          label="Add operation"
          value={null}
          placeholder="Pick a kind"
          data={OPERATION_KINDS.map((k) => ({ value: k, label: OPERATION_LABELS[k] }))}
          testId="add-operation"
          onChange={(kind) => {
            if (!kind) return;
            const { operation, commands, notice } = newOperation(design, kind as OperationKind);
            apply(commands);
            useUiStore.getState().select([operation.id], { tab: 'inspector' });
            useUiStore.getState().notify(notice, 'info');
          }}
        />
      </Section>
      <Section title="Worker configurations">
        <LinkList items={design.workerConfigurations.map((w) => ({ id: w.id, label: w.name || w.id }))} />
        {!design.workerConfigurations.length && (
          <Text size="xs" c="dimmed">
            Drop a worker configuration from the palette onto a subnet.
          </Text>
        )}
      </Section>
    </Stack>
  );
}
