// AWS commercial, GovCloud and China regions with the Availability Zone letters AWS exposes there.
// AZ letters are mapped per account, so each list holds every letter any account may see (legacy
// letters included), to avoid calling a real AZ unknown. The UI's pickers read this table.

export interface AwsRegion {
  readonly code: string;
  readonly name: string;
  readonly azLetters: readonly string[];
}

export const AWS_REGIONS: readonly AwsRegion[] = [
  { code: 'us-east-1', name: 'US East (N. Virginia)', azLetters: ['a', 'b', 'c', 'd', 'e', 'f'] },
  { code: 'us-east-2', name: 'US East (Ohio)', azLetters: ['a', 'b', 'c'] },
  { code: 'us-west-1', name: 'US West (N. California)', azLetters: ['a', 'b', 'c'] },
  { code: 'us-west-2', name: 'US West (Oregon)', azLetters: ['a', 'b', 'c', 'd'] },
  { code: 'af-south-1', name: 'Africa (Cape Town)', azLetters: ['a', 'b', 'c'] },
  { code: 'ap-east-1', name: 'Asia Pacific (Hong Kong)', azLetters: ['a', 'b', 'c'] },
  { code: 'ap-east-2', name: 'Asia Pacific (Taipei)', azLetters: ['a', 'b', 'c'] },
  { code: 'ap-south-1', name: 'Asia Pacific (Mumbai)', azLetters: ['a', 'b', 'c'] },
  { code: 'ap-south-2', name: 'Asia Pacific (Hyderabad)', azLetters: ['a', 'b', 'c'] },
  { code: 'ap-southeast-1', name: 'Asia Pacific (Singapore)', azLetters: ['a', 'b', 'c'] },
  { code: 'ap-southeast-2', name: 'Asia Pacific (Sydney)', azLetters: ['a', 'b', 'c'] },
  { code: 'ap-southeast-3', name: 'Asia Pacific (Jakarta)', azLetters: ['a', 'b', 'c'] },
  { code: 'ap-southeast-4', name: 'Asia Pacific (Melbourne)', azLetters: ['a', 'b', 'c'] },
  { code: 'ap-southeast-5', name: 'Asia Pacific (Malaysia)', azLetters: ['a', 'b', 'c'] },
  { code: 'ap-southeast-7', name: 'Asia Pacific (Thailand)', azLetters: ['a', 'b', 'c'] },
  { code: 'ap-northeast-1', name: 'Asia Pacific (Tokyo)', azLetters: ['a', 'b', 'c', 'd'] },
  { code: 'ap-northeast-2', name: 'Asia Pacific (Seoul)', azLetters: ['a', 'b', 'c', 'd'] },
  { code: 'ap-northeast-3', name: 'Asia Pacific (Osaka)', azLetters: ['a', 'b', 'c'] },
  { code: 'ca-central-1', name: 'Canada (Central)', azLetters: ['a', 'b', 'd'] },
  { code: 'ca-west-1', name: 'Canada West (Calgary)', azLetters: ['a', 'b', 'c'] },
  { code: 'eu-central-1', name: 'Europe (Frankfurt)', azLetters: ['a', 'b', 'c'] },
  { code: 'eu-central-2', name: 'Europe (Zurich)', azLetters: ['a', 'b', 'c'] },
  { code: 'eu-west-1', name: 'Europe (Ireland)', azLetters: ['a', 'b', 'c'] },
  { code: 'eu-west-2', name: 'Europe (London)', azLetters: ['a', 'b', 'c'] },
  { code: 'eu-west-3', name: 'Europe (Paris)', azLetters: ['a', 'b', 'c'] },
  { code: 'eu-south-1', name: 'Europe (Milan)', azLetters: ['a', 'b', 'c'] },
  { code: 'eu-south-2', name: 'Europe (Spain)', azLetters: ['a', 'b', 'c'] },
  { code: 'eu-north-1', name: 'Europe (Stockholm)', azLetters: ['a', 'b', 'c'] },
  { code: 'il-central-1', name: 'Israel (Tel Aviv)', azLetters: ['a', 'b', 'c'] },
  { code: 'me-south-1', name: 'Middle East (Bahrain)', azLetters: ['a', 'b', 'c'] },
  { code: 'me-central-1', name: 'Middle East (UAE)', azLetters: ['a', 'b', 'c'] },
  { code: 'mx-central-1', name: 'Mexico (Central)', azLetters: ['a', 'b', 'c'] },
  { code: 'sa-east-1', name: 'South America (São Paulo)', azLetters: ['a', 'b', 'c'] },
  { code: 'us-gov-east-1', name: 'AWS GovCloud (US-East)', azLetters: ['a', 'b', 'c'] },
  { code: 'us-gov-west-1', name: 'AWS GovCloud (US-West)', azLetters: ['a', 'b', 'c'] },
  { code: 'cn-north-1', name: 'China (Beijing)', azLetters: ['a', 'b', 'd'] },
  { code: 'cn-northwest-1', name: 'China (Ningxia)', azLetters: ['a', 'b', 'c'] },
];

const BY_CODE = new Map(AWS_REGIONS.map((r) => [r.code, r]));

export function regionByCode(code: string): AwsRegion | undefined {
  return BY_CODE.get(code);
}

/** Every AZ name of a region, e.g. `us-east-2a`, `us-east-2b`, `us-east-2c`. */
export function availabilityZones(region: AwsRegion): string[] {
  return region.azLetters.map((l) => region.code + l);
}

/** The region an AZ name belongs to (`eu-west-1b` → eu-west-1), or undefined when it names none. */
export function regionOfAz(az: string): AwsRegion | undefined {
  const region = BY_CODE.get(az.slice(0, -1));
  return region && region.azLetters.includes(az.slice(-1)) ? region : undefined;
}

/**
 * Whether an AZ name is one of this region's (regionOfAz(az) is `region`), read in place: the subnet
 * rule asks it for every subnet, and cutting the name allocated two strings each time.
 */
export function isAzOf(az: string, region: AwsRegion): boolean {
  return (
    az.length === region.code.length + 1 &&
    az.startsWith(region.code) &&
    region.azLetters.includes(az.charAt(az.length - 1))
  );
}

/** The AWS partition of a region: resources of different partitions never connect directly. */
export function partitionOf(region: string): 'aws' | 'aws-us-gov' | 'aws-cn' {
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('cn-')) return 'aws-cn';
  return 'aws';
}
