// Where workers run: a worker configuration must exist for each (account, region) operations
// deploy workers into; RDS and EFS workers must sit in the production account's own VPC; worker
// subnets must not hand out public IPs.
import { setSubnetPublicIp } from '../model/commands/subnet';
import { OPERATION_REQUIREMENTS } from '../veeam/operations';
import { analysisOf } from './analysis';
import type { Report, Rule } from './types';
import { VEEAM } from './sources';

const name = JSON.stringify;

export const workerNoConfiguration: Rule = {
  meta: {
    id: 'worker/no-configuration',
    severity: 'warning',
    title: 'No worker configuration where workers run',
    explanation:
      'Veeam places workers using the worker configuration for the account and region an operation needs. Without one it falls back to default network settings, which need public access, and the private flows from those workers cannot be checked.',
    sources: [VEEAM.workersLocation, VEEAM.enablePrivate, VEEAM.workerSettings],
    fixable: false,
  },
  check(ctx) {
    const groups = new Map<string, { account: string; region: string; ops: string[] }>();
    for (const p of analysisOf(ctx).requirements.placements) {
      if (p.problem !== 'no-configuration' || !p.account || !p.region) continue;
      const k = `${p.account}\u0000${p.region}`;
      const g = groups.get(k) ?? { account: p.account, region: p.region, ops: [] };
      g.ops.push(p.operation.id);
      groups.set(k, g);
    }
    return [...groups.values()].map<Report>((g) => ({
      message: `No worker configuration for account ${name(ctx.index.nameOf(g.account))} in ${g.region}, where ${g.ops.map((o) => name(ctx.index.nameOf(o))).join(', ')} deploy workers. Veeam would fall back to default network settings, which need public access. Add a worker configuration with a private subnet and a security group.`,
      elements: [g.account, ...g.ops],
    }));
  },
};

export const workerPublicIp: Rule = {
  meta: {
    id: 'worker/public-ip',
    severity: 'warning',
    title: 'Worker subnet maps public IPs',
    explanation:
      'Private network deployment means workers run without public IPv4 addresses; a worker subnet that assigns public IPs on launch defeats that and exposes the workers.',
    sources: [VEEAM.enablePrivate, VEEAM.workersInPrivate],
    fixable: true,
  },
  check(ctx) {
    const findings: Report[] = [];
    const seen = new Set<string>();
    for (const p of analysisOf(ctx).requirements.placements)
      for (const c of p.configurations) {
        const subnet = ctx.index.subnets.get(c.subnet)?.element;
        if (!subnet?.mapPublicIpOnLaunch || seen.has(subnet.id)) continue;
        seen.add(subnet.id);
        findings.push({
          message: `Subnet ${name(ctx.index.nameOf(subnet.id))} of worker configuration ${name(ctx.index.nameOf(c.id))} assigns public IPs on launch, but private network deployment expects workers without them. Turn off public IP mapping for the subnet.`,
          elements: [subnet.id, c.id],
          fix: {
            title: `Turn off public IP mapping for subnet ${name(ctx.index.nameOf(subnet.id))}`,
            commands: [setSubnetPublicIp({ subnet: subnet.id, mapPublicIpOnLaunch: false })],
          },
        });
      }
    return findings;
  },
};

export const workerProductionOnly: Rule = {
  meta: {
    id: 'worker/production-only',
    severity: 'error',
    title: 'RDS/EFS workers have no configuration in their production VPC',
    explanation:
      'Workers for RDS backup and restore and for EFS indexing run only in the production account, inside the VPC of the DB instance or mount target. Configurations of that region in other accounts or VPCs do not count.',
    sources: [VEEAM.workersLocation, VEEAM.workerConfigProduction],
    fixable: false,
  },
  check(ctx) {
    return analysisOf(ctx)
      .requirements.placements.filter((p) => p.problem === 'production-only')
      .map<Report>((p) => {
        const op = p.operation;
        return {
          message: `${OPERATION_REQUIREMENTS[op.kind].label} ${name(ctx.index.nameOf(op.id))} runs workers only in account ${name(ctx.index.nameOf(op.account ?? ''))} inside VPC ${name(ctx.index.nameOf(op.vpc ?? ''))}, but no worker configuration of ${p.region} is there. Add a worker configuration for that account, region and VPC.`,
          elements: [op.id, ...(op.vpc ? [op.vpc] : []), ...(op.account ? [op.account] : [])],
        };
      });
  },
};
