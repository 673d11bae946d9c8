// Inspector form for a Transit Gateway: where it is, how attachments associate and propagate by
// default, which accounts it is shared with (AWS RAM), and its route tables.
import { MultiSelect, NumberInput, Stack, Text } from '@mantine/core';
import type { Design, TransitGateway } from '../../../model/schema';
import { SelectField, SwitchField, TextField } from '../../panels/fields';
import { accountCrumb, REGION_OPTIONS, set } from '../../inspector/helpers';
import { DeleteButton, Header, LinkList } from '../../inspector/parts';
import { TgwRouteTables } from './RouteTables';

export function TransitGatewayForm({ tgw, design }: { tgw: TransitGateway; design: Design }) {
  const tables = tgw.routeTables.map((t) => ({ value: t.id, label: t.name || t.id }));
  const others = design.accounts.filter((a) => a.id !== tgw.account);
  const attachments = design.transitGatewayAttachments.filter(
    (a) => a.transitGateway === tgw.id || a.peerTransitGateway === tgw.id,
  );
  return (
    <Stack gap="sm">
      <Header kind="Transit Gateway" title={tgw.name} id={tgw.id} path={accountCrumb(design, tgw.account)} />
      <TextField
        label="Name"
        value={tgw.name}
        onCommit={(name, burst) => set(tgw.id, { name }, burst)}
        testId="field-name"
      />
      <SelectField
        label="Region"
        value={tgw.region}
        data={REGION_OPTIONS}
        onChange={(region) => region && set(tgw.id, { region })}
        testId="field-tgw-region"
      />
      <NumberInput
        label="Amazon side ASN"
        size="xs"
        value={tgw.asn}
        min={1}
        allowDecimal={false}
        data-testid="field-tgw-asn"
        onBlur={(event) => {
          const asn = Number(event.currentTarget.value);
          if (Number.isInteger(asn) && asn > 0 && asn !== tgw.asn) set(tgw.id, { asn });
        }}
      />
      <SelectField
        label="Default association route table"
        value={tgw.defaultAssociationRouteTable}
        data={tables}
        clearable
        placeholder="None"
        onChange={(v) => set(tgw.id, { defaultAssociationRouteTable: v ?? undefined })}
        testId="field-tgw-default-association"
      />
      <SelectField
        label="Default propagation route table"
        value={tgw.defaultPropagationRouteTable}
        data={tables}
        clearable
        placeholder="None"
        onChange={(v) => set(tgw.id, { defaultPropagationRouteTable: v ?? undefined })}
        testId="field-tgw-default-propagation"
      />
      <SwitchField
        label="Security group referencing"
        checked={tgw.securityGroupReferencing}
        onChange={(securityGroupReferencing) => set(tgw.id, { securityGroupReferencing })}
        description="Lets groups in attached VPCs name each other's groups in rules."
        testId="field-tgw-sg-referencing"
      />
      <MultiSelect
        label="Shared with accounts (AWS RAM)"
        size="xs"
        value={tgw.sharedWith}
        data={others.map((a) => ({ value: a.id, label: a.name || a.id }))}
        onChange={(sharedWith) => set(tgw.id, { sharedWith })}
        data-testid="field-tgw-shared-with"
      />
      <TgwRouteTables tgw={tgw} design={design} />
      <Text size="xs" fw={700} tt="uppercase">
        Attachments
      </Text>
      {attachments.length ? (
        <LinkList items={attachments.map((a) => ({ id: a.id, label: a.name || a.id }))} />
      ) : (
        <Text size="xs" c="dimmed">
          None yet: drag from a VPC&apos;s ⊕ to this Transit Gateway.
        </Text>
      )}
      <DeleteButton id={tgw.id} what="Transit Gateway" />
    </Stack>
  );
}
