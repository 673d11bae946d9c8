// Transit Gateways on the canvas: a node inside its account that overlaps no sibling, VPC
// attachments as lines from each VPC to the TGW, a peering attachment as a line between two TGWs,
// and the drawing rules (same region, shared accounts, different regions for peering).
import { describe, expect, it } from 'vitest';
import { applyCommands } from '../../model/command';
import { setFields } from '../../model/commands/element';
import { addTgwRoute } from '../../model/commands/tgw-route';
import {
  attachmentRefusal,
  connectTgwAttachment,
  defaultAttachmentSubnets,
} from '../../model/commands/tgw-attachment';
import { loadDesignValue } from '../../model/parse';
import type { Design } from '../../model/schema';
import { plannedAttachment } from '../kinds/tgwAttachment/connect';
import { deriveEdges, deriveNodes } from './derive';
import { intersects, layoutDesign } from './layout';
import { issuesByPlace } from './elements';

const vpc = (id: string, account: string, region: string, cidr: string, azs: string[]) => ({
  id,
  name: id,
  account,
  region,
  cidr,
  subnets: azs.map((az, i) => ({
    id: `${id}-sn${i}`,
    name: `${id} ${az}`,
    cidr: cidr.replace('.0.0/16', `.${i}.0/24`),
    az,
  })),
});

function hubDesign(): Design {
  const result = loadDesignValue({
    format: 'vbaws-network-design',
    version: 1,
    name: 'hub',
    accounts: [
      { id: 'acct-a', name: 'Network', accountId: '111111111111' },
      { id: 'acct-b', name: 'Workloads', accountId: '222222222222' },
    ],
    vpcs: [
      vpc('vpc-1', 'acct-a', 'us-east-1', '10.1.0.0/16', ['us-east-1a', 'us-east-1a', 'us-east-1b']),
      vpc('vpc-2', 'acct-a', 'us-east-1', '10.2.0.0/16', ['us-east-1a']),
      vpc('vpc-3', 'acct-b', 'us-east-1', '10.3.0.0/16', ['us-east-1a']),
      vpc('vpc-4', 'acct-a', 'eu-west-1', '10.4.0.0/16', ['eu-west-1a']),
    ],
    transitGateways: [
      {
        id: 'tgw-1',
        name: 'Hub',
        account: 'acct-a',
        region: 'us-east-1',
        routeTables: [{ id: 'tgw-rtb-1' }],
      },
      { id: 'tgw-2', name: 'Hub EU', account: 'acct-a', region: 'eu-west-1' },
    ],
    transitGatewayAttachments: [
      { id: 'att-1', name: 'vpc-1 att', transitGateway: 'tgw-1', vpc: 'vpc-1', subnets: ['vpc-1-sn0'] },
      {
        id: 'att-2',
        transitGateway: 'tgw-1',
        vpc: 'vpc-2',
        subnets: ['vpc-2-sn0'],
        status: 'pending-acceptance',
      },
      { id: 'att-p', transitGateway: 'tgw-2', peerTransitGateway: 'tgw-1' },
    ],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.design;
}

describe('Transit Gateways on the canvas', () => {
  it('draws each TGW as a node inside its account, overlapping none of its siblings', () => {
    const design = hubDesign();
    const nodes = deriveNodes(design);
    const tgw = nodes.find((n) => n.id === 'tgw-1')!;
    expect(tgw.type).toBe('transitGateway');
    expect(tgw.parentId).toBe('acct-a');
    expect(tgw.data).toMatchObject({ transitGateway: { region: 'us-east-1', name: 'Hub' } });
    const boxes = layoutDesign(design);
    const siblings = nodes.filter((n) => n.parentId === 'acct-a').map((n) => n.id);
    expect(siblings).toEqual(expect.arrayContaining(['vpc-1', 'vpc-2', 'vpc-4', 'tgw-1', 'tgw-2']));
    for (const a of siblings)
      for (const b of siblings)
        if (a !== b) expect(intersects(boxes.get(a)!, boxes.get(b)!), `${a}/${b}`).toBe(false);
    // The account grows to hold its TGWs.
    const account = boxes.get('acct-a')!;
    for (const id of ['tgw-1', 'tgw-2']) {
      const b = boxes.get(id)!;
      expect(b.x + b.w).toBeLessThanOrEqual(account.w);
      expect(b.y + b.h).toBeLessThanOrEqual(account.h);
    }
  });

  it('draws VPC attachments from the VPC to the TGW and a peering attachment between TGWs', () => {
    const edges = deriveEdges(hubDesign());
    const byId = new Map(edges.map((e) => [e.id, e]));
    expect(byId.get('att-1')).toMatchObject({ source: 'vpc-1', target: 'tgw-1', type: 'tgwAttachment' });
    expect(byId.get('att-2')).toMatchObject({ source: 'vpc-2', target: 'tgw-1' });
    expect(byId.get('att-2')!.data).toMatchObject({ attachment: { status: 'pending-acceptance' } });
    expect(byId.get('att-p')).toMatchObject({ source: 'tgw-2', target: 'tgw-1', sourceHandle: 'tgw-out' });
  });

  it('puts findings about a TGW route table on its TGW node and about an attachment on its edge', () => {
    const design = hubDesign();
    const issues = issuesByPlace(design, [
      { rule: 'x', severity: 'error', message: 'm', elements: ['tgw-rtb-1'] } as never,
      { rule: 'y', severity: 'warning', message: 'm', elements: ['att-1'] } as never,
    ]);
    expect(issues.get('tgw-1')).toEqual({ severity: 'error', count: 1 });
    expect(issues.get('att-1')).toEqual({ severity: 'warning', count: 1 });
    const edges = deriveEdges(design, { issues, selected: new Set(['att-1']) });
    expect(edges.find((e) => e.id === 'att-1')).toMatchObject({
      selected: true,
      data: { issues: { severity: 'warning' } },
    });
  });

  it('refuses attachments AWS would refuse, saying why', () => {
    const design = hubDesign();
    expect(attachmentRefusal(design, 'vpc-4', 'tgw-1')).toMatch(/eu-west-1.*own region/);
    expect(attachmentRefusal(design, 'vpc-3', 'tgw-1')).toMatch(/not shared with/);
    expect(attachmentRefusal(design, 'vpc-1', 'tgw-1')).toMatch(/already attached/);
    expect(attachmentRefusal(design, 'tgw-1', 'tgw-1')).toMatch(/itself/);
    expect(attachmentRefusal(design, 'tgw-1', 'tgw-2')).toMatch(/already peered/);
    const shared = applyCommands(design, [setFields({ id: 'tgw-1', fields: { sharedWith: ['acct-b'] } })]);
    expect(attachmentRefusal(shared, 'vpc-3', 'tgw-1')).toBeNull();
    // A refused attachment is a no-op even when sent as a command.
    const attempt = plannedAttachment(design, 'vpc-3', 'tgw-1');
    expect(applyCommands(design, [connectTgwAttachment({ attachment: attempt })])).toBe(design);
  });

  it('attaches a drawn VPC with one subnet per Availability Zone', () => {
    const design = hubDesign();
    expect(defaultAttachmentSubnets(design, 'vpc-1')).toEqual(['vpc-1-sn0', 'vpc-1-sn2']);
    const shared = applyCommands(design, [setFields({ id: 'tgw-1', fields: { sharedWith: ['acct-b'] } })]);
    const attachment = plannedAttachment(shared, 'vpc-3', 'tgw-1');
    const next = applyCommands(shared, [connectTgwAttachment({ attachment })]);
    const edge = deriveEdges(next).find((e) => e.id === attachment.id);
    expect(edge).toMatchObject({ source: 'vpc-3', target: 'tgw-1' });
    expect(next.transitGatewayAttachments.at(-1)).toMatchObject({ vpc: 'vpc-3', subnets: ['vpc-3-sn0'] });
  });

  it('adds a static route to a TGW route table', () => {
    const next = applyCommands(hubDesign(), [
      addTgwRoute({ routeTable: 'tgw-rtb-1', route: { destination: '10.9.0.0/16', blackhole: true } }),
    ]);
    expect(next.transitGateways[0]!.routeTables[0]!.routes).toEqual([
      { destination: '10.9.0.0/16', blackhole: true },
    ]);
  });
});

describe('the Transit Gateway palette item', () => {
  it('goes into an account only, in the region of its first VPC', async () => {
    const { planDrop } = await import('./drop');
    const design = hubDesign();
    expect(planDrop(design, 'transitGateway', { id: 'vpc-1', type: 'vpc' })).toEqual({
      refused: expect.stringMatching(/belongs to an account/),
    });
    expect(planDrop(design, 'transitGateway', null)).toEqual({
      refused: 'Drop a Transit Gateway into an account.',
    });
    const result = planDrop(design, 'transitGateway', { id: 'acct-b', type: 'account' });
    if (!('commands' in result)) throw new Error('refused');
    const next = applyCommands(design, result.commands);
    const added = next.transitGateways.find((t) => t.id === result.select)!;
    expect(added).toMatchObject({ account: 'acct-b', region: 'us-east-1', asn: 64512 });
    expect(added.defaultAssociationRouteTable).toBe(added.routeTables[0]!.id);
    const south = {
      ...design,
      vpcs: design.vpcs.map((v) => (v.id === 'vpc-3' ? { ...v, region: 'ap-south-1' } : v)),
    };
    const there = planDrop(south, 'transitGateway', { id: 'acct-b', type: 'account' });
    if (!('commands' in there)) throw new Error('refused');
    expect(applyCommands(south, there.commands).transitGateways.at(-1)!.region).toBe('ap-south-1');
    const bare = { ...design, vpcs: [] };
    const none = planDrop(bare, 'transitGateway', { id: 'acct-b', type: 'account' });
    if (!('commands' in none)) throw new Error('refused');
    expect(applyCommands(bare, none.commands).transitGateways.at(-1)!.region).toBe('us-east-1');
  });
});
