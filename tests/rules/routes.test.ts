// Route rules: a route each way over the peering joining exactly the two VPCs, by longest prefix.
import { describe, expect, it } from 'vitest';
import { edit, example, serious, table, vpc } from './helpers';
import { ruleTester } from './tester';

const e1 = example(1);
const e2 = example(2);

const widerRoute = edit(
  e1,
  (x) => (table(x, 'rt-worker').routes = [{ destination: '11.0.0.0/8', peering: 'pcx-worker-repo' }]),
);
const specificBeatsWide = edit(e1, (x) => {
  table(x, 'rt-worker').routes = [
    { destination: '11.0.0.0/8', gateway: 'nat' },
    { destination: '11.0.1.0/24', peering: 'pcx-worker-repo' },
  ];
});

ruleTester('route/missing')
  .fires('forward: fixed by a route to the peering', (x) => (table(x, 'rt-worker').routes = []), {
    elements: ['rt-worker', 'pcx-worker-repo'],
    fix: {
      type: 'route/add',
      routeTable: 'rt-worker',
      route: { destination: '11.0.0.0/16', peering: 'pcx-worker-repo' },
    },
    flow: 'Back up production EC2 instances',
    fixed: true,
  })
  .fires('return: including the /32 the appliance needs', (x) => table(x, 'rt-repo').routes.splice(1, 1), {
    elements: ['rt-repo', 'pcx-appliance-repo'],
    message: 'return route',
    fix: { route: { destination: '172.16.1.10/32', peering: 'pcx-appliance-repo' } },
  })
  .silent('a wider route that still covers', widerRoute)
  .silent('example 1', e1);

ruleTester('route/wrong-target')
  .fires(
    'a NAT gateway wins the longest match',
    (x) => (table(x, 'rt-worker').routes = [{ destination: '11.0.0.0/16', gateway: 'nat' }]),
    {
      elements: ['rt-worker'],
      fix: { type: 'route/set-target', peering: 'pcx-worker-repo' },
      fixed: true,
    },
  )
  .fires(
    // Example 2: sending archive traffic to the standard repository's peering relies on transit.
    'a transitive peering wins the longest match',
    edit(e2, (x) => {
      const t = table(x, 'rt-worker');
      t.routes = t.routes.map((r) =>
        r.destination === '13.0.0.0/16' ? { ...r, peering: 'pcx-worker-std' } : r,
      );
    }),
    { elements: ['rt-worker', 'pcx-worker-std', 'pcx-worker-archive'] },
  )
  .silent('a more specific route to the right peering beats a wider wrong one', specificBeatsWide)
  .silent('example 2', e2);

ruleTester('route/foreign-peering')
  .fires(
    'a route to the peering of two other VPCs',
    (x) => table(x, 'rt-worker').routes.push({ destination: '172.16.0.0/16', peering: 'pcx-appliance-repo' }),
    { elements: ['rt-worker', 'pcx-appliance-repo'] },
  )
  .silent('example 1', e1);

ruleTester('route/local-shadow')
  .fires(
    'the repository VPC re-addressed inside the workers’ block',
    (x) => {
      const repo = vpc(x, 'vpc-repo');
      repo.cidr = '10.0.128.0/20';
      repo.subnets[0]!.cidr = '10.0.129.0/24';
    },
    { elements: ['vpc-worker', 'vpc-repo'], flow: 'workers', severity: 'error' },
  )
  .silent('example 1', e1);

describe('routes that work', () => {
  it('a wider route that still covers, and a /32 return route for the appliance, are fine', () => {
    expect(serious(widerRoute)).toEqual([]);
  });
  it('a more specific route to the right peering beats a wider wrong one', () => {
    expect(serious(specificBeatsWide)).toEqual([]);
  });
});
