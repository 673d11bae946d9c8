// "Copy as Terraform / CloudFormation" for one element: export the design reduced to what the
// element needs (its VPC and account, the elements it refers to), once without and once with the
// element, and keep what the element added. The exporters stay the one source of the resources.
import { parse, stringify } from 'yaml';
import { exportCloudFormation, exportTerraform } from '../export/index';
import type { Design } from '../model/schema';

export type SnippetTarget = 'terraform' | 'cloudformation';

/** Ids the element refers to, which must exist for its resources to be exported as they are. */
function referencedBy(design: Design, id: string): string[] {
  for (const v of design.vpcs) {
    if (![v.subnets, v.routeTables, v.securityGroups, v.endpoints].some((l) => l.some((x) => x.id === id)))
      continue;
    return [v.id, ...referencedInVpc(design, v, id)];
  }
  const peering = design.peerings.find((p) => p.id === id);
  return peering ? [peering.requester, peering.accepter] : [];
}

function referencedInVpc(design: Design, v: Design['vpcs'][number], id: string): string[] {
  const subnet = v.subnets.find((s) => s.id === id);
  if (subnet) return subnet.routeTable ? [subnet.routeTable] : [];
  const table = v.routeTables.find((t) => t.id === id);
  if (table) {
    const peerings = design.peerings.filter((p) => table.routes.some((r) => r.peering === p.id));
    return peerings.flatMap((p) => [p.id, p.requester, p.accepter]);
  }
  const group = v.securityGroups.find((g) => g.id === id);
  if (group)
    return [...group.ingress, ...group.egress].flatMap((r) => (r.securityGroup ? [r.securityGroup] : []));
  const endpoint = v.endpoints.find((e) => e.id === id);
  if (endpoint) return [...endpoint.subnets, ...endpoint.securityGroups, ...endpoint.routeTables];
  return [];
}

/** The network of `design` holding only `keep` (and the VPCs and accounts around them). */
function reduced(design: Design, keep: ReadonlySet<string>): Design {
  const has = (x: { id: string }) => keep.has(x.id);
  const vpcs = design.vpcs
    .map((v) => ({
      ...v,
      subnets: v.subnets.filter(has),
      routeTables: v.routeTables.filter(has),
      securityGroups: v.securityGroups.filter(has),
      endpoints: v.endpoints.filter(has),
    }))
    .filter(
      (v) =>
        keep.has(v.id) ||
        v.subnets.length + v.routeTables.length + v.securityGroups.length + v.endpoints.length > 0,
    );
  const accounts = new Set(vpcs.map((v) => v.account));
  const { appliance: _a, layout: _l, backupAccount: _b, ...rest } = design;
  return {
    ...rest,
    accounts: design.accounts.filter((a) => accounts.has(a.id)),
    vpcs,
    peerings: design.peerings.filter(has),
    repositories: [],
    workerConfigurations: [],
    operations: [],
  };
}

function terraformResources(design: Design): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of exportTerraform(design, [])) {
    const lines = file.content.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const head = /^resource "([^"]+)" "([^"]+)" \{$/.exec(lines[i]!);
      if (!head) continue;
      let start = i;
      while (start > 0 && lines[start - 1]!.startsWith('# ')) start--;
      let end = i;
      while (end < lines.length && lines[end] !== '}') end++;
      out.set(`${head[1]}.${head[2]}`, lines.slice(start, end + 1).join('\n'));
      i = end;
    }
  }
  return out;
}

function cloudFormationResources(design: Design): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const file of exportCloudFormation(design, [])) {
    if (file.language !== 'yaml') continue;
    const template = parse(file.content) as { Resources?: Record<string, unknown> };
    for (const [key, value] of Object.entries(template.Resources ?? {}))
      out.set(`${file.path}#${key}`, value);
  }
  return out;
}

/** Terraform blocks or a CloudFormation `Resources:` fragment for the element alone; '' when it has none. */
export function elementSnippet(design: Design, id: string, target: SnippetTarget): string {
  const context = new Set(referencedBy(design, id));
  context.delete(id);
  const without = reduced(design, context);
  const withIt = reduced(design, new Set([...context, id]));
  if (target === 'terraform') {
    const before = terraformResources(without);
    return [...terraformResources(withIt)]
      .filter(([address]) => !before.has(address))
      .map(([, text]) => text)
      .join('\n\n');
  }
  const before = cloudFormationResources(without);
  const added = [...cloudFormationResources(withIt)].filter(([key]) => !before.has(key));
  if (!added.length) return '';
  return stringify({ Resources: Object.fromEntries(added.map(([key, v]) => [key.split('#')[1]!, v])) });
}
