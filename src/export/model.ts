// What both exporters need to know beyond the design itself: which (account, region) scopes exist,
// which peerings join two real VPCs and whether they cross accounts or regions, and lookups by id.
// Anything that does not resolve (a dangling reference) is left out of the output and noted there;
// the structural rules already report it as a finding.
import { indexDesign, type DesignIndex } from '../model/design-index';
import type {
  Account,
  Design,
  Peering,
  SecurityGroup,
  TgwAttachment,
  TransitGateway,
  Vpc,
} from '../model/schema';

/** Where a stack or a provider configuration lives: one account, one region. */
export interface Scope {
  key: string;
  /** The design's account element id (the VPC's `account`). */
  accountRef: string;
  account?: Account;
  region: string;
  vpcs: Vpc[];
}

export interface ResolvedPeering {
  peering: Peering;
  requester: Vpc;
  accepter: Vpc;
  crossAccount: boolean;
  crossRegion: boolean;
}

export interface ExportModel {
  design: Design;
  index: DesignIndex;
  /** In order of first appearance in `design.vpcs`. */
  scopes: Scope[];
  /**
   * `scopes`, then the (account, region) pairs only Transit Gateways need: a TGW's own, and where a
   * RAM share to another account is accepted (the TGW's region in that account).
   */
  allScopes: Scope[];
  /** The scope of an account in a region, if any element lives there. */
  scopeAt(accountRef: string, region: string): Scope | undefined;
  scopeOf(vpc: Vpc): Scope;
  /** Peerings whose requester and accepter VPCs both exist, in design order. */
  peerings: ResolvedPeering[];
  peering(id: string): ResolvedPeering | undefined;
  /** The VPC that holds a security group, if the group exists. */
  groupVpc(id: string): { group: SecurityGroup; vpc: Vpc } | undefined;
  /** The peering that joins two VPCs (either way round), the first one in design order. */
  linkBetween(a: Vpc, b: Vpc): ResolvedPeering | undefined;
  /** VPCs that have at least one route of the given gateway kind. */
  usesGateway(vpc: Vpc, gateway: 'internet' | 'nat'): boolean;
  /** Peerings that are declared but cannot be exported (a VPC is missing), for notes. */
  unresolvedPeerings: Peering[];
}

/** A peering needs an accepter side (and for CloudFormation a role) unless both ends share account and region. */
export function needsAccepter(p: ResolvedPeering): boolean {
  return p.crossAccount || p.crossRegion;
}

export function buildExportModel(design: Design): ExportModel {
  const index = indexDesign(design);
  const scopes: Scope[] = [];
  const byKey = new Map<string, Scope>();
  const scopeByVpc = new Map<Vpc, Scope>();
  for (const vpc of design.vpcs) {
    const key = JSON.stringify([vpc.account, vpc.region]);
    let scope = byKey.get(key);
    if (!scope) {
      scope = {
        key,
        accountRef: vpc.account,
        account: index.accounts.get(vpc.account)?.element,
        region: vpc.region,
        vpcs: [],
      };
      byKey.set(key, scope);
      scopes.push(scope);
    }
    scope.vpcs.push(vpc);
    scopeByVpc.set(vpc, scope);
  }

  const allScopes = [...scopes];
  const addScope = (accountRef: string, region: string) => {
    const key = JSON.stringify([accountRef, region]);
    if (byKey.has(key)) return;
    const scope = { key, accountRef, account: index.accounts.get(accountRef)?.element, region, vpcs: [] };
    byKey.set(key, scope);
    allScopes.push(scope);
  };
  for (const tgw of design.transitGateways ?? []) {
    addScope(tgw.account, tgw.region);
    for (const account of tgw.sharedWith) if (account !== tgw.account) addScope(account, tgw.region);
  }

  const peerings: ResolvedPeering[] = [];
  const unresolvedPeerings: Peering[] = [];
  const byId = new Map<string, ResolvedPeering>();
  const vpcNumber = new Map(design.vpcs.map((v, i) => [v, i]));
  const pairKey = (a: Vpc, b: Vpc) => `${vpcNumber.get(a)} ${vpcNumber.get(b)}`;
  const byPair = new Map<string, ResolvedPeering>();
  for (const peering of design.peerings) {
    const requester = index.vpcs.get(peering.requester)?.element;
    const accepter = index.vpcs.get(peering.accepter)?.element;
    if (!requester || !accepter || requester === accepter) {
      unresolvedPeerings.push(peering);
      continue;
    }
    const resolved: ResolvedPeering = {
      peering,
      requester,
      accepter,
      crossAccount: requester.account !== accepter.account,
      crossRegion: requester.region !== accepter.region,
    };
    peerings.push(resolved);
    if (!byId.has(peering.id)) byId.set(peering.id, resolved);
    for (const key of [pairKey(requester, accepter), pairKey(accepter, requester)])
      if (!byPair.has(key)) byPair.set(key, resolved);
  }

  return {
    design,
    index,
    scopes,
    allScopes,
    scopeAt: (accountRef, region) => byKey.get(JSON.stringify([accountRef, region])),
    scopeOf: (vpc) => {
      const scope = scopeByVpc.get(vpc);
      if (!scope) throw new Error(`export: VPC ${vpc.id} is not part of the design`);
      return scope;
    },
    peerings,
    peering: (id) => byId.get(id),
    linkBetween: (a, b) => byPair.get(pairKey(a, b)),
    groupVpc: (id) => {
      const located = index.securityGroups.get(id);
      return located?.vpc ? { group: located.element, vpc: located.vpc } : undefined;
    },
    usesGateway: (vpc, gateway) => vpc.routeTables.some((t) => t.routes.some((r) => r.gateway === gateway)),
    unresolvedPeerings,
  };
}

/**
 * Whether a VPC has an S3 gateway endpoint. An S3 interface endpoint with private DNS may limit
 * private DNS to inbound resolver endpoints (AWS's default) only when one exists; without it AWS
 * rejects the endpoint, so the exports turn that limit off.
 */
export function hasS3Gateway(vpc: Vpc): boolean {
  return vpc.endpoints.some((e) => e.service === 's3' && e.type === 'Gateway');
}

/** The route table a subnet uses: its own, or its VPC's main table when it names none. */
export function mainRouteTable(vpc: Vpc) {
  return vpc.routeTables.find((t) => t.main);
}

/**
 * A VPC attachment's security group referencing option, written out where it matters: wherever
 * the TGW has it on (the attachment must too for references to resolve) or the design turns it
 * off. Left to AWS's default otherwise.
 */
export function attachmentReferencing(tgw: TransitGateway, a: TgwAttachment): boolean | undefined {
  return tgw.securityGroupReferencing || a.securityGroupReferencing === false
    ? a.securityGroupReferencing !== false
    : undefined;
}
