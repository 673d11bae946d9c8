/* eslint-disable @typescript-eslint/no-explicit-any -- the CLI JSON is edited as untyped data, as a user would edit the files */
// Test helper, the Transit Gateway part of mimic.ts: what each TGW call of the fixes does to the
// collected JSON, with AWS's refusals. A TGW's route tables, associations and propagations are
// changed only from the owner's account in the TGW's region (the files that hold them live in that
// folder); a VPC attachment is created by the VPC's account, of a TGW it owns or that was shared
// with it (RAM), and stays pending across accounts unless the TGW auto-accepts. Options the call
// does not take are errors, as the AWS CLI refuses them.
import { editFile, type Folder } from './describe';
import type { Call } from './mimic';

export interface TgwState {
  /** `tgw-…|account`: TGWs shared through a RAM share the script created. */
  shares: Set<string>;
  newId: (prefix: string) => string;
}

const COMMON = ['--profile', '--region'];

function only(call: Call, allowed: string[]): void {
  for (const k of call.options.keys())
    if (!allowed.includes(k) && !COMMON.includes(k))
      throw new Error(`${call.operation}: unknown option ${k}`);
}

function one(call: Call, option: string): string {
  const v = call.options.get(option);
  if (v?.length !== 1) throw new Error(`${call.operation} needs one value for ${option}`);
  return v[0]!;
}

const json = (folder: Folder, path: string): any => JSON.parse(folder.get(path) ?? 'null');
const GONE = new Set(['deleted', 'deleting', 'failed', 'rejected']);

/** The folder and TGW of a TGW id, wherever its owner's collection put it. */
function findTgw(folder: Folder, id: string): { dir: string; tgw: any } | undefined {
  for (const [path] of folder) {
    if (!path.endsWith('/describe-transit-gateways.json')) continue;
    const tgw = json(folder, path).TransitGateways.find((t: any) => t.TransitGatewayId === id);
    if (tgw) return { dir: path.slice(0, path.lastIndexOf('/')), tgw };
  }
  return undefined;
}

/** The TGW of a route table, when the table is in this folder (its owner's account and region). */
function tableTgw(folder: Folder, dir: string, call: Call): { table: string; tgw: string } {
  const table = one(call, '--transit-gateway-route-table-id');
  const t = json(folder, `${dir}/describe-transit-gateway-route-tables.json`)?.TransitGatewayRouteTables.find(
    (x: any) => x.TransitGatewayRouteTableId === table,
  );
  if (!t) throw new Error(`${call.operation}: InvalidRouteTableID.NotFound ${table} in ${dir}`);
  return { table, tgw: t.TransitGatewayId };
}

/** An attachment of `tgw` as its owner lists it. */
function attachmentOf(folder: Folder, dir: string, tgw: string, id: string, call: Call): any {
  const a = json(folder, `${dir}/describe-transit-gateway-attachments.json`)?.TransitGatewayAttachments.find(
    (x: any) => x.TransitGatewayAttachmentId === id && x.TransitGatewayId === tgw && !GONE.has(x.State),
  );
  if (!a) throw new Error(`${call.operation}: InvalidTransitGatewayAttachmentID.NotFound ${id} on ${tgw}`);
  return a;
}

/** Applies `change` to the attachment in every folder that lists it (owner and VPC account alike). */
function everyView(folder: Folder, id: string, change: (a: any) => void): Folder {
  let f = folder;
  for (const [path] of folder)
    if (path.endsWith('/describe-transit-gateway-attachments.json'))
      f = editFile(f, path, (j) => {
        for (const a of j.TransitGatewayAttachments) if (a.TransitGatewayAttachmentId === id) change(a);
      });
  return f;
}

export function applyTgw(
  folder: Folder,
  call: Call,
  state: TgwState,
): { folder: Folder; result?: string } | undefined {
  const dir = `${call.account}/${call.region}`;
  switch (call.operation) {
    case 'create-transit-gateway-route':
    case 'replace-transit-gateway-route': {
      only(call, [
        '--transit-gateway-route-table-id',
        '--destination-cidr-block',
        '--transit-gateway-attachment-id',
        '--blackhole',
      ]);
      const { table, tgw } = tableTgw(folder, dir, call);
      const blackhole = call.options.has('--blackhole');
      const attachment = blackhole ? undefined : one(call, '--transit-gateway-attachment-id');
      if (blackhole === call.options.has('--transit-gateway-attachment-id'))
        throw new Error(`${call.operation}: one of --transit-gateway-attachment-id or --blackhole`);
      if (attachment) attachmentOf(folder, dir, tgw, attachment, call);
      const route = {
        DestinationCidrBlock: one(call, '--destination-cidr-block'),
        Type: 'static',
        State: blackhole ? 'blackhole' : 'active',
        ...(attachment ? { TransitGatewayAttachments: [{ TransitGatewayAttachmentId: attachment }] } : {}),
      };
      return {
        folder: editFile(folder, `${dir}/search-transit-gateway-routes-${table}.json`, (j) => {
          const same = j.Routes.findIndex((r: any) => r.DestinationCidrBlock === route.DestinationCidrBlock);
          if (call.operation.startsWith('create') && same >= 0) throw new Error('RouteAlreadyExists');
          if (call.operation.startsWith('replace') && same < 0) throw new Error('InvalidRoute.NotFound');
          if (same >= 0) j.Routes[same] = route;
          else j.Routes.push(route);
        }),
      };
    }
    case 'enable-transit-gateway-route-table-propagation': {
      only(call, ['--transit-gateway-route-table-id', '--transit-gateway-attachment-id']);
      const { table, tgw } = tableTgw(folder, dir, call);
      const id = one(call, '--transit-gateway-attachment-id');
      if (attachmentOf(folder, dir, tgw, id, call).ResourceType === 'peering')
        throw new Error('a peering attachment does not propagate');
      return {
        folder: editFile(folder, `${dir}/get-transit-gateway-route-table-propagations-${table}.json`, (j) => {
          const list = j.TransitGatewayRouteTablePropagations;
          if (list.some((p: any) => p.TransitGatewayAttachmentId === id))
            throw new Error('TransitGatewayRouteTablePropagation.Duplicate');
          list.push({ TransitGatewayAttachmentId: id, State: 'enabled' });
        }),
      };
    }
    case 'associate-transit-gateway-route-table':
    case 'disassociate-transit-gateway-route-table': {
      only(call, ['--transit-gateway-route-table-id', '--transit-gateway-attachment-id']);
      const { table, tgw } = tableTgw(folder, dir, call);
      const id = one(call, '--transit-gateway-attachment-id');
      const a = attachmentOf(folder, dir, tgw, id, call);
      const current =
        a.Association?.State === 'associated' ? a.Association.TransitGatewayRouteTableId : undefined;
      if (call.operation.startsWith('associate') && current) throw new Error('Resource.AlreadyAssociated');
      if (call.operation.startsWith('disassociate') && current !== table)
        throw new Error('InvalidAssociation.NotFound');
      return {
        folder: everyView(folder, id, (x) => {
          if (call.operation.startsWith('associate'))
            x.Association = { TransitGatewayRouteTableId: table, State: 'associated' };
          else delete x.Association;
        }),
      };
    }
    case 'create-transit-gateway-vpc-attachment': {
      only(call, ['--transit-gateway-id', '--vpc-id', '--subnet-ids', '--query', '--output']);
      if (one(call, '--query') !== 'TransitGatewayVpcAttachment.TransitGatewayAttachmentId')
        throw new Error('unexpected --query');
      const owner = findTgw(folder, one(call, '--transit-gateway-id'));
      const tgwId = one(call, '--transit-gateway-id');
      if (!owner || owner.dir.split('/')[1] !== call.region)
        throw new Error(`InvalidTransitGatewayID.NotFound ${tgwId} in ${call.region}`);
      const ownerAccount = owner.dir.split('/')[0]!;
      // Shared before the script ran: the account already has an attachment on it.
      const sharedBefore = json(
        folder,
        `${owner.dir}/describe-transit-gateway-attachments.json`,
      )?.TransitGatewayAttachments.some(
        (a: any) => a.TransitGatewayId === tgwId && a.ResourceOwnerId === call.account && !GONE.has(a.State),
      );
      if (ownerAccount !== call.account && !sharedBefore && !state.shares.has(`${tgwId}|${call.account}`))
        throw new Error(`InvalidTransitGatewayID.NotFound: ${tgwId} is not shared with ${call.account}`);
      const vpc = one(call, '--vpc-id');
      if (!json(folder, `${dir}/describe-vpcs.json`)?.Vpcs.some((v: any) => v.VpcId === vpc))
        throw new Error(`InvalidVpcID.NotFound ${vpc} in ${dir}`);
      const subnets = call.options.get('--subnet-ids') ?? [];
      const all = json(folder, `${dir}/describe-subnets.json`).Subnets;
      const azs = subnets.map(
        (s) => all.find((x: any) => x.SubnetId === s && x.VpcId === vpc)?.AvailabilityZone,
      );
      if (!subnets.length || azs.includes(undefined)) throw new Error('InvalidSubnetID.NotFound');
      if (new Set(azs).size !== azs.length) throw new Error('DuplicateSubnetsInSameZone');
      const o = owner.tgw.Options ?? {};
      const id = state.newId('tgw-attach');
      const accepted = ownerAccount === call.account || o.AutoAcceptSharedAttachments === 'enable';
      const association =
        o.DefaultRouteTableAssociation === 'enable' && o.AssociationDefaultRouteTableId
          ? {
              Association: {
                TransitGatewayRouteTableId: o.AssociationDefaultRouteTableId,
                State: 'associated',
              },
            }
          : {};
      let f = folder;
      for (const d of new Set([owner.dir, dir])) {
        f = editFile(f, `${d}/describe-transit-gateway-attachments.json`, (j) =>
          j.TransitGatewayAttachments.push({
            TransitGatewayAttachmentId: id,
            TransitGatewayId: tgwId,
            TransitGatewayOwnerId: ownerAccount,
            ResourceOwnerId: call.account,
            ResourceType: 'vpc',
            ResourceId: vpc,
            State: accepted ? 'available' : 'pendingAcceptance',
            ...association,
          }),
        );
        f = editFile(f, `${d}/describe-transit-gateway-vpc-attachments.json`, (j) =>
          j.TransitGatewayVpcAttachments.push({
            TransitGatewayAttachmentId: id,
            TransitGatewayId: tgwId,
            VpcId: vpc,
            SubnetIds: subnets,
            State: accepted ? 'available' : 'pendingAcceptance',
            Options: { SecurityGroupReferencingSupport: 'enable' },
          }),
        );
      }
      if (o.DefaultRouteTablePropagation === 'enable' && o.PropagationDefaultRouteTableId)
        f = editFile(
          f,
          `${owner.dir}/get-transit-gateway-route-table-propagations-${o.PropagationDefaultRouteTableId}.json`,
          (j) =>
            j.TransitGatewayRouteTablePropagations.push({ TransitGatewayAttachmentId: id, State: 'enabled' }),
        );
      return { folder: f, result: id };
    }
    case 'modify-transit-gateway-vpc-attachment': {
      only(call, ['--transit-gateway-attachment-id', '--add-subnet-ids', '--options']);
      const id = one(call, '--transit-gateway-attachment-id');
      const options = call.options.has('--options') ? one(call, '--options') : undefined;
      const referencing = options && /^SecurityGroupReferencingSupport=(enable|disable)$/.exec(options)?.[1];
      if (options && !referencing) throw new Error(`unknown --options ${options}`);
      let seen = false;
      let f = folder;
      for (const [path] of folder)
        if (path.startsWith(`${dir}/`) && path.endsWith('/describe-transit-gateway-vpc-attachments.json'))
          f = editFile(f, path, (j) => {
            for (const a of j.TransitGatewayVpcAttachments) {
              if (a.TransitGatewayAttachmentId !== id) continue;
              seen = true;
              a.SubnetIds.push(...(call.options.get('--add-subnet-ids') ?? []));
              if (referencing) a.Options = { ...a.Options, SecurityGroupReferencingSupport: referencing };
            }
          });
      if (!seen) throw new Error(`${call.operation}: no attachment ${id} in ${dir}`);
      return { folder: f };
    }
    case 'modify-transit-gateway': {
      only(call, ['--transit-gateway-id', '--options']);
      const id = one(call, '--transit-gateway-id');
      const referencing = /^SecurityGroupReferencingSupport=(enable|disable)$/.exec(
        one(call, '--options'),
      )?.[1];
      if (!referencing) throw new Error(`unknown --options ${one(call, '--options')}`);
      return {
        folder: editFile(folder, `${dir}/describe-transit-gateways.json`, (j) => {
          const t = j.TransitGateways.find((x: any) => x.TransitGatewayId === id);
          if (!t) throw new Error(`${call.operation}: InvalidTransitGatewayID.NotFound ${id} in ${dir}`);
          t.Options.SecurityGroupReferencingSupport = referencing;
        }),
      };
    }
    case 'create-resource-share': {
      only(call, ['--name', '--resource-arns', '--principals']);
      one(call, '--name');
      const principals = call.options.get('--principals') ?? [];
      for (const arn of call.options.get('--resource-arns') ?? []) {
        const m = /^arn:aws:ec2:([a-z0-9-]+):(\d{12}):transit-gateway\/(tgw-[0-9a-f]+)$/.exec(arn);
        if (!m || m[1] !== call.region || m[2] !== call.account)
          throw new Error(`create-resource-share: ${arn} is not a TGW of ${dir}`);
        if (!findTgw(folder, m[3]!)) throw new Error(`create-resource-share: no ${m[3]}`);
        for (const p of principals) state.shares.add(`${m[3]}|${p}`);
      }
      return { folder };
    }
    default:
      return undefined;
  }
}
