// The Inspector: a Mantine form for every field of format 1, for whatever is selected (or the
// design itself when nothing is). Every change is a command from src/model/commands/edit.ts.
import { memo, startTransition, useDeferredValue, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  ActionIcon,
  Badge,
  Button,
  Divider,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDesignStore } from '../../app/store';
import { useUiStore } from '../../app/ui-store';
import type { Command } from '../../model/command';
import {
  addOperation,
  addRoute,
  addRouteTable,
  addSecurityGroup,
  addSgRule,
  connectPeering,
  moveOperation,
  moveVpcToAccount,
  newId,
  removeRoute,
  removeSgRule,
  setDesignFields,
  setFields,
  setMainRouteTable,
  setRoute,
  setSgRule,
  vpcMoveRefusal,
  type RuleDirection,
} from '../../model/commands/edit';
import { indexDesign, type DesignIndex } from '../../model/design-index';
import { accountRoles, backupAccountOf } from '../../model/roles';
import {
  OPERATION_KINDS,
  type Account,
  type Appliance,
  type Design,
  type Endpoint,
  type Operation,
  type OperationKind,
  type Peering,
  type Repository,
  type Route,
  type SecurityGroup,
  type SgRule,
  type Subnet,
  type Vpc,
  type WorkerConfiguration,
} from '../../model/schema';
import { AWS_REGIONS } from '../../network/regions';
import { ENDPOINT_SERVICES } from '../canvas/drop';
import {
  accountIdError,
  cidrError,
  ipv4Error,
  SelectField,
  SwitchField,
  TextField,
  vpcCidrError,
  required,
} from './fields';
import { FIELD_LABELS, OPERATION_FIELDS, OPERATION_LABELS } from './operation-fields';
import { ElementSnippets } from '../import/ElementSnippets';

const REGION_OPTIONS = AWS_REGIONS.map((r) => ({ value: r.code, label: `${r.code} — ${r.name}` }));

function azOptions(region: string): string[] {
  const r = AWS_REGIONS.find((x) => x.code === region);
  return r ? r.azLetters.map((l) => `${region}${l}`) : [];
}

const apply = (commands: Command[]) => useDesignStore.getState().apply(commands);
const set = (id: string, fields: Record<string, unknown>) => apply([setFields({ id, fields })]);
const selectId = (id: string) => useUiStore.getState().select([id], { zoom: true, tab: 'inspector' });

/**
 * How many of a form's later sections to show yet: one more per commit after mounting. A VPC's
 * full form (route tables, rules, selects of every peering and group) took ~50-70 ms to commit at
 * 300 VPCs, as one task right when a VPC is picked up to be dragged; in steps, no step is long.
 */
function useStages(count: number): number {
  const [stage, setStage] = useState(0);
  useEffect(() => {
    if (stage >= count) return;
    const timer = setTimeout(() => startTransition(() => setStage((s) => s + 1)), 0);
    return () => clearTimeout(timer);
  }, [stage, count]);
  return stage;
}

function Section({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <Stack gap={6} component="section" aria-label={title}>
      <Group gap={6} className="pnd-section-title" wrap="nowrap">
        <Text size="xs" fw={700} tt="uppercase">
          {title}
        </Text>
        <Divider className="pnd-section-rule" />
        {actions}
      </Group>
      {children}
    </Stack>
  );
}

function Header({ kind, title, id }: { kind: string; title: string; id: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {kind}
      </Text>
      <Title order={2} size="h4" data-testid="inspector-title">
        {title || id}
      </Title>
      <Text size="xs" c="dimmed" className="pnd-mono">
        id: {id}
      </Text>
    </Stack>
  );
}

function DeleteButton({ id, what }: { id: string; what: string }) {
  return (
    <Button
      variant="light"
      color="red"
      size="xs"
      onClick={() => useUiStore.getState().askDelete([id])}
      data-testid="inspector-delete"
    >
      Delete {what}
    </Button>
  );
}

function RemoveIcon({ label, onClick }: { label: string; onClick(): void }) {
  return (
    <ActionIcon variant="subtle" color="red" aria-label={label} title={label} onClick={onClick} size="sm">
      ✕
    </ActionIcon>
  );
}

const LINK_LIMIT = 60;

function LinkList({ items }: { items: { id: string; label: string }[] }) {
  if (!items.length) return null;
  // Big designs list hundreds of elements: the rest stay reachable from the canvas.
  const shown = items.slice(0, LINK_LIMIT);
  return (
    <Group gap={4}>
      {shown.map((i) => (
        <button key={i.id} type="button" className="pnd-link" onClick={() => selectId(i.id)}>
          {i.label}
        </button>
      ))}
      {items.length > shown.length && (
        <Text size="xs" c="dimmed">
          and {items.length - shown.length} more
        </Text>
      )}
    </Group>
  );
}

// ─── account ─────────────────────────────────────────────────────────────────────────────────────

function AccountForm({ account, design }: { account: Account; design: Design }) {
  const roles = accountRoles(design).get(account.id) ?? [];
  return (
    <Stack gap="sm">
      <Header kind="Account" title={account.name} id={account.id} />
      <Group gap={4}>
        {roles.map((r) => (
          <Badge key={r} size="sm" variant="default">
            {r}
          </Badge>
        ))}
      </Group>
      <TextField
        label="Name"
        value={account.name}
        onCommit={(name) => set(account.id, { name })}
        testId="field-name"
      />
      <TextField
        label="AWS account id"
        value={account.accountId}
        check={accountIdError}
        mono
        onCommit={(accountId) => set(account.id, { accountId })}
        testId="field-accountId"
      />
      <Section title="Contents">
        <LinkList
          items={[
            ...design.vpcs
              .filter((v) => v.account === account.id)
              .map((v) => ({ id: v.id, label: `VPC ${v.name || v.id}` })),
            ...design.repositories
              .filter((r) => r.account === account.id)
              .map((r) => ({ id: r.id, label: `Repository ${r.name || r.id}` })),
          ]}
        />
      </Section>
      <DeleteButton id={account.id} what="account" />
    </Stack>
  );
}

// ─── VPC ─────────────────────────────────────────────────────────────────────────────────────────

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

function VpcForm({ vpc, design }: { vpc: Vpc; design: Design }) {
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
      <Header kind="VPC" title={vpc.name} id={vpc.id} />
      <TextField
        label="Name"
        value={vpc.name}
        onCommit={(name) => set(vpc.id, { name })}
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
        onCommit={(cidr) => set(vpc.id, { cidr })}
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
        onCommit={(v) =>
          set(vpc.id, {
            secondaryCidrs: v
              .split(',')
              .map((x) => x.trim())
              .filter(Boolean),
          })
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

function routeTarget(route: Route): string {
  return route.peering ? `peering:${route.peering}` : `gateway:${route.gateway ?? 'nat'}`;
}

function parseTarget(value: string): Pick<Route, 'peering' | 'gateway'> {
  const [kind, id] = value.split(/:(.*)/s) as [string, string];
  return kind === 'peering' ? { peering: id } : { gateway: id as 'nat' | 'internet' };
}

function RouteTables({ vpc, design }: { vpc: Vpc; design: Design }) {
  const peerings = design.peerings.filter((p) => p.requester === vpc.id || p.accepter === vpc.id);
  const peerOf = (p: Peering) =>
    design.vpcs.find((v) => v.id === (p.requester === vpc.id ? p.accepter : p.requester));
  // Targets are limited to this VPC's own peerings and the gateways: a route to another VPC's
  // peering is never valid in AWS.
  const targets = [
    ...peerings.map((p) => ({
      value: `peering:${p.id}`,
      label: `${p.name || p.id} → ${peerOf(p)?.name || '?'}`,
    })),
    { value: 'gateway:nat', label: 'NAT gateway' },
    { value: 'gateway:internet', label: 'Internet gateway' },
  ];
  const addRoutePreset = (tableId: string, routes: Route[]) => {
    const peer = peerings
      .map((p) => ({ p, v: peerOf(p) }))
      .find(({ v }) => v && !routes.some((r) => r.destination === v.cidr));
    const route: Route = peer?.v
      ? { destination: peer.v.cidr, peering: peer.p.id }
      : { destination: '0.0.0.0/0', gateway: 'nat' };
    apply([addRoute({ routeTable: tableId, route })]);
  };
  return (
    <Section
      title="Route tables"
      actions={
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={() =>
            apply([
              addRouteTable({
                vpc: vpc.id,
                routeTable: {
                  id: newId(design, `rt-${vpc.id}`),
                  name: '',
                  main: vpc.routeTables.length === 0,
                  routes: [],
                },
              }),
            ])
          }
        >
          + table
        </Button>
      }
    >
      {vpc.routeTables.map((t) => (
        <Paper key={t.id} withBorder p="xs" data-testid={`route-table-${t.id}`}>
          <Stack gap={6}>
            <Group gap={6} align="flex-end" wrap="nowrap">
              <TextField
                label="Route table name"
                value={t.name ?? ''}
                onCommit={(name) => set(t.id, { name: name || undefined })}
              />
              {t.main ? (
                <Badge size="sm" variant="default">
                  main
                </Badge>
              ) : (
                <Button
                  size="compact-xs"
                  variant="default"
                  onClick={() => apply([setMainRouteTable({ routeTable: t.id })])}
                >
                  Make main
                </Button>
              )}
              <RemoveIcon
                label={`Delete route table ${t.name || t.id}`}
                onClick={() => useUiStore.getState().askDelete([t.id])}
              />
            </Group>
            <Text size="xs" c="dimmed">
              local: {[vpc.cidr, ...vpc.secondaryCidrs].join(', ')} (implicit)
            </Text>
            {t.routes.map((r, i) => (
              <Group
                key={`${i}:${r.destination}`}
                gap={4}
                align="flex-start"
                wrap="nowrap"
                data-testid="route-row"
              >
                <TextField
                  label="Destination"
                  aria-label="Route destination"
                  value={r.destination}
                  check={cidrError}
                  mono
                  onCommit={(destination) =>
                    apply([setRoute({ routeTable: t.id, index: i, route: { ...r, destination } })])
                  }
                />
                <SelectField
                  label="Target"
                  value={routeTarget(r)}
                  data={
                    routeTarget(r) && !targets.some((x) => x.value === routeTarget(r))
                      ? [...targets, { value: routeTarget(r), label: `${r.peering} (not this VPC's)` }]
                      : targets
                  }
                  onChange={(v) => {
                    if (!v) return;
                    const { peering: _p, gateway: _g, ...rest } = r;
                    apply([setRoute({ routeTable: t.id, index: i, route: { ...rest, ...parseTarget(v) } })]);
                  }}
                />
                <div className="pnd-row-remove">
                  <RemoveIcon
                    label={`Remove route ${r.destination}`}
                    onClick={() => apply([removeRoute({ routeTable: t.id, index: i })])}
                  />
                </div>
              </Group>
            ))}
            <Button
              size="compact-xs"
              variant="light"
              onClick={() => addRoutePreset(t.id, t.routes)}
              data-testid="add-route"
            >
              + route
            </Button>
          </Stack>
        </Paper>
      ))}
    </Section>
  );
}

function SecurityGroups({ vpc, design }: { vpc: Vpc; design: Design }) {
  const allGroups = useMemo(
    () =>
      design.vpcs.flatMap((v) =>
        v.securityGroups.map((g) => ({ value: g.id, label: `${g.name || g.id} (${v.name || v.id})` })),
      ),
    [design.vpcs],
  );
  return (
    <Section
      title="Security groups"
      actions={
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={() =>
            apply([
              addSecurityGroup({
                vpc: vpc.id,
                securityGroup: {
                  id: newId(design, `sg-${vpc.id}`),
                  name: 'new group',
                  ingress: [],
                  egress: [],
                },
              }),
            ])
          }
        >
          + group
        </Button>
      }
    >
      {vpc.securityGroups.map((g) => (
        <Paper key={g.id} withBorder p="xs" data-testid={`security-group-${g.id}`}>
          <Stack gap={6}>
            <Group gap={6} align="flex-end" wrap="nowrap">
              <TextField label="Group name" value={g.name} onCommit={(name) => set(g.id, { name })} />
              <RemoveIcon
                label={`Delete security group ${g.name || g.id}`}
                onClick={() => useUiStore.getState().askDelete([g.id])}
              />
            </Group>
            <Text size="xs" c="dimmed" className="pnd-mono">
              {g.id}
            </Text>
            {(['ingress', 'egress'] as const).map((direction) => (
              <RuleList key={direction} group={g} direction={direction} vpc={vpc} groups={allGroups} />
            ))}
          </Stack>
        </Paper>
      ))}
    </Section>
  );
}

function RuleList({
  group,
  direction,
  vpc,
  groups,
}: {
  group: SecurityGroup;
  direction: RuleDirection;
  vpc: Vpc;
  groups: { value: string; label: string }[];
}) {
  const rules = group[direction];
  const update = (index: number, rule: SgRule) =>
    apply([setSgRule({ securityGroup: group.id, direction, index, rule })]);
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Text size="xs" fw={600}>
          {direction === 'ingress' ? 'Inbound rules' : 'Outbound rules'}
        </Text>
        <Button
          size="compact-xs"
          variant="light"
          data-testid={`add-${direction}-rule`}
          onClick={() =>
            apply([
              addSgRule({
                securityGroup: group.id,
                direction,
                rule: {
                  protocol: 'tcp',
                  fromPort: 443,
                  toPort: 443,
                  cidr: direction === 'ingress' ? vpc.cidr : '0.0.0.0/0',
                },
              }),
            ])
          }
        >
          + rule
        </Button>
      </Group>
      {rules.map((rule, i) => {
        const ports = rule.protocol === 'tcp' || rule.protocol === 'udp';
        const peer = direction === 'ingress' ? 'Source' : 'Destination';
        return (
          <Paper key={i} p={6} className="pnd-rule" data-testid={`${direction}-rule`}>
            <Group gap={4} align="flex-end" wrap="wrap">
              <SelectField
                label="Protocol"
                value={rule.protocol}
                data={[
                  { value: 'tcp', label: 'TCP' },
                  { value: 'udp', label: 'UDP' },
                  { value: 'icmp', label: 'ICMP' },
                  { value: '-1', label: 'All traffic' },
                ]}
                onChange={(protocol) => {
                  if (!protocol) return;
                  const { fromPort: _f, toPort: _t, ...rest } = rule;
                  const p = protocol as SgRule['protocol'];
                  update(
                    i,
                    p === 'tcp' || p === 'udp'
                      ? { ...rest, protocol: p, fromPort: rule.fromPort ?? 443, toPort: rule.toPort ?? 443 }
                      : { ...rest, protocol: p },
                  );
                }}
              />
              {ports && (
                <>
                  <NumberInput
                    label="From port"
                    size="xs"
                    w={80}
                    min={0}
                    max={65535}
                    value={rule.fromPort ?? ''}
                    onChange={(v) => typeof v === 'number' && update(i, { ...rule, fromPort: v })}
                  />
                  <NumberInput
                    label="To port"
                    size="xs"
                    w={80}
                    min={0}
                    max={65535}
                    value={rule.toPort ?? ''}
                    onChange={(v) => typeof v === 'number' && update(i, { ...rule, toPort: v })}
                  />
                </>
              )}
              <RemoveIcon
                label={`Remove ${direction} rule`}
                onClick={() => apply([removeSgRule({ securityGroup: group.id, direction, index: i })])}
              />
            </Group>
            <Group gap={4} align="flex-end" wrap="nowrap" mt={4}>
              <SegmentedControl
                size="xs"
                aria-label={`${peer} kind`}
                value={rule.securityGroup !== undefined ? 'group' : 'cidr'}
                data={[
                  { value: 'cidr', label: 'CIDR' },
                  { value: 'group', label: 'Group' },
                ]}
                onChange={(kind) => {
                  const { cidr: _c, securityGroup: _g, ...rest } = rule;
                  update(
                    i,
                    kind === 'group' ? { ...rest, securityGroup: group.id } : { ...rest, cidr: vpc.cidr },
                  );
                }}
              />
              {rule.securityGroup !== undefined ? (
                <SelectField
                  label={`${peer} group`}
                  value={rule.securityGroup}
                  data={groups}
                  onChange={(securityGroup) => securityGroup && update(i, { ...rule, securityGroup })}
                />
              ) : (
                <TextField
                  label={`${peer} CIDR`}
                  value={rule.cidr ?? ''}
                  check={cidrError}
                  mono
                  onCommit={(cidr) => update(i, { ...rule, cidr })}
                />
              )}
            </Group>
            <TextField
              label="Description"
              value={rule.description ?? ''}
              onCommit={(description) => update(i, { ...rule, description: description || undefined })}
            />
          </Paper>
        );
      })}
    </Stack>
  );
}

// ─── subnet ──────────────────────────────────────────────────────────────────────────────────────

function SubnetForm({ subnet, vpc, design }: { subnet: Subnet; vpc: Vpc; design: Design }) {
  const tables = [
    { value: '', label: `Main route table (${vpc.routeTables.find((t) => t.main)?.name || 'main'})` },
    ...vpc.routeTables.map((t) => ({ value: t.id, label: `${t.name || t.id}${t.main ? ' (main)' : ''}` })),
  ];
  const azs = azOptions(vpc.region);
  return (
    <Stack gap="sm">
      <Header kind={`Subnet in ${vpc.name || vpc.id}`} title={subnet.name} id={subnet.id} />
      <TextField
        label="Name"
        value={subnet.name}
        onCommit={(name) => set(subnet.id, { name })}
        testId="field-name"
      />
      <TextField
        label="IPv4 CIDR"
        value={subnet.cidr}
        check={cidrError}
        mono
        onCommit={(cidr) => set(subnet.id, { cidr })}
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

// ─── endpoint ────────────────────────────────────────────────────────────────────────────────────

function EndpointForm({ endpoint, vpc }: { endpoint: Endpoint; vpc: Vpc }) {
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
        onCommit={(name) => set(endpoint.id, { name: name || undefined })}
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

// ─── peering, repository, appliance, worker configuration ────────────────────────────────────────

function PeeringForm({ peering, design }: { peering: Peering; design: Design }) {
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
        onCommit={(n) => set(peering.id, { name: n || undefined })}
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

function s3EndpointOptions(design: Design) {
  return design.vpcs.flatMap((v) =>
    v.endpoints
      .filter((e) => e.service === 's3')
      .map((e) => ({ value: e.id, label: `${e.id} — ${e.type}, ${v.name || v.id} (${v.region})` })),
  );
}

function RepositoryForm({ repository, design }: { repository: Repository; design: Design }) {
  return (
    <Stack gap="sm">
      <Header kind="S3 repository" title={repository.name} id={repository.id} />
      <TextField
        label="Name"
        value={repository.name}
        onCommit={(name) => set(repository.id, { name })}
        testId="field-name"
      />
      <SelectField
        label="Account"
        value={repository.account}
        data={design.accounts.map((a) => ({ value: a.id, label: a.name || a.id }))}
        onChange={(account) => account && set(repository.id, { account })}
      />
      <SelectField
        label="Region"
        value={repository.region}
        data={REGION_OPTIONS}
        testId="field-region"
        onChange={(region) => region && set(repository.id, { region })}
      />
      <TextField
        label="Bucket"
        value={repository.bucket}
        check={required('The bucket name')}
        mono
        onCommit={(bucket) => set(repository.id, { bucket })}
        testId="field-bucket"
      />
      <SegmentedControl
        size="xs"
        aria-label="Storage tier"
        value={repository.tier}
        data={[
          { value: 'standard', label: 'Standard' },
          { value: 'archive', label: 'Archive' },
        ]}
        onChange={(tier) => set(repository.id, { tier })}
      />
      <SelectField
        label="S3 endpoint (repository settings)"
        value={repository.s3Endpoint ?? null}
        data={s3EndpointOptions(design)}
        clearable
        placeholder="None selected"
        testId="field-s3Endpoint"
        onChange={(s3Endpoint) => set(repository.id, { s3Endpoint: s3Endpoint ?? undefined })}
      />
      <DeleteButton id={repository.id} what="repository" />
    </Stack>
  );
}

function subnetOptions(design: Design) {
  return design.vpcs.flatMap((v) =>
    v.subnets.map((s) => ({
      value: s.id,
      label: `${s.name || s.id} ${s.cidr} — ${v.name || v.id} (${v.region})`,
    })),
  );
}

function ApplianceForm({
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
        onCommit={(name) => set(appliance.id, { name })}
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
        onCommit={(ip) => set(appliance.id, { ip })}
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

function WorkerConfigurationForm({
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
        onCommit={(name) => set(wc.id, { name: name || undefined })}
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

// ─── operations ──────────────────────────────────────────────────────────────────────────────────

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
            {operation.name || OPERATION_LABELS[operation.kind]}
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
          onCommit={(name) => set(operation.id, { name: name || undefined })}
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

function newOperation(design: Design, kind: OperationKind): Operation {
  const repo = design.repositories.find((r) => r.tier === 'standard') ?? design.repositories[0];
  const production = design.accounts.find((a) => a.id !== backupAccountOf(design));
  return {
    id: newId(design, `op-${kind}`),
    kind,
    ...(production ? { account: production.id } : {}),
    ...(repo ? { repository: repo.id } : {}),
    workersIn: 'backup-account',
    restoreToOriginal: false,
  };
}

function DesignForm({ design }: { design: Design }) {
  return (
    <Stack gap="sm">
      <Header kind="Design" title={design.name} id="design" />
      <TextField
        label="Design name"
        value={design.name}
        onCommit={(name) => apply([setDesignFields({ fields: { name } })])}
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
            label: `${o.name || o.id} · ${OPERATION_LABELS[o.kind]}`,
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
            const operation = newOperation(design, kind as OperationKind);
            apply([addOperation({ operation })]);
            useUiStore.getState().select([operation.id], { tab: 'inspector' });
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

export function Inspector() {
  // Deferred: a big form (a VPC's route tables and groups) renders in the background, in slices,
  // so selecting a node to drag it or committing a field never waits for the panel.
  const design = useDeferredValue(useDesignStore((s) => s.design));
  const selection = useDeferredValue(useUiStore((s) => s.selection));
  return (
    <>
      <InspectorBody design={design} selection={selection} />
      <ElementSnippets design={design} selection={selection} />
    </>
  );
}

// Memoized so that the urgent pass (still holding the old deferred values) skips the form entirely.
const InspectorBody = memo(function InspectorBody({
  design,
  selection,
}: {
  design: Design;
  selection: readonly string[];
}) {
  const index = useMemo(() => indexDesign(design), [design]);
  const id = selection.length === 1 ? selection[0]! : undefined;
  if (selection.length > 1)
    return (
      <Stack gap="sm">
        <Text size="sm">{selection.length} elements selected.</Text>
        <Button
          variant="light"
          color="red"
          size="xs"
          onClick={() => useUiStore.getState().askDelete(selection)}
        >
          Delete selected
        </Button>
      </Stack>
    );
  const kind = id ? index.kindOf(id) : undefined;
  if (!id || !kind) return <DesignForm design={design} />;
  // Keyed by id: switching the selection gives fresh field state instead of carrying drafts over.
  switch (kind) {
    case 'account':
      return <AccountForm key={id} account={index.accounts.get(id)!.element} design={design} />;
    case 'vpc':
      return <VpcForm key={id} vpc={index.vpcs.get(id)!.element} design={design} />;
    case 'subnet': {
      const at = index.subnets.get(id)!;
      return <SubnetForm key={id} subnet={at.element} vpc={at.vpc!} design={design} />;
    }
    case 'endpoint': {
      const at = index.endpoints.get(id)!;
      return <EndpointForm key={id} endpoint={at.element} vpc={at.vpc!} />;
    }
    case 'routeTable':
    case 'securityGroup': {
      const vpc = (kind === 'routeTable' ? index.routeTables : index.securityGroups).get(id)!.vpc!;
      return <VpcForm key={vpc.id} vpc={vpc} design={design} />;
    }
    case 'peering':
      return <PeeringForm key={id} peering={index.peerings.get(id)!.element} design={design} />;
    case 'repository':
      return <RepositoryForm key={id} repository={index.repositories.get(id)!.element} design={design} />;
    case 'appliance':
      return <ApplianceForm key={id} appliance={index.appliance!.element} design={design} index={index} />;
    case 'workerConfiguration':
      return (
        <WorkerConfigurationForm
          key={id}
          wc={index.workerConfigurations.get(id)!.element}
          design={design}
          index={index}
        />
      );
    case 'operation':
      return (
        <Stack gap="sm">
          <Header kind="Operation" title={index.nameOf(id)} id={id} />
          <OperationForm key={id} operation={index.operations.get(id)!.element} design={design} />
        </Stack>
      );
  }
});
