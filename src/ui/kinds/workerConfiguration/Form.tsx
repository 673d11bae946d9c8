// Inspector form for a worker configuration.
import { Stack, Text } from '@mantine/core';
import type { DesignIndex } from '../../../model/design-index';
import type { Design, WorkerConfiguration } from '../../../model/schema';
import { SelectField, TextField } from '../../panels/fields';
import { REGION_OPTIONS, set, subnetOptions } from '../../inspector/helpers';
import { Header, DeleteButton } from '../../inspector/parts';

export function WorkerConfigurationForm({
  wc,
  design,
  index,
}: {
  wc: WorkerConfiguration;
  design: Design;
  index: DesignIndex;
}) {
  const vpc = index.vpcs.get(wc.vpc)?.element;
  return (
    <Stack gap="sm">
      <Header kind="Worker configuration" title={wc.name ?? ''} id={wc.id} />
      <Text size="xs" c="dimmed">
        Where Veeam launches workers for one account and region.
      </Text>
      <TextField
        label="Name"
        value={wc.name ?? ''}
        onCommit={(name, burst) => set(wc.id, { name: name || undefined }, burst)}
        testId="field-name"
      />
      <SelectField
        label="Account"
        value={wc.account}
        data={design.accounts.map((a) => ({ value: a.id, label: a.name || a.id }))}
        onChange={(account) => account && set(wc.id, { account })}
      />
      <SelectField
        label="Region"
        value={wc.region}
        data={REGION_OPTIONS}
        onChange={(region) => region && set(wc.id, { region })}
      />
      <SelectField
        label="Subnet"
        value={wc.subnet}
        data={subnetOptions(design)}
        onChange={(s) => {
          const owner = s ? index.subnets.get(s)?.vpc : undefined;
          if (s && owner)
            set(wc.id, {
              subnet: s,
              vpc: owner.id,
              securityGroup:
                owner.id === wc.vpc ? wc.securityGroup : (owner.securityGroups[0]?.id ?? wc.securityGroup),
            });
        }}
      />
      <SelectField
        label="Security group"
        value={wc.securityGroup}
        data={(vpc?.securityGroups ?? []).map((g) => ({ value: g.id, label: g.name || g.id }))}
        onChange={(securityGroup) => securityGroup && set(wc.id, { securityGroup })}
      />
      <DeleteButton id={wc.id} what="worker configuration" />
    </Stack>
  );
}
