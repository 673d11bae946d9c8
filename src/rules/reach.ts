// Flow-level verdicts: an endpoint reachable through some of its subnets only, and the archive
// layout in which the standard and archive repositories' VPCs reach each other.
import { analysisOf, flowOutcome } from './analysis';
import { flowLabel, flowProblems } from './flow-problems';
import type { Report, Rule } from './types';
import { AWS, VEEAM } from './sources';

const name = JSON.stringify;

export const reachPartial: Rule = {
  meta: {
    id: 'reach/partial',
    severity: 'warning',
    title: 'Endpoint reachable through some subnets only',
    explanation:
      "An endpoint's DNS name resolves to the addresses of all its subnets' network interfaces. If some of them are unreachable from a worker or the appliance, connections fail intermittently, depending on which address is picked.",
    sources: [AWS.endpointDns],
    fixable: true,
  },
  check(ctx) {
    const findings: Report[] = [];
    for (const { planned, result } of analysisOf(ctx).failing) {
      if (planned.kind === 'archive-peering' || flowOutcome(result) !== 'partial') continue;
      const { problems, fix, failing } = flowProblems(ctx, planned, result);
      findings.push({
        message: `Endpoint ${name(ctx.index.nameOf(planned.endpoint.id))} is unreachable from ${planned.source.label} through subnet ${failing.map((s) => name(ctx.index.nameOf(s))).join(', ')} (${problems.map((p) => p.message).join(' ')}) Connections will fail intermittently.`,
        elements: [planned.endpoint.id, ...failing, ...new Set(problems.flatMap((p) => p.elements))],
        flow: flowLabel(ctx, result),
        ...(fix ? { fix } : {}),
      });
    }
    return findings;
  },
};

export const archiveRepositoryPeering: Rule = {
  meta: {
    id: 'archive/repository-peering',
    severity: 'warning',
    title: 'Standard and archive repository VPCs not connected',
    explanation:
      "Veeam's documented layout for archiving peers the VPCs of the standard and the archive repository's S3 endpoints, routes them both ways, and lets each S3 endpoint's security group admit the other VPC on tcp/443.",
    sources: [VEEAM.peering, VEEAM.configureRouting],
    fixable: true,
  },
  check(ctx) {
    const findings: Report[] = [];
    for (const { planned, result } of analysisOf(ctx).failing) {
      if (planned.kind !== 'archive-peering') continue;
      const outcome = flowOutcome(result);
      if (outcome === 'ok') continue;
      const { problems, fix } = flowProblems(ctx, planned, result);
      findings.push({
        message: `For archiving, ${planned.source.label} must reach S3 endpoint ${name(ctx.index.nameOf(planned.endpoint.id))}: ${problems.map((p) => p.message).join(' ')}`,
        elements: [
          ...new Set([planned.source.vpc.id, planned.endpoint.id, ...problems.flatMap((p) => p.elements)]),
        ],
        flow: flowLabel(ctx, result),
        ...(fix ? { fix } : {}),
      });
    }
    return findings;
  },
};
