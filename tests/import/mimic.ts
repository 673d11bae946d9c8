/* eslint-disable @typescript-eslint/no-explicit-any -- the CLI JSON is edited as untyped data, as a user would edit the files */
// Test helper: plays a generated AWS CLI script against a collection folder, doing to the JSON what
// each call would do to the account. It knows only the calls the fixes generate and fails on
// anything else, so a script with a call it cannot mimic fails the test.
import { awsCliScript } from '../../src/import/aws-cli/script';
import type { Design } from '../../src/model/schema';
import { fixAllWithReport } from '../../src/rules/fix';
import { editFile, type Folder } from './describe';
import { applyTgw, type TgwState } from './mimic-tgw';

/** Words of one shell line: single and double quotes, `"$VAR"`, `'…'"$VAR"'…'` concatenation. */
export function shellWords(line: string, vars: ReadonlyMap<string, string>): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === ' ') {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      const end = line.indexOf('"', i + 1);
      word = (word ?? '') + expand(line.slice(i + 1, end), vars);
      i = end;
    } else if (c === '\\') {
      word = (word ?? '') + line[++i];
    } else word = (word ?? '') + c;
  }
  if (word !== undefined) words.push(word);
  return words;
}

function expand(text: string, vars: ReadonlyMap<string, string>): string {
  return text.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_, name: string) => {
    const v = vars.get(name);
    if (v === undefined) throw new Error(`unset variable ${name}`);
    return v;
  });
}

export interface Call {
  operation: string;
  options: Map<string, string[]>;
  account: string;
  region: string;
}

function parseCall(words: string[]): Call {
  if (words[0] !== 'aws' || (words[1] !== 'ec2' && words[1] !== 'ram'))
    throw new Error(`not an aws ec2 or ram call: ${words.join(' ')}`);
  const options = new Map<string, string[]>();
  let key = '';
  for (const w of words.slice(3)) {
    if (w.startsWith('--')) {
      key = w;
      options.set(key, []);
    } else options.get(key)!.push(w);
  }
  return {
    operation: words[2]!,
    options,
    account: options.get('--profile')![0]!,
    region: options.get('--region')![0]!,
  };
}

let counter = 0;
const newId = (prefix: string) => `${prefix}-${(0x10000000 + ++counter).toString(16)}`;

/** Runs the script on a copy of `folder`; returns the changed folder and the calls made. */
export function playScript(script: string, folder: Folder): { folder: Folder; calls: Call[] } {
  const vars = new Map<string, string>();
  const calls: Call[] = [];
  const state: TgwState = { shares: new Set(), newId };
  let f = folder;
  for (const raw of script.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith('set ')) continue;
    const profile = /^(PROFILE_\w+)="\$\{\w+:-(\w+)\}"$/.exec(line);
    if (profile) {
      vars.set(profile[1]!, profile[2]!);
      continue;
    }
    const capture = /^([A-Z0-9_]+)=\$\((.*)\)$/.exec(line);
    const call = parseCall(shellWords(capture ? capture[2]! : line, vars));
    calls.push(call);
    const out = apply(f, call, state);
    f = out.folder;
    if (capture) vars.set(capture[1]!, out.result ?? '');
  }
  return { folder: f, calls };
}

function one(call: Call, option: string): string {
  const v = call.options.get(option)?.[0];
  if (v === undefined) throw new Error(`${call.operation} without ${option}`);
  return v;
}

function apply(folder: Folder, call: Call, state: TgwState): { folder: Folder; result?: string } {
  const dir = `${call.account}/${call.region}`;
  const file = (name: string) => `${dir}/${name}`;
  switch (call.operation) {
    case 'create-route':
    case 'replace-route': {
      const table = one(call, '--route-table-id');
      const targets = ['--vpc-peering-connection-id', '--transit-gateway-id'].filter((k) =>
        call.options.has(k),
      );
      if (targets.length !== 1) throw new Error(`${call.operation}: one target, got ${targets.join(' ')}`);
      const route = {
        DestinationCidrBlock: one(call, '--destination-cidr-block'),
        ...(targets[0] === '--transit-gateway-id'
          ? { TransitGatewayId: one(call, '--transit-gateway-id') }
          : { VpcPeeringConnectionId: one(call, '--vpc-peering-connection-id') }),
        Origin: 'CreateRoute',
        State: 'active',
      };
      return {
        folder: editFile(folder, file('describe-route-tables.json'), (j) => {
          const t = j.RouteTables.find((x: any) => x.RouteTableId === table);
          if (!t) throw new Error(`${call.operation}: no route table ${table} in ${dir}`);
          const same = t.Routes.findIndex((r: any) => r.DestinationCidrBlock === route.DestinationCidrBlock);
          if (call.operation === 'create-route' && same >= 0) throw new Error('RouteAlreadyExists');
          if (call.operation === 'replace-route' && same < 0) throw new Error('InvalidRoute.NotFound');
          if (same >= 0) t.Routes[same] = route;
          else t.Routes.push(route);
        }),
      };
    }
    case 'authorize-security-group-ingress':
    case 'authorize-security-group-egress': {
      const group = one(call, '--group-id');
      const permissions = JSON.parse(one(call, '--ip-permissions'));
      const member = call.operation.endsWith('ingress') ? 'IpPermissions' : 'IpPermissionsEgress';
      return {
        folder: editFile(folder, file('describe-security-groups.json'), (j) => {
          const g = j.SecurityGroups.find((x: any) => x.GroupId === group);
          if (!g) throw new Error(`${call.operation}: no group ${group} in ${dir}`);
          g[member].push(...permissions);
        }),
      };
    }
    case 'revoke-security-group-ingress':
    case 'revoke-security-group-egress': {
      const group = one(call, '--group-id');
      const permissions = JSON.parse(one(call, '--ip-permissions'));
      const member = call.operation.endsWith('ingress') ? 'IpPermissions' : 'IpPermissionsEgress';
      const sameRule = (a: any, b: any) =>
        a.IpProtocol === b.IpProtocol && a.FromPort === b.FromPort && a.ToPort === b.ToPort;
      return {
        folder: editFile(folder, file('describe-security-groups.json'), (j) => {
          const g = j.SecurityGroups.find((x: any) => x.GroupId === group);
          if (!g) throw new Error(`${call.operation}: no group ${group} in ${dir}`);
          for (const wanted of permissions) {
            // AWS refuses to revoke a rule that is not there (InvalidPermission.NotFound).
            const held = g[member].find((x: any) => sameRule(x, wanted));
            if (!held) throw new Error('InvalidPermission.NotFound');
            for (const [list, key] of [
              ['IpRanges', 'CidrIp'],
              ['UserIdGroupPairs', 'GroupId'],
            ] as const) {
              for (const entry of wanted[list] ?? []) {
                const at = (held[list] ?? []).findIndex((x: any) => x[key] === entry[key]);
                if (at < 0) throw new Error('InvalidPermission.NotFound');
                held[list].splice(at, 1);
              }
            }
            if (!held.IpRanges?.length && !held.UserIdGroupPairs?.length && !held.Ipv6Ranges?.length)
              g[member].splice(g[member].indexOf(held), 1);
          }
        }),
      };
    }
    case 'accept-vpc-peering-connection': {
      const id = one(call, '--vpc-peering-connection-id');
      let next = folder;
      for (const path of folder.keys())
        if (path.endsWith('describe-vpc-peering-connections.json'))
          next = editFile(next, path, (j) => {
            for (const p of j.VpcPeeringConnections)
              if (p.VpcPeeringConnectionId === id) {
                if (p.AccepterVpcInfo.OwnerId !== call.account)
                  throw new Error('only the accepter account can accept');
                p.Status = { Code: 'active', Message: 'Active' };
              }
          });
      return { folder: next };
    }
    case 'modify-vpc-attribute': {
      const vpc = one(call, '--vpc-id');
      const next = new Map(folder);
      for (const [flag, attr, member] of [
        ['--enable-dns-support', 'enableDnsSupport', 'EnableDnsSupport'],
        ['--enable-dns-hostnames', 'enableDnsHostnames', 'EnableDnsHostnames'],
      ] as const) {
        const value = call.options.get(flag)?.[0];
        if (value !== undefined)
          next.set(
            file(`describe-vpc-attribute-${vpc}-${attr}.json`),
            JSON.stringify({ VpcId: vpc, [member]: JSON.parse(value) }),
          );
      }
      return { folder: next };
    }
    case 'create-security-group': {
      const id = newId('sg');
      const name = one(call, '--group-name');
      if (/^sg-/i.test(name)) throw new Error('InvalidParameterValue: group names may not start with sg-');
      return {
        result: id,
        folder: editFile(folder, file('describe-security-groups.json'), (j) => {
          if (j.SecurityGroups.some((g: any) => g.VpcId === one(call, '--vpc-id') && g.GroupName === name))
            throw new Error(`InvalidGroup.Duplicate: ${name}`);
          j.SecurityGroups.push({
            GroupId: id,
            GroupName: one(call, '--group-name'),
            Description: one(call, '--description'),
            VpcId: one(call, '--vpc-id'),
            IpPermissions: [],
            IpPermissionsEgress: [
              {
                IpProtocol: '-1',
                IpRanges: [{ CidrIp: '0.0.0.0/0' }],
                Ipv6Ranges: [],
                PrefixListIds: [],
                UserIdGroupPairs: [],
              },
            ],
          });
        }),
      };
    }
    case 'create-vpc-endpoint': {
      const id = newId('vpce');
      return {
        result: id,
        folder: editFile(folder, file('describe-vpc-endpoints.json'), (j) => {
          const twin = j.VpcEndpoints.find(
            (e: any) =>
              e.VpcId === one(call, '--vpc-id') &&
              e.ServiceName === one(call, '--service-name') &&
              e.State !== 'deleted',
          );
          // AWS refuses a second endpoint with private DNS for one service in a VPC (conflicting DNS).
          if (twin && call.options.has('--private-dns-enabled'))
            throw new Error('InvalidParameter: conflicting DNS domain');
          j.VpcEndpoints.push({
            VpcEndpointId: id,
            VpcEndpointType: one(call, '--vpc-endpoint-type'),
            VpcId: one(call, '--vpc-id'),
            ServiceName: one(call, '--service-name'),
            State: 'available',
            SubnetIds: call.options.get('--subnet-ids') ?? [],
            Groups: (call.options.get('--security-group-ids') ?? []).map((g) => ({ GroupId: g })),
            PrivateDnsEnabled: call.options.has('--private-dns-enabled'),
            RouteTableIds: [],
          });
        }),
      };
    }
    case 'modify-vpc-endpoint':
    case 'delete-vpc-endpoints': {
      const id = one(
        call,
        call.operation === 'delete-vpc-endpoints' ? '--vpc-endpoint-ids' : '--vpc-endpoint-id',
      );
      return {
        folder: editFile(folder, file('describe-vpc-endpoints.json'), (j) => {
          const e = j.VpcEndpoints.find((x: any) => x.VpcEndpointId === id);
          if (!e) throw new Error(`${call.operation}: no endpoint ${id} in ${dir}`);
          if (call.operation === 'delete-vpc-endpoints') e.State = 'deleted';
          e.SubnetIds.push(...(call.options.get('--add-subnet-ids') ?? []));
          e.Groups.push(...(call.options.get('--add-security-group-ids') ?? []).map((g) => ({ GroupId: g })));
          if (call.options.has('--private-dns-enabled')) e.PrivateDnsEnabled = true;
          if (call.options.has('--no-private-dns-enabled')) e.PrivateDnsEnabled = false;
        }),
      };
    }
    case 'modify-subnet-attribute': {
      const id = one(call, '--subnet-id');
      return {
        folder: editFile(folder, file('describe-subnets.json'), (j) => {
          const s = j.Subnets.find((x: any) => x.SubnetId === id);
          if (!s) throw new Error(`${call.operation}: no subnet ${id} in ${dir}`);
          s.MapPublicIpOnLaunch = call.options.has('--map-public-ip-on-launch');
        }),
      };
    }
    default: {
      const tgw = applyTgw(folder, call, state);
      if (!tgw) throw new Error(`the mimic does not know aws ${call.operation}`);
      return tgw;
    }
  }
}

/** "Fix all" on a design imported from `folder`, as the AWS CLI script, played on that folder. */
export function playFixAll(
  broken: Design,
  folder: Folder,
): { script: string; folder: Folder; calls: Call[] } {
  const script = awsCliScript(broken, fixAllWithReport(broken).commands, 'Fix all');
  return { script, ...playScript(script, folder) };
}
