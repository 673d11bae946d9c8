// A synthetic but realistic design of any size, deterministic for a seed: benchmarks, load tests
// and the canvas's stress tests use it. It is valid by construction (no error or warning findings).
//
// Layout: one appliance VPC; K ≈ √n repository VPCs, each with an S3 interface endpoint and a
// repository; every other VPC is a worker VPC with the interface endpoints EC2 backup needs, one
// worker configuration and one ec2-backup operation writing to one repository VPC. Each worker VPC
// is peered with its repository VPC, and the appliance VPC with every repository VPC, so route
// tables and peerings per VPC stay near √n instead of growing with the design.
import { AWS_REGIONS } from '../network/regions';
import type { Account, Design, Operation, Peering, Repository, Vpc, WorkerConfiguration } from './schema';
import { CURRENT_VERSION, FORMAT } from './schema';

export interface GenerateOptions {
  /** Total number of VPCs (at least 3: appliance, one repository VPC, one worker VPC). */
  vpcs: number;
  seed?: number;
  /** How many AWS regions the design spans (commercial partition only; default 4). */
  regions?: number;
}

// Peering never crosses partitions (GovCloud, China), so a generated design stays in the commercial one.
const COMMERCIAL = AWS_REGIONS.filter((r) => !r.code.startsWith('us-gov-') && !r.code.startsWith('cn-'));

/** /22 blocks in 10.0.0.0/8: room for 16,384 VPCs. */
const BLOCKS = 1 << 14;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The first `count` entries of a seeded Fisher–Yates shuffle of 0..n-1. */
function sample(n: number, count: number, random: () => number): number[] {
  const pool = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (n - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, count);
}

/** The third octet pair of /22 block `b`: 10.<hi>.<lo>.0/22. */
function blockBase(b: number): [number, number] {
  return [b >> 6, (b & 63) << 2];
}

export function generateDesign(options: GenerateOptions): Design {
  const total = Math.max(3, Math.floor(options.vpcs));
  if (total > BLOCKS) throw new Error(`generateDesign: at most ${BLOCKS} VPCs fit in 10.0.0.0/8 as /22s`);
  const random = mulberry32(options.seed ?? 1);
  const regionCount = Math.min(COMMERCIAL.length, Math.max(1, Math.floor(options.regions ?? 4)));
  const regions = sample(COMMERCIAL.length, regionCount, random).map((i) => COMMERCIAL[i]!);
  const blocks = sample(BLOCKS, total, random);

  const n = total - 1;
  const repoCount = Math.max(1, Math.floor(Math.sqrt(n)));
  const workerCount = n - repoCount;
  const width = String(total).length;
  const pad = (i: number) => String(i).padStart(width, '0');

  const accounts: Account[] = [];
  let accountNumber = 100_000_000_000 + Math.floor(random() * 1_000_000) * 1000;
  const addAccount = (id: string, name: string): string => {
    accounts.push({ id, name, accountId: String(accountNumber++) });
    return id;
  };
  const applianceAccount = addAccount('acct-appliance', 'Appliance account');
  const backupAccount = addAccount('acct-backup', 'Backup account');
  const repoAccounts = Array.from({ length: Math.ceil(repoCount / 25) }, (_, i) =>
    addAccount(`acct-repo-${pad(i)}`, `Repository account ${i + 1}`),
  );
  const prodAccounts: string[] = [];
  const prodAccount = (i: number): string => {
    while (prodAccounts.length <= i)
      prodAccounts.push(
        addAccount(`acct-prod-${pad(prodAccounts.length)}`, `Production account ${prodAccounts.length + 1}`),
      );
    return prodAccounts[i]!;
  };

  const vpcs: Vpc[] = [];
  const peerings: Peering[] = [];
  const repositories: Repository[] = [];
  const workerConfigurations: WorkerConfiguration[] = [];
  const operations: Operation[] = [];
  let nextBlock = 0;
  const allocate = () => {
    const [hi, lo] = blockBase(blocks[nextBlock++]!);
    return {
      cidr: `10.${hi}.${lo}.0/22`,
      subnetA: `10.${hi}.${lo}.0/24`,
      subnetB: `10.${hi}.${lo + 1}.0/24`,
      firstHost: `10.${hi}.${lo}`,
    };
  };
  const azs = (region: (typeof COMMERCIAL)[number]) => [
    region.code + region.azLetters[0]!,
    region.code + region.azLetters[1 % region.azLetters.length]!,
  ];

  // Appliance VPC.
  const applianceRegion = regions[0]!;
  const applianceNet = allocate();
  const applianceIp = `${applianceNet.firstHost}.10`;
  const applianceVpc: Vpc = {
    id: 'vpc-appliance',
    name: 'Appliance VPC',
    account: applianceAccount,
    region: applianceRegion.code,
    cidr: applianceNet.cidr,
    secondaryCidrs: [],
    dnsSupport: true,
    dnsHostnames: true,
    subnets: [
      {
        id: 'sn-appliance',
        name: 'appliance',
        cidr: applianceNet.subnetA,
        az: azs(applianceRegion)[0]!,
        routeTable: 'rt-appliance',
        mapPublicIpOnLaunch: false,
      },
    ],
    routeTables: [{ id: 'rt-appliance', name: 'appliance routes', main: true, routes: [] }],
    securityGroups: [
      {
        id: 'sg-appliance',
        name: 'backup appliance',
        ingress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidr: applianceNet.cidr }],
        egress: [{ protocol: '-1', cidr: '0.0.0.0/0' }],
      },
    ],
    endpoints: [],
  };
  vpcs.push(applianceVpc);
  const applianceRoutes = applianceVpc.routeTables[0]!.routes;

  // Repository VPCs.
  const repoVpcs: Vpc[] = [];
  for (let c = 0; c < repoCount; c++) {
    const region = regions[c % regions.length]!;
    const net = allocate();
    const id = pad(c);
    const [azA, azB] = azs(region);
    const account = repoAccounts[Math.floor(c / 25)]!;
    const pcx = `pcx-appliance-repo-${id}`;
    const vpc: Vpc = {
      id: `vpc-repo-${id}`,
      name: `Repository VPC ${c + 1} (${region.code})`,
      account,
      region: region.code,
      cidr: net.cidr,
      secondaryCidrs: [],
      dnsSupport: true,
      dnsHostnames: true,
      subnets: [
        {
          id: `sn-repo-${id}-a`,
          name: 'S3 endpoint a',
          cidr: net.subnetA,
          az: azA!,
          mapPublicIpOnLaunch: false,
        },
        {
          id: `sn-repo-${id}-b`,
          name: 'S3 endpoint b',
          cidr: net.subnetB,
          az: azB!,
          mapPublicIpOnLaunch: false,
        },
      ],
      routeTables: [
        {
          id: `rt-repo-${id}`,
          name: 'repository routes',
          main: true,
          routes: [{ destination: `${applianceIp}/32`, peering: pcx }],
        },
      ],
      securityGroups: [
        {
          id: `sg-s3-${id}`,
          name: 'S3 interface endpoint',
          ingress: [
            {
              protocol: 'tcp',
              fromPort: 443,
              toPort: 443,
              cidr: `${applianceIp}/32`,
              description: 'backup appliance',
            },
          ],
          egress: [{ protocol: '-1', cidr: '0.0.0.0/0' }],
        },
      ],
      endpoints: [
        {
          id: `vpce-s3-${id}`,
          service: 's3',
          type: 'Interface',
          subnets: [`sn-repo-${id}-a`, `sn-repo-${id}-b`],
          securityGroups: [`sg-s3-${id}`],
          routeTables: [],
          privateDns: false,
        },
      ],
    };
    vpcs.push(vpc);
    repoVpcs.push(vpc);
    peerings.push({ id: pcx, requester: 'vpc-appliance', accepter: vpc.id, status: 'active' });
    applianceRoutes.push({ destination: net.cidr, peering: pcx });
    repositories.push({
      id: `repo-${id}`,
      name: `Backups ${c + 1}`,
      account,
      region: region.code,
      bucket: `vbaws-backups-${id}-${region.code}`,
      tier: 'standard',
      s3Endpoint: `vpce-s3-${id}`,
    });
  }
  applianceRoutes.push({ destination: '0.0.0.0/0', gateway: 'nat' });

  // Worker VPCs. The first worker of each region runs in the backup account; the rest run in
  // production accounts, one worker configuration per (account, region) as Veeam picks them.
  for (let w = 0; w < workerCount; w++) {
    const region = regions[w % regions.length]!;
    const inBackup = w < regions.length;
    const workerAccount = inBackup ? backupAccount : prodAccount(Math.floor(w / regions.length) - 1);
    const c = w % repoCount;
    const repoVpc = repoVpcs[c]!;
    const net = allocate();
    const id = pad(w);
    const [azA, azB] = azs(region);
    const pcx = `pcx-worker-${id}`;
    const subnets = [`sn-worker-${id}-a`, `sn-worker-${id}-b`];
    vpcs.push({
      id: `vpc-worker-${id}`,
      name: `Workers ${w + 1} (${region.code})`,
      account: workerAccount,
      region: region.code,
      cidr: net.cidr,
      secondaryCidrs: [],
      dnsSupport: true,
      dnsHostnames: true,
      subnets: [
        { id: subnets[0]!, name: 'workers a', cidr: net.subnetA, az: azA!, mapPublicIpOnLaunch: false },
        { id: subnets[1]!, name: 'workers b', cidr: net.subnetB, az: azB!, mapPublicIpOnLaunch: false },
      ],
      routeTables: [
        {
          id: `rt-worker-${id}`,
          name: 'worker routes',
          main: true,
          routes: [{ destination: repoVpc.cidr, peering: pcx }],
        },
      ],
      securityGroups: [
        {
          id: `sg-endpoints-${id}`,
          name: 'interface endpoints',
          ingress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidr: net.cidr }],
          egress: [{ protocol: '-1', cidr: '0.0.0.0/0' }],
        },
        {
          id: `sg-worker-${id}`,
          name: 'worker instances',
          ingress: [],
          egress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0' }],
        },
      ],
      endpoints: (['ec2messages', 'ssm', 'sqs', 'ebs'] as const).map((service) => ({
        id: `vpce-${service}-${id}`,
        service,
        type: 'Interface' as const,
        subnets,
        securityGroups: [`sg-endpoints-${id}`],
        routeTables: [],
        privateDns: true,
      })),
    });
    peerings.push({ id: pcx, requester: `vpc-worker-${id}`, accepter: repoVpc.id, status: 'active' });
    repoVpc.routeTables[0]!.routes.push({ destination: net.cidr, peering: pcx });
    repoVpc.securityGroups[0]!.ingress.push({
      protocol: 'tcp',
      fromPort: 443,
      toPort: 443,
      cidr: net.cidr,
      description: `workers ${w + 1}`,
    });
    workerConfigurations.push({
      id: `wc-${id}`,
      name: `workers ${w + 1}`,
      account: workerAccount,
      region: region.code,
      vpc: `vpc-worker-${id}`,
      subnet: subnets[0]!,
      securityGroup: `sg-worker-${id}`,
    });
    operations.push({
      id: `op-ec2-backup-${id}`,
      name: `Back up EC2 instances ${w + 1}`,
      kind: 'ec2-backup',
      account: inBackup ? prodAccount(0) : workerAccount,
      region: region.code,
      repository: `repo-${pad(c)}`,
      workersIn: inBackup ? 'backup-account' : 'production-account',
      restoreToOriginal: false,
    });
  }

  return {
    format: FORMAT,
    version: CURRENT_VERSION,
    name: `Generated design: ${total} VPCs in ${regions.length} regions (seed ${options.seed ?? 1})`,
    privateNetworkDeployment: true,
    transitGateways: [],
    transitGatewayAttachments: [],
    backupAccount,
    accounts,
    vpcs,
    peerings,
    appliance: {
      id: 'appliance',
      name: 'Veeam Backup for AWS',
      vpc: 'vpc-appliance',
      subnet: 'sn-appliance',
      ip: applianceIp,
      securityGroups: ['sg-appliance'],
    },
    repositories,
    workerConfigurations,
    operations,
  };
}
