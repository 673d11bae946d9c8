// Transit Gateways as CloudFormation resources. The TGW is created with AWS's default association
// and propagation off, and every table, association and propagation of the design is a resource of
// the TGW owner's stack, so what the design draws is what is created. A VPC attachment lives in its
// VPC's stack; a peering attachment in the requesting TGW's stack. CloudFormation has no resource
// that accepts a RAM share invitation or a TGW peering attachment, so both are manual steps in
// DEPLOY.md, and what needs the accepted peering waits for a parameter filled after acceptance.
import type { TgwAttachment, TgwRouteTable, TransitGateway } from '../../model/schema';
import { logicalId } from '../labels';
import { attachmentReferencing } from '../model';
import type { Builder, Resolved, Stack } from './builder';
import { idPart, join, nameTags, ref, type Json } from './intrinsics';

interface Placed {
  stack: Stack;
  id: string;
}

export class TgwBuilder {
  private readonly tgws = new Map<string, { tgw: TransitGateway; at: Placed }>();
  private readonly tables = new Map<string, { tgw: TransitGateway; table: TgwRouteTable; at: Placed }>();
  private readonly attachments = new Map<string, { a: TgwAttachment; at: Placed; resolved: Resolved }>();

  constructor(private readonly b: Builder) {}

  tgw(id: string) {
    return this.tgws.get(id);
  }

  /** A value of `owner`'s stack as seen from `from`: the value itself, or a Parameter fed by an Output. */
  private cross(
    from: Stack,
    owner: Placed,
    key: string,
    value: Json,
    kind: Parameters<Builder['input']>[2],
    text: string,
    state: Resolved = { value, conditions: [], round: 1 },
    minRound = 0,
  ): Resolved {
    if (owner.stack === from && minRound === 0) return state;
    const condition = this.b.condition(owner.stack, owner.id, state.conditions);
    const out = this.b.output(owner.stack, key, `${owner.id}Id`, value, text, state.round, condition);
    return this.b.input(from, out, kind, text, minRound);
  }

  tgwRef(from: Stack, tgw: TransitGateway): Resolved {
    const at = this.tgws.get(tgw.id)!.at;
    return this.cross(
      from,
      at,
      `tgw:${at.id}`,
      ref(at.id),
      'tgw',
      `Id of Transit Gateway "${tgw.name || tgw.id}"`,
    );
  }

  /**
   * An attachment's id where `from` needs it. A peering attachment is usable only once accepted by
   * hand, so even its own stack takes it through a Parameter filled after acceptance.
   */
  attachmentRef(from: Stack, a: TgwAttachment): Resolved | undefined {
    const known = this.attachments.get(a.id);
    if (!known) return undefined;
    const peering = a.peerTransitGateway !== undefined;
    return this.cross(
      from,
      known.at,
      `tgw-attach:${known.at.id}`,
      ref(known.at.id),
      'tgwAttachment',
      peering
        ? `Id of TGW peering attachment "${a.name || a.id}", once accepted (see DEPLOY.md)`
        : `Id of TGW attachment "${a.name || a.id}"`,
      known.resolved,
      peering ? known.resolved.round + 1 : 0,
    );
  }

  build() {
    const { b } = this;
    const design = b.model.design;
    for (const tgw of design.transitGateways ?? []) {
      const stack = b.stackAt(tgw.account, tgw.region)!;
      this.tgws.set(tgw.id, { tgw, at: { stack, id: stack.ids.claim(logicalId(tgw.id)) } });
      for (const table of tgw.routeTables)
        this.tables.set(table.id, { tgw, table, at: { stack, id: stack.ids.claim(logicalId(table.id)) } });
    }
    for (const { tgw, at } of this.tgws.values()) this.buildTgw(tgw, at);
    for (const a of design.transitGatewayAttachments ?? []) this.buildAttachment(a);
    for (const a of design.transitGatewayAttachments ?? []) this.buildAssociations(a);
    for (const { table, at } of this.tables.values()) this.buildRoutes(table, at);
  }

  private buildTgw(tgw: TransitGateway, at: Placed) {
    const { b } = this;
    const others = tgw.sharedWith.filter((x) => x !== tgw.account);
    b.resource(at.stack, at.id, 'AWS::EC2::TransitGateway', {
      AmazonSideAsn: tgw.asn,
      DefaultRouteTableAssociation: 'disable',
      DefaultRouteTablePropagation: 'disable',
      SecurityGroupReferencingSupport: tgw.securityGroupReferencing ? 'enable' : 'disable',
      // CloudFormation cannot accept another account's VPC attachment; the shared TGW accepts them itself.
      AutoAcceptSharedAttachments: others.length ? 'enable' : 'disable',
      Tags: nameTags(tgw.name || tgw.id),
    });
    for (const table of tgw.routeTables) {
      b.resource(at.stack, this.tables.get(table.id)!.at.id, 'AWS::EC2::TransitGatewayRouteTable', {
        TransitGatewayId: ref(at.id),
        Tags: nameTags(table.name || table.id),
      });
    }
    const principals = others.flatMap((x) => {
      const number = b.accountNumber(x);
      if (number === undefined)
        at.stack.notes.push(`${tgw.id} is not shared with ${x}: that account is not in the design.`);
      return number === undefined ? [] : [number];
    });
    if (!principals.length) return;
    const arn = join([
      'arn:',
      ref('AWS::Partition'),
      ':ec2:',
      ref('AWS::Region'),
      ':',
      ref('AWS::AccountId'),
      ':transit-gateway/',
      ref(at.id),
    ]);
    b.resource(at.stack, at.stack.ids.claim(`${at.id}Share`), 'AWS::RAM::ResourceShare', {
      Name: `${tgw.id} transit gateway`.slice(0, 256),
      AllowExternalPrincipals: true,
      Principals: principals,
      ResourceArns: [arn],
      Tags: nameTags(tgw.name || tgw.id),
    });
    for (const number of principals) {
      at.stack.steps.push({
        tgw: true,
        what: `Outside an AWS Organization with RAM sharing enabled, account ${number} accepts the share of Transit Gateway ${tgw.id} before its VPCs attach (round 2):`,
        command: `aws ram get-resource-share-invitations --region ${tgw.region} --profile <account ${number}> --query 'resourceShareInvitations[?status==\`PENDING\`].resourceShareInvitationArn' --output text | xargs -n1 aws ram accept-resource-share-invitation --region ${tgw.region} --profile <account ${number}> --resource-share-invitation-arn`,
      });
    }
  }

  private buildAttachment(a: TgwAttachment) {
    const { b } = this;
    const owner = this.tgws.get(a.transitGateway);
    if (!owner) return;
    if (a.peerTransitGateway !== undefined) {
      const peer = this.tgws.get(a.peerTransitGateway);
      if (!peer) return;
      const stack = owner.at.stack;
      const id = stack.ids.claim(logicalId(a.id));
      const peerId = this.tgwRef(stack, peer.tgw);
      const condition = b.condition(stack, id, peerId.conditions);
      b.resource(
        stack,
        id,
        'AWS::EC2::TransitGatewayPeeringAttachment',
        {
          TransitGatewayId: ref(owner.at.id),
          PeerTransitGatewayId: peerId.value,
          PeerRegion: peer.tgw.region,
          PeerAccountId: b.accountNumber(peer.tgw.account) ?? ref('AWS::AccountId'),
          Tags: nameTags(a.name || a.id),
        },
        condition ? { Condition: condition } : {},
      );
      this.attachments.set(a.id, {
        a,
        at: { stack, id },
        resolved: { value: ref(id), conditions: condition ? [condition] : [], round: peerId.round },
      });
      const peerStack = peer.at.stack;
      peerStack.steps.push({
        tgw: true,
        what: `Accept TGW peering attachment ${a.id} on ${peer.tgw.id}'s side, with the id from output ${id}Id of stack ${stack.name}; then fill the parameters that wait for it:`,
        command: `aws ec2 accept-transit-gateway-peering-attachment --region ${peer.tgw.region} --profile <account ${b.accountNumber(peer.tgw.account) ?? peer.tgw.account}> --transit-gateway-attachment-id <${id}Id>`,
      });
      return;
    }
    const vpc = a.vpc === undefined ? undefined : b.model.index.vpcs.get(a.vpc)?.element;
    if (!vpc) return;
    const stack = b.stackFor(vpc);
    const id = stack.ids.claim(logicalId(a.id));
    const tgwId = this.tgwRef(stack, owner.tgw);
    const subnets = a.subnets.flatMap((x) => {
      const s = b.model.index.subnets.get(x)?.element;
      const place = s && b.placed.get(s);
      return place && place.stack === stack ? [ref(place.id)] : [];
    });
    const condition = b.condition(stack, id, tgwId.conditions);
    const referencing = attachmentReferencing(owner.tgw, a);
    b.resource(
      stack,
      id,
      'AWS::EC2::TransitGatewayVpcAttachment',
      {
        TransitGatewayId: tgwId.value,
        VpcId: ref(b.id(vpc)),
        SubnetIds: subnets,
        ...(referencing === undefined
          ? {}
          : { Options: { SecurityGroupReferencingSupport: referencing ? 'enable' : 'disable' } }),
        Tags: nameTags(a.name || a.id),
      },
      condition ? { Condition: condition } : {},
    );
    this.attachments.set(a.id, {
      a,
      at: { stack, id },
      resolved: { value: ref(id), conditions: condition ? [condition] : [], round: tgwId.round },
    });
  }

  private buildAssociations(a: TgwAttachment) {
    const owner = this.tgws.get(a.transitGateway);
    if (!owner || !this.attachments.has(a.id)) return;
    const associate = (tgw: TransitGateway, tableId: string | undefined, suffix: string) => {
      const found = tableId === undefined ? undefined : this.tables.get(tableId);
      if (!found || found.tgw !== tgw) return;
      this.link(found.at, a, `${logicalId(a.id)}${suffix}`, 'AWS::EC2::TransitGatewayRouteTableAssociation');
    };
    associate(owner.tgw, a.routeTable ?? owner.tgw.defaultAssociationRouteTable, 'Association');
    if (a.peerTransitGateway !== undefined) {
      const peer = this.tgws.get(a.peerTransitGateway);
      if (peer) associate(peer.tgw, a.peerRouteTable, 'PeerAssociation');
      // Peering attachments carry static routes only: AWS does not propagate across them.
      return;
    }
    const propagations =
      a.propagations ??
      (owner.tgw.defaultPropagationRouteTable ? [owner.tgw.defaultPropagationRouteTable] : []);
    for (const tableId of new Set(propagations)) {
      const found = this.tables.get(tableId);
      if (!found || found.tgw !== owner.tgw) continue;
      this.link(
        found.at,
        a,
        `${logicalId(a.id)}PropagationTo${found.at.id}`,
        'AWS::EC2::TransitGatewayRouteTablePropagation',
      );
    }
  }

  private link(table: Placed, a: TgwAttachment, name: string, type: string) {
    const stack = table.stack;
    const attachment = this.attachmentRef(stack, a)!;
    const id = stack.ids.claim(name);
    const condition = this.b.condition(stack, id, attachment.conditions);
    this.b.resource(
      stack,
      id,
      type,
      { TransitGatewayAttachmentId: attachment.value, TransitGatewayRouteTableId: ref(table.id) },
      condition ? { Condition: condition } : {},
    );
  }

  private buildRoutes(table: TgwRouteTable, at: Placed) {
    for (const route of table.routes) {
      const id = at.stack.ids.claim(`${at.id}Route${idPart(route.destination)}`);
      const properties: Record<string, Json> = {
        TransitGatewayRouteTableId: ref(at.id),
        DestinationCidrBlock: route.destination,
      };
      let conditions: string[] = [];
      if (route.blackhole === true) properties.Blackhole = true;
      else {
        const a = route.attachment === undefined ? undefined : this.attachments.get(route.attachment);
        const resolved = a && this.attachmentRef(at.stack, a.a);
        if (!resolved) {
          at.stack.notes.push(
            `TGW route ${route.destination} in ${table.id} is not exported: attachment ${route.attachment ?? ''} is not in the design.`,
          );
          continue;
        }
        properties.TransitGatewayAttachmentId = resolved.value;
        conditions = resolved.conditions;
      }
      const condition = this.b.condition(at.stack, id, conditions);
      this.b.resource(
        at.stack,
        id,
        'AWS::EC2::TransitGatewayRoute',
        properties,
        condition ? { Condition: condition } : {},
      );
    }
  }

  /** The VPC attachment that joins a VPC to a TGW, placed in the VPC's stack. */
  vpcAttachment(vpcId: string, tgwId: string) {
    for (const known of this.attachments.values())
      if (known.a.vpc === vpcId && known.a.transitGateway === tgwId) return known;
    return undefined;
  }
}
