// Inspector form for a VPC endpoint.
import { MultiSelect, SegmentedControl, Stack, Text } from '@mantine/core';
import type { Endpoint, Vpc } from '../../../model/schema';
import { ENDPOINT_SERVICES } from '../../canvas/drop';
import { SelectField, SwitchField, TextField } from '../../panels/fields';
import { set } from '../../inspector/helpers';
import { Header, DeleteButton } from '../../inspector/parts';

export function EndpointForm({ endpoint, vpc }: { endpoint: Endpoint; vpc: Vpc }) {
  const services = ENDPOINT_SERVICES.includes(endpoint.service)
    ? ENDPOINT_SERVICES
    : [...ENDPOINT_SERVICES, endpoint.service];
  return (
    <Stack gap="sm">
      <Header
        kind={`Endpoint in ${vpc.name || vpc.id}`}
        title={endpoint.name || `${endpoint.service} endpoint`}
        id={endpoint.id}
      />
      <Text size="xs" c="dimmed" className="pnd-mono">
        com.amazonaws.{vpc.region}.{endpoint.service}
      </Text>
      <TextField
        label="Name"
        value={endpoint.name ?? ''}
        onCommit={(name, burst) => set(endpoint.id, { name: name || undefined }, burst)}
      />
      <SelectField
        label="Service"
        value={endpoint.service}
        data={services}
        testId="field-service"
        onChange={(service) => service && set(endpoint.id, { service })}
      />
      <SegmentedControl
        size="xs"
        aria-label="Endpoint type"
        value={endpoint.type}
        data={['Interface', 'Gateway']}
        onChange={(type) => set(endpoint.id, { type })}
      />
      {endpoint.type === 'Interface' ? (
        <>
          <MultiSelect
            label="Subnets"
            size="xs"
            value={endpoint.subnets}
            data={vpc.subnets.map((s) => ({ value: s.id, label: `${s.name || s.id} (${s.az})` }))}
            onChange={(subnets) => set(endpoint.id, { subnets })}
          />
          <MultiSelect
            label="Security groups"
            size="xs"
            value={endpoint.securityGroups}
            data={vpc.securityGroups.map((g) => ({ value: g.id, label: g.name || g.id }))}
            onChange={(securityGroups) => set(endpoint.id, { securityGroups })}
          />
          <SwitchField
            label="Private DNS names"
            checked={endpoint.privateDns}
            onChange={(privateDns) => set(endpoint.id, { privateDns })}
            testId="field-privateDns"
          />
        </>
      ) : (
        <MultiSelect
          label="Route tables"
          size="xs"
          value={endpoint.routeTables}
          data={vpc.routeTables.map((t) => ({ value: t.id, label: t.name || t.id }))}
          onChange={(routeTables) => set(endpoint.id, { routeTables })}
        />
      )}
      <DeleteButton id={endpoint.id} what="endpoint" />
    </Stack>
  );
}
