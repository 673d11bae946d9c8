// Required flows that nothing can make reach: an endpoint without subnets, and flows that run
// through an element that is invalid or missing. Every required flow that does not reach carries
// an error naming it; these rules own the cases no route, peering or group rule explains.
import { analysisOf } from './analysis';
import { endpointSide, flowLabel, quoted } from './flow-problems';
import { AWS, VEEAM } from './sources';
import type { Report, Rule } from './types';

const name = JSON.stringify;

export const endpointNoSubnets: Rule = {
  meta: {
    id: 'endpoint/no-subnets',
    severity: 'error',
    title: 'Required endpoint has no subnet',
    explanation:
      'An interface endpoint exists in a VPC through the network interfaces AWS creates in the subnets chosen for it, one per subnet. An endpoint without a subnet has no address at all, so no worker or appliance reaches it.',
    sources: [AWS.interfaceEndpoint, VEEAM.interfaceEndpoints],
    fixable: false,
  },
  hops: [
    {
      kinds: ['destination'],
      reasons: ['no-subnets'],
      describe: (ctx, { planned }) => ({
        message: `Endpoint ${quoted(ctx, planned.endpoint.id)} has no subnet in VPC ${quoted(ctx, planned.endpointVpc.id)}, so it has no network interface and nothing reaches it. Add a subnet of each Availability Zone its clients use.`,
        elements: [planned.endpoint.id],
      }),
    },
  ],
};

export const reachInvalidElement: Rule = {
  meta: {
    id: 'reach/invalid-element',
    severity: 'error',
    title: 'A required flow runs through an invalid or missing element',
    explanation:
      'A required flow cannot be checked, and so cannot be trusted to work, when an element on its path is invalid: a subnet without a valid CIDR, an address outside its VPC’s blocks, or a repository whose S3 endpoint names something other than an S3 interface endpoint. It counts as not reaching until the element is fixed.',
    sources: [AWS.subnetSizing, VEEAM.addS3Endpoint],
    fixable: false,
  },
  hops: [
    {
      kinds: ['destination'],
      reasons: ['invalid'],
      describe: (_, { planned, hop }) => ({
        message: `The flow ${planned.flow.description} cannot be made: ${hop.detail}. Give the subnet a valid block.`,
        elements: hop.elements,
      }),
    },
    {
      kinds: ['route', 'return-route'],
      reasons: ['invalid'],
      describe(ctx, at) {
        if (!endpointSide(ctx, at)) return undefined;
        const { planned, hop } = at;
        const toVpc = hop.kind === 'route' ? planned.endpointVpc : planned.source.vpc;
        return {
          message: `The flow ${planned.flow.description} cannot be made: ${hop.detail}. Fix the address plan of VPC ${quoted(ctx, toVpc.id)}.`,
          elements: hop.elements,
        };
      },
    },
  ],
  check(ctx) {
    const findings: Report[] = [];
    for (const { unmet, result } of analysisOf(ctx).unmet) {
      if (unmet.reason !== 'not-s3-interface') continue;
      const repo = ctx.index.repositories.get(unmet.at)?.element;
      findings.push({
        message: `Repository ${name(ctx.index.nameOf(unmet.at))} names ${name(repo?.s3Endpoint ?? '')} as its S3 endpoint, which is not an S3 interface endpoint of any VPC, so nothing reaches the repository. Pick an S3 interface endpoint in its settings.`,
        elements: [unmet.at],
        flow: flowLabel(ctx, result),
      });
    }
    return findings;
  },
};
