// Inspector form for a VPC: its fields, peerings, route tables and security groups.
import { useMemo } from 'react';
import { Stack } from '@mantine/core';
import { useUiStore } from '../../../app/ui-store';
import { connectPeering } from '../../../model/commands/peering';
import { moveVpcToAccount, vpcMoveRefusal } from '../../../model/commands/vpc';
import { newId } from '../../../model/commands/element';
import type { Design, Peering, Vpc } from '../../../model/schema';
import { SelectField, SwitchField, TextField, vpcCidrError } from '../../panels/fields';
import { accountCrumb, REGION_OPTIONS, apply, set, useStages } from '../../inspector/helpers';
import { Section, Header, DeleteButton, LinkList } from '../../inspector/parts';
import { RouteTables } from './RouteTables';
import { SecurityGroups } from './SecurityGroups';

/** VPCs this one may still be peered with (not itself, not already peered): peeringRefusal's rules,
 * in one pass instead of one scan of all peerings per VPC. */
function peerCandidates(vpc: Vpc, vpcs: readonly Vpc[], peerings: readonly Peering[]) {
  const peered = new Set<string>([vpc.id]);
  for (const p of peerings) {
    if (p.requester === vpc.id) peered.add(p.accepter);
    else if (p.accepter === vpc.id) peered.add(p.requester);
  }
  return vpcs
    .filter((v) => !peered.has(v.id))
    .map((v) => ({ value: v.id, label: `${v.name || v.id} (${v.region})` }));
}

export function VpcForm({ vpc, design }: { vpc: Vpc; design: Design }) {
  const accounts = useMemo(
    () => design.accounts.map((a) => ({ value: a.id, label: a.name || a.id })),
    [design.accounts],
  );
  const others = useMemo(
    () => peerCandidates(vpc, design.vpcs, design.peerings),
    [vpc, design.vpcs, design.peerings],
  );
  const stage = useStages(3);
  return (
    <Stack gap="sm">
      <Header kind="VPC" title={vpc.name} id={vpc.id} path={accountCrumb(design, vpc.account)} />
      <TextField
        label="Name"
        value={vpc.name}
        onCommit={(name, burst) => set(vpc.id, { name }, burst)}
        testId="field-name"
      />
      <SelectField
        label="Account"
        value={vpc.account}
        data={accounts}
        testId="field-account"
        onChange={(account) => {
          if (!account) return;
          const refusal = vpcMoveRefusal(design, vpc.id, account);
          if (refusal) useUiStore.getState().notify(refusal);
          else apply([moveVpcToAccount({ vpc: vpc.id, account })]);
        }}
      />
      <SelectField
        label="Region"
        value={vpc.region}
        data={REGION_OPTIONS}
        testId="field-region"
        onChange={(region) => region && set(vpc.id, { region })}
      />
      <TextField
        label="IPv4 CIDR"
        value={vpc.cidr}
        check={vpcCidrError}
        mono
        onCommit={(cidr, burst) => set(vpc.id, { cidr }, burst)}
        testId="field-cidr"
      />
      <TextField
        label="Secondary CIDRs"
        description="Comma-separated"
        value={vpc.secondaryCidrs.join(', ')}
        mono
        check={(v) => {
          const parts = v
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean);
          for (const p of parts) {
            const e = vpcCidrError(p);
            if (e) return `${p}: ${e}`;
          }
          return null;
        }}
        onCommit={(v, burst) =>
          set(
            vpc.id,
            {
              secondaryCidrs: v
                .split(',')
                .map((x) => x.trim())
                .filter(Boolean),
            },
            burst,
          )
        }
      />
      <Section title="DNS">
        <SwitchField
          label="DNS resolution (enableDnsSupport)"
          checked={vpc.dnsSupport}
          onChange={(dnsSupport) => set(vpc.id, { dnsSupport })}
          testId="field-dnsSupport"
        />
        <SwitchField
          label="DNS hostnames (enableDnsHostnames)"
          checked={vpc.dnsHostnames}
          onChange={(dnsHostnames) => set(vpc.id, { dnsHostnames })}
          testId="field-dnsHostnames"
        />
      </Section>
      {stage >= 1 && (
        <Section title="Peering">
          <SelectField
            label="Peer with"
            value={null}
            data={others}
            placeholder={others.length ? 'Pick a VPC' : 'No other VPC to peer with'}
            testId="field-peer-with"
            onChange={(other) => {
              if (!other) return;
              const id = newId(design, `pcx-${vpc.id}-${other}`);
              const name = `${vpc.name || vpc.id} ↔ ${design.vpcs.find((v) => v.id === other)?.name || other}`;
              apply([
                connectPeering({
                  peering: { id, name, requester: vpc.id, accepter: other, status: 'active' },
                }),
              ]);
            }}
          />
          <LinkList
            items={design.peerings
              .filter((p) => p.requester === vpc.id || p.accepter === vpc.id)
              .map((p) => ({ id: p.id, label: p.name || p.id }))}
          />
        </Section>
      )}
      {stage >= 2 && <RouteTables vpc={vpc} design={design} />}
      {stage >= 3 && <SecurityGroups vpc={vpc} design={design} />}
      {stage >= 3 && (
        <Section title="Subnets and endpoints">
          <LinkList
            items={[
              ...vpc.subnets.map((s) => ({ id: s.id, label: `${s.name || s.id} ${s.cidr}` })),
              ...vpc.endpoints.map((e) => ({ id: e.id, label: `${e.service} endpoint` })),
            ]}
          />
        </Section>
      )}
      {stage >= 3 && <DeleteButton id={vpc.id} what="VPC" />}
    </Stack>
  );
}
