// The Terraform address of every exported element, derived from element ids and, for routes and
// rules (which have no ids), from their content: exporting again after an edit keeps every other
// address, so `terraform plan` touches only what was edited. A collision (two ids that map to one
// label, or a duplicated route or rule, which AWS rejects anyway) falls back to `_2`, `_3` in design
// order — the only place where position still counts.
import type {
  Design,
  Route,
  RouteTable,
  SecurityGroup,
  SgRule,
  Vpc,
  Endpoint,
  Peering,
  Subnet,
  TgwAttachment,
  TgwRoute,
  TgwRouteTable,
  TransitGateway,
} from '../../model/schema';
import { identifierSlug, terraformLabel } from '../labels';
import type { Scope } from '../model';
import { NameRegistry } from '../text';

export type Direction = 'ingress' | 'egress';

/** The labels this export gives to design elements, by resource type; tests plan against them. */
export interface TerraformLabels {
  provider(scope: Scope): string;
  vpc(vpc: Vpc): string;
  subnet(subnet: Subnet): string;
  routeTable(table: RouteTable): string;
  route(table: RouteTable, route: Route): string | undefined;
  securityGroup(group: SecurityGroup): string;
  rule(group: SecurityGroup, direction: Direction, rule: SgRule): string | undefined;
  endpoint(endpoint: Endpoint): string;
  peering(peering: Peering): string;
  transitGateway(tgw: TransitGateway): string;
  tgwRouteTable(table: TgwRouteTable): string;
  tgwRoute(route: TgwRoute): string | undefined;
  tgwAttachment(attachment: TgwAttachment): string;
  tgwPropagation(attachment: TgwAttachment, table: TgwRouteTable): string;
  roleVariable(accountRef: string): string;
  natVariable(vpc: Vpc): string;
}

const port = (n: number | undefined, fallback: string) =>
  n === undefined ? fallback : n < 0 ? 'any' : String(n);

/**
 * What a rule lets through, as an identifier: `tcp_443_10_0_0_0_16`, `all_sg_worker`. A CIDR's slug
 * starts with a digit and a group's label never does, so the two kinds cannot meet.
 */
export function ruleSlug(rule: SgRule): string {
  const protocol = rule.protocol === '-1' ? 'all' : rule.protocol;
  let ports = '';
  if (rule.protocol !== '-1') {
    const from = port(rule.fromPort, rule.protocol === 'icmp' ? 'any' : '0');
    const to = port(rule.toPort, rule.protocol === 'icmp' ? 'any' : '65535');
    ports = from === to ? `_${from}` : `_${from}_${to}`;
  }
  const peer = rule.cidr !== undefined ? identifierSlug(rule.cidr) : terraformLabel(rule.securityGroup ?? '');
  return `${protocol}${ports}_${peer}`;
}

export class Labeller implements TerraformLabels {
  private readonly registries = new Map<string, NameRegistry>();
  private readonly memo = new Map<string, Map<object, string>>();
  private readonly byKey = new Map<string, string>();
  private readonly routeLabels = new Map<Route, string>();
  private readonly ruleLabels = new Map<SgRule, string>();
  private readonly tgwRouteLabels = new Map<TgwRoute, string>();

  private registry(namespace: string): NameRegistry {
    let registry = this.registries.get(namespace);
    if (!registry) this.registries.set(namespace, (registry = new NameRegistry()));
    return registry;
  }

  private claim(namespace: string, element: object, preferred: () => string): string {
    let seen = this.memo.get(namespace);
    if (!seen) this.memo.set(namespace, (seen = new Map()));
    const known = seen.get(element);
    if (known) return known;
    const label = this.registry(namespace).claim(preferred());
    seen.set(element, label);
    return label;
  }

  private keyed(namespace: string, key: string, preferred: () => string): string {
    const k = JSON.stringify([namespace, key]);
    let label = this.byKey.get(k);
    if (!label) {
      label = this.registry(namespace).claim(preferred());
      this.byKey.set(k, label);
    }
    return label;
  }

  provider = (scope: Scope) =>
    this.keyed(
      'provider',
      scope.key,
      () => `${terraformLabel(scope.accountRef)}_${identifierSlug(scope.region)}`,
    );
  vpc = (vpc: Vpc) => this.claim('aws_vpc', vpc, () => terraformLabel(vpc.id));
  subnet = (s: Subnet) => this.claim('aws_subnet', s, () => terraformLabel(s.id));
  routeTable = (t: RouteTable) => this.claim('aws_route_table', t, () => terraformLabel(t.id));
  securityGroup = (g: SecurityGroup) => this.claim('aws_security_group', g, () => terraformLabel(g.id));
  endpoint = (e: Endpoint) => this.claim('aws_vpc_endpoint', e, () => terraformLabel(e.id));
  peering = (p: Peering) => this.claim('aws_vpc_peering_connection', p, () => terraformLabel(p.id));
  transitGateway = (t: TransitGateway) =>
    this.claim('aws_ec2_transit_gateway', t, () => terraformLabel(t.id));
  tgwRouteTable = (t: TgwRouteTable) =>
    this.claim('aws_ec2_transit_gateway_route_table', t, () => terraformLabel(t.id));
  tgwAttachment = (a: TgwAttachment) =>
    this.claim('aws_ec2_transit_gateway_attachment', a, () => terraformLabel(a.id));
  tgwRoute = (r: TgwRoute) => this.tgwRouteLabels.get(r);
  /** One propagation per (attachment, table): named after both, so neither's neighbours matter. */
  tgwPropagation = (a: TgwAttachment, t: TgwRouteTable) =>
    this.keyed(
      'aws_ec2_transit_gateway_route_table_propagation',
      JSON.stringify([a.id, t.id]),
      () => `${this.tgwAttachment(a)}_${this.tgwRouteTable(t)}`,
    );
  roleVariable = (accountRef: string) =>
    this.keyed('variable', `role:${accountRef}`, () => `${terraformLabel(accountRef)}_role_arn`);
  natVariable = (vpc: Vpc) => this.claim('variable', vpc, () => `${this.vpc(vpc)}_nat_gateway_id`);
  route = (_t: RouteTable, r: Route) => this.routeLabels.get(r);
  rule = (_g: SecurityGroup, _d: Direction, r: SgRule) => this.ruleLabels.get(r);

  /** Routes are named after their table and destination, rules after their group and what they allow. */
  nameRoutesAndRules(design: Design) {
    const routes = this.registry('aws_route');
    const rules = { ingress: this.registry('ingress_rule'), egress: this.registry('egress_rule') };
    for (const vpc of design.vpcs) {
      for (const table of vpc.routeTables) {
        const base = this.routeTable(table);
        for (const r of table.routes)
          this.routeLabels.set(r, routes.claim(`${base}_${identifierSlug(r.destination)}`));
      }
      for (const group of vpc.securityGroups) {
        const base = this.securityGroup(group);
        for (const direction of ['ingress', 'egress'] as const) {
          for (const r of group[direction])
            this.ruleLabels.set(r, rules[direction].claim(`${base}_${direction}_${ruleSlug(r)}`));
        }
      }
    }
    const tgwRoutes = this.registry('aws_ec2_transit_gateway_route');
    for (const tgw of design.transitGateways ?? []) {
      for (const table of tgw.routeTables) {
        const base = this.tgwRouteTable(table);
        for (const r of table.routes)
          this.tgwRouteLabels.set(r, tgwRoutes.claim(`${base}_${identifierSlug(r.destination)}`));
      }
    }
  }
}

/** Labels for a design, the same ones exportTerraform uses. */
export function terraformLabels(design: Design): TerraformLabels {
  const labels = new Labeller();
  labels.nameRoutesAndRules(design);
  return labels;
}
