// The facts of issue 11 — what makes an export apply the first time in a real account — one block
// each. Where a real tool can judge, it does (cfn-lint here; terraform validate/test run over the
// same fixtures in terraform.test.ts); where it cannot (AWS's own rules), the generated text is read.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportCloudFormation, exportTerraform } from '../../src/export/index';
import { QUOTAS } from '../../src/export/cloudformation/quotas';
import { groupName } from '../../src/export/security-group-names';
import type { Design } from '../../src/model/schema';
import { cfnText } from './cfn-decode';
import { HOSTILE_NAMES, hostileDesign, loadExample, oneScopeDesign } from './fixtures/designs';
import { exec, toolOrSkip } from './tools';

interface Template {
  Parameters?: Record<string, { Default?: string }>;
  Resources: Record<
    string,
    { Type: string; Condition?: string; DependsOn?: unknown; Properties: Record<string, unknown> }
  >;
  Outputs?: Record<string, { Value: unknown }>;
}

const cfn = (design: Design) => {
  const files = exportCloudFormation(design, []);
  const templates = new Map(
    files
      .filter((f) => f.language === 'yaml')
      .map((f) => [f.path, parse(f.content, { version: '1.1' }) as Template]),
  );
  return { files, templates, deploy: files.find((f) => f.path === 'DEPLOY.md')!.content };
};
const tf = (design: Design) =>
  exportTerraform(design, [])
    .map((f) => f.content)
    .join('\n');
/** The text of one Terraform resource block. */
const tfBlock = (text: string, type: string, label: string) =>
  text.match(new RegExp(`^resource "${type}" "${label}" \\{\\n[\\s\\S]*?^\\}$`, 'm'))?.[0];

async function cfnLint(files: { path: string; content: string }[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'pnd-cfn-facts-'));
  try {
    const paths = files.map((f, i) => {
      const path = join(dir, `${i}-${f.path}`);
      writeFileSync(path, f.content);
      return path;
    });
    const r = await exec('cfn-lint', ['--format', 'parseable', '--', ...paths]);
    return `${r.stdout}${r.stderr}`.trim() + (r.code === 0 ? '' : `\n(exit ${r.code})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const hasLint = toolOrSkip('cfn-lint');

describe('1. no impossible inputs', () => {
  it('the NAT gateway id of a VPC the module creates is optional; its route waits for it', () => {
    const text = tf(loadExample('example-1-ec2-backup.json'));
    const variable = text.match(/^variable "vpc_appliance_nat_gateway_id" \{\n[\s\S]*?^\}$/m)![0];
    expect(variable).toMatch(/^\s+default\s+= null$/m);
    expect(variable).toContain('var.vpc_appliance_nat_gateway_id == null ||');
    const route = tfBlock(text, 'aws_route', 'rt_appliance_0_0_0_0_0')!;
    expect(route).toMatch(/^\s+count\s+= var\.vpc_appliance_nat_gateway_id == null \? 0 : 1$/m);
    // Every other input is a role ARN, which exists before the first apply.
    const inputs = [...text.matchAll(/^variable "(\w+)" \{\n([\s\S]*?)^\}$/gm)];
    for (const [, name, body] of inputs)
      expect(name!.endsWith('_role_arn') || /default\s+= null/.test(body!)).toBe(true);

    const { templates } = cfn(loadExample('example-1-ec2-backup.json'));
    const appliance = templates.get('appliance-account-eu-central-1.yaml')!;
    expect(appliance.Parameters!.VpcApplianceNatGatewayId!.Default).toBe('');
    expect(appliance.Resources.RtApplianceRoute0x0x0x0x0!.Condition).toBe('HasVpcApplianceNatGatewayId');
  });
});

describe('2. S3 interface endpoint with private DNS', () => {
  const design = hostileDesign();
  it('without an S3 gateway endpoint, private DNS answers every resolver; with one, only inbound ones', () => {
    const text = tf(design);
    const alone = tfBlock(text, 'aws_vpc_endpoint', '_vpce_s3_dns_[0-9a-z]{7}')!;
    expect(alone).toMatch(/dns_options \{\n\s+private_dns_only_for_inbound_resolver_endpoint = false\n\s+\}/);
    const withGateway = tfBlock(text, 'aws_vpc_endpoint', '_vpce_s3_dns_gw_\\w+')!;
    expect(withGateway).toMatch(/private_dns_only_for_inbound_resolver_endpoint = true/);
    expect(withGateway).toMatch(/depends_on\s+= \[aws_vpc_endpoint\._vpce_s3_gw_\w+\]/);
    // An interface endpoint without private DNS, or of another service, gets no such block.
    expect(text.match(/dns_options \{/g)).toHaveLength(2);

    const resources = [...cfn(design).templates.values()].flatMap((t) => Object.entries(t.Resources));
    const endpoint = (id: string) => resources.find(([k]) => k === id)![1];
    expect(endpoint('VpceS3Dns').Properties.DnsOptions).toEqual({
      PrivateDnsOnlyForInboundResolverEndpoint: 'AllResolvers',
    });
    expect(endpoint('VpceS3DnsGw').Properties.DnsOptions).toEqual({
      PrivateDnsOnlyForInboundResolverEndpoint: 'OnlyInboundResolver',
    });
    expect(endpoint('VpceS3DnsGw').DependsOn).toEqual(['VpceS3Gw']);
  });
});

describe('4. a group is named after its element id', () => {
  it('reserved names get a prefix; everything else is the id itself', () => {
    expect(groupName('sg-worker')).toBe('pnd-sg-worker');
    expect(groupName('SG-x')).toBe('pnd-SG-x');
    expect(groupName('default')).toBe('pnd-default');
    expect(groupName('Default')).toBe('pnd-Default');
    expect(groupName('workers.a:1')).toBe('workers.a:1');
  });

  it('a group whose id and display name are "default" is exported as pnd-default, its name in the tag', () => {
    const design = hostileDesign();
    const group = design.vpcs.flatMap((v) => v.securityGroups).find((g) => g.id === 'default')!;
    group.name = 'default';
    expect(tfBlock(tf(design), 'aws_security_group', 'default')).toMatch(/^\s+name\s+= "pnd-default"$/m);
    const resources = [...cfn(design).templates.values()].flatMap((t) => Object.entries(t.Resources));
    const [, sg] = resources.find(([k]) => k === 'Default')!;
    expect(sg.Properties.GroupName).toBe('pnd-default');
    expect(sg.Properties.Tags).toEqual([{ Key: 'Name', Value: 'default' }]);
  });
});

describe('5. ordering, and what CloudFormation cannot express', () => {
  const design = hostileDesign();
  const { templates, deploy, files } = cfn(design);

  it('a rule referencing a group across a peering in the same stack depends on that peering', () => {
    const stack = [...templates.values()].find((t) => t.Resources.PcxSame)!;
    const [, rule] = Object.entries(stack.Resources).find(([k]) =>
      k.startsWith('DefaultIngressTcp443FromSg'),
    )!;
    expect(rule.DependsOn).toBe('PcxSame');
  });

  it('a cross-account egress rule is not in any template; DEPLOY.md gives the exact AWS CLI step and the header says so', () => {
    const egress = [...templates.values()].flatMap((t) =>
      Object.values(t.Resources).filter((r) => r.Type === 'AWS::EC2::SecurityGroupEgress'),
    );
    const std = design.vpcs.find((v) => v.id === 'vpc_worker')!.securityGroups[0]!;
    expect(JSON.stringify(egress)).not.toMatch(/DestinationSecurityGroupId[^}]*Std/i);
    const step = deploy.match(/^ {2}aws ec2 authorize-security-group-egress (.*)$/m)!;
    expect(step[1]).toMatch(
      /^--region us-west-2 --group-id <(\w+) of ([\w-]+)> --ip-permissions 'IpProtocol=tcp,FromPort=443,ToPort=443,UserIdGroupPairs=\[\{UserId=(\d{12}),GroupId=<(\w+) of ([\w-]+)>\}\]'$/,
    );
    const [, ownOutput, ownStack, account, theirOutput, theirStack] = step[1]!.match(
      /<(\w+) of ([\w-]+)>.*UserId=(\d+),GroupId=<(\w+) of ([\w-]+)>/,
    )!;
    const byStack = (name: string) => {
      const file = deploy.match(new RegExp(`^\\| \`${name}\` \\| \`([^\`]+)\``, 'm'))![1]!;
      return templates.get(file)!;
    };
    expect(byStack(ownStack!).Outputs![ownOutput!]).toBeDefined();
    expect(byStack(theirStack!).Outputs![theirOutput!]).toBeDefined();
    expect(account).toBe(
      design.accounts.find((a) => a.id === design.vpcs.find((v) => v.securityGroups.includes(std))!.account)!
        .accountId,
    );
    const header = files.find((f) => f.content.includes(`# CloudFormation template for stack ${ownStack} `))!;
    expect(header.content.split('\n\n')[0]).toMatch(
      /Not in this template: 1 egress rule towards a security group of another account/,
    );
  });
});

describe('6. CloudFormation quotas', () => {
  it('1,000 VPCs in one account and region: split stacks, each within every quota, large ones through S3', async () => {
    const design = oneScopeDesign(1000);
    const { templates, deploy, files } = cfn(design);
    expect(templates.size).toBeGreaterThan(1);
    const sizes = files
      .filter((f) => f.language === 'yaml')
      .map((f) => ({ f, bytes: Buffer.byteLength(f.content) }));
    for (const t of templates.values()) {
      expect(Object.keys(t.Resources).length).toBeLessThanOrEqual(QUOTAS.resources);
      expect(Object.keys(t.Parameters ?? {}).length).toBeLessThanOrEqual(QUOTAS.parameters);
      expect(Object.keys(t.Outputs ?? {}).length).toBeLessThanOrEqual(QUOTAS.outputs);
    }
    // Every VPC, route and rule of the design is somewhere.
    const all = [...templates.values()].flatMap((t) => Object.values(t.Resources));
    expect(all.filter((r) => r.Type === 'AWS::EC2::VPC')).toHaveLength(1000);
    expect(all.filter((r) => r.Type === 'AWS::EC2::Route')).toHaveLength(
      design.vpcs.flatMap((v) => v.routeTables.flatMap((t) => t.routes)).length,
    );
    for (const { f, bytes } of sizes) {
      expect(bytes).toBeLessThanOrEqual(QUOTAS.bytes);
      const line = deploy.match(
        new RegExp(`^aws cloudformation deploy .* --template-file ${f.path}( .*)?$`, 'm'),
      )![0];
      expect(line.includes('--s3-bucket'), f.path).toBe(bytes > QUOTAS.inlineBytes);
    }
    expect(sizes.some((s) => s.bytes > QUOTAS.inlineBytes)).toBe(true);
    expect(deploy).toMatch(/split over several stacks/);
    expect(deploy).toMatch(/through an S3 bucket/);
    if (hasLint) {
      // The three biggest templates, judged by cfn-lint (which checks the quotas too).
      const biggest = sizes
        .sort((a, b) => b.bytes - a.bytes)
        .slice(0, 3)
        .map((s) => s.f);
      expect(await cfnLint(biggest)).toBe('');
    }
  }, 300_000);

  it('a small design stays one stack per account and region, with no --s3-bucket', () => {
    const { templates, deploy } = cfn(loadExample('example-2-ec2-archive.json'));
    expect([...templates.keys()].some((k) => k.includes('-part'))).toBe(false);
    expect(deploy).not.toMatch(/--s3-bucket|split over several stacks/);
  });
});

describe('7. the provider is pinned', () => {
  it('to the 5.x line the module is tested with', () => {
    const versions = exportTerraform(loadExample('example-1-ec2-backup.json'), []).find(
      (f) => f.path === 'versions.tf',
    )!;
    expect(versions.content).toMatch(/aws = \{\n\s+source\s+= "hashicorp\/aws"\n\s+version = "~> 5\.100"\n/);
  });
});

describe('8. what Veeam needs next is an output', () => {
  it('CloudFormation: the S3 endpoint DNS name per repository, subnet and group per worker configuration', () => {
    const { templates } = cfn(loadExample('example-1-ec2-backup.json'));
    const repo = templates.get('repository-account-us-west-2.yaml')!.Outputs!;
    expect(repo.RepoStdS3EndpointDnsName!.Value).toEqual({
      'Fn::Select': [
        1,
        { 'Fn::Split': [':', { 'Fn::Select': [0, { 'Fn::GetAtt': ['VpceS3Repo', 'DnsEntries'] }] }] },
      ],
    });
    const worker = templates.get('backup-account-us-east-1.yaml')!.Outputs!;
    expect(worker.WcBackupUse1SubnetId!.Value).toEqual({ Ref: 'SnWorkerA' });
    expect(worker.WcBackupUse1SecurityGroupId!.Value).toEqual({ 'Fn::GetAtt': ['SgWorker', 'GroupId'] });
  });

  it('Terraform: the same, as s3_endpoint_dns_names and worker_configurations', () => {
    const outputs = exportTerraform(loadExample('example-1-ec2-backup.json'), []).find(
      (f) => f.path === 'outputs.tf',
    )!.content;
    expect(outputs).toContain('"repo-std" = try(aws_vpc_endpoint.vpce_s3_repo.dns_entry[0].dns_name, null)');
    expect(outputs).toContain(
      '"wc-backup-use1" = { subnet_id = aws_subnet.sn_worker_a.id, security_group_id = aws_security_group.sg_worker.id }',
    );
  });
});

describe('9. any name, any characters: templates parse and lint clean', () => {
  it('a name "<<" stays a string, never a YAML merge key; "${AWS::Region}" is escaped as ${!AWS::Region}', async () => {
    const design = loadExample('example-1-ec2-backup.json');
    design.vpcs[0]!.name = '<<';
    design.vpcs[1]!.name = '${AWS::Region}';
    design.vpcs[1]!.securityGroups[0]!.ingress[0]!.description = 'from ${AWS::AccountId}';
    const { files, templates } = cfn(design);
    const appliance = templates.get('appliance-account-eu-central-1.yaml')!;
    expect((appliance.Resources.VpcAppliance!.Properties.Tags as { Value: unknown }[])[0]!.Value).toBe('<<');
    const worker = templates.get('backup-account-us-east-1.yaml')!;
    const tag = (worker.Resources.VpcWorker!.Properties.Tags as { Value: unknown }[])[0]!.Value;
    expect(tag).toEqual({ 'Fn::Sub': '${!AWS::Region}' });
    expect(cfnText(tag)).toBe('${AWS::Region}');
    if (hasLint) expect(await cfnLint(files.filter((f) => f.path.endsWith('.yaml')))).toBe('');
  });

  it.runIf(hasLint)(
    'random names (fast-check sample) through cfn-lint: no error, no warning',
    async () => {
      const names = fc.oneof(
        fc.string({ unit: 'grapheme', maxLength: 30 }),
        fc.string({ unit: 'binary', maxLength: 30 }),
        fc.constantFrom(...HOSTILE_NAMES),
        fc
          .array(fc.constantFrom('${', '}', '!', '<<', 'AWS::Region', ':', '#', '&', '*', ' '), {
            maxLength: 8,
          })
          .map((a) => a.join('')),
      );
      const samples = fc.sample(fc.array(names, { minLength: 12, maxLength: 12 }), { numRuns: 6, seed: 11 });
      const files = samples.flatMap((list, i) => {
        const design = loadExample('example-1-ec2-backup.json');
        let n = 0;
        const next = () => list[n++ % list.length]!;
        design.name = next();
        for (const v of design.vpcs) {
          v.name = next();
          for (const s of v.subnets) s.name = next();
          for (const g of v.securityGroups) {
            g.name = next();
            for (const r of [...g.ingress, ...g.egress]) r.description = next();
          }
        }
        return cfn(design)
          .files.filter((f) => f.language === 'yaml')
          .map((f) => ({ ...f, path: `s${i}-${f.path}` }));
      });
      expect(await cfnLint(files)).toBe('');
    },
    120_000,
  );
});
