// Day 2: export, edit the design, export again, and compare resource by resource. Terraform state
// and CloudFormation stacks key resources by address / logical id, so an edit must change exactly
// the resources it is about: deleting one route or rule removes that one and renames nothing else,
// and renaming a security group (even to "default") changes only its tags, never the group itself.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportCloudFormation, exportTerraform } from '../../src/export/index';
import type { Design } from '../../src/model/schema';
import { idPart } from '../../src/export/cloudformation/intrinsics';
import { logicalId } from '../../src/export/labels';
import { hostileDesign, loadExample, oneScopeDesign } from './fixtures/designs';

/** `aws_route.rt_repo_10_0_0_0_16` → the block's text, over every .tf file. */
function terraformResources(design: Design): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of exportTerraform(design, [])) {
    for (const m of f.content.matchAll(/^resource "(\w+)" "(\w+)" \{\n[\s\S]*?^\}$/gm)) {
      const key = `${m[1]}.${m[2]}`;
      expect(out.has(key), `${key} declared twice`).toBe(false);
      out.set(key, m[0]);
    }
  }
  return out;
}

/** `stack-file#LogicalId` → the resource as JSON, over every template. */
function cloudFormationResources(design: Design): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of exportCloudFormation(design, [])) {
    if (f.language !== 'yaml') continue;
    const doc = parse(f.content, { version: '1.1' }) as { Resources: Record<string, unknown> };
    for (const [id, r] of Object.entries(doc.Resources)) out.set(`${f.path}#${id}`, JSON.stringify(r));
  }
  return out;
}

function diff(before: Map<string, string>, after: Map<string, string>) {
  return {
    removed: [...before.keys()].filter((k) => !after.has(k)),
    added: [...after.keys()].filter((k) => !before.has(k)),
    changed: [...before.keys()].filter((k) => after.has(k) && after.get(k) !== before.get(k)),
  };
}

function edited(design: Design, edit: (d: Design) => void): Design {
  const copy = structuredClone(design);
  edit(copy);
  return copy;
}

const vpc = (d: Design, id: string) => d.vpcs.find((v) => v.id === id)!;
const group = (d: Design, vpcId: string, id: string) =>
  vpc(d, vpcId).securityGroups.find((g) => g.id === id)!;

describe('day 2: one edit changes exactly its own resources', () => {
  const example = loadExample('example-1-ec2-backup.json');

  it('deleting the first of two routes removes that route only (Terraform and CloudFormation)', () => {
    const after = edited(example, (d) => vpc(d, 'vpc-repo').routeTables[0]!.routes.shift());
    const tf = diff(terraformResources(example), terraformResources(after));
    expect(tf).toEqual({ removed: ['aws_route.rt_repo_10_0_0_0_16'], added: [], changed: [] });
    const cfn = diff(cloudFormationResources(example), cloudFormationResources(after));
    expect(cfn.removed).toHaveLength(1);
    expect(cfn.removed[0]).toMatch(/^repository-account-us-west-2\.yaml#RtRepoRoute10x0x0x0x16$/);
    expect(cfn.added).toEqual([]);
    expect(cfn.changed).toEqual([]);
  });

  it('deleting the first of two ingress rules removes that rule only', () => {
    const after = edited(example, (d) => group(d, 'vpc-repo', 'sg-s3-endpoint').ingress.shift());
    const tf = diff(terraformResources(example), terraformResources(after));
    expect(tf.removed).toEqual([
      'aws_vpc_security_group_ingress_rule.sg_s3_endpoint_ingress_tcp_443_172_16_1_10_32',
    ]);
    expect(tf.added).toEqual([]);
    expect(tf.changed).toEqual([]);
    const cfn = diff(cloudFormationResources(example), cloudFormationResources(after));
    expect(cfn.removed).toEqual([
      'repository-account-us-west-2.yaml#SgS3EndpointIngressTcp443From172x16x1x10x32',
    ]);
    expect(cfn.added).toEqual([]);
    expect(cfn.changed).toEqual([]);
  });

  it('deleting a rule that references another group, and one in a hostile design, touches only it', () => {
    const design = hostileDesign();
    const worker = group(design, 'vpc-worker', 'sg_worker');
    const index = worker.ingress.findIndex((r) => r.securityGroup === 'sg:endpoints');
    expect(index).toBeGreaterThanOrEqual(0);
    const after = edited(design, (d) => group(d, 'vpc-worker', 'sg_worker').ingress.splice(index, 1));
    const tf = diff(terraformResources(design), terraformResources(after));
    expect(tf.removed).toHaveLength(1);
    expect(tf.removed[0]).toMatch(
      /^aws_vpc_security_group_ingress_rule\.\w+_ingress_tcp_22__sg_endpoints_\w+$/,
    );
    expect([...tf.added, ...tf.changed]).toEqual([]);
    const cfn = diff(cloudFormationResources(design), cloudFormationResources(after));
    expect(cfn.removed).toHaveLength(1);
    expect([...cfn.added, ...cfn.changed]).toEqual([]);
  });

  it('renaming a security group, even to "default", changes only its Name tag', () => {
    for (const name of ['default', 'worker instances (renamed)', '${AWS::Region}']) {
      const after = edited(example, (d) => (group(d, 'vpc-worker', 'sg-worker').name = name));
      const before = terraformResources(example);
      const tfAfter = terraformResources(after);
      const tf = diff(before, tfAfter);
      expect(tf.changed).toEqual(['aws_security_group.sg_worker']);
      expect([...tf.added, ...tf.removed]).toEqual([]);
      const attrs = (block: string) => block.split('\n').filter((l) => !/^\s+tags\s+=/.test(l));
      expect(attrs(tfAfter.get('aws_security_group.sg_worker')!)).toEqual(
        attrs(before.get('aws_security_group.sg_worker')!),
      );
      // "sg-" starts group ids, so EC2 refuses it as a name prefix: the id gets one.
      expect(tfAfter.get('aws_security_group.sg_worker')).toMatch(/^\s+name\s+= "pnd-sg-worker"$/m);

      const cfnBefore = cloudFormationResources(example);
      const cfnAfter = cloudFormationResources(after);
      const cfn = diff(cfnBefore, cfnAfter);
      expect(cfn.changed).toEqual(['backup-account-us-east-1.yaml#SgWorker']);
      expect([...cfn.added, ...cfn.removed]).toEqual([]);
      const props = (json: string): Record<string, unknown> => {
        const { Properties } = JSON.parse(json) as { Properties: Record<string, unknown> };
        return { ...Properties, Tags: undefined };
      };
      const groupAfter = props(cfnAfter.get('backup-account-us-east-1.yaml#SgWorker')!);
      expect(groupAfter).toEqual(props(cfnBefore.get('backup-account-us-east-1.yaml#SgWorker')!));
      expect(groupAfter.GroupName).toBe('pnd-sg-worker');
    }
  });

  it('adding a VPC, a route and a rule adds resources and changes none', () => {
    const after = edited(example, (d) => {
      vpc(d, 'vpc-worker').routeTables[0]!.routes.unshift({
        destination: '172.16.0.0/16',
        gateway: 'internet',
      });
      group(d, 'vpc-worker', 'sg-worker').egress.unshift({
        protocol: 'udp',
        fromPort: 53,
        toPort: 53,
        cidr: '10.0.0.2/32',
      });
      d.vpcs.unshift({
        ...structuredClone(vpc(d, 'vpc-worker')),
        id: 'vpc-new',
        subnets: [],
        routeTables: [],
        securityGroups: [],
        endpoints: [],
      });
    });
    for (const [before, now] of [
      [terraformResources(example), terraformResources(after)],
      [cloudFormationResources(example), cloudFormationResources(after)],
    ] as const) {
      const d = diff(before, now);
      expect(d.removed).toEqual([]);
      expect(d.changed).toEqual([]);
      expect(d.added.length).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('day 2 at scale: a scope split over several stacks', () => {
  it('deleting a VPC moves no other VPC to another stack', () => {
    const design = oneScopeDesign(400);
    const doomed = design.vpcs.findIndex((v) => v.id.startsWith('vpc-worker-'));
    const gone = design.vpcs[doomed]!;
    const after = edited(design, (d) => {
      d.vpcs.splice(doomed, 1);
      d.peerings = d.peerings.filter((p) => p.requester !== gone.id && p.accepter !== gone.id);
      for (const v of d.vpcs)
        for (const t of v.routeTables) t.routes = t.routes.filter((r) => r.destination !== gone.cidr);
      for (const v of d.vpcs)
        for (const g of v.securityGroups) g.ingress = g.ingress.filter((r) => r.cidr !== gone.cidr);
      d.workerConfigurations = d.workerConfigurations.filter((w) => w.vpc !== gone.id);
    });
    const before = cloudFormationResources(design);
    const now = cloudFormationResources(after);
    const files = new Set([...before.keys()].map((k) => k.split('#')[0]));
    expect(files.size).toBeGreaterThan(1);
    const d = diff(before, now);
    expect(d.added).toEqual([]);
    expect(d.changed).toEqual([]);
    // Only the VPC's own resources, its peering, and the route and rule towards it go.
    const pcx = design.peerings.filter((p) => p.requester === gone.id || p.accepter === gone.id);
    const own = [
      gone,
      ...gone.subnets,
      ...gone.routeTables,
      ...gone.securityGroups,
      ...gone.endpoints,
      ...pcx,
    ];
    const prefixes = own.map((e) => logicalId(e.id));
    const towards = idPart(gone.cidr);
    for (const key of d.removed) {
      const id = key.split('#')[1]!;
      expect(prefixes.some((p) => id.startsWith(p)) || id.endsWith(towards), id).toBe(true);
    }
    expect(d.removed.length).toBeGreaterThan(own.length);
  }, 120_000);
});
