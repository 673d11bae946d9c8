// Address-plan rules: valid blocks, sizes, subnets inside their VPC and apart, private ranges.
import type { Design } from '../../src/model/schema';
import { expect } from 'vitest';
import { ruleMeta } from '../../src/rules/registry';
import { example, vpc } from './helpers';
import { ruleTester } from './tester';

const e1 = example(1);

const extraSubnet = (cidr: string) => (d: Design) =>
  vpc(d, 'vpc-worker').subnets.push({
    id: 'sn-extra',
    name: 'extra',
    cidr,
    az: 'us-east-1b',
    mapPublicIpOnLaunch: false,
  });

ruleTester('cidr/invalid')
  .fires(
    'host bits set: the message names the real block',
    (d) => (vpc(d, 'vpc-worker').subnets[0]!.cidr = '10.0.1.7/24'),
    {
      elements: ['sn-worker-a'],
      message: '10.0.1.0/24',
    },
  )
  .fires('an appliance address that is no address', (d) => (d.appliance!.ip = '172.16.1.300'), {
    elements: ['appliance'],
  })
  .silent('example 1', e1);

ruleTester('cidr/vpc-size')
  .fires('a /8 VPC', (d) => (vpc(d, 'vpc-worker').cidr = '10.0.0.0/8'), { elements: ['vpc-worker'] })
  .silent('a /28 secondary block is allowed', (d) => (vpc(d, 'vpc-worker').secondaryCidrs = ['10.1.0.0/28']));

ruleTester('cidr/subnet-outside-vpc')
  .fires('a subnet outside every block', (d) => (vpc(d, 'vpc-worker').subnets[0]!.cidr = '10.9.1.0/24'), {
    elements: ['sn-worker-a'],
  })
  .silent('a subnet in a secondary block is inside', (d) => {
    vpc(d, 'vpc-worker').secondaryCidrs = ['10.9.0.0/16'];
    extraSubnet('10.9.1.0/24')(d);
  });

ruleTester('cidr/subnet-overlap')
  .fires('nested blocks overlap', extraSubnet('10.0.1.128/25'), { elements: ['sn-worker-a', 'sn-extra'] })
  .silent('adjacent blocks do not', extraSubnet('10.0.2.0/24'));

const sized = (cidr: string) => (d: Design) => {
  const v = vpc(d, 'vpc-worker');
  v.secondaryCidrs.push('10.1.0.0/16');
  v.subnets.push({ id: 'sn-x', name: 'x', cidr, az: 'us-east-1a', mapPublicIpOnLaunch: false });
};

ruleTester('cidr/subnet-size')
  .fires('a /29 subnet', sized('10.1.0.0/29'), {
    elements: ['sn-x'],
    severity: 'error',
    also: () => expect(ruleMeta('cidr/subnet-size')!.explanation).toMatch(/\/16 .* \/28/),
  })
  .fires('a /15 subnet, named in the message', sized('10.0.0.0/15'), { message: '/15' })
  .silent('a /28 subnet', sized('10.1.0.0/28'));

ruleTester('cidr/non-rfc1918')
  .fires('example 1’s 11.0.0.0/16-style block, as info only', e1, {
    count: 1,
    severity: 'info',
    also: (found) => expect(found.map((f) => f.elements)).toEqual([['vpc-repo']]),
  })
  .silent('inside 172.16.0.0/12', (d) => (vpc(d, 'vpc-repo').cidr = '172.31.0.0/16'));
