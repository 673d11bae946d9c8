// Round trip: export a design to Terraform, describe what applying it would create as the AWS CLI's
// JSON, import that: the same network comes back.
import { describe, expect, it } from 'vitest';
import { exportTerraform } from '../../src/export/index';
import { importAws } from '../../src/import/aws/index';
import { generateDesign } from '../../src/model/generate';
import type { Design } from '../../src/model/schema';
import { validate } from '../../src/rules/registry';
import { example } from '../rules/helpers';
import { describeTerraform } from './terraform-apply';

/** The network of a design, as AWS would show it: account numbers, rules and routes in a stable order. */
function network(design: Design) {
  const number = (id: string) => design.accounts.find((a) => a.id === id)?.accountId;
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
        routeTables: sorted(v.routeTables.map((t) => ({ id: t.id, main: t.main, routes: sorted(t.routes) }))),
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
  };
}

const designs: [string, Design][] = [
  ['Example 1', example(1)],
  ['Example 2', example(2)],
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
