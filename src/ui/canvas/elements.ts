// Where an element shows on the canvas. Accounts, VPCs, subnets and repositories are nodes,
// Transit Gateways are nodes too; peerings and TGW attachments are edges; everything else is drawn inside one of them (a route table or a group in
// its VPC, an endpoint in its subnets, the appliance and worker configurations in their subnet).
import type { Design } from '../../model/schema';
import type { Finding, Severity } from '../../rules/types';

export interface CanvasPlace {
  node?: string;
  edge?: string;
}

export interface ElementPlaces {
  placeOf(id: string): CanvasPlace | undefined;
}

export function elementPlaces(design: Design): ElementPlaces {
  const places = new Map<string, CanvasPlace>();
  for (const a of design.accounts) places.set(a.id, { node: a.id });
  for (const v of design.vpcs) {
    places.set(v.id, { node: v.id });
    for (const s of v.subnets) places.set(s.id, { node: s.id });
    for (const t of v.routeTables) places.set(t.id, { node: v.id });
    for (const g of v.securityGroups) places.set(g.id, { node: v.id });
    for (const e of v.endpoints) {
      const subnet = e.subnets.find((s) => v.subnets.some((x) => x.id === s));
      places.set(e.id, { node: subnet ?? v.id });
    }
  }
  for (const r of design.repositories) places.set(r.id, { node: r.id });
  for (const p of design.peerings) places.set(p.id, { edge: p.id });
  for (const t of design.transitGateways) {
    places.set(t.id, { node: t.id });
    for (const r of t.routeTables) places.set(r.id, { node: t.id });
  }
  for (const a of design.transitGatewayAttachments) places.set(a.id, { edge: a.id });
  for (const w of design.workerConfigurations)
    if (places.has(w.subnet)) places.set(w.id, places.get(w.subnet)!);
  const a = design.appliance;
  if (a && places.has(a.subnet)) places.set(a.id, places.get(a.subnet)!);
  return { placeOf: (id) => places.get(id) };
}

export interface Issues {
  severity: Severity;
  count: number;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The worst severity and number of findings per node id and per edge id. */
export function issuesByPlace(design: Design, findings: readonly Finding[]): Map<string, Issues> {
  const { placeOf } = elementPlaces(design);
  const out = new Map<string, Issues>();
  for (const f of findings) {
    const seen = new Set<string>();
    for (const id of f.elements) {
      const place = placeOf(id);
      const key = place?.node ?? place?.edge;
      if (!key || seen.has(key)) continue;
      seen.add(key);
      const prev = out.get(key);
      if (!prev) out.set(key, { severity: f.severity, count: 1 });
      else
        out.set(key, {
          severity: RANK[f.severity] < RANK[prev.severity] ? f.severity : prev.severity,
          count: prev.count + 1,
        });
    }
  }
  return out;
}
