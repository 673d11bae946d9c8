// Test helper: the same design with AWS-style ids (`vpc-0a1b2c3d`…) for its network elements, as an
// import of the real account would carry, and references (Veeam side, layout) renamed alike.
import type { Design } from '../../src/model/schema';

const PREFIX: [RegExp, string][] = [
  [/^tgw-rtb-/, 'tgw-rtb'],
  [/^tgw-attach-/, 'tgw-attach'],
  [/^tgw-/, 'tgw'],
  [/^vpce-/, 'vpce'],
  [/^vpc-/, 'vpc'],
  [/^sn-/, 'subnet'],
  [/^subnet-/, 'subnet'],
  [/^rt-/, 'rtb'],
  [/^rtb-/, 'rtb'],
  [/^sg-/, 'sg'],
  [/^pcx-/, 'pcx'],
];

function hex8(text: string): string {
  let h = 0x811c9dc5;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

export function withAwsIds(design: Design): { design: Design; ids: Map<string, string> } {
  const ids = new Map<string, string>();
  const network = [
    ...design.vpcs.flatMap((v) => [v, ...v.subnets, ...v.routeTables, ...v.securityGroups, ...v.endpoints]),
    ...design.peerings,
    ...design.transitGateways.flatMap((t) => [t, ...t.routeTables]),
    ...design.transitGatewayAttachments,
  ];
  for (const { id } of network) {
    const prefix = PREFIX.find(([re]) => re.test(id))?.[1];
    if (prefix) ids.set(id, `${prefix}-${hex8(id)}`);
  }
  const rename = (x: unknown): unknown => {
    if (typeof x === 'string') return ids.get(x) ?? x;
    if (Array.isArray(x)) return x.map(rename);
    if (x && typeof x === 'object')
      return Object.fromEntries(
        Object.entries(x).map(([k, v]) => [ids.get(k) ?? k, k === 'name' ? v : rename(v)]),
      );
    return x;
  };
  return { design: rename(design) as Design, ids };
}
