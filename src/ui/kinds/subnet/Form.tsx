// Inspector form for a subnet.
import { Stack } from '@mantine/core';
import type { Design, Subnet, Vpc } from '../../../model/schema';
import { cidrError, SelectField, SwitchField, TextField } from '../../panels/fields';
import { accountCrumb, azOptions, set } from '../../inspector/helpers';
import { Section, Header, DeleteButton, LinkList } from '../../inspector/parts';

export function SubnetForm({ subnet, vpc, design }: { subnet: Subnet; vpc: Vpc; design: Design }) {
  const tables = [
    { value: '', label: `Main route table (${vpc.routeTables.find((t) => t.main)?.name || 'main'})` },
    ...vpc.routeTables.map((t) => ({ value: t.id, label: `${t.name || t.id}${t.main ? ' (main)' : ''}` })),
  ];
  const azs = azOptions(vpc.region);
  return (
    <Stack gap="sm">
      <Header
        kind={`Subnet in ${vpc.name || vpc.id}`}
        title={subnet.name}
        id={subnet.id}
        path={[...accountCrumb(design, vpc.account), { id: vpc.id, label: vpc.name || vpc.id }]}
      />
      <TextField
        label="Name"
        value={subnet.name}
        onCommit={(name, burst) => set(subnet.id, { name }, burst)}
        testId="field-name"
      />
      <TextField
        label="IPv4 CIDR"
        value={subnet.cidr}
        check={cidrError}
        mono
        onCommit={(cidr, burst) => set(subnet.id, { cidr }, burst)}
        testId="field-cidr"
      />
      <SelectField
        label="Availability Zone"
        value={subnet.az}
        data={azs.includes(subnet.az) || !subnet.az ? azs : [...azs, subnet.az]}
        testId="field-az"
        error={azs.includes(subnet.az) ? null : `Not an Availability Zone of ${vpc.region}.`}
        onChange={(az) => az && set(subnet.id, { az })}
      />
      <SelectField
        label="Route table"
        value={subnet.routeTable ?? ''}
        data={tables}
        testId="field-routeTable"
        onChange={(v) => set(subnet.id, { routeTable: v || undefined })}
      />
      <SwitchField
        label="Auto-assign public IPv4 (mapPublicIpOnLaunch)"
        checked={subnet.mapPublicIpOnLaunch}
        onChange={(mapPublicIpOnLaunch) => set(subnet.id, { mapPublicIpOnLaunch })}
      />
      <Section title="In this subnet">
        <LinkList
          items={[
            ...(design.appliance?.subnet === subnet.id
              ? [{ id: design.appliance.id, label: 'appliance' }]
              : []),
            ...design.workerConfigurations
              .filter((w) => w.subnet === subnet.id)
              .map((w) => ({ id: w.id, label: `workers: ${w.name || w.id}` })),
            ...vpc.endpoints
              .filter((e) => e.subnets.includes(subnet.id))
              .map((e) => ({ id: e.id, label: `${e.service} endpoint` })),
          ]}
        />
      </Section>
      <DeleteButton id={subnet.id} what="subnet" />
    </Stack>
  );
}
