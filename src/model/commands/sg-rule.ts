// Rules of security groups: add (the Inspector's new row, and the fixes' missing rule), change by
// row, remove.
import { defineCommand, updateVpc } from '../command';
import type { Design, SecurityGroup, SgRule } from '../schema';
import { nameOf, replaceAt } from './helpers';

export type RuleDirection = 'ingress' | 'egress';

/** Replaces the security group `id` (only a group: a half-drawn design may reuse its id elsewhere). */
function mapSecurityGroup(design: Design, id: string, update: (g: SecurityGroup) => SecurityGroup): Design {
  const vpc = design.vpcs.find((v) => v.securityGroups.some((g) => g.id === id));
  if (!vpc) return design;
  return updateVpc(design, vpc.id, (v) => {
    let changed = false;
    const securityGroups = v.securityGroups.map((g) => {
      if (g.id !== id) return g;
      const next = update(g);
      changed ||= next !== g;
      return next;
    });
    return changed ? { ...v, securityGroups } : v;
  });
}

/** AWS refuses a second rule with the same protocol, ports and peer; the description does not count. */
const sameRule = (a: SgRule, b: SgRule) =>
  a.protocol === b.protocol &&
  a.fromPort === b.fromPort &&
  a.toPort === b.toPort &&
  a.cidr === b.cidr &&
  a.securityGroup === b.securityGroup;

export interface AddSgRule {
  securityGroup: string;
  direction: RuleDirection;
  rule: SgRule;
  /**
   * Append even when the group has the same rule: the Inspector's new row, a draft the user edits
   * next. Otherwise (fixes) that is a no-op, so overlapping fixes in one "Fix all" add it once.
   */
  allowDuplicate?: boolean;
}

export const addSgRule = defineCommand<AddSgRule>({
  type: 'sg-rule/add',
  describe: (p, d) =>
    `Added ${p.direction} rule ${p.rule.protocol === '-1' ? 'all traffic' : `${p.rule.protocol}/${p.rule.fromPort ?? '*'}`} ${p.direction === 'ingress' ? 'from' : 'to'} ${p.rule.cidr ?? `group "${nameOf(d, p.rule.securityGroup ?? '')}"`} to security group "${nameOf(d, p.securityGroup)}"`,
  perform: (design, { securityGroup, direction, rule, allowDuplicate }) =>
    mapSecurityGroup(design, securityGroup, (g) =>
      !allowDuplicate && g[direction].some((r) => sameRule(r, rule))
        ? g
        : { ...g, [direction]: [...g[direction], { ...rule }] },
    ),
});

export const setSgRule = defineCommand<{
  securityGroup: string;
  direction: RuleDirection;
  index: number;
  rule: SgRule;
}>({
  type: 'sg-rule/set',
  describe: ({ securityGroup, direction }) => `Changed an ${direction} rule of ${securityGroup}`,
  perform: (design, { securityGroup, direction, index, rule }) =>
    mapSecurityGroup(design, securityGroup, (g) =>
      index in g[direction] ? { ...g, [direction]: replaceAt(g[direction], index, rule) } : g,
    ),
});

export const removeSgRule = defineCommand<{ securityGroup: string; direction: RuleDirection; index: number }>(
  {
    type: 'sg-rule/remove',
    describe: ({ securityGroup, direction }) => `Removed an ${direction} rule from ${securityGroup}`,
    perform: (design, { securityGroup, direction, index }) =>
      mapSecurityGroup(design, securityGroup, (g) =>
        index in g[direction] ? { ...g, [direction]: g[direction].filter((_, i) => i !== index) } : g,
      ),
  },
);
