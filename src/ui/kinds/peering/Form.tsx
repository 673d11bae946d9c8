// Inspector form for a VPC peering.
import { SegmentedControl, Stack, Text } from '@mantine/core';
import type { Design, Peering } from '../../../model/schema';
import { TextField } from '../../panels/fields';
import { set } from '../../inspector/helpers';
import { Header, DeleteButton } from '../../inspector/parts';

export function PeeringForm({ peering, design }: { peering: Peering; design: Design }) {
  const name = (id: string) => design.vpcs.find((v) => v.id === id)?.name || id;
  return (
    <Stack gap="sm">
      <Header kind="VPC peering" title={peering.name ?? ''} id={peering.id} />
      <Text size="sm">
        {name(peering.requester)} (requester) ↔ {name(peering.accepter)} (accepter)
      </Text>
      <TextField
        label="Name"
        value={peering.name ?? ''}
        onCommit={(n, burst) => set(peering.id, { name: n || undefined }, burst)}
        testId="field-name"
      />
      <SegmentedControl
        size="xs"
        aria-label="Peering status"
        value={peering.status}
        data={[
          { value: 'active', label: 'Active' },
          { value: 'pending-acceptance', label: 'Pending acceptance' },
        ]}
        onChange={(status) => set(peering.id, { status })}
      />
      <DeleteButton id={peering.id} what="peering" />
    </Stack>
  );
}
