// A VPC's security groups and their rules in the Inspector.
import { useMemo } from 'react';
import { Button, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useDesignStore } from '../../../app/store';
import { useUiStore } from '../../../app/ui-store';
import { useValidationStore } from '../../../app/validation';
import { addSecurityGroup } from '../../../model/commands/security-group';
import { addSgRule, removeSgRule, setSgRule, type RuleDirection } from '../../../model/commands/sg-rule';
import { newId } from '../../../model/commands/element';
import type { Design, SecurityGroup, SgRule, Vpc } from '../../../model/schema';
import { cidrError, portError, SelectField, TextField } from '../../panels/fields';
import { apply, set } from '../../inspector/helpers';
import { Section, RemoveIcon } from '../../inspector/parts';

const SG_RULE_SET = setSgRule.type;

export function SecurityGroups({ vpc, design }: { vpc: Vpc; design: Design }) {
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
              <TextField
                label="Group name"
                value={g.name}
                onCommit={(name, burst) => set(g.id, { name }, burst)}
              />
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

/** The rules of a group that a finding's fix edits: the rule the finding blames, by index, with
 * the fix's title to say what is wrong with it. */
function useBlamedRules(group: string, direction: RuleDirection): Map<number, string> {
  const findings = useValidationStore((s) => s.findings);
  return useMemo(() => {
    const out = new Map<number, string>();
    for (const f of findings)
      for (const c of f.fix?.commands ?? [])
        if (c.type === SG_RULE_SET && c.securityGroup === group && c.direction === direction)
          out.set(c.index as number, f.fix!.title);
    return out;
  }, [findings, group, direction]);
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
  const blamed = useBlamedRules(group.id, direction);
  const update = (index: number, rule: SgRule, burst?: string) =>
    apply([setSgRule({ securityGroup: group.id, direction, index, rule })], burst);
  // A field changes its own part of the rule as the rule is now: the form renders deferred and may
  // still show an earlier design, and a second field committed right after a first must not put
  // the first one back.
  const patch = (index: number, fields: Partial<SgRule>, burst?: string) => {
    const now = useDesignStore
      .getState()
      .design.vpcs.find((v) => v.id === vpc.id)
      ?.securityGroups.find((g) => g.id === group.id)?.[direction][index];
    const rule = now ?? rules[index];
    if (rule) update(index, { ...rule, ...fields }, burst);
  };
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
                // A new row is a draft the user edits next, even when the group has that rule already.
                allowDuplicate: true,
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
          <Paper
            key={i}
            p={6}
            className={`pnd-rule${blamed.has(i) ? ' is-blamed' : ''}`}
            data-testid={`${direction}-rule`}
            data-blamed={blamed.has(i) ? 'true' : undefined}
            title={blamed.get(i)}
          >
            {blamed.has(i) && (
              <Text size="xs" c="red" fw={600} data-testid="blamed-note">
                A finding blames this rule: {blamed.get(i)}
              </Text>
            )}
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
                  <TextField
                    label="From port"
                    w={80}
                    inputMode="numeric"
                    value={String(rule.fromPort ?? '')}
                    check={portError}
                    onCommit={(v, burst) => patch(i, { fromPort: Number(v.trim()) }, burst)}
                  />
                  <TextField
                    label="To port"
                    w={80}
                    inputMode="numeric"
                    value={String(rule.toPort ?? '')}
                    check={portError}
                    onCommit={(v, burst) => patch(i, { toPort: Number(v.trim()) }, burst)}
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
                  onCommit={(cidr, burst) => patch(i, { cidr }, burst)}
                />
              )}
            </Group>
            <TextField
              label="Description"
              value={rule.description ?? ''}
              onCommit={(description, burst) => patch(i, { description: description || undefined }, burst)}
            />
          </Paper>
        );
      })}
    </Stack>
  );
}
