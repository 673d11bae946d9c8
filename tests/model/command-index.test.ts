// The command index (src/model/commands/index.ts) is the one list of command types. Every command
// a module defines is in it under its own module, every type reads `<kind>/<verb>`, and every type
// has a sample below (the table is typed by the index, so a new type fails the typecheck until it
// has one) that changes a real design and says in words what it did.
import { describe, expect, it } from 'vitest';
import { applyCommands, definedCommandTypes, describeCommand, type Command } from '../../src/model/command';
import { COMMAND_MODULES, COMMAND_TYPES, type CommandType } from '../../src/model/commands';
import { addAccount } from '../../src/model/commands/account';
import { setAppliance } from '../../src/model/commands/appliance';
import { setDesignFields } from '../../src/model/commands/design';
import { deleteElements, setFields } from '../../src/model/commands/element';
import {
  addEndpoint,
  addEndpointSubnet,
  removeDuplicateEndpoint,
  setEndpointPrivateDns,
} from '../../src/model/commands/endpoint';
import { setLayout, tidyLayout } from '../../src/model/commands/layout';
import { addOperation, moveOperation } from '../../src/model/commands/operation';
import { acceptPeering, connectPeering } from '../../src/model/commands/peering';
import { addRepository } from '../../src/model/commands/repository';
import { addRoute, removeRoute, setRoute, setRouteTarget } from '../../src/model/commands/route';
import { addRouteTable, setMainRouteTable } from '../../src/model/commands/route-table';
import { addSecurityGroup } from '../../src/model/commands/security-group';
import { addSgRule, removeSgRule, setSgRule } from '../../src/model/commands/sg-rule';
import { addSubnet, setSubnetPublicIp } from '../../src/model/commands/subnet';
import {
  associateTgwAttachment,
  attachTgwSubnet,
  connectTgwAttachment,
  propagateTgwAttachment,
} from '../../src/model/commands/tgw-attachment';
import { addTgwRoute, removeTgwRoute, setTgwRoute } from '../../src/model/commands/tgw-route';
import { addTgwRouteTable } from '../../src/model/commands/tgw-route-table';
import { addTransitGateway, shareTgw } from '../../src/model/commands/transit-gateway';
import { addVpc, moveVpcToAccount, setDnsAttributes } from '../../src/model/commands/vpc';
import { addWorkerConfiguration } from '../../src/model/commands/worker-configuration';
import {
  createAccount,
  createAppliance,
  createOperation,
  createPeering,
  createRepository,
  createRouteTable,
  createSecurityGroup,
  createSubnet,
  createTransitGateway,
  createVpc,
  createWorkerConfiguration,
} from '../../src/model/kinds';

import { edit, example } from '../rules/helpers';

/** A design (example 1 with peerings, example 3 on Transit Gateways), steps to set it up, the command. */
interface Sample {
  on: 1 | 3;
  setup?: Command[];
  command: Command;
}

const SAMPLES: { [T in CommandType]: Sample } = {
  'design/set': { on: 1, command: setDesignFields({ fields: { name: 'Renamed' } }) },
  'element/set': { on: 1, command: setFields({ id: 'vpc-worker', fields: { name: 'Workers' } }) },
  'element/delete': { on: 1, command: deleteElements({ ids: ['vpce-ssm'] }) },
  'layout/set': { on: 1, command: setLayout({ boxes: { 'vpc-worker': { x: 10, y: 20 } } }) },
  'layout/tidy': {
    on: 1,
    setup: [setLayout({ boxes: { 'vpc-worker': { x: 10, y: 20 } } })],
    command: tidyLayout({}),
  },
  'account/add': { on: 1, command: addAccount({ account: createAccount({ id: 'acct-new' }) }) },
  'vpc/add': {
    on: 1,
    command: addVpc({
      vpc: createVpc({
        id: 'vpc-new',
        account: 'acct-prod',
        region: 'us-east-1',
        cidr: '10.9.0.0/16',
        mainRouteTable: 'rt-new',
      }),
    }),
  },
  'vpc/move-account': { on: 1, command: moveVpcToAccount({ vpc: 'vpc-worker', account: 'acct-prod' }) },
  'vpc/set-dns': {
    on: 1,
    command: setDnsAttributes({ vpc: 'vpc-worker', dnsSupport: true, dnsHostnames: false }),
  },
  'subnet/add': {
    on: 1,
    command: addSubnet({
      vpc: 'vpc-worker',
      subnet: createSubnet({ id: 'sn-new', cidr: '10.0.9.0/24', az: 'us-east-1b' }),
    }),
  },
  'subnet/set-public-ip': {
    on: 1,
    command: setSubnetPublicIp({ subnet: 'sn-worker-a', mapPublicIpOnLaunch: true }),
  },
  'route-table/add': {
    on: 1,
    command: addRouteTable({ vpc: 'vpc-worker', routeTable: createRouteTable({ id: 'rt-new' }) }),
  },
  'route-table/set-main': {
    on: 1,
    setup: [addRouteTable({ vpc: 'vpc-worker', routeTable: createRouteTable({ id: 'rt-new' }) })],
    command: setMainRouteTable({ routeTable: 'rt-new' }),
  },
  'route/add': {
    on: 1,
    command: addRoute({
      vpc: 'vpc-worker',
      route: { destination: '172.16.0.0/16', peering: 'pcx-worker-repo' },
    }),
  },
  'route/set': {
    on: 1,
    command: setRoute({
      routeTable: 'rt-worker',
      index: 0,
      route: { destination: '11.0.0.0/16', gateway: 'nat' },
    }),
  },
  'route/set-target': {
    on: 1,
    command: setRouteTarget({
      routeTable: 'rt-appliance',
      destination: '0.0.0.0/0',
      peering: 'pcx-appliance-repo',
    }),
  },
  'route/remove': { on: 1, command: removeRoute({ routeTable: 'rt-worker', index: 0 }) },
  'security-group/add': {
    on: 1,
    command: addSecurityGroup({ vpc: 'vpc-worker', securityGroup: createSecurityGroup({ id: 'sg-new' }) }),
  },
  'sg-rule/add': {
    on: 1,
    command: addSgRule({
      securityGroup: 'sg-worker',
      direction: 'ingress',
      rule: { protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '10.0.0.0/16' },
    }),
  },
  'sg-rule/set': {
    on: 1,
    command: setSgRule({
      securityGroup: 'sg-endpoints',
      direction: 'ingress',
      index: 0,
      rule: { protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '10.0.0.0/8' },
    }),
  },
  'sg-rule/remove': {
    on: 1,
    command: removeSgRule({ securityGroup: 'sg-endpoints', direction: 'ingress', index: 0 }),
  },
  'endpoint/add': {
    on: 1,
    command: addEndpoint({
      vpc: 'vpc-worker',
      endpoint: {
        service: 'kms',
        subnets: ['sn-worker-a'],
        securityGroups: ['sg-endpoints'],
        privateDns: true,
      },
    }),
  },
  'endpoint/add-subnet': {
    on: 1,
    setup: [
      addSubnet({
        vpc: 'vpc-worker',
        subnet: createSubnet({ id: 'sn-worker-b', cidr: '10.0.2.0/24', az: 'us-east-1b' }),
      }),
    ],
    command: addEndpointSubnet({ endpoint: 'vpce-ssm', subnet: 'sn-worker-b' }),
  },
  'endpoint/set-private-dns': {
    on: 1,
    command: setEndpointPrivateDns({ endpoint: 'vpce-ssm', privateDns: false }),
  },
  'endpoint/remove-duplicate': {
    on: 1,
    setup: [
      addEndpoint({
        vpc: 'vpc-worker',
        endpoint: { service: 'ssm', subnets: ['sn-worker-a'], securityGroups: [], privateDns: true },
        allowDuplicate: true,
      }),
    ],
    command: removeDuplicateEndpoint({ keep: 'vpce-ssm', drop: 'vpce-ssm-worker' }),
  },
  'peering/connect': {
    on: 1,
    command: connectPeering({
      peering: createPeering({ id: 'pcx-new', requester: 'vpc-appliance', accepter: 'vpc-worker' }),
    }),
  },
  'peering/accept': {
    on: 1,
    setup: [setFields({ id: 'pcx-worker-repo', fields: { status: 'pending-acceptance' } })],
    command: acceptPeering({ peering: 'pcx-worker-repo' }),
  },
  'transit-gateway/add': {
    on: 3,
    command: addTransitGateway({
      transitGateway: createTransitGateway({
        id: 'tgw-new',
        account: 'acct-prod',
        region: 'us-east-1',
        routeTable: 'tgw-rtb-new',
      }),
    }),
  },
  'transit-gateway/share': { on: 3, command: shareTgw({ transitGateway: 'tgw-use1', account: 'acct-prod' }) },
  'tgw-route-table/add': {
    on: 3,
    command: addTgwRouteTable({ transitGateway: 'tgw-use1', routeTable: { id: 'tgw-rtb-new', routes: [] } }),
  },
  'tgw-route/add': {
    on: 3,
    command: addTgwRoute({
      routeTable: 'tgw-rtb-use1',
      route: { destination: '10.9.0.0/16', blackhole: true },
    }),
  },
  'tgw-route/set': {
    on: 3,
    command: setTgwRoute({
      routeTable: 'tgw-rtb-use1',
      route: { destination: '172.16.0.0/16', attachment: 'tgw-attach-use1-usw2' },
    }),
  },
  'tgw-route/remove': { on: 3, command: removeTgwRoute({ routeTable: 'tgw-rtb-use1', index: 0 }) },
  'tgw-attachment/connect': {
    on: 3,
    command: connectTgwAttachment({
      attachment: {
        id: 'tgw-attach-new',
        transitGateway: 'tgw-euc1',
        peerTransitGateway: 'tgw-use1',
        status: 'active',
        subnets: [],
      },
    }),
  },
  'tgw-attachment/associate': {
    on: 3,
    command: associateTgwAttachment({ attachment: 'tgw-attach-worker', routeTable: 'tgw-rtb-use1' }),
  },
  'tgw-attachment/propagate': {
    on: 3,
    command: propagateTgwAttachment({ attachment: 'tgw-attach-use1-usw2', routeTable: 'tgw-rtb-use1' }),
  },
  'tgw-attachment/add-subnet': {
    on: 3,
    setup: [
      addSubnet({
        vpc: 'vpc-worker',
        subnet: createSubnet({ id: 'sn-worker-b', cidr: '10.0.2.0/24', az: 'us-east-1b' }),
      }),
    ],
    command: attachTgwSubnet({ attachment: 'tgw-attach-worker', subnet: 'sn-worker-b' }),
  },
  'appliance/set': {
    on: 1,
    command: setAppliance({
      appliance: createAppliance({
        id: 'appliance',
        vpc: 'vpc-appliance',
        subnet: 'sn-appliance',
        ip: '172.16.1.11',
        securityGroups: ['sg-appliance'],
      }),
    }),
  },
  'repository/add': {
    on: 1,
    command: addRepository({
      repository: createRepository({ id: 'repo-new', account: 'acct-repo', region: 'us-west-2' }),
    }),
  },
  'worker-configuration/add': {
    on: 1,
    command: addWorkerConfiguration({
      workerConfiguration: createWorkerConfiguration({
        id: 'wc-new',
        account: 'acct-backup',
        region: 'us-east-1',
        vpc: 'vpc-worker',
        subnet: 'sn-worker-a',
        securityGroup: 'sg-worker',
      }),
    }),
  },
  'operation/add': {
    on: 1,
    command: addOperation({ operation: createOperation({ id: 'op-new', kind: 'ec2-backup' }) }),
  },
  'operation/move': {
    on: 1,
    setup: [addOperation({ operation: createOperation({ id: 'op-new', kind: 'ec2-backup' }) })],
    command: moveOperation({ id: 'op-new', by: -1 }),
  },
};

describe('the command index', () => {
  it('lists every defined command, under the module that defines it', () => {
    expect([...definedCommandTypes()].sort()).toEqual([...COMMAND_TYPES].sort());
    for (const type of COMMAND_TYPES) {
      const types = Object.values(COMMAND_MODULES[type]).flatMap((x: unknown) =>
        typeof x === 'function' && 'type' in x ? [x.type] : [],
      );
      expect(types, type).toContain(type);
    }
  });

  it('names every type <kind>/<verb>', () => {
    for (const type of COMMAND_TYPES) expect(type).toMatch(/^[a-z]+(-[a-z]+)*\/[a-z]+(-[a-z]+)*$/);
  });

  it.each(COMMAND_TYPES)('%s changes a design and says what it did', (type) => {
    const sample = SAMPLES[type];
    expect(sample.command.type).toBe(type);
    const before = applyCommands(
      edit(example(sample.on), () => {}),
      sample.setup ?? [],
    );
    const frozen = JSON.stringify(before);
    const after = applyCommands(before, [sample.command]);
    expect(JSON.stringify(after)).not.toBe(frozen);
    expect(JSON.stringify(before)).toBe(frozen);
    const label = describeCommand(before, sample.command);
    expect(label.length).toBeGreaterThan(10);
    expect(label).not.toMatch(/undefined|\[object/);
  });
});
