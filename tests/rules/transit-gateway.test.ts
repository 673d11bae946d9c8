// Transit Gateway rules on Example 3 (the TGW hub): each TGW hop a required flow can fail at, and
// what AWS refuses or does not resolve. tgw-planted-faults.test.ts checks "fix all" on the same faults.
import type { Design } from '../../src/model/schema';
import { edit, example } from './helpers';
import { sameRegionHub } from './tgw-variants';
import { ruleTester } from './tester';

const e3 = () => example(3);
const tgw = (d: Design, id: string) => d.transitGateways.find((t) => t.id === id)!;
const attachment = (d: Design, id: string) => d.transitGatewayAttachments.find((a) => a.id === id)!;
const onE3 = { base: e3 };

ruleTester('tgw/no-attachment', onE3)
  .fires(
    'the worker VPC not attached at all',
    (d) =>
      (d.transitGatewayAttachments = d.transitGatewayAttachments.filter((a) => a.id !== 'tgw-attach-worker')),
    { elements: ['tgw-use1'], flow: /workers/i, message: 'Attach VPC "Worker VPC"', fixed: true },
  )
  .silent('example 3', e3());

ruleTester('tgw/not-shared', onE3)
  .fires('the TGW not shared with the repository account', (d) => (tgw(d, 'tgw-usw2').sharedWith = []), {
    elements: ['tgw-attach-repo'],
    flow: /workers/i,
    fixed: true,
  })
  .silent('example 3', e3());

ruleTester('tgw/az-not-attached', onE3)
  .fires(
    'the worker attachment lacks the workers’ AZ',
    (d) => {
      d.vpcs
        .find((x) => x.id === 'vpc-worker')!
        .subnets.push({
          id: 'sn-tgw-b',
          name: 'tgw b',
          cidr: '10.0.250.0/28',
          az: 'us-east-1b',
          mapPublicIpOnLaunch: false,
        });
      attachment(d, 'tgw-attach-worker').subnets = ['sn-tgw-b'];
    },
    { elements: ['tgw-attach-worker'], flow: /workers/i, fixed: true },
  )
  .silent('example 3', e3());

ruleTester('tgw/no-route', onE3)
  .fires(
    'the repository attachment does not propagate into the us-west-2 table',
    (d) => (attachment(d, 'tgw-attach-repo').propagations = []),
    { elements: ['tgw-rtb-usw2'], flow: /workers/i, fixed: true },
  )
  .fires(
    'the worker attachment associated with an empty table',
    (d) => {
      tgw(d, 'tgw-use1').routeTables.push({ id: 'tgw-rtb-isolated', name: 'isolated', routes: [] });
      attachment(d, 'tgw-attach-worker').routeTable = 'tgw-rtb-isolated';
    },
    {
      elements: ['tgw-rtb-isolated'],
      message: 'Associate attachment',
      fix: { attachment: 'tgw-attach-worker', routeTable: 'tgw-rtb-use1' },
      fixed: true,
    },
  )
  .silent('example 3', e3());

ruleTester('tgw/no-return-route', onE3)
  .fires(
    'the us-west-2 table lacks the return route to the workers',
    (d) => {
      const t = tgw(d, 'tgw-usw2').routeTables[0]!;
      t.routes = t.routes.filter((r) => r.destination !== '10.0.0.0/16');
    },
    { elements: ['tgw-rtb-usw2'], flow: /workers/i, fixed: true },
  )
  .silent('example 3', e3());

ruleTester('tgw/blackhole', onE3)
  .fires(
    'a blackholed route for the repository subnet in us-east-1',
    (d) => tgw(d, 'tgw-use1').routeTables[0]!.routes.push({ destination: '11.0.1.0/24', blackhole: true }),
    { elements: ['tgw-rtb-use1'], flow: /workers/i, fixed: true },
  )
  .silent('a blackhole for addresses no flow uses', (d) =>
    tgw(d, 'tgw-use1').routeTables[0]!.routes.push({ destination: '192.168.0.0/16', blackhole: true }),
  );

ruleTester('tgw/peering-propagation', onE3)
  .fires(
    'a peering attachment set to propagate is refused',
    (x) => (attachment(x, 'tgw-attach-use1-usw2').propagations = ['tgw-rtb-use1']),
    { elements: ['tgw-attach-use1-usw2'], count: 1 },
  )
  .silent('example 3', e3());

/** The repository endpoint's group admits the workers by naming their group instead of their range. */
const byReference = (d: Design) => {
  const g = d.vpcs.find((v) => v.id === 'vpc-repo')!.securityGroups[0]!;
  g.ingress = g.ingress.map((r) =>
    r.cidr === '10.0.0.0/16'
      ? { protocol: 'tcp', fromPort: 443, toPort: 443, securityGroup: 'sg-worker' }
      : r,
  );
};

ruleTester('tgw/sg-reference', onE3)
  .fires('the inbound rule names the workers’ group across regions, referencing off', byReference, {
    elements: ['sg-s3-endpoint'],
    flow: /workers/i,
    severity: 'error',
    fixed: true,
  })
  .fires(
    'across regions even referencing on does not resolve it',
    (d) => {
      byReference(d);
      for (const t of d.transitGateways) t.securityGroupReferencing = true;
    },
    { message: 'different regions', fixed: true },
  )
  .fires('one region, referencing off', edit(sameRegionHub(), byReference), {
    elements: ['sg-s3-endpoint', 'tgw-use1'],
    message: 'Turn on security group referencing',
    fixed: true,
  })
  .silent(
    'one region, referencing on at the TGW and both attachments',
    edit(sameRegionHub(), (d) => {
      byReference(d);
      tgw(d, 'tgw-use1').securityGroupReferencing = true;
    }),
  )
  .silent('a group of the same VPC', (x) => {
    const g = x.vpcs.find((v) => v.id === 'vpc-worker')!.securityGroups[0]!;
    g.ingress.push({ protocol: 'tcp', fromPort: 443, toPort: 443, securityGroup: 'sg-worker' });
  })
  .silent('example 3', e3());
