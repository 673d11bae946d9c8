// Network edits that fixes apply (and the canvas and inspector reuse): routes, security-group
// rules, peering acceptance, DNS attributes, interface endpoints, subnet public-IP mapping.
// Each command is idempotent where that is natural (adding what already exists changes nothing),
// so applying a batch of fixes that overlap is safe.
import { defineCommand, freshId, updateVpc as replaceVpc, vpcHolding } from '../command';
import { createEndpointGroup, createInterfaceEndpoint, createRouteTable } from '../kinds';
import type { Design, Endpoint, RouteTable, SecurityGroup, SgRule, Vpc } from '../schema';

/** Like updateVpc, but a no-op update returns the very same design (so callers can see nothing changed). */
function updateVpc(design: Design, id: string, update: (vpc: Vpc) => Vpc): Design {
  const vpc = design.vpcs.find((v) => v.id === id);
  if (!vpc) return design;
  const next = update(vpc);
  return next === vpc ? design : replaceVpc(design, id, () => next);
}

function nameIn(design: Design, id: string): string {
  for (const v of design.vpcs) {
    if (v.id === id) return v.name || id;
    for (const list of [v.subnets, v.routeTables, v.securityGroups, v.endpoints] as {
      id: string;
      name?: string;
    }[][]) {
      const hit = list.find((x) => x.id === id);
      if (hit) return hit.name || id;
    }
  }
  const p = design.peerings.find((x) => x.id === id);
  return p?.name || id;
}

function updateTable(vpc: Vpc, tableId: string, update: (t: RouteTable) => RouteTable): Vpc {
  let changed = false;
  const routeTables = vpc.routeTables.map((t) => {
    if (t.id !== tableId) return t;
    const next = update(t);
    changed ||= next !== t;
    return next;
  });
  return changed ? { ...vpc, routeTables } : vpc;
}

export const addRoute = defineCommand<{
  vpc: string;
  routeTable?: string;
  destination: string;
  peering: string;
}>({
  type: 'network.addRoute',
  describe: (p, d) =>
    `Added route ${p.destination} → peering "${nameIn(d, p.peering)}" to ${p.routeTable ? `route table "${nameIn(d, p.routeTable)}"` : `the main route table of VPC "${nameIn(d, p.vpc)}"`}`,
  perform(design, p) {
    return updateVpc(design, p.vpc, (vpc) => {
      let tableId = p.routeTable ?? vpc.routeTables.find((t) => t.main)?.id;
      let next = vpc;
      if (!tableId || !vpc.routeTables.some((t) => t.id === tableId)) {
        if (p.routeTable !== undefined) return vpc;
        tableId = freshId(design, `rt-${vpc.id}`);
        next = {
          ...vpc,
          routeTables: [...vpc.routeTables, createRouteTable({ id: tableId, main: true })],
        };
      }
      const table = next.routeTables.find((t) => t.id === tableId)!;
      if (table.routes.some((r) => r.destination === p.destination)) return vpc === next ? vpc : next;
      return updateTable(next, tableId, (t) => ({
        ...t,
        routes: [...t.routes, { destination: p.destination, peering: p.peering }],
      }));
    });
  },
});

export const setRouteTarget = defineCommand<{ routeTable: string; destination: string; peering: string }>({
  type: 'network.setRouteTarget',
  describe: (p, d) =>
    `Pointed route ${p.destination} in route table "${nameIn(d, p.routeTable)}" at peering "${nameIn(d, p.peering)}"`,
  perform(design, p) {
    const vpc = vpcHolding(design, p.routeTable);
    const table = vpc?.routeTables.find((t) => t.id === p.routeTable);
    const route = table?.routes.find((r) => r.destination === p.destination);
    if (!vpc || !route || (route.peering === p.peering && route.gateway === undefined)) return design;
    return updateVpc(design, vpc.id, (v) =>
      updateTable(v, p.routeTable, (t) => ({
        ...t,
        routes: t.routes.map((r) => {
          if (r.destination !== p.destination) return r;
          const { gateway: _g, ...rest } = r;
          return { ...rest, peering: p.peering };
        }),
      })),
    );
  },
});

export interface NewSgRule {
  protocol: SgRule['protocol'];
  fromPort?: number;
  toPort?: number;
  cidr?: string;
  securityGroup?: string;
  description?: string;
}

const sameRule = (a: SgRule, b: NewSgRule) =>
  a.protocol === b.protocol &&
  a.fromPort === b.fromPort &&
  a.toPort === b.toPort &&
  a.cidr === b.cidr &&
  a.securityGroup === b.securityGroup;

export const addSgRule = defineCommand<{ group: string; direction: 'ingress' | 'egress'; rule: NewSgRule }>({
  type: 'network.addSgRule',
  describe: (p, d) =>
    `Added ${p.direction} rule ${p.rule.protocol === '-1' ? 'all traffic' : `${p.rule.protocol}/${p.rule.fromPort ?? '*'}`} ${p.direction === 'ingress' ? 'from' : 'to'} ${p.rule.cidr ?? `group "${nameIn(d, p.rule.securityGroup ?? '')}"`} to security group "${nameIn(d, p.group)}"`,
  perform(design, p) {
    const vpc = vpcHolding(design, p.group);
    const group = vpc?.securityGroups.find((g) => g.id === p.group);
    if (!vpc || !group || group[p.direction].some((r) => sameRule(r, p.rule))) return design;
    return updateVpc(design, vpc.id, (v) => ({
      ...v,
      securityGroups: v.securityGroups.map((g) =>
        g.id !== p.group || g[p.direction].some((r) => sameRule(r, p.rule))
          ? g
          : { ...g, [p.direction]: [...g[p.direction], { ...p.rule }] },
      ),
    }));
  },
});

export const acceptPeering = defineCommand<{ peering: string }>({
  type: 'network.acceptPeering',
  describe: (p, d) => `Accepted peering "${nameIn(d, p.peering)}"`,
  perform(design, p) {
    if (!design.peerings.some((x) => x.id === p.peering && x.status !== 'active')) return design;
    return {
      ...design,
      peerings: design.peerings.map((x) => (x.id === p.peering ? { ...x, status: 'active' as const } : x)),
    };
  },
});

export const setDnsAttributes = defineCommand<{ vpc: string; dnsSupport: boolean; dnsHostnames: boolean }>({
  type: 'network.setDnsAttributes',
  describe: (p, d) =>
    `Set DNS support ${p.dnsSupport ? 'on' : 'off'} and DNS hostnames ${p.dnsHostnames ? 'on' : 'off'} for VPC "${nameIn(d, p.vpc)}"`,
  perform: (design, p) =>
    updateVpc(design, p.vpc, (v) =>
      v.dnsSupport === p.dnsSupport && v.dnsHostnames === p.dnsHostnames
        ? v
        : { ...v, dnsSupport: p.dnsSupport, dnsHostnames: p.dnsHostnames },
    ),
});

function updateEndpoint(design: Design, endpointId: string, update: (e: Endpoint) => Endpoint): Design {
  const vpc = vpcHolding(design, endpointId);
  const endpoint = vpc?.endpoints.find((e) => e.id === endpointId);
  if (!vpc || !endpoint) return design;
  const next = update(endpoint);
  if (next === endpoint) return design;
  return updateVpc(design, vpc.id, (v) => ({
    ...v,
    endpoints: v.endpoints.map((e) => (e.id === endpointId ? next : e)),
  }));
}

export const setEndpointPrivateDns = defineCommand<{ endpoint: string; privateDns: boolean }>({
  type: 'network.setEndpointPrivateDns',
  describe: (p, d) =>
    `Turned private DNS ${p.privateDns ? 'on' : 'off'} for endpoint "${nameIn(d, p.endpoint)}"`,
  perform: (design, p) =>
    updateEndpoint(design, p.endpoint, (e) =>
      e.privateDns === p.privateDns ? e : { ...e, privateDns: p.privateDns },
    ),
});

export const addEndpointSubnet = defineCommand<{ endpoint: string; subnet: string }>({
  type: 'network.addEndpointSubnet',
  describe: (p, d) => `Added subnet "${nameIn(d, p.subnet)}" to endpoint "${nameIn(d, p.endpoint)}"`,
  perform: (design, p) =>
    updateEndpoint(design, p.endpoint, (e) =>
      e.subnets.includes(p.subnet) ? e : { ...e, subnets: [...e.subnets, p.subnet] },
    ),
});

export const addEndpoint = defineCommand<{
  vpc: string;
  service: string;
  subnets: string[];
  securityGroups: string[];
  privateDns: boolean;
  /** Creates a group for the endpoint admitting tcp/443 from `ingressCidr` when no existing one fits. */
  createGroup?: { name: string; ingressCidr: string };
}>({
  type: 'network.addEndpoint',
  describe: (p, d) =>
    `Added ${p.service} interface endpoint to VPC "${nameIn(d, p.vpc)}"${p.createGroup ? ` with new security group "${p.createGroup.name}"` : ''}`,
  perform(design, p) {
    const vpc = design.vpcs.find((v) => v.id === p.vpc);
    if (!vpc || vpc.endpoints.some((e) => e.type === 'Interface' && e.service === p.service)) return design;
    const endpointId = freshId(design, `vpce-${p.service}-${vpc.id.replace(/^vpc-/, '')}`);
    const groups = [...p.securityGroups];
    const newGroups: SecurityGroup[] = [];
    if (p.createGroup) {
      const groupId = freshId(design, `sg-endpoints-${vpc.id.replace(/^vpc-/, '')}`);
      newGroups.push({
        ...createEndpointGroup({ id: groupId, from: p.createGroup.ingressCidr }),
        name: p.createGroup.name,
      });
      groups.push(groupId);
    }
    const endpoint = createInterfaceEndpoint({
      id: endpointId,
      service: p.service,
      subnets: [...p.subnets],
      securityGroups: groups,
      privateDns: p.privateDns,
    });
    return updateVpc(design, vpc.id, (v) => ({
      ...v,
      securityGroups: [...v.securityGroups, ...newGroups],
      endpoints: [...v.endpoints, endpoint],
    }));
  },
});

export const removeDuplicateEndpoint = defineCommand<{ keep: string; drop: string }>({
  type: 'network.removeDuplicateEndpoint',
  describe: (p, d) => `Removed duplicate endpoint "${nameIn(d, p.drop)}", keeping "${nameIn(d, p.keep)}"`,
  perform(design, p) {
    const vpc = vpcHolding(design, p.keep);
    if (!vpc || vpcHolding(design, p.drop)?.id !== vpc.id || p.keep === p.drop) return design;
    const keep = vpc.endpoints.find((e) => e.id === p.keep)!;
    const drop = vpc.endpoints.find((e) => e.id === p.drop)!;
    // An endpoint takes one subnet per Availability Zone: carry over only AZs the kept one lacks.
    const azOf = (s: string) => vpc.subnets.find((x) => x.id === s)?.az;
    const covered = new Set(keep.subnets.map(azOf));
    const subnets = [...keep.subnets];
    for (const s of drop.subnets) {
      const az = azOf(s);
      if (!covered.has(az)) {
        covered.add(az);
        subnets.push(s);
      }
    }
    const merged: Endpoint = {
      ...keep,
      subnets,
      securityGroups: [...new Set([...keep.securityGroups, ...drop.securityGroups])],
    };
    const next = updateVpc(design, vpc.id, (v) => ({
      ...v,
      endpoints: v.endpoints.filter((e) => e.id !== p.drop).map((e) => (e.id === p.keep ? merged : e)),
    }));
    const layout =
      next.layout && p.drop in next.layout
        ? Object.fromEntries(Object.entries(next.layout).filter(([k]) => k !== p.drop))
        : next.layout;
    return {
      ...next,
      ...(layout ? { layout } : {}),
      repositories: next.repositories.map((r) =>
        r.s3Endpoint === p.drop ? { ...r, s3Endpoint: p.keep } : r,
      ),
    };
  },
});

export const setSubnetPublicIp = defineCommand<{ subnet: string; mapPublicIpOnLaunch: boolean }>({
  type: 'network.setSubnetPublicIp',
  describe: (p, d) =>
    `Turned public IP mapping ${p.mapPublicIpOnLaunch ? 'on' : 'off'} for subnet "${nameIn(d, p.subnet)}"`,
  perform(design, p) {
    const vpc = vpcHolding(design, p.subnet);
    if (!vpc || vpc.subnets.find((s) => s.id === p.subnet)?.mapPublicIpOnLaunch === p.mapPublicIpOnLaunch)
      return design;
    return updateVpc(design, vpc.id, (v) => ({
      ...v,
      subnets: v.subnets.map((s) =>
        s.id === p.subnet ? { ...s, mapPublicIpOnLaunch: p.mapPublicIpOnLaunch } : s,
      ),
    }));
  },
});
