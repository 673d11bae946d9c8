// Inspector form for a TGW attachment: a VPC attachment (its subnets, one per AZ) or a peering
// attachment between two TGWs, with the route table it is associated with and those it propagates to.
import { MultiSelect, SegmentedControl, Stack, Text } from '@mantine/core';
import type { Design, TgwAttachment } from '../../../model/schema';
import { SelectField, SwitchField, TextField } from '../../panels/fields';
import { DeleteButton, Header } from '../../inspector/parts';
import { set } from '../../inspector/helpers';

export function TgwAttachmentForm({ attachment, design }: { attachment: TgwAttachment; design: Design }) {
  const tgw = design.transitGateways.find((t) => t.id === attachment.transitGateway);
  const vpc = design.vpcs.find((v) => v.id === attachment.vpc);
  const peer = design.transitGateways.find((t) => t.id === attachment.peerTransitGateway);
  const tables = (tgw?.routeTables ?? []).map((t) => ({ value: t.id, label: t.name || t.id }));
  const tgwName = tgw?.name || attachment.transitGateway;
  const path = tgw ? [{ id: tgw.id, label: tgwName }] : [];
  // Two subnets in one AZ would be refused by AWS: the form flags it rather than hiding the choice.
  const azs = (vpc?.subnets ?? []).filter((s) => attachment.subnets.includes(s.id)).map((s) => s.az);
  const repeatedAz = azs.find((az, i) => azs.indexOf(az) !== i);
  return (
    <Stack gap="sm">
      <Header
        kind={peer ? 'TGW peering attachment' : 'TGW VPC attachment'}
        title={attachment.name ?? ''}
        id={attachment.id}
        path={path}
      />
      <Text size="sm">
        {vpc ? `${vpc.name || vpc.id} (VPC)` : `${peer?.name || attachment.peerTransitGateway} (peer TGW)`} →{' '}
        {tgwName}
      </Text>
      <TextField
        label="Name"
        value={attachment.name ?? ''}
        onCommit={(name, burst) => set(attachment.id, { name: name || undefined }, burst)}
        testId="field-name"
      />
      {vpc && (
        <MultiSelect
          label="Subnets (one per Availability Zone)"
          size="xs"
          value={attachment.subnets}
          data={vpc.subnets.map((s) => ({ value: s.id, label: `${s.name || s.id} (${s.az})` }))}
          onChange={(subnets) => set(attachment.id, { subnets })}
          error={repeatedAz ? `Two subnets in ${repeatedAz}: AWS takes one subnet per AZ.` : undefined}
          data-testid="field-tgw-attachment-subnets"
        />
      )}
      <SelectField
        label="Associated route table"
        value={attachment.routeTable}
        data={tables}
        clearable
        placeholder="The TGW's default association table"
        onChange={(v) => set(attachment.id, { routeTable: v ?? undefined })}
        testId="field-tgw-attachment-route-table"
      />
      {vpc && (
        <MultiSelect
          label="Propagates to"
          size="xs"
          value={attachment.propagations ?? []}
          data={tables}
          placeholder={attachment.propagations ? undefined : "The TGW's default propagation table"}
          onChange={(propagations) => set(attachment.id, { propagations })}
          data-testid="field-tgw-attachment-propagations"
        />
      )}
      {vpc && (
        <SwitchField
          label="Security group referencing"
          checked={attachment.securityGroupReferencing !== false}
          onChange={(on) => set(attachment.id, { securityGroupReferencing: on ? undefined : false })}
          description="Group references across the TGW also need it on at the TGW and the other VPC's attachment."
          testId="field-tgw-attachment-sg-referencing"
        />
      )}
      <SegmentedControl
        size="xs"
        aria-label="Attachment status"
        value={attachment.status}
        data={[
          { value: 'active', label: 'Active' },
          { value: 'pending-acceptance', label: 'Pending acceptance' },
        ]}
        onChange={(status) => set(attachment.id, { status })}
      />
      <DeleteButton id={attachment.id} what="attachment" />
    </Stack>
  );
}
