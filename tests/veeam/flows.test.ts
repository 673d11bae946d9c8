// What operations require: where workers run, which endpoints, which flows (rules.md sections 1–2).
import { describe, expect, it } from 'vitest';
import { indexDesign } from '../../src/model/design-index';
import type { Design, OperationKind } from '../../src/model/schema';
import { buildNetwork } from '../../src/network/model';
import { deriveRequirements } from '../../src/veeam/flows';
import { OPERATION_REQUIREMENTS, requiredEndpoints } from '../../src/veeam/operations';
import { edit, example } from '../rules/helpers';

function requirements(d: Design) {
  const index = indexDesign(d);
  return deriveRequirements(index, buildNetwork(index));
}

describe('operation table', () => {
  it.each<[OperationKind, string[]]>([
    ['ec2-backup', ['ec2messages', 'ssm', 'sqs', 'ebs']],
    ['ec2-restore', ['ec2messages', 'ssm', 'sqs']],
    ['retention', ['ec2messages', 'ssm', 'sqs']],
    ['rds-backup', ['ssmmessages', 'ssm', 'sqs']],
    ['efs-indexing', ['ssmmessages', 'ssm', 'sqs']],
    ['rds-archive', ['ssmmessages', 'ssm', 'sqs']],
  ])('%s needs %j', (kind, services) => {
    expect(
      requiredEndpoints({ id: 'o', kind, workersIn: 'backup-account', restoreToOriginal: false }),
    ).toEqual(services);
  });
  it('file-level recovery to the original location adds kinesis-streams', () => {
    expect(
      requiredEndpoints({
        id: 'o',
        kind: 'flr-backup',
        workersIn: 'backup-account',
        restoreToOriginal: true,
      }),
    ).toContain('kinesis-streams');
  });
  it('only rds/efs kinds are tied to the production VPC', () => {
    const tied = Object.entries(OPERATION_REQUIREMENTS)
      .filter(([, r]) => r.workerInOperationVpc)
      .map(([k]) => k);
    expect(tied.sort()).toEqual(['efs-indexing', 'rds-backup', 'rds-restore']);
  });
});

describe('flows of the examples', () => {
  it('example 1: four service flows, workers and appliance to the S3 endpoint', () => {
    const r = requirements(example(1));
    expect(r.flows.map((f) => `${f.flow.kind} ${f.flow.source}→${f.flow.target}`).sort()).toEqual([
      'appliance-repository appliance→vpce-s3-repo',
      'worker-repository sn-worker-a→vpce-s3-repo',
      'worker-service sn-worker-a→vpce-ebs',
      'worker-service sn-worker-a→vpce-ec2messages',
      'worker-service sn-worker-a→vpce-sqs',
      'worker-service sn-worker-a→vpce-ssm',
    ]);
    expect(r.flows.every((f) => f.flow.operations.includes('op-ec2-backup'))).toBe(true);
  });
  it('example 2: archiving reaches both repositories and joins their VPCs both ways', () => {
    const kinds = requirements(example(2)).flows.map((f) => `${f.flow.kind} ${f.flow.target}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'worker-repository vpce-s3-std',
        'worker-repository vpce-s3-archive',
        'appliance-repository vpce-s3-std',
        'appliance-repository vpce-s3-archive',
        'archive-peering vpce-s3-std',
        'archive-peering vpce-s3-archive',
      ]),
    );
  });
  it('health checks run in the repository’s region with the backup account’s configuration', () => {
    const d = edit(
      example(2),
      (x) =>
        (x.operations = [
          {
            id: 'op-hc',
            kind: 'ec2-health-check',
            repository: 'repo-std',
            workersIn: 'production-account',
            restoreToOriginal: false,
          },
        ]),
    );
    const [p] = requirements(d).placements;
    expect(p).toMatchObject({
      account: 'acct-backup',
      region: 'us-west-2',
      configurations: [{ id: 'wc-backup-usw2' }],
    });
  });
  it('private network deployment off: nothing to derive', () => {
    expect(requirements(edit(example(1), (x) => (x.privateNetworkDeployment = false))).flows).toEqual([]);
  });
});

describe('flow descriptions and shared flows', () => {
  it('each kind of flow says who reaches which endpoint of which repository, by name', () => {
    const byId = new Map(requirements(example(2)).flows.map((f) => [f.flow.id, f.flow]));
    expect(byId.get('worker-service:sn-worker-a→vpce-ssm')?.description).toBe(
      'workers in subnet "workers (private)" → ssm endpoint "vpce-ssm"',
    );
    expect(byId.get('worker-repository:sn-worker-a→vpce-s3-archive')?.description).toBe(
      'workers in subnet "workers (private)" → S3 endpoint "vpce-s3-archive" of repository "Archive repository"',
    );
    expect(byId.get('appliance-repository:appliance→vpce-s3-std')?.description).toBe(
      'appliance "Veeam Backup for AWS" → S3 endpoint "vpce-s3-std" of repository "Standard repository"',
    );
    expect(byId.get('archive-peering:vpc-repo-std→vpce-s3-archive')).toMatchObject({
      description:
        'repository VPC "Standard repository VPC" → S3 endpoint "vpce-s3-archive" of repository "Archive repository"',
      sourceRange: '11.0.0.0/16',
      fixRange: '11.0.0.0/16',
    });
  });

  it('operations sharing a worker configuration and repository share one flow per target', () => {
    const d = edit(example(1), (x) => {
      const op = x.operations[0]!;
      x.operations.push({ ...op, id: 'op-second', name: 'Second backup' });
    });
    const flows = requirements(d).flows;
    expect(flows).toHaveLength(6);
    for (const f of flows) expect(f.flow.operations).toEqual(['op-ec2-backup', 'op-second']);
    expect(new Set(flows.map((f) => f.flow.id)).size).toBe(6);
  });
});

describe('many targets from one worker configuration', () => {
  it('one flow per repository endpoint, each listing every operation that writes there', () => {
    const d = edit(example(1), (x) => {
      const repoVpc = x.vpcs.find((v) => v.id === 'vpc-repo')!;
      const [endpoint] = repoVpc.endpoints;
      const [repo] = x.repositories;
      const [op] = x.operations;
      x.operations = [];
      for (let i = 0; i < 20; i++) {
        repoVpc.endpoints.push({ ...endpoint!, id: `vpce-s3-${i}`, privateDns: false });
        x.repositories.push({ ...repo!, id: `repo-${i}`, bucket: `bucket-${i}`, s3Endpoint: `vpce-s3-${i}` });
        for (const n of [0, 1]) x.operations.push({ ...op!, id: `op-${i}-${n}`, repository: `repo-${i}` });
      }
    });
    const flows = requirements(d).flows.filter((f) => f.flow.kind === 'worker-repository');
    expect(flows.map((f) => f.flow.target)).toEqual(Array.from({ length: 20 }, (_, i) => `vpce-s3-${i}`));
    flows.forEach((f, i) => expect(f.flow.operations).toEqual([`op-${i}-0`, `op-${i}-1`]));
  });
});

describe('worker configurations sharing a subnet', () => {
  const withSecond = (group: string) =>
    edit(example(1), (d) => {
      d.workerConfigurations.push({ ...d.workerConfigurations[0]!, id: 'wc-second', name: 'second' });
      d.workerConfigurations[1]!.securityGroup = group;
    });

  it('with another group they are separate sources, and every flow id stays unique', () => {
    const { flows } = requirements(withSecond('sg-endpoints'));
    const ids = flows.map((f) => f.flow.id);
    expect(new Set(ids).size).toBe(ids.length);
    const ssm = flows.filter((f) => f.kind === 'worker-service' && f.endpoint.id === 'vpce-ssm');
    expect(ssm.map((f) => f.flow.sourceGroups)).toEqual([['sg-worker'], ['sg-endpoints']]);
    expect(ssm.map((f) => f.flow.id)).toEqual([
      'worker-service:sn-worker-a→vpce-ssm',
      'worker-service:sn-worker-a+sg-endpoints→vpce-ssm',
    ]);
  });

  it('with the same group they are one source: one flow per target', () => {
    const one = requirements(example(1)).flows.map((f) => f.flow.id);
    const two = requirements(withSecond('sg-worker')).flows.map((f) => f.flow.id);
    expect(two).toEqual(one);
  });
});

describe('endpoint needs of operations sharing a worker VPC', () => {
  it('each need lists exactly the operations, subnets and groups that need its service', () => {
    const d = edit(example(1), (x) => {
      const op = x.operations[0]!;
      // A restore needs no ebs endpoint; its workers are the same.
      x.operations.push({ ...op, id: 'op-restore', name: 'Restore', kind: 'ec2-restore' });
      // Another configuration puts workers of the same region in the same subnet with another group.
      x.workerConfigurations.push({
        ...x.workerConfigurations[0]!,
        id: 'wc-other',
        securityGroup: 'sg-endpoints',
      });
    });
    const needs = new Map(requirements(d).endpointNeeds.map((n) => [n.service, n]));
    expect([...needs.keys()].sort()).toEqual(['ebs', 'ec2messages', 'sqs', 'ssm']);
    expect(needs.get('ebs')?.operations).toEqual(['op-ec2-backup']);
    for (const service of ['ec2messages', 'ssm', 'sqs'])
      expect(needs.get(service)?.operations, service).toEqual(['op-ec2-backup', 'op-restore']);
    for (const n of needs.values()) {
      expect(n.groups, n.service).toEqual(['sg-worker', 'sg-endpoints']);
      expect(n.subnets.map((s) => s.id)).toEqual(['sn-worker-a']);
    }
  });
});
