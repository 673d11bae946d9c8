// Round trip: export a design to Terraform, describe what applying it would create as the AWS CLI's
// JSON, import that: the same network comes back.
import { describe, expect, it } from 'vitest';
import { exportTerraform } from '../../src/export/index';
import { importAws } from '../../src/import/aws/index';
import { generateDesign } from '../../src/model/generate';
import type { Design } from '../../src/model/schema';
import { validate } from '../../src/rules/registry';
import { edit, example } from '../rules/helpers';
import { sameRegionHub } from '../rules/tgw-variants';
import { describeTerraform } from './terraform-apply';

/** The network of a design, as AWS would show it: account numbers, rules and routes in a stable order. */
function network(design: Design) {
  const number = (id: string) => design.accounts.find((a) => a.id === id)?.accountId;
  // AWS hands out new ids for TGWs, their tables and attachments (outputs.tf does not name them):
  // those elements are known by their names, which the export tags them with.
  const tgwName = (id: string | undefined) =>
    id === undefined ? undefined : (design.transitGateways.find((t) => t.id === id)?.name ?? `? ${id}`);
  const tables = design.transitGateways.flatMap((t) => t.routeTables.map((table) => ({ t, table })));
  const tableName = (id: string | undefined) =>
    id === undefined ? undefined : (tables.find((x) => x.table.id === id)?.table.name ?? `? ${id}`);
  const attachmentName = (id: string | undefined) =>
    id === undefined
      ? undefined
      : (design.transitGatewayAttachments.find((a) => a.id === id)?.name ?? `? ${id}`);
  // Field order is not part of the network (the loader appends defaults after the given fields).
  const canonical = (x: unknown) =>
    JSON.stringify(x, (_key, value: unknown) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : value,
    );
  const sorted = <T>(xs: readonly T[]) => [...xs].map(canonical).sort();
  return {
    vpcs: [...design.vpcs]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((v) => ({
        id: v.id,
        name: v.name || v.id,
        account: number(v.account),
        region: v.region,
        cidr: v.cidr,
        secondaryCidrs: v.secondaryCidrs,
        dns: [v.dnsSupport, v.dnsHostnames],
        subnets: sorted(
          v.subnets.map((s) => ({ ...s, routeTable: s.routeTable ?? v.routeTables.find((t) => t.main)?.id })),
        ),
        routeTables: sorted(
          v.routeTables.map((t) => ({
            id: t.id,
            main: t.main,
            routes: sorted(
              t.routes.map((r) =>
                r.transitGateway ? { ...r, transitGateway: tgwName(r.transitGateway) } : r,
              ),
            ),
          })),
        ),
        securityGroups: sorted(
          v.securityGroups.map((g) => ({
            id: g.id,
            ingress: sorted(
              g.ingress.map((r) => ({
                ...r,
                ...(r.protocol === '-1' ? { fromPort: undefined, toPort: undefined } : {}),
              })),
            ),
            egress: sorted(
              g.egress.map((r) => ({
                ...r,
                ...(r.protocol === '-1' ? { fromPort: undefined, toPort: undefined } : {}),
              })),
            ),
          })),
        ),
        // The export names an unnamed endpoint after its service; the rest must match.
        endpoints: sorted(
          v.endpoints.map(({ name: _n, ...e }) => (e.type === 'Gateway' ? { ...e, privateDns: false } : e)),
        ),
      })),
    // Unnamed elements are tagged with their id by the export.
    peerings: sorted(
      design.peerings.map((p) => ({
        id: p.id,
        name: p.name || p.id,
        requester: p.requester,
        accepter: p.accepter,
      })),
    ),
    transitGateways: sorted(
      design.transitGateways.map((t) => ({
        name: t.name,
        account: number(t.account),
        region: t.region,
        asn: t.asn,
        securityGroupReferencing: t.securityGroupReferencing,
        sharedWith: t.sharedWith.map(number).sort(),
        routeTables: sorted(
          t.routeTables.map((table) => ({
            name: table.name,
            routes: sorted(
              table.routes.map((r) => ({
                destination: r.destination,
                ...(r.blackhole ? { blackhole: true } : { attachment: attachmentName(r.attachment) }),
              })),
            ),
          })),
        ),
      })),
    ),
    // What an attachment does, whichever way it is written: the table it is associated with and the
    // tables it propagates to (the TGW's defaults where the design leaves them out), and a peering
    // attachment as its two sides, each with its association.
    transitGatewayAttachments: sorted(
      design.transitGatewayAttachments.map((a) => {
        const tgw = design.transitGateways.find((t) => t.id === a.transitGateway);
        if (a.vpc === undefined) {
          const peer = design.transitGateways.find((t) => t.id === a.peerTransitGateway);
          const sides = [
            { tgw: tgw?.name, table: tableName(a.routeTable ?? tgw?.defaultAssociationRouteTable) },
            { tgw: peer?.name, table: tableName(a.peerRouteTable ?? peer?.defaultAssociationRouteTable) },
          ];
          return { name: a.name, peering: sorted(sides), status: a.status };
        }
        const propagations =
          a.propagations ?? (tgw?.defaultPropagationRouteTable ? [tgw.defaultPropagationRouteTable] : []);
        return {
          name: a.name,
          transitGateway: tgw?.name,
          vpc: a.vpc,
          subnets: [...a.subnets].sort(),
          routeTable: tableName(a.routeTable ?? tgw?.defaultAssociationRouteTable),
          propagations: propagations.map(tableName).sort(),
          securityGroupReferencing: a.securityGroupReferencing !== false,
          status: a.status,
        };
      }),
    ),
  };
}

/** A TGW with referencing on and a blackhole route, whose attachments are written both ways. */
function referencingHub(): Design {
  return edit(sameRegionHub(), (d) => {
    const use1 = d.transitGateways.find((t) => t.id === 'tgw-use1')!;
    use1.securityGroupReferencing = true;
    use1.routeTables[0]!.routes.push({ destination: '10.99.0.0/16', blackhole: true });
    d.transitGatewayAttachments.find((a) => a.id === 'tgw-attach-repo')!.securityGroupReferencing = false;
  });
}

const designs: [string, Design][] = [
  ['Example 1', example(1)],
  ['Example 2', example(2)],
  ['Example 3 (Transit Gateway hub)', example(3)],
  ['Example 3 rebuilt on one TGW, referencing on, one attachment opting out', referencingHub()],
  ['a generated design of 12 VPCs', generateDesign({ vpcs: 12, seed: 7 })],
];

describe('Terraform → what AWS would describe → import', () => {
  it.each(designs)('%s: the same network comes back', (_label, design) => {
    const files = exportTerraform(design, validate(design));
    const imported = importAws(describeTerraform(files));
    expect(imported.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(network(imported.design)).toEqual(network(design));
  });
});
