// VPC endpoint commands: add (a drawn endpoint, or a fix's interface endpoint with its group),
// private DNS, subnets, and folding a duplicate into the one kept.
import { defineCommand, freshId, updateVpc, vpcHolding } from '../command';
import { createEndpointGroup, createInterfaceEndpoint } from '../kinds';
import type { Design, Endpoint, SecurityGroup } from '../schema';
import { nameOf } from './helpers';

/** An interface endpoint the command names itself (`vpce-<service>-<vpc>`), as fixes ask for one. */
export interface NewInterfaceEndpoint {
  service: string;
  subnets: string[];
  securityGroups: string[];
  privateDns: boolean;
}

export interface AddEndpoint {
  vpc: string;
  /** The endpoint as drawn, with its id, or a new interface endpoint without one. */
  endpoint: Endpoint | NewInterfaceEndpoint;
  /** Creates a group for the endpoint admitting tcp/443 from `ingressCidr`, when no existing one fits. */
  createGroup?: { name: string; ingressCidr: string };
  /**
   * Add it even when the VPC has an endpoint of that type for the service (the canvas: the
   * duplicate rule then reports it). Otherwise that is a no-op, so overlapping fixes add one.
   */
  allowDuplicate?: boolean;
}

const isDrawn = (e: AddEndpoint['endpoint']): e is Endpoint => 'id' in e;

export const addEndpoint = defineCommand<AddEndpoint>({
  type: 'endpoint/add',
  describe: (p, d) =>
    `Added ${p.endpoint.service} ${isDrawn(p.endpoint) && p.endpoint.type === 'Gateway' ? 'gateway' : 'interface'} endpoint to VPC "${nameOf(d, p.vpc)}"${p.createGroup ? ` with new security group "${p.createGroup.name}"` : ''}`,
  perform(design, p) {
    const vpc = design.vpcs.find((v) => v.id === p.vpc);
    const type = isDrawn(p.endpoint) ? p.endpoint.type : 'Interface';
    if (!vpc) return design;
    if (!p.allowDuplicate && vpc.endpoints.some((e) => e.type === type && e.service === p.endpoint.service))
      return design;
    const groups = [...p.endpoint.securityGroups];
    const newGroups: SecurityGroup[] = [];
    if (p.createGroup) {
      const groupId = freshId(design, `sg-endpoints-${vpc.id.replace(/^vpc-/, '')}`);
      newGroups.push({
        ...createEndpointGroup({ id: groupId, from: p.createGroup.ingressCidr }),
        name: p.createGroup.name,
      });
      groups.push(groupId);
    }
    const endpoint: Endpoint = isDrawn(p.endpoint)
      ? { ...p.endpoint, securityGroups: groups }
      : createInterfaceEndpoint({
          id: freshId(design, `vpce-${p.endpoint.service}-${vpc.id.replace(/^vpc-/, '')}`),
          service: p.endpoint.service,
          subnets: [...p.endpoint.subnets],
          securityGroups: groups,
          privateDns: p.endpoint.privateDns,
        });
    return updateVpc(design, vpc.id, (v) => ({
      ...v,
      securityGroups: [...v.securityGroups, ...newGroups],
      endpoints: [...v.endpoints, endpoint],
    }));
  },
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
  type: 'endpoint/set-private-dns',
  describe: (p, d) =>
    `Turned private DNS ${p.privateDns ? 'on' : 'off'} for endpoint "${nameOf(d, p.endpoint)}"`,
  perform: (design, p) =>
    updateEndpoint(design, p.endpoint, (e) =>
      e.privateDns === p.privateDns ? e : { ...e, privateDns: p.privateDns },
    ),
});

export const addEndpointSubnet = defineCommand<{ endpoint: string; subnet: string }>({
  type: 'endpoint/add-subnet',
  describe: (p, d) => `Added subnet "${nameOf(d, p.subnet)}" to endpoint "${nameOf(d, p.endpoint)}"`,
  perform: (design, p) =>
    updateEndpoint(design, p.endpoint, (e) =>
      e.subnets.includes(p.subnet) ? e : { ...e, subnets: [...e.subnets, p.subnet] },
    ),
});

/** Folds `drop` into `keep` (its AZs and groups) and points repositories at the one kept. */
export const removeDuplicateEndpoint = defineCommand<{ keep: string; drop: string }>({
  type: 'endpoint/remove-duplicate',
  describe: (p, d) => `Removed duplicate endpoint "${nameOf(d, p.drop)}", keeping "${nameOf(d, p.keep)}"`,
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
