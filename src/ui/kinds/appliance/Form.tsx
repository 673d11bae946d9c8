// Inspector form for the backup appliance.
import { MultiSelect, Stack } from '@mantine/core';
import type { DesignIndex } from '../../../model/design-index';
import type { Appliance, Design } from '../../../model/schema';
import { ipv4Error, SelectField, TextField } from '../../panels/fields';
import { set, subnetOptions } from '../../inspector/helpers';
import { Header, DeleteButton } from '../../inspector/parts';

export function ApplianceForm({
  appliance,
  design,
  index,
}: {
  appliance: Appliance;
  design: Design;
  index: DesignIndex;
}) {
  const vpc = index.vpcs.get(appliance.vpc)?.element;
  const subnet = index.subnets.get(appliance.subnet)?.element;
  return (
    <Stack gap="sm">
      <Header kind="Backup appliance" title={appliance.name} id={appliance.id} />
      <TextField
        label="Name"
        value={appliance.name}
        onCommit={(name, burst) => set(appliance.id, { name }, burst)}
        testId="field-name"
      />
      <SelectField
        label="Subnet"
        value={appliance.subnet}
        data={subnetOptions(design)}
        onChange={(s) => {
          const owner = s ? index.subnets.get(s)?.vpc : undefined;
          // Groups belong to a VPC: moving the appliance to another VPC drops the old ones.
          if (s && owner)
            set(appliance.id, {
              subnet: s,
              vpc: owner.id,
              securityGroups: owner.id === appliance.vpc ? appliance.securityGroups : [],
            });
        }}
      />
      <TextField
        label="Private IPv4 address"
        value={appliance.ip}
        mono
        check={ipv4Error}
        description={subnet ? `Inside ${subnet.cidr}` : undefined}
        onCommit={(ip, burst) => set(appliance.id, { ip }, burst)}
        testId="field-ip"
      />
      <MultiSelect
        label="Security groups"
        size="xs"
        value={appliance.securityGroups}
        data={(vpc?.securityGroups ?? []).map((g) => ({ value: g.id, label: g.name || g.id }))}
        onChange={(securityGroups) => set(appliance.id, { securityGroups })}
      />
      <DeleteButton id={appliance.id} what="appliance" />
    </Stack>
  );
}
