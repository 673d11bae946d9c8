// The CloudFormation export, judged by cfn-lint (no errors, no warnings) and by reading the templates
// back: one per account and region, names intact, cross-account peering wired through the accepter's
// role, and DEPLOY.md naming an existing Output for every cross-stack Parameter.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportCloudFormation } from '../../src/export/index';
import { tagValue } from '../../src/export/text';
import type { Design } from '../../src/model/schema';
import { validate } from '../../src/rules/registry';
import { exportDesigns, hostileDesign, loadExample } from './fixtures/designs';
import { cfnText } from './cfn-decode';
import { exec, terraformSandbox, toolOrSkip } from './tools';

interface Resource {
  Type: string;
  Condition?: string;
  Properties: Record<string, unknown>;
}
interface Template {
  Parameters?: Record<string, { Default?: string }>;
  Resources: Record<string, Resource>;
  Outputs?: Record<string, { Value: unknown; Condition?: string }>;
}

const designs = exportDesigns();

function templates(design: Design) {
  const files = exportCloudFormation(design, validate(design));
  const yaml = files.filter((f) => f.language === 'yaml');
  const parsed = new Map(yaml.map((f) => [f.path, parse(f.content, { version: '1.1' }) as Template]));
  return { files, yaml, parsed, deploy: files.find((f) => f.path === 'DEPLOY.md')!.content };
}

const resourcesOf = (t: Template, type: string) => Object.values(t.Resources).filter((r) => r.Type === type);
const all = (parsed: Map<string, Template>, type: string) =>
  [...parsed.values()].flatMap((t) => resourcesOf(t, type));
const nameTag = (r: Resource) => {
  const tag = (r.Properties.Tags as { Key: string; Value: unknown }[]).find((t) => t.Key === 'Name');
  return tag && cfnText(tag.Value);
};

describe('CloudFormation export (structure)', () => {
  it.each(designs)(
    '$name: one template per account and region, every route and rule present',
    ({ design }) => {
      const { parsed, yaml } = templates(design);
      expect(yaml).toHaveLength(new Set(design.vpcs.map((v) => `${v.account} ${v.region}`)).size);
      expect(all(parsed, 'AWS::EC2::VPC')).toHaveLength(design.vpcs.length);
      expect(all(parsed, 'AWS::EC2::Route')).toHaveLength(
        design.vpcs.flatMap((v) => v.routeTables.flatMap((t) => t.routes)).length,
      );
      const groups = design.vpcs.flatMap((v) => v.securityGroups);
      expect(all(parsed, 'AWS::EC2::SecurityGroupIngress')).toHaveLength(
        groups.flatMap((g) => g.ingress).length,
      );
      const inlineAllowAll = all(parsed, 'AWS::EC2::SecurityGroup').filter((g) =>
        (g.Properties.SecurityGroupEgress as { IpProtocol: string; CidrIp: string }[]).some(
          (e) => e.IpProtocol === '-1' && e.CidrIp === '0.0.0.0/0',
        ),
      ).length;
      // Egress rules towards another account's group are DEPLOY.md steps, not resources.
      const { deploy } = templates(design);
      const manualSteps = deploy.match(/^ {2}aws ec2 authorize-security-group-egress /gm)?.length ?? 0;
      expect(all(parsed, 'AWS::EC2::SecurityGroupEgress').length + inlineAllowAll + manualSteps).toBe(
        groups.flatMap((g) => g.egress).length,
      );
      expect(all(parsed, 'AWS::EC2::VPCPeeringConnection')).toHaveLength(design.peerings.length);
      expect(all(parsed, 'AWS::EC2::VPCEndpoint')).toHaveLength(
        design.vpcs.flatMap((v) => v.endpoints).length,
      );
    },
  );

  it.each(designs)(
    '$name: YAML 1.1 and 1.2 readers see the same values, and names come back exactly',
    ({ design }) => {
      const { parsed, yaml } = templates(design);
      for (const f of yaml) expect(parse(f.content, { version: '1.2' })).toEqual(parsed.get(f.path));
      const vpcNames = all(parsed, 'AWS::EC2::VPC').map(nameTag);
      for (const vpc of design.vpcs) expect(vpcNames).toContain(tagValue(vpc.name || vpc.id));
      const subnetNames = all(parsed, 'AWS::EC2::Subnet').map(nameTag);
      for (const s of design.vpcs.flatMap((v) => v.subnets))
        expect(subnetNames).toContain(tagValue(s.name || s.id));
      const description = (t: Template) => (t as unknown as { Description: string }).Description;
      // A Description takes no Fn::Sub, so a `${` there is written `$ {` (cfn-lint E1029 otherwise).
      const expected = (design.name || 'Design').replace(/\$\{/g, '$ {');
      for (const t of parsed.values()) expect(description(t).startsWith(expected)).toBe(true);
    },
  );

  it('every file starts with the header, including open error findings', () => {
    const design = loadExample('example-2-ec2-archive.json');
    design.peerings[0]!.accepter = 'vpc-that-is-gone';
    const findings = validate(design);
    const errors = findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    for (const f of exportCloudFormation(design, findings)) {
      const head = f.content.slice(0, 2000);
      expect(head).toMatch(f.language === 'markdown' ? /^<!--\n/ : /^# /);
      expect(head).toContain('Design: "Example 2 — archiving EC2 backups to an archive repository"');
      expect(head).toContain('Format: vbaws-network-design version 1');
      expect(head).toContain(`Open error findings at export time: ${errors.length}`);
      expect(head).toContain('vpc-that-is-gone');
    }
  });

  it('cross-account peering: the accepter stack holds the role, the requester passes PeerRoleArn, PeerOwnerId, PeerRegion', () => {
    const design = loadExample('example-1-ec2-backup.json');
    const { parsed } = templates(design);
    const repo = parsed.get('repository-account-us-west-2.yaml')!;
    const [role] = resourcesOf(repo, 'AWS::IAM::Role');
    const text = JSON.stringify(role);
    expect(text).toContain('ec2:AcceptVpcPeeringConnection');
    expect(text).toContain('222222222222'); // the backup account may assume it
    const worker = parsed.get('backup-account-us-east-1.yaml')!;
    const [pcx] = resourcesOf(worker, 'AWS::EC2::VPCPeeringConnection');
    expect(pcx!.Properties.PeerOwnerId).toBe('444444444444');
    expect(pcx!.Properties.PeerRegion).toBe('us-west-2');
    const roleParam = (pcx!.Properties.PeerRoleArn as { Ref: string }).Ref;
    expect(worker.Parameters?.[roleParam]).toBeDefined();
    // Its routes exist only once the peering does.
    const route = resourcesOf(worker, 'AWS::EC2::Route')[0]!;
    expect(route.Condition).toBe(pcx!.Condition);
  });

  it('same-account peering needs no role: same region is one stack, another region passes only PeerRegion', () => {
    const { parsed } = templates(hostileDesign());
    const peerings = all(parsed, 'AWS::EC2::VPCPeeringConnection');
    const sameRegion = peerings.find((p) => nameTag(p) === tagValue('pcx:same'))!;
    expect(sameRegion.Properties.PeerVpcId).toEqual({ Ref: expect.any(String) });
    expect(sameRegion.Condition).toBeUndefined();
    expect(sameRegion.Properties).not.toHaveProperty('PeerRoleArn');
    expect(sameRegion.Properties).not.toHaveProperty('PeerRegion');
    const crossRegion = peerings.find((p) => nameTag(p) === tagValue('pcx:xregion'))!;
    expect(crossRegion.Properties.PeerRegion).toBe('eu-west-1');
    expect(crossRegion.Properties).not.toHaveProperty('PeerRoleArn');
    expect(crossRegion.Properties).not.toHaveProperty('PeerOwnerId');
  });

  it.each(designs)(
    '$name: DEPLOY.md maps every cross-stack Parameter to an existing Output',
    ({ design }) => {
      const { parsed, deploy } = templates(design);
      const stackFile = new Map(
        [...deploy.matchAll(/^\| `([^`]+)` \| `([^`]+\.yaml)` \|/gm)].map((m) => [m[1]!, m[2]!] as const),
      );
      expect(stackFile.size).toBe(parsed.size);
      const rows = [...deploy.matchAll(/^\| `([^`]+)` \| `(\w+)` \| `(\w+)` \| `([^`]+)` \|$/gm)].map(
        (m) => ({
          stack: m[1]!,
          parameter: m[2]!,
          output: m[3]!,
          from: m[4]!,
        }),
      );
      const manual = [...deploy.matchAll(/^\| `([^`]+)` \| `(\w+NatGatewayId)` \|$/gm)].map(
        (m) => `${m[1]} ${m[2]}`,
      );
      const listed = new Set(rows.map((r) => `${r.stack} ${r.parameter}`));
      for (const r of rows) {
        const to = parsed.get(stackFile.get(r.stack)!)!;
        const from = parsed.get(stackFile.get(r.from)!)!;
        expect(to.Parameters?.[r.parameter], `${r.stack} ${r.parameter}`).toBeDefined();
        expect(from.Outputs?.[r.output], `${r.from} ${r.output}`).toBeDefined();
      }
      for (const [stack, file] of stackFile) {
        for (const p of Object.keys(parsed.get(file)!.Parameters ?? {})) {
          expect(
            listed.has(`${stack} ${p}`) || manual.includes(`${stack} ${p}`),
            `${stack} ${p} is documented`,
          ).toBe(true);
        }
      }
    },
  );

  it('hostile names stay data: quoted, escaped, never structure', () => {
    const design = hostileDesign();
    const { yaml } = templates(design);
    for (const f of yaml) {
      // Only keys and double-quoted scalars: a name can never become a key, anchor, alias or tag.
      const body = f.content.replace(/^#.*\n/gm, '');
      for (const line of body.split('\n').filter(Boolean)) {
        expect(line).toMatch(
          /^\s*(- )*(([A-Za-z0-9:_-]+|"[A-Za-z0-9]+"):( ".*"| -?\d+| true| false| \[\])?|".*"|-?\d+)$/,
        );
      }
      // Nothing YAML or PyYAML rejects as unprintable, nothing a YAML 1.1 reader takes as a line break.
      expect(f.content).not.toMatch(
        // eslint-disable-next-line no-control-regex -- looking for control characters is the point
        /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufffe\uffff]/,
      );
    }
  });
});

describe('CloudFormation export (judged by cfn-lint)', () => {
  const hasLint = toolOrSkip('cfn-lint');

  it.runIf(hasLint)(
    'every template of every design passes cfn-lint with no errors and no warnings',
    async () => {
      const { root } = terraformSandbox();
      const paths: string[] = [];
      for (const { name, design } of designs) {
        const dir = join(root, `cfn-${name}`);
        mkdirSync(dir, { recursive: true });
        for (const f of exportCloudFormation(design, validate(design))) {
          writeFileSync(join(dir, f.path), f.content);
          if (f.language === 'yaml') paths.push(join(dir, f.path));
        }
      }
      const result = await exec('cfn-lint', ['--format', 'parseable', '--', ...paths]);
      rmSync(root, { recursive: true, force: true });
      expect(`${result.stdout}${result.stderr}`.trim()).toBe('');
      expect(result.code).toBe(0);
    },
    120_000,
  );
});
