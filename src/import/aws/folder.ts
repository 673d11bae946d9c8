// The collection folder: `ACCOUNT_ID/REGION/<call>.json`, possibly under a parent folder (a dropped
// folder or a zip keeps its own name in front). Reads each region's files into validated items,
// noting every file or item it could not use.
import type { z } from 'zod';
import { jsonPath } from '../../model/parse';
import type { ImportLog } from '../findings';
import { readCliJson } from './json';
import {
  DNS_ATTRIBUTES,
  DnsAttributeShape,
  LIST_FILES,
  type CliPeering,
  type CliRouteTable,
  type CliSecurityGroup,
  type CliSubnet,
  type CliTgwAttachment,
  type CliTgwPropagation,
  type CliTgwRoute,
  type CliTgwRouteTable,
  type CliTgwVpcAttachment,
  type CliTransitGateway,
  TABLE_FILES,
  type CliVpc,
  type CliVpcEndpoint,
  type ListKind,
} from './shapes';

export interface Located<T> {
  item: T;
  file: string;
  path: string;
}

export interface RegionInput {
  accountId: string;
  region: string;
  vpcs: Located<CliVpc>[];
  subnets: Located<CliSubnet>[];
  routeTables: Located<CliRouteTable>[];
  securityGroups: Located<CliSecurityGroup>[];
  endpoints: Located<CliVpcEndpoint>[];
  peerings: Located<CliPeering>[];
  transitGateways: Located<CliTransitGateway>[];
  tgwAttachments: Located<CliTgwAttachment>[];
  tgwVpcAttachments: Located<CliTgwVpcAttachment>[];
  tgwRouteTables: Located<CliTgwRouteTable>[];
  /** Per TGW route table id: its static and propagated routes, and its propagations, where collected. */
  tgwRoutes: Map<string, Located<CliTgwRoute>[]>;
  tgwPropagations: Map<string, Located<CliTgwPropagation>[]>;
  /** enableDnsSupport / enableDnsHostnames per VPC id, where a file said so. */
  dns: Map<string, { dnsSupport?: boolean; dnsHostnames?: boolean }>;
}

const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const DNS_FILE = /^describe-vpc-attribute-(.+)-(enableDnsSupport|enableDnsHostnames)\.json$/;

/** Paths use `/`; a leading folder before the account folder is ignored. */
function locate(path: string): { accountId: string; region: string; name: string } | undefined {
  const parts = path.split(/[\\/]/).filter(Boolean);
  for (let i = 0; i + 2 < parts.length; i++)
    if (ACCOUNT.test(parts[i]!) && REGION.test(parts[i + 1]!) && i + 3 === parts.length)
      return { accountId: parts[i]!, region: parts[i + 1]!, name: parts[i + 2]! };
  return undefined;
}

function issueText(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return `expected ${issue.expected}`;
  return issue.message;
}

interface ListSpec<S extends z.ZodType> {
  member: string;
  shape: S;
  file?: string;
  prefix?: string;
}

function readList<S extends z.ZodType>(
  spec: ListSpec<S>,
  file: string,
  text: string,
  log: ImportLog,
): Located<z.output<S>>[] {
  const read = readCliJson(text);
  if (!read.ok) {
    log.add('unreadable', 'error', read.message, { file, path: read.path });
    return [];
  }
  const list = read.document[spec.member];
  if (!Array.isArray(list)) {
    log.add(
      'unreadable',
      'error',
      list === undefined
        ? `no "${spec.member}" list: this is not the output of aws ec2 ${(spec.file ?? spec.prefix ?? '').replace(/-?(\.json)?$/, '')}`
        : `expected an array`,
      { file, path: jsonPath([spec.member]) },
    );
    return [];
  }
  const out: Located<z.output<S>>[] = [];
  list.forEach((raw, i) => {
    const path = jsonPath([spec.member, i]);
    const parsed = spec.shape.safeParse(raw);
    if (parsed.success) out.push({ item: parsed.data as never, file, path });
    else {
      const issue = parsed.error.issues[0]!;
      log.add('unreadable', 'error', `${issueText(issue)}; this item was skipped`, {
        file,
        path: jsonPath([spec.member, i, ...issue.path]),
      });
    }
  });
  return out;
}

/** Groups the files by account and region and reads them; unknown and misplaced files are noted. */
export function readCollection(files: ReadonlyMap<string, string>, log: ImportLog): RegionInput[] {
  const regions = new Map<string, RegionInput>();
  const present = new Map<string, Set<string>>();
  for (const [path, text] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    const at = locate(path);
    const short = at ? `${at.accountId}/${at.region}/${at.name}` : path;
    // Archivers' side files (__MACOSX/, ._name, .DS_Store) are not part of the collection.
    if (/(^|\/)(__MACOSX|\.[^/.][^/]*)(\/|$)/.test(path)) continue;
    if (!at) {
      if (/\.json$/i.test(path))
        log.add(
          'ignored-file',
          'warning',
          'not inside an ACCOUNT_ID/REGION folder (12-digit account id, then a region such as us-east-1); not read',
          { file: path },
        );
      continue;
    }
    const key = `${at.accountId}/${at.region}`;
    let region = regions.get(key);
    if (!region) {
      region = {
        accountId: at.accountId,
        region: at.region,
        vpcs: [],
        subnets: [],
        routeTables: [],
        securityGroups: [],
        endpoints: [],
        peerings: [],
        transitGateways: [],
        tgwAttachments: [],
        tgwVpcAttachments: [],
        tgwRouteTables: [],
        tgwRoutes: new Map(),
        tgwPropagations: new Map(),
        dns: new Map(),
      };
      regions.set(key, region);
      present.set(key, new Set());
    }
    present.get(key)!.add(at.name);
    const kind = (Object.keys(LIST_FILES) as ListKind[]).find((k) => LIST_FILES[k].file === at.name);
    if (kind) {
      (region[kind] as Located<unknown>[]).push(
        ...readList(LIST_FILES[kind] as ListSpec<z.ZodType>, short, text, log),
      );
      continue;
    }
    const perTable = (Object.keys(TABLE_FILES) as (keyof typeof TABLE_FILES)[]).find(
      (k) => at.name.startsWith(TABLE_FILES[k].prefix) && at.name.endsWith('.json'),
    );
    if (perTable) {
      const spec = TABLE_FILES[perTable];
      const tableId = at.name.slice(spec.prefix.length, -'.json'.length);
      (region[perTable] as Map<string, Located<unknown>[]>).set(
        tableId,
        readList(spec as ListSpec<z.ZodType>, short, text, log),
      );
      continue;
    }
    const dns = DNS_FILE.exec(at.name);
    if (dns) {
      const [, vpcId, attribute] = dns as unknown as [string, string, keyof typeof DNS_ATTRIBUTES];
      const read = readCliJson(text);
      const member = DNS_ATTRIBUTES[attribute];
      const parsed = read.ok ? DnsAttributeShape.safeParse(read.document) : undefined;
      const value = parsed?.success ? parsed.data[member]?.Value : undefined;
      if (!read.ok) log.add('unreadable', 'error', read.message, { file: short, path: read.path });
      else if (value === undefined)
        log.add(
          'unreadable',
          'error',
          `expected {"${member}": {"Value": true|false}} as aws ec2 describe-vpc-attribute prints`,
          {
            file: short,
            path: jsonPath([member, 'Value']),
          },
        );
      else {
        const entry = region.dns.get(vpcId) ?? {};
        entry[attribute === 'enableDnsSupport' ? 'dnsSupport' : 'dnsHostnames'] = value;
        region.dns.set(vpcId, entry);
      }
      continue;
    }
    if (/\.json$/i.test(at.name))
      log.add(
        'ignored-file',
        'warning',
        'not a file the import reads (see docs/import.md for the list); ignored',
        { file: short },
      );
  }
  for (const [key, names] of present)
    for (const kind of Object.keys(LIST_FILES) as ListKind[]) {
      const file = LIST_FILES[kind].file;
      if (!names.has(file))
        log.add('missing-file', 'info', `no ${file}: taken as "no ${LIST_FILES[kind].member} here"`, {
          file: `${key}/${file}`,
        });
    }
  return [...regions.values()];
}
