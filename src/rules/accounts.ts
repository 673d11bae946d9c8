// Identity and placement: account ids, region codes, Availability Zones.
import { AWS_REGIONS, isAzOf, regionByCode } from '../network/regions';
import { OPERATION_REQUIREMENTS } from '../veeam/operations';
import type { Report, Rule } from './types';
import { AWS } from './sources';

export const accountInvalidId: Rule = {
  meta: {
    id: 'account/invalid-id',
    severity: 'error',
    title: 'Account id is not 12 digits',
    explanation:
      'An AWS account id is exactly twelve digits (leading zeros included). Roles, peering requests and exported templates all name accounts by it, so anything else cannot be deployed.',
    sources: [AWS.accountIds],
    fixable: false,
  },
  check({ design, index }) {
    return design.accounts
      .filter((a) => !/^\d{12}$/.test(a.accountId))
      .map<Report>((a) => ({
        message: `Account ${JSON.stringify(index.nameOf(a.id))} has account id ${JSON.stringify(a.accountId)}; an AWS account id is exactly 12 digits. Enter the 12-digit id.`,
        elements: [a.id],
      }));
  },
};

export const regionUnknown: Rule = {
  meta: {
    id: 'region/unknown',
    severity: 'error',
    title: 'Unknown AWS region',
    explanation: `A region must be an AWS region code such as us-east-1; the known codes are: ${AWS_REGIONS.map((r) => r.code).join(', ')}.`,
    sources: [AWS.regions],
    fixable: false,
  },
  check({ design, index }) {
    const findings: Report[] = [];
    const report = (id: string, region: string, what: string) => {
      if (regionByCode(region)) return;
      findings.push({
        message: `${what} ${JSON.stringify(index.nameOf(id))} is in region ${JSON.stringify(region)}, which is not a known AWS region code. Pick a region such as us-east-1.`,
        elements: [id],
      });
    };
    for (const v of design.vpcs) report(v.id, v.region, 'VPC');
    for (const r of design.repositories) report(r.id, r.region, 'Repository');
    for (const w of design.workerConfigurations) report(w.id, w.region, 'Worker configuration');
    for (const o of design.operations)
      if (o.region !== undefined && OPERATION_REQUIREMENTS[o.kind].reads.includes('region'))
        report(o.id, o.region, 'Operation');
    return findings;
  },
};

export const subnetAzMismatch: Rule = {
  meta: {
    id: 'subnet/az-mismatch',
    severity: 'error',
    title: "Subnet's Availability Zone is not in its VPC's region",
    explanation:
      "A subnet lives in one Availability Zone of its VPC's region (for example us-east-1a for a VPC in us-east-1). An AZ of another region, or one the region does not have, cannot be created.",
    sources: [AWS.subnets, AWS.regions],
    fixable: false,
  },
  check({ design, index }) {
    const findings: Report[] = [];
    // Indexed loops: once per validation over every subnet, mostly unoptimised, where an iterator
    // allocates a result per VPC and subnet.
    const vpcs = design.vpcs;
    for (let i = 0; i < vpcs.length; i++) {
      const v = vpcs[i]!;
      const region = regionByCode(v.region);
      if (!region) continue;
      for (let j = 0; j < v.subnets.length; j++) {
        const s = v.subnets[j]!;
        if (isAzOf(s.az, region)) continue;
        findings.push({
          message: `Subnet ${JSON.stringify(index.nameOf(s.id))} is in Availability Zone ${JSON.stringify(s.az)}, but its VPC ${JSON.stringify(index.nameOf(v.id))} is in ${v.region}. Pick one of ${region.azLetters.map((l) => v.region + l).join(', ')}.`,
          elements: [s.id, v.id],
        });
      }
    }
    return findings;
  },
};
