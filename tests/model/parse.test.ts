import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDesign, loadDesignValue, serializeDesign } from '../../src/model/parse';
import { migrate, type Migration } from '../../src/model/migrations';

const minimal = { format: 'vbaws-network-design', version: 1 };
const text = (value: unknown) => JSON.stringify(value);
const errorsOf = (input: string) => {
  const r = loadDesign(input);
  if (r.ok) throw new Error('expected a load error');
  return r.errors;
};

describe('loading a design', () => {
  it('fills the defaults the format names', () => {
    const r = loadDesign(
      text({
        ...minimal,
        accounts: [{ id: 'a', accountId: '111111111111' }],
        vpcs: [
          {
            id: 'v',
            account: 'a',
            region: 'us-east-1',
            cidr: '10.0.0.0/16',
            subnets: [{ id: 's', cidr: '10.0.1.0/24', az: 'us-east-1a' }],
            routeTables: [{ id: 'rt', routes: [] }],
            securityGroups: [{ id: 'sg' }],
            endpoints: [{ id: 'e', service: 'ssm', type: 'Interface' }],
          },
        ],
        peerings: [{ id: 'p', requester: 'v', accepter: 'v' }],
        operations: [{ id: 'o', kind: 'flr-backup', repository: 'r' }],
      }),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const d = r.design;
    expect(d.privateNetworkDeployment).toBe(true);
    expect(d.name).toBe('');
    expect(d.repositories).toEqual([]);
    expect(d.workerConfigurations).toEqual([]);
    const vpc = d.vpcs[0]!;
    expect(vpc.dnsSupport).toBe(true);
    expect(vpc.dnsHostnames).toBe(false);
    expect(vpc.secondaryCidrs).toEqual([]);
    expect(vpc.subnets[0]!.mapPublicIpOnLaunch).toBe(false);
    expect(vpc.routeTables[0]!.main).toBe(false);
    expect(vpc.securityGroups[0]!.ingress).toEqual([]);
    expect(vpc.endpoints[0]!.subnets).toEqual([]);
    expect(d.peerings[0]!.status).toBe('active');
    expect(d.operations[0]!.restoreToOriginal).toBe(false);
    expect(d.operations[0]!.workersIn).toBe('backup-account');
  });

  it('keeps unknown fields at the top level and inside elements through a save', () => {
    const r = loadDesign(
      text({ ...minimal, futureField: { a: 1 }, accounts: [{ id: 'a', accountId: '1', colour: 'blue' }] }),
    );
    if (!r.ok) throw new Error('expected ok');
    const saved = JSON.parse(serializeDesign(r.design));
    expect(saved.futureField).toEqual({ a: 1 });
    expect(saved.accounts[0].colour).toBe('blue');
  });

  it('drops keys that could pollute prototypes', () => {
    const r = loadDesign(
      '{"format":"vbaws-network-design","version":1,"__proto__":{"polluted":true},"accounts":[{"id":"a","accountId":"1","constructor":{"prototype":{"x":1}}}]}',
    );
    if (!r.ok) throw new Error('expected ok');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(r.design)).toBe(Object.prototype);
    expect(Object.keys(r.design.accounts[0]!)).not.toContain('constructor');
  });
});

describe('load errors name the JSON path and what was expected', () => {
  it('text that is not JSON: line and column', () => {
    const [e] = errorsOf('{\n  "format": "vbaws-network-design",\n  "version": 1,\n}');
    expect(e!.path).toBe('$');
    expect(e!.message).toMatch(/not valid JSON at line 4, column 1/);
  });

  it('JSON that is not an object', () => {
    expect(errorsOf('[1,2]')[0]).toEqual({ path: '$', message: 'expected a design object, got an array' });
  });

  it('the wrong format', () => {
    const [e] = errorsOf(text({ format: 'something-else', version: 1 }));
    expect(e!.path).toBe('$.format');
    expect(e!.message).toContain('"vbaws-network-design"');
  });

  it('a version this build does not read', () => {
    const [newer] = errorsOf(text({ ...minimal, version: 7 }));
    expect(newer).toEqual({ path: '$.version', message: expect.stringContaining('unsupported version 7') });
    const [older] = errorsOf(text({ ...minimal, version: 0 }));
    expect(older!.message).toContain('unsupported version 0');
    const [notInt] = errorsOf(text({ ...minimal, version: '1' }));
    expect(notInt!.message).toContain('expected an integer version');
  });

  it('wrong types deep inside, each with its own path', () => {
    const errors = errorsOf(
      text({
        ...minimal,
        vpcs: [
          {
            id: 'v',
            account: 'a',
            region: 'us-east-1',
            cidr: 10,
            dnsSupport: 'yes',
            subnets: [{ id: 's', cidr: '10.0.0.0/24' }],
          },
        ],
      }),
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: '$.vpcs[0].cidr', message: 'expected string, got number 10' },
        { path: '$.vpcs[0].dnsSupport', message: 'expected boolean, got the string "yes"' },
        { path: '$.vpcs[0].subnets[0].az', message: 'expected string, got nothing (the field is required)' },
      ]),
    );
  });

  it('enum values list what is allowed', () => {
    const [e] = errorsOf(text({ ...minimal, operations: [{ id: 'o', kind: 'ec2-snapshot' }] }));
    expect(e!.path).toBe('$.operations[0].kind');
    expect(e!.message).toMatch(/^expected one of "ec2-backup", /);
  });

  it('ids with characters the format forbids, or that name a prototype', () => {
    const [e] = errorsOf(text({ ...minimal, accounts: [{ id: 'has space', accountId: '1' }] }));
    expect(e!.path).toBe('$.accounts[0].id');
    const [proto] = errorsOf(text({ ...minimal, accounts: [{ id: 'constructor', accountId: '1' }] }));
    expect(proto).toEqual({
      path: '$.accounts[0].id',
      message: expect.stringContaining('other than __proto__'),
    });
  });

  it('a rule with both or neither of cidr and securityGroup, a route with two targets', () => {
    const errors = errorsOf(
      text({
        ...minimal,
        vpcs: [
          {
            id: 'v',
            account: 'a',
            region: 'us-east-1',
            cidr: '10.0.0.0/16',
            securityGroups: [{ id: 'g', ingress: [{ protocol: 'tcp', fromPort: 443, toPort: 443 }] }],
            routeTables: [{ id: 'r', routes: [{ destination: '0.0.0.0/0', gateway: 'nat', peering: 'p' }] }],
          },
        ],
      }),
    );
    expect(errors.map((e) => e.path).sort()).toEqual([
      '$.vpcs[0].routeTables[0].routes[0]',
      '$.vpcs[0].securityGroups[0].ingress[0]',
    ]);
  });

  it('reference problems are not load errors: a half-finished design opens', () => {
    const r = loadDesign(
      text({ ...minimal, vpcs: [{ id: 'v', account: 'nobody', region: 'xx', cidr: 'bad' }] }),
    );
    expect(r.ok).toBe(true);
  });
});

describe('migrations registry', () => {
  it('is empty for format 1 and refuses a version it cannot bridge', () => {
    expect(migrate({}, 1, 1)).toEqual({ ok: true, raw: {}, applied: [] });
    expect(migrate({}, 1, 2)).toEqual({ ok: false, message: 'no migration from version 1 to 2' });
  });

  it('chains registered steps in order, so an older document opens as the current version', () => {
    const registry: Migration[] = [
      { from: 0, name: 'rename-title-to-name', up: ({ title, ...rest }) => ({ ...rest, name: title }) },
    ];
    const r = loadDesignValue({ format: 'vbaws-network-design', version: 0, title: 'old' }, registry);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.design.name).toBe('old');
    expect(r.design.version).toBe(1);
    expect(r.migrations).toEqual(['rename-title-to-name']);
  });
});

describe('the example designs', () => {
  for (const file of ['example-1-ec2-backup.json', 'example-2-ec2-archive.json']) {
    it(`${file} loads, and saving it back changes nothing but defaults`, () => {
      const source = readFileSync(new URL(`../../examples/${file}`, import.meta.url), 'utf8');
      const r = loadDesign(source);
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      const again = loadDesign(serializeDesign(r.design));
      expect(again.ok && again.design).toEqual(r.design);
    });
  }
});
