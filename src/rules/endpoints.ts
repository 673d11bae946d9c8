// Interface endpoints: the services each worker VPC needs, their private DNS, their subnets' AZs,
// and the S3 interface endpoint every repository must name.
import type { Command } from '../model/command';
import {
  addEndpoint,
  addEndpointSubnet,
  removeDuplicateEndpoint,
  setEndpointPrivateDns,
} from '../model/commands/endpoint';
import { setDnsAttributes } from '../model/commands/vpc';
import type { Endpoint, Subnet, Vpc } from '../model/schema';
import { blockHolding, cidrOf } from '../network/cidr';
import type { NetworkModel } from '../network/model';
import { groupsAdmit443 } from '../network/security-groups';
import { preferredEndpoint, type EndpointNeed } from '../veeam/flows';
import { analysisOf } from './analysis';
import { unmetFlowLabel } from './flow-problems';
import type { Report, Fix, Rule, RuleContext } from './types';
import { AWS, VEEAM } from './sources';
import { repositoryEndpointFix } from './missing-links';

const withFix = (fix: Fix | undefined) => (fix ? { fix } : {});

const name = JSON.stringify;

function opsLabel(ctx: RuleContext, ops: readonly string[]): string {
  const shown = ops.slice(0, 3).map((o) => name(ctx.index.nameOf(o)));
  return shown.join(', ') + (ops.length > 3 ? ` and ${ops.length - 3} more` : '');
}

/** One subnet per Availability Zone (an endpoint takes at most one per AZ). */
function onePerAz(subnets: readonly Subnet[]): readonly Subnet[] {
  if (subnets.length < 2) return subnets;
  const seen = new Set<string>();
  return subnets.filter((s) => !seen.has(s.az) && seen.add(s.az));
}

/** Whether one of the endpoint's subnets (in its own VPC, `vpc`) is in this AZ. */
function hasSubnetIn(ctx: RuleContext, endpoint: Endpoint, vpc: Vpc, az: string): boolean {
  const { net } = analysisOf(ctx);
  const ids = endpoint.subnets;
  for (let i = 0; i < ids.length; i++) if (net.subnetIn(vpc, ids[i]!)?.subnet.az === az) return true;
  return false;
}

function addEndpointFix(ctx: RuleContext, need: EndpointNeed): Command {
  const { net } = analysisOf(ctx);
  const ranges = need.subnets.map((s) => cidrOf(s.cidr)).filter((c) => c !== undefined);
  // Reuse a group already guarding an interface endpoint of this VPC if it admits every worker.
  const existing = [
    ...new Set(need.vpc.endpoints.filter((e) => e.type === 'Interface').flatMap((e) => e.securityGroups)),
  ].find(
    (g) =>
      ranges.length > 0 &&
      ranges.every((r) => groupsAdmit443(net, [g], 'ingress', r, need.groups, need.vpc.region)),
  );
  const workerRange = ranges[0] && blockHolding(net.blocksOf(need.vpc), ranges[0]);
  return addEndpoint({
    vpc: need.vpc.id,
    endpoint: {
      service: need.service,
      subnets: onePerAz(need.subnets).map((s) => s.id),
      securityGroups: existing ? [existing] : [],
      privateDns: true,
    },
    ...(existing
      ? {}
      : { createGroup: { name: 'interface endpoints', ingressCidr: workerRange?.text ?? need.vpc.cidr } }),
  });
}

export const endpointMissing: Rule = {
  meta: {
    id: 'endpoint/missing',
    severity: 'error',
    title: 'Required interface endpoint missing',
    explanation:
      'Without public IPs, workers reach AWS services only through interface endpoints in their own VPC: ec2messages, ssm, sqs (plus ebs for EC2 backup) for EC2 operations; ssmmessages, ssm, sqs for RDS and EFS; kinesis-streams for file-level restore to the original location.',
    sources: [VEEAM.privateNetworks, VEEAM.interfaceEndpoints],
    fixable: true,
  },
  check(ctx) {
    const findings: Report[] = [];
    for (const need of analysisOf(ctx).requirements.endpointNeeds) {
      if (need.endpoints.length) continue;
      const command = addEndpointFix(ctx, need);
      const subnets = onePerAz(need.subnets);
      findings.push({
        message: `VPC ${name(ctx.index.nameOf(need.vpc.id))} has no ${need.service} interface endpoint (com.amazonaws.${need.vpc.region}.${need.service}), which the workers of ${opsLabel(ctx, need.operations)} need. Add one in subnet ${subnets.map((s) => name(ctx.index.nameOf(s.id))).join(', ')} with private DNS on.`,
        elements: [need.vpc.id, ...need.operations],
        flow:
          unmetFlowLabel(
            ctx,
            (u) => u.reason === 'no-endpoint' && u.at === need.vpc.id && u.flow.service === need.service,
          ) ?? `${opsLabel(ctx, need.operations)}: workers → ${need.service}`,
        fix: {
          title: `Add a ${need.service} interface endpoint to VPC ${name(ctx.index.nameOf(need.vpc.id))}`,
          commands: [command],
        },
      });
    }
    return findings;
  },
};

export const endpointPrivateDnsOff: Rule = {
  meta: {
    id: 'endpoint/private-dns-off',
    severity: 'error',
    title: 'Required service endpoint has private DNS off',
    explanation:
      "Workers call AWS services by their regular names (ssm.<region>.amazonaws.com and so on); only an interface endpoint with private DNS makes those names resolve to the endpoint. The repository's S3 endpoint is exempt: Veeam addresses it by its endpoint-specific name.",
    sources: [VEEAM.interfaceEndpoints],
    fixable: true,
  },
  check(ctx) {
    const findings: Report[] = [];
    for (const need of analysisOf(ctx).requirements.endpointNeeds) {
      const e = preferredEndpoint(need.endpoints);
      if (!e || e.privateDns) continue;
      findings.push({
        message: `The ${need.service} endpoint ${name(ctx.index.nameOf(e.id))} in VPC ${name(ctx.index.nameOf(need.vpc.id))} has private DNS off, so workers of ${opsLabel(ctx, need.operations)} resolve the public ${need.service} name and fail without internet access. Turn private DNS on.`,
        elements: [e.id],
        flow: `${opsLabel(ctx, need.operations)}: workers → ${need.service}`,
        fix: {
          title: `Turn on private DNS for endpoint ${name(ctx.index.nameOf(e.id))}`,
          commands: [setEndpointPrivateDns({ endpoint: e.id, privateDns: true })],
        },
      });
    }
    return findings;
  },
};

export const endpointDnsAttributes: Rule = {
  meta: {
    id: 'endpoint/dns-attributes',
    severity: 'error',
    title: 'VPC DNS attributes off for a private-DNS endpoint',
    explanation:
      'Private DNS names of an interface endpoint work only in a VPC with both DNS resolution (enableDnsSupport) and DNS hostnames (enableDnsHostnames) turned on.',
    sources: [VEEAM.interfaceEndpoints, AWS.vpcDns],
    fixable: true,
  },
  check({ design, index }) {
    const findings: Report[] = [];
    // An indexed loop: once per validation over every VPC, mostly unoptimised, where an iterator
    // allocates a result per VPC.
    const vpcs = design.vpcs;
    for (let i = 0; i < vpcs.length; i++) {
      const v = vpcs[i]!;
      if (v.dnsSupport && v.dnsHostnames) continue;
      const endpoints = v.endpoints.filter((e) => e.type === 'Interface' && e.privateDns);
      if (!endpoints.length) continue;
      const off = [v.dnsSupport ? '' : 'DNS resolution', v.dnsHostnames ? '' : 'DNS hostnames']
        .filter(Boolean)
        .join(' and ');
      findings.push({
        message: `VPC ${name(index.nameOf(v.id))} has ${off} off, so the private DNS names of ${endpoints.map((e) => name(index.nameOf(e.id))).join(', ')} do not resolve. Turn on DNS resolution and DNS hostnames for the VPC.`,
        elements: [v.id, ...endpoints.map((e) => e.id)],
        fix: {
          title: `Turn on DNS resolution and DNS hostnames for VPC ${name(index.nameOf(v.id))}`,
          commands: [setDnsAttributes({ vpc: v.id, dnsSupport: true, dnsHostnames: true })],
        },
      });
    }
    return findings;
  },
};

/** Whether two private-DNS interface endpoints share a service (a VPC has a handful of endpoints). */
function hasRepeatedPrivateDnsService(endpoints: readonly Endpoint[]): boolean {
  for (let i = 0; i < endpoints.length; i++) {
    const a = endpoints[i]!;
    if (a.type !== 'Interface' || !a.privateDns) continue;
    for (let j = i + 1; j < endpoints.length; j++) {
      const b = endpoints[j]!;
      if (b.type === 'Interface' && b.privateDns && b.service === a.service) return true;
    }
  }
  return false;
}

export const endpointDuplicatePrivateDns: Rule = {
  meta: {
    id: 'endpoint/duplicate-private-dns',
    severity: 'error',
    title: 'Two private-DNS endpoints of one service in a VPC',
    explanation:
      "Private DNS gives an endpoint the service's regular name inside the VPC; a second endpoint of the same service with private DNS would claim the same name, which AWS refuses.",
    sources: [AWS.endpointDns],
    fixable: true,
  },
  check({ design, index }) {
    const findings: Report[] = [];
    // The repositories' S3 endpoints, gathered only once a VPC repeats a service.
    let s3Endpoints: Set<string | undefined> | undefined;
    // An indexed loop: once per validation over every VPC, mostly unoptimised, where an iterator
    // allocates a result per VPC.
    const vpcs = design.vpcs;
    for (let i = 0; i < vpcs.length; i++) {
      const v = vpcs[i]!;
      if (!hasRepeatedPrivateDnsService(v.endpoints)) continue;
      const referenced = (s3Endpoints ??= new Set(design.repositories.map((r) => r.s3Endpoint)));
      const byService = new Map<string, Endpoint[]>();
      for (const e of v.endpoints) {
        if (e.type !== 'Interface' || !e.privateDns) continue;
        const list = byService.get(e.service);
        if (list) list.push(e);
        else byService.set(e.service, [e]);
      }
      for (const [service, list] of byService) {
        if (list.length < 2) continue;
        const keep = list.find((e) => referenced.has(e.id)) ?? list[0]!;
        const drop = list.filter((e) => e !== keep);
        findings.push({
          message: `VPC ${name(index.nameOf(v.id))} has ${list.length} ${service} endpoints with private DNS (${list.map((e) => name(index.nameOf(e.id))).join(', ')}); only one can own the service name. Keep ${name(index.nameOf(keep.id))} and remove the others.`,
          elements: list.map((e) => e.id),
          fix: {
            title: `Merge ${drop.map((e) => name(index.nameOf(e.id))).join(', ')} into ${name(index.nameOf(keep.id))}`,
            commands: drop.map((e) => removeDuplicateEndpoint({ keep: keep.id, drop: e.id })),
          },
        });
      }
    }
    return findings;
  },
};

function hasAnySubnet(net: NetworkModel, endpoint: Endpoint, vpc: Vpc): boolean {
  const ids = endpoint.subnets;
  for (let i = 0; i < ids.length; i++) if (net.subnetIn(vpc, ids[i]!)) return true;
  return false;
}

export const endpointAzNotCovered: Rule = {
  meta: {
    id: 'endpoint/az-not-covered',
    severity: 'warning',
    title: "Endpoint has no subnet in the workers' Availability Zone",
    explanation:
      "Veeam asks for interface endpoints in every subnet workers connect to. An endpoint without a network interface in the worker subnet's AZ makes traffic cross AZs, and workers fail whenever the other AZ does.",
    sources: [VEEAM.enablePrivate, VEEAM.interfaceEndpoints],
    fixable: true,
  },
  check(ctx) {
    const findings: Report[] = [];
    const { net, requirements } = analysisOf(ctx);
    // Indexed loops: once per validation over every need, mostly unoptimised, where an iterator
    // allocates a result per element.
    const needs = requirements.endpointNeeds;
    for (let i = 0; i < needs.length; i++) {
      const need = needs[i]!;
      const e = preferredEndpoint(need.endpoints);
      // Without any subnet the endpoint is unreachable, an error endpoint/no-subnets reports.
      if (!e || !hasAnySubnet(net, e, need.vpc)) continue;
      const subnets = onePerAz(need.subnets);
      for (let j = 0; j < subnets.length; j++) {
        const s = subnets[j]!;
        if (hasSubnetIn(ctx, e, need.vpc, s.az)) continue;
        findings.push({
          message: `The ${need.service} endpoint ${name(ctx.index.nameOf(e.id))} has no subnet in ${s.az}, where workers of ${opsLabel(ctx, need.operations)} run in subnet ${name(ctx.index.nameOf(s.id))}. Add that subnet to the endpoint.`,
          elements: [e.id, s.id],
          flow: `${opsLabel(ctx, need.operations)}: workers → ${need.service}`,
          fix: {
            title: `Add subnet ${name(ctx.index.nameOf(s.id))} to endpoint ${name(ctx.index.nameOf(e.id))}`,
            commands: [addEndpointSubnet({ endpoint: e.id, subnet: s.id })],
          },
        });
      }
    }
    return findings;
  },
};

/** The `flow` of a finding about a repository: its unmet flows, when it has some. */
function flowOf(ctx: RuleContext, repo: string, reason: 'gateway' | 'no-s3-endpoint'): { flow?: string } {
  const flow = unmetFlowLabel(ctx, (u) => u.reason === reason && u.at === repo);
  return flow ? { flow } : {};
}

function repositoryEndpoints(ctx: RuleContext) {
  if (!ctx.design.privateNetworkDeployment) return [];
  return ctx.design.repositories.flatMap((r) => {
    const e = r.s3Endpoint === undefined ? undefined : ctx.index.endpoints.get(r.s3Endpoint);
    return e?.vpc && e.element.service === 's3' ? [{ repo: r, endpoint: e.element, vpc: e.vpc }] : [];
  });
}

export const endpointGatewayUnsupported: Rule = {
  meta: {
    id: 'endpoint/gateway-unsupported',
    severity: 'error',
    title: "Repository's S3 endpoint is a gateway endpoint",
    explanation:
      "With private network deployment on, Veeam reaches a repository's bucket only through an S3 interface endpoint chosen in the repository settings; S3 gateway endpoints are not supported (and a peered VPC could not use one anyway).",
    sources: [VEEAM.addS3Endpoint],
    fixable: false,
  },
  check(ctx) {
    return repositoryEndpoints(ctx)
      .filter((x) => x.endpoint.type === 'Gateway')
      .map<Report>(({ repo, endpoint }) => ({
        message: `Repository ${name(ctx.index.nameOf(repo.id))} uses ${name(ctx.index.nameOf(endpoint.id))}, an S3 gateway endpoint; private network deployment needs an S3 interface endpoint. Create an S3 interface endpoint in ${repo.region} and pick it in the repository settings.`,
        elements: [repo.id, endpoint.id],
        ...flowOf(ctx, repo.id, 'gateway'),
      }));
  },
};

export const endpointS3RegionMismatch: Rule = {
  meta: {
    id: 'endpoint/s3-region-mismatch',
    severity: 'error',
    title: "Repository's S3 endpoint is in another region",
    explanation:
      "An S3 endpoint serves buckets of its own region only (com.amazonaws.<region>.s3), so a repository's endpoint must be in the bucket's region.",
    sources: [VEEAM.enablePrivate, AWS.s3Interface],
    fixable: false,
  },
  check(ctx) {
    return repositoryEndpoints(ctx)
      .filter((x) => x.vpc.region !== x.repo.region)
      .map<Report>(({ repo, endpoint, vpc }) => ({
        message: `Repository ${name(ctx.index.nameOf(repo.id))} keeps its bucket in ${repo.region}, but its S3 endpoint ${name(ctx.index.nameOf(endpoint.id))} is in ${vpc.region} (VPC ${name(ctx.index.nameOf(vpc.id))}). Use an S3 interface endpoint in a VPC of ${repo.region}.`,
        elements: [repo.id, endpoint.id],
      }));
  },
};

export const repositoryNoEndpoint: Rule = {
  meta: {
    id: 'repository/no-endpoint',
    severity: 'error',
    title: 'Used repository has no S3 endpoint',
    explanation:
      'With private network deployment on, workers write to and read from a repository only through the S3 interface endpoint selected in its settings; a repository without one cannot be used.',
    sources: [VEEAM.enablePrivate, VEEAM.addS3Endpoint],
    fixable: true,
  },
  check(ctx) {
    const { usedRepositories } = analysisOf(ctx).requirements;
    const findings: Report[] = [];
    for (const [repoId, ops] of usedRepositories) {
      const repo = ctx.index.repositories.get(repoId)?.element;
      if (!repo || repo.s3Endpoint !== undefined) continue;
      findings.push({
        message: `Repository ${name(ctx.index.nameOf(repo.id))} has no S3 endpoint, but ${opsLabel(ctx, ops)} use it with private network deployment on. Create an S3 interface endpoint in ${repo.region} and pick it in the repository settings.`,
        elements: [repo.id, ...ops],
        ...flowOf(ctx, repo.id, 'no-s3-endpoint'),
        ...withFix(repositoryEndpointFix(ctx.design, repo)),
      });
    }
    return findings;
  },
};
