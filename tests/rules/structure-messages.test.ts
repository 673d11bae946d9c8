// What structural findings tell the user when ids repeat or name the wrong kind: the JSON paths
// of every holder, the first element's kind, and the first name given to an id. The index spells
// out paths and the id table only when asked, so these pin what it must still say.
import { describe, expect, it } from 'vitest';
import { indexDesign } from '../../src/model/design-index';
import { edit, example, group, vpc, withRule } from './helpers';

const e1 = example(1);

describe('structural findings name paths, kinds and names', () => {
  it('duplicate-id lists every holder with its kind and JSON path, in document order', () => {
    const d = edit(e1, (x) => {
      vpc(x, 'vpc-repo').subnets[0]!.id = 'sg-endpoints';
      x.repositories[0]!.id = 'sg-endpoints';
    });
    const [f, ...more] = withRule(d, 'design/duplicate-id');
    expect(more).toEqual([]);
    expect(f!.message).toContain(
      'security group at $.vpcs[1].securityGroups[0], subnet at $.vpcs[2].subnets[0], repository at $.repositories[0]',
    );
    expect(f!.message).toContain('used 3 times');
  });

  it('a reference to an id of another kind names the kind of its first holder', () => {
    const d = edit(e1, (x) => (vpc(x, 'vpc-worker').subnets[0]!.routeTable = 'sg-worker'));
    const [f] = withRule(d, 'design/invalid-reference');
    expect(f!.message).toContain(
      'routeTable names "sg-worker", which is a security group, not a route table',
    );
  });

  it('a group of another VPC is reported with both VPC names', () => {
    const d = edit(e1, (x) => (x.workerConfigurations[0]!.securityGroup = 'sg-s3-endpoint'));
    const messages = withRule(d, 'design/invalid-reference').map((f) => f.message);
    expect(messages.join('\n')).toMatch(/of VPC "Repository VPC", but it must be in VPC "Worker VPC"/);
  });

  it('with repeated ids, kind is the first holder and the name the first one given', () => {
    const d = edit(e1, (x) => {
      const g = group(x, 'sg-worker');
      g.id = 'vpc-repo';
      g.name = '';
    });
    const index = indexDesign(d);
    expect(index.hasDuplicateIds).toBe(true);
    expect(index.kindOf('vpc-repo')).toBe('securityGroup');
    expect(index.nameOf('vpc-repo')).toBe('Repository VPC');
    expect(index.all.get('vpc-repo')).toEqual([
      { kind: 'securityGroup', path: '$.vpcs[1].securityGroups[1]' },
      { kind: 'vpc', path: '$.vpcs[2]' },
    ]);
    expect(index.vpcs.get('vpc-repo')?.path).toBe('$.vpcs[2]');
    expect(index.endpoints.get('vpce-ssm')?.path).toBe('$.vpcs[1].endpoints[1]');
    expect(index.appliance?.path).toBe('$.appliance');
    expect(indexDesign(e1).hasDuplicateIds).toBe(false);
  });

  it('each kind finds the first element of that kind, and never an element of another kind', () => {
    const unique = indexDesign(e1);
    expect(unique.subnets.get('sg-worker')).toBeUndefined();
    expect(unique.securityGroups.has('sg-worker')).toBe(true);
    expect(unique.subnets.has('sg-worker')).toBe(false);
    // Two subnets share an id, and a VPC earlier in the document holds it too.
    const d = edit(e1, (x) => {
      const [a, b] = [vpc(x, 'vpc-worker'), vpc(x, 'vpc-repo')];
      a.subnets[0]!.id = 'twin';
      b.subnets[0]!.id = 'twin';
      x.vpcs[0]!.id = 'twin';
    });
    const index = indexDesign(d);
    const first = d.vpcs.flatMap((v) => v.subnets).find((s) => s.id === 'twin')!;
    expect(index.subnets.get('twin')?.element).toBe(first);
    expect(index.vpcs.get('twin')?.element).toBe(d.vpcs[0]);
    expect(index.kindOf('twin')).toBe('vpc');
    expect(index.routeTables.get('twin')).toBeUndefined();
  });
});
