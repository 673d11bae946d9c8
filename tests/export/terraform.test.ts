// The Terraform export, judged by Terraform itself: for every test design the module passes
// `terraform fmt -check`, offline `init`, `validate`, and a `terraform test` with mock providers that
// plans and applies it and checks each route, accepter and ingress rule against the design.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportTerraform, terraformLabels } from '../../src/export/index';
import { hclString } from '../../src/export/terraform/hcl';
import { tagValue } from '../../src/export/text';
import type { Design } from '../../src/model/schema';
import { validate } from '../../src/rules/registry';
import { exportDesigns, HOSTILE_NAMES, hostileDesign, loadExample } from './fixtures/designs';
import { tgwDesign } from './fixtures/tgw';
import { countResources, decodeHclString, nameTags } from './hcl-decode';
import { exec, terraformSandbox, toolOrSkip } from './tools';

const designs = [...exportDesigns(), { name: 'tgw', design: tgwDesign() }];

/** What a TGW table or route must name for an attachment: its accepter whenever one is needed. */
function attachmentExpr(design: Design, labels: ReturnType<typeof terraformLabels>, id: string): string {
  const a = design.transitGatewayAttachments.find((x) => x.id === id)!;
  const label = labels.tgwAttachment(a);
  if (a.peerTransitGateway) return `aws_ec2_transit_gateway_peering_attachment_accepter.${label}.id`;
  const tgw = design.transitGateways.find((t) => t.id === a.transitGateway)!;
  const vpc = design.vpcs.find((v) => v.id === a.vpc)!;
  return vpc.account === tgw.account
    ? `aws_ec2_transit_gateway_vpc_attachment.${label}.id`
    : `aws_ec2_transit_gateway_vpc_attachment_accepter.${label}.id`;
}

/** Plan assertions for the Transit Gateway part: tables, routes, associations, propagations. */
function tgwAsserts(design: Design, labels: ReturnType<typeof terraformLabels>): [string, string][] {
  const asserts: [string, string][] = [];
  const tableOf = (id: string) =>
    design.transitGateways.flatMap((t) => t.routeTables).find((t) => t.id === id)!;
  for (const tgw of design.transitGateways) {
    const t = `aws_ec2_transit_gateway.${labels.transitGateway(tgw)}`;
    asserts.push([`${t}.amazon_side_asn == ${tgw.asn}`, `${t} asn`]);
    asserts.push([`${t}.default_route_table_association == "disable"`, `${t} no default association`]);
    for (const table of tgw.routeTables) {
      const rt = `aws_ec2_transit_gateway_route_table.${labels.tgwRouteTable(table)}`;
      asserts.push([`${rt}.transit_gateway_id == ${t}.id`, `${rt} tgw`]);
      for (const route of table.routes) {
        const r = `aws_ec2_transit_gateway_route.${labels.tgwRoute(route)}`;
        asserts.push([`${r}.transit_gateway_route_table_id == ${rt}.id`, `${r} table`]);
        asserts.push([`${r}.destination_cidr_block == ${JSON.stringify(route.destination)}`, `${r} dest`]);
        if (route.blackhole) asserts.push([`${r}.blackhole == true`, `${r} blackhole`]);
        else
          asserts.push([
            `${r}.transit_gateway_attachment_id == ${attachmentExpr(design, labels, route.attachment!)}`,
            `${r} attachment`,
          ]);
      }
    }
  }
  for (const a of design.transitGatewayAttachments) {
    const tgw = design.transitGateways.find((t) => t.id === a.transitGateway)!;
    const table = a.routeTable ?? tgw.defaultAssociationRouteTable;
    const assoc = `aws_ec2_transit_gateway_route_table_association.${labels.tgwAttachment(a)}`;
    if (table) {
      asserts.push([
        `${assoc}.transit_gateway_route_table_id == aws_ec2_transit_gateway_route_table.${labels.tgwRouteTable(tableOf(table))}.id`,
        `${assoc} table`,
      ]);
      asserts.push([
        `${assoc}.transit_gateway_attachment_id == ${attachmentExpr(design, labels, a.id)}`,
        `${assoc} attachment`,
      ]);
    }
    if (a.peerTransitGateway) continue;
    const vpcAttachment = `aws_ec2_transit_gateway_vpc_attachment.${labels.tgwAttachment(a)}`;
    const vpc = design.vpcs.find((v) => v.id === a.vpc)!;
    asserts.push([`${vpcAttachment}.vpc_id == aws_vpc.${labels.vpc(vpc)}.id`, `${vpcAttachment} vpc`]);
    asserts.push([`length(${vpcAttachment}.subnet_ids) == ${a.subnets.length}`, `${vpcAttachment} subnets`]);
    for (const id of a.propagations ??
      (tgw.defaultPropagationRouteTable ? [tgw.defaultPropagationRouteTable] : [])) {
      const p = `aws_ec2_transit_gateway_route_table_propagation.${labels.tgwPropagation(a, tableOf(id))}`;
      asserts.push([`${p}.transit_gateway_attachment_id == ${attachmentExpr(design, labels, a.id)}`, `${p}`]);
    }
  }
  return asserts;
}

function isCross(design: Design, requester: string, accepter: string): boolean | undefined {
  const req = design.vpcs.find((v) => v.id === requester);
  const acc = design.vpcs.find((v) => v.id === accepter);
  if (!req || !acc) return undefined;
  return req.account !== acc.account || req.region !== acc.region;
}

/** A `terraform test` file written from the design (not from the export): what the plan must contain. */
function countsTest(design: Design, providerAliases: string[], variables: string[]): string {
  const labels = terraformLabels(design);
  const asserts: [string, string][] = [];
  const natAsserts: [string, string][] = [];
  const peeringExpr = (id: string) => {
    const p = design.peerings.find((x) => x.id === id)!;
    return isCross(design, p.requester, p.accepter)
      ? `aws_vpc_peering_connection_accepter.${labels.peering(p)}.id`
      : `aws_vpc_peering_connection.${labels.peering(p)}.id`;
  };
  for (const vpc of design.vpcs) {
    for (const table of vpc.routeTables) {
      table.routes.forEach((route) => {
        if (route.gateway === 'nat') {
          // Optional input: unset, the route is left out; set, it targets that NAT gateway.
          const r = `aws_route.${labels.route(table, route)}`;
          asserts.push([`length(${r}) == 0`, `${r} skipped while the NAT gateway is unset`]);
          natAsserts.push([`${r}[0].nat_gateway_id == var.${labels.natVariable(vpc)}`, `${r} nat`]);
          return;
        }
        const r = `aws_route.${labels.route(table, route)}`;
        asserts.push([`${r}.route_table_id == aws_route_table.${labels.routeTable(table)}.id`, `${r} table`]);
        asserts.push([
          `${r}.destination_cidr_block == ${JSON.stringify(route.destination)}`,
          `${r} destination`,
        ]);
        if (route.peering)
          asserts.push([`${r}.vpc_peering_connection_id == ${peeringExpr(route.peering)}`, `${r} peering`]);
        else if (route.gateway === 'internet')
          asserts.push([`${r}.gateway_id == aws_internet_gateway.${labels.vpc(vpc)}.id`, `${r} igw`]);
        else if (route.transitGateway) {
          const tgw = design.transitGateways.find((t) => t.id === route.transitGateway)!;
          asserts.push([
            `${r}.transit_gateway_id == aws_ec2_transit_gateway.${labels.transitGateway(tgw)}.id`,
            `${r} tgw`,
          ]);
        }
      });
    }
    for (const group of vpc.securityGroups) {
      group.ingress.forEach((rule) => {
        const r = `aws_vpc_security_group_ingress_rule.${labels.rule(group, 'ingress', rule)}`;
        asserts.push([
          `${r}.security_group_id == aws_security_group.${labels.securityGroup(group)}.id`,
          `${r} group`,
        ]);
        asserts.push([`${r}.ip_protocol == ${JSON.stringify(rule.protocol)}`, `${r} protocol`]);
        if (rule.cidr) asserts.push([`${r}.cidr_ipv4 == ${JSON.stringify(rule.cidr)}`, `${r} cidr`]);
      });
    }
  }
  asserts.push(...tgwAsserts(design, labels));
  const vpcOf = (id: string) => design.vpcs.find((v) => v.id === id)!;
  for (const p of design.peerings) {
    const pcx = `aws_vpc_peering_connection.${labels.peering(p)}`;
    asserts.push([`${pcx}.vpc_id == aws_vpc.${labels.vpc(vpcOf(p.requester))}.id`, `${pcx} requester`]);
    asserts.push([`${pcx}.peer_vpc_id == aws_vpc.${labels.vpc(vpcOf(p.accepter))}.id`, `${pcx} accepter`]);
    if (isCross(design, p.requester, p.accepter)) {
      const acc = `aws_vpc_peering_connection_accepter.${labels.peering(p)}`;
      asserts.push([`${acc}.vpc_peering_connection_id == ${pcx}.id`, `${acc} accepts ${pcx}`]);
    }
  }
  const count = (n: number, output: string) =>
    asserts.push([`length(output.${output}) == ${n}`, `${output} count`]);
  count(design.vpcs.length, 'vpc_ids');
  count(design.vpcs.flatMap((v) => v.subnets).length, 'subnet_ids');
  count(design.vpcs.flatMap((v) => v.securityGroups).length, 'security_group_ids');
  count(design.vpcs.flatMap((v) => v.endpoints).length, 'vpc_endpoint_ids');
  count(design.peerings.length, 'peering_connection_ids');
  // What Veeam asks for next: each worker configuration's subnet and group, each repository's S3 endpoint.
  count(design.workerConfigurations.length, 'worker_configurations');
  for (const wc of design.workerConfigurations) {
    const vpc = design.vpcs.find((v) => v.id === wc.vpc)!;
    const subnet = vpc.subnets.find((x) => x.id === wc.subnet)!;
    const group = vpc.securityGroups.find((g) => g.id === wc.securityGroup)!;
    const out = `output.worker_configurations[${JSON.stringify(wc.id)}]`;
    asserts.push([`${out}.subnet_id == aws_subnet.${labels.subnet(subnet)}.id`, `${wc.id} subnet`]);
    asserts.push([
      `${out}.security_group_id == aws_security_group.${labels.securityGroup(group)}.id`,
      `${wc.id} security group`,
    ]);
  }
  const endpoints = design.vpcs.flatMap((v) => v.endpoints);
  count(
    design.repositories.filter((r) => endpoints.find((e) => e.id === r.s3Endpoint)?.type === 'Interface')
      .length,
    's3_endpoint_dns_names',
  );

  // Mocked ARNs are random text; the RAM resources check theirs, so the mocks return real-looking ones.
  const arns = [
    ['aws_ec2_transit_gateway', 'arn:aws:ec2:eu-west-1:111111111111:transit-gateway/tgw-0123456789abcdef0'],
    ['aws_ram_resource_share', 'arn:aws:ram:eu-west-1:111111111111:resource-share/0123'],
    ['aws_ram_principal_association', 'arn:aws:ram:eu-west-1:111111111111:resource-share/0123'],
  ];
  const mocks = arns
    .map(
      ([type, arn]) =>
        `  mock_resource "${type}" {\n    defaults = {\n      arn = "${arn}"\n      resource_share_arn = "${arn}"\n    }\n  }\n`,
    )
    .join('');
  const lines = providerAliases.map((a) => `mock_provider "aws" {\n  alias = "${a}"\n${mocks}}\n`);
  // Only the roles are given: every other input must be optional for a first apply to succeed.
  lines.push('variables {');
  for (const v of variables.filter((name) => name.endsWith('_role_arn')))
    lines.push(`  ${v} = "arn:aws:iam::123456789012:role/terraform"`);
  lines.push('}\n');
  const run = (name: string, checks: [string, string][], extra: string[] = []) => {
    lines.push(`run "${name}" {`, ...extra);
    for (const [condition, message] of checks) {
      lines.push(
        '  assert {',
        `    condition     = ${condition}`,
        `    error_message = ${JSON.stringify(message)}`,
        '  }',
      );
    }
    lines.push('}\n');
  };
  run('module_matches_design', asserts);
  if (natAsserts.length) {
    const nat = variables.filter((name) => name.endsWith('_nat_gateway_id'));
    run('nat_gateway_set_later', natAsserts, [
      '  variables {',
      ...nat.map((v) => `    ${v} = "nat-0123456789abcdef0"`),
      '  }',
    ]);
  }
  return lines.join('\n');
}

describe('Terraform export (structure)', () => {
  it.each(designs)(
    '$name: one aws_route per route, an accepter per cross peering, one rule resource per rule',
    ({ design }) => {
      const files = exportTerraform(design, validate(design));
      const routes = design.vpcs.flatMap((v) => v.routeTables.flatMap((t) => t.routes));
      expect(countResources(files, 'aws_route')).toBe(routes.length);
      const cross = design.peerings.filter((p) => isCross(design, p.requester, p.accepter));
      expect(countResources(files, 'aws_vpc_peering_connection_accepter')).toBe(cross.length);
      expect(countResources(files, 'aws_vpc_peering_connection')).toBe(design.peerings.length);
      const groups = design.vpcs.flatMap((v) => v.securityGroups);
      expect(countResources(files, 'aws_vpc_security_group_ingress_rule')).toBe(
        groups.flatMap((g) => g.ingress).length,
      );
      expect(countResources(files, 'aws_vpc_security_group_egress_rule')).toBe(
        groups.flatMap((g) => g.egress).length,
      );
      // No inline rules: groups carry no ingress/egress blocks.
      expect(files.some((f) => /^\s+(ingress|egress) \{/m.test(f.content))).toBe(false);
      const scopes = new Set(design.vpcs.map((v) => `${v.account} ${v.region}`));
      const providers = files.find((f) => f.path === 'providers.tf')!.content;
      expect(providers.match(/^provider "aws" \{/gm)).toHaveLength(scopes.size);
      expect(providers.match(/^\s+assume_role \{\n\s+role_arn = var\.\w+_role_arn\n/gm)).toHaveLength(
        scopes.size,
      );
    },
  );

  it('every file starts with the header: design, format version, generator version, open error findings', () => {
    const design = loadExample('example-1-ec2-backup.json');
    // A dangling reference is an error finding; export still goes ahead and says so.
    design.vpcs[0]!.subnets[0]!.routeTable = 'rt-gone';
    const findings = validate(design);
    expect(findings.some((f) => f.severity === 'error')).toBe(true);
    for (const file of exportTerraform(design, findings)) {
      const header = file.content.split('\n\n')[0]!;
      expect(header).toMatch(/^# /);
      expect(header).toContain('Design: "Example 1 — EC2 backup through private endpoints"');
      expect(header).toContain('Format: vbaws-network-design version 1');
      expect(header).toMatch(/Private Network Designer \d+\.\d+\.\d+/);
      expect(header).toMatch(/Open error findings at export time: \d+/);
      expect(header).toContain('rt-gone');
    }
    const clean = loadExample('example-1-ec2-backup.json');
    const cleanFindings = validate(clean).filter((f) => f.severity === 'error');
    if (cleanFindings.length === 0) {
      expect(exportTerraform(clean, validate(clean))[0]!.content).toContain(
        'Open error findings at export time: none',
      );
    }
  });

  it('names land in Name tags exactly (after the 256-character cut), whatever they contain', () => {
    const design = hostileDesign();
    const tags = exportTerraform(design, []).flatMap((f) => nameTags(f.content));
    for (const vpc of design.vpcs) expect(tags).toContain(tagValue(vpc.name || vpc.id));
    for (const g of design.vpcs.flatMap((v) => v.securityGroups))
      expect(tags).toContain(tagValue(g.name || g.id));
    // The raw text never appears unescaped: no interpolation sequence survives outside `$${`.
    for (const f of exportTerraform(design, [])) {
      const code = f.content.replace(/^#.*$/gm, '');
      expect(code).not.toMatch(/(?<![$])\$\{(?!local\.|aws_)/);
      expect(code).not.toMatch(/(?<![%])%\{/);
    }
  });

  it('labels stay the same when unrelated elements are added', () => {
    const design = loadExample('example-2-ec2-archive.json');
    const before = exportTerraform(design, [])
      .map((f) => f.content.match(/^resource "\w+" "\w+"/gm) ?? [])
      .flat();
    const grown = structuredClone(design);
    grown.vpcs.unshift({
      ...structuredClone(design.vpcs[0]!),
      id: 'vpc-new',
      subnets: [],
      routeTables: [],
      securityGroups: [],
      endpoints: [],
    });
    const after = exportTerraform(grown, [])
      .map((f) => f.content.match(/^resource "\w+" "\w+"/gm) ?? [])
      .flat();
    for (const label of before) expect(after).toContain(label);
  });
});

describe('Terraform export (judged by terraform)', () => {
  const hasTerraform = toolOrSkip('terraform');
  let sandbox: ReturnType<typeof terraformSandbox>;
  beforeAll(() => {
    if (hasTerraform) sandbox = terraformSandbox();
  });
  afterAll(() => {
    if (sandbox) rmSync(sandbox.root, { recursive: true, force: true });
  });

  it.runIf(hasTerraform)('escaped strings read back as the same text (terraform console)', async () => {
    const dir = join(sandbox.root, 'strings');
    mkdirSync(dir);
    const samples = [...HOSTILE_NAMES, '$', '$$', '$${', '$$${', '%%%{', 'a\\', '\\u0041', '\u0000'];
    writeFileSync(
      join(dir, 'main.tf'),
      `locals {\n  samples = [\n${samples.map((s) => `    ${hclString(s)},`).join('\n')}\n  ]\n}\n`,
    );
    const out = await exec('terraform', ['console'], {
      cwd: dir,
      env: sandbox.env,
      input: 'base64encode(jsonencode(local.samples))\n',
    });
    expect(out.stderr).toBe('');
    // Base64 keeps the console's own quoting out of the way.
    const encoded = JSON.parse(out.stdout.trim()) as string;
    const decoded = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as string[];
    expect(decoded).toEqual(samples);
    // The independent decoder agrees with Terraform.
    expect(samples.map((s) => decodeHclString(hclString(s)))).toEqual(samples);
  });

  it.runIf(hasTerraform)(
    'every design: fmt -check, offline init, validate, and terraform test with mock providers',
    async () => {
      const modules = designs.map(({ name, design }) => {
        const dir = join(sandbox.root, name);
        mkdirSync(join(dir, 'tests'), { recursive: true });
        const files = exportTerraform(design, validate(design));
        for (const f of files) writeFileSync(join(dir, f.path), f.content);
        const all = files.map((f) => f.content).join('\n');
        const aliases = [...all.matchAll(/^\s+alias\s+= "(\w+)"/gm)].map((m) => m[1]!);
        const variables = [...all.matchAll(/^variable "(\w+)"/gm)].map((m) => m[1]!);
        writeFileSync(join(dir, 'tests', 'design.tftest.hcl'), countsTest(design, aliases, variables));
        return { name, dir };
      });
      const tf = (dir: string, ...args: string[]) => exec('terraform', args, { cwd: dir, env: sandbox.env });
      const expectOk = (name: string, step: string, r: { code: number; stdout: string; stderr: string }) => {
        if (r.code !== 0) throw new Error(`${name}: terraform ${step} failed\n${r.stdout}\n${r.stderr}`);
      };

      // The exported files are fmt-clean as written (the test file is ours, so it is left out).
      for (const m of modules) expectOk(m.name, 'fmt -check', await tf(m.dir, 'fmt', '-check', '-diff'));
      // One init at a time: Terraform's plugin cache is not safe for concurrent installs.
      for (const m of modules)
        expectOk(m.name, 'init', await tf(m.dir, 'init', '-backend=false', '-input=false'));
      await Promise.all(
        modules.map(async (m) => {
          expectOk(m.name, 'validate', await tf(m.dir, 'validate', '-no-color'));
          const test = await tf(m.dir, 'test', '-no-color');
          expectOk(m.name, 'test', test);
          expect(test.stdout).toMatch(/Success! \d+ passed, 0 failed/);
        }),
      );
    },
    600_000,
  );
});
