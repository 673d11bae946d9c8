// "Copy as Terraform / CloudFormation" for one element: only that element's resources.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { elementSnippet } from '../../src/import/snippets';
import { example } from '../rules/helpers';

const design = example(1);
const resources = (hcl: string) =>
  [...hcl.matchAll(/^resource "([^"]+)" "([^"]+)"/gm)].map((m) => `${m[1]}.${m[2]}`);

describe('element snippets', () => {
  it('a security group: the group and its rules, nothing of its VPC', () => {
    const tf = elementSnippet(design, 'sg-endpoints', 'terraform');
    expect(resources(tf)).toEqual([
      'aws_security_group.sg_endpoints',
      'aws_vpc_security_group_ingress_rule.sg_endpoints_ingress_1',
      'aws_vpc_security_group_egress_rule.sg_endpoints_egress_1',
    ]);
    expect(tf).toContain('cidr_ipv4         = "10.0.0.0/16"');
    const cfn = parse(elementSnippet(design, 'sg-endpoints', 'cloudformation')) as {
      Resources: Record<string, { Type: string }>;
    };
    expect(
      Object.values(cfn.Resources)
        .map((r) => r.Type)
        .sort(),
    ).toEqual(['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress']);
  });

  it('a route table: the table, its main association and its routes over the peering', () => {
    const tf = resources(elementSnippet(design, 'rt-worker', 'terraform'));
    expect(tf).toContain('aws_route_table.rt_worker');
    expect(tf).toContain('aws_main_route_table_association.rt_worker');
    expect(tf.filter((r) => r.startsWith('aws_route.'))).toHaveLength(1);
    expect(tf.some((r) => r.startsWith('aws_vpc_peering_connection'))).toBe(false);
    expect(tf.some((r) => r.startsWith('aws_vpc.'))).toBe(false);
  });

  it('an endpoint: one aws_vpc_endpoint', () => {
    expect(resources(elementSnippet(design, 'vpce-ssm', 'terraform'))).toEqual(['aws_vpc_endpoint.vpce_ssm']);
  });

  it('a peering: the connection and its accepter', () => {
    expect(resources(elementSnippet(design, 'pcx-worker-repo', 'terraform')).sort()).toEqual([
      'aws_vpc_peering_connection.pcx_worker_repo',
      'aws_vpc_peering_connection_accepter.pcx_worker_repo',
    ]);
  });
});
