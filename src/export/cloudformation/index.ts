// Design → CloudFormation: one template per (account, region) — or several parts of one when it
// would exceed a template's quotas — because a stack lives in exactly one account and region, plus
// DEPLOY.md. See builder.ts for how stacks feed each other and quotas.ts for how scopes are split.
import type { Design } from '../../model/schema';
import type { Finding } from '../../rules/types';
import { hashComment, headerLines, type ExportFile } from '../header';
import { buildExportModel, type ExportModel } from '../model';
import { Builder, type Stack } from './builder';
import { buildPeering } from './connections';
import { deployGuide, type StackFacts } from './deploy-guide';
import { description, type Json } from './intrinsics';
import { veeamOutputs } from './outputs';
import { grownParts, initialParts, overQuota, QUOTAS, templateBytes } from './quotas';
import { TgwBuilder } from './transit-gateway';
import { buildVpc } from './vpc';
import { toYaml } from './yaml';

export function exportCloudFormation(design: Design, findings: readonly Finding[]): ExportFile[] {
  const model = buildExportModel(design);
  let parts = initialParts(model);
  for (;;) {
    const b = build(model, parts);
    // Splitting is judged on the JSON size (YAML with quoted strings is close to it) so that the
    // templates are written once, at the end.
    const overScopes = new Set(
      b.stacks
        .filter((stack) => overQuota(stack, 1.1 * JSON.stringify(document(b, stack)).length).length)
        .map((stack) => stack.scope.key),
    );
    const next = overScopes.size ? grownParts(model, parts, overScopes) : undefined;
    if (!next) return finish(b, findings);
    parts = next;
  }
}

function build(model: ExportModel, parts: Map<string, number>): Builder {
  const b = new Builder(model, parts);
  // Peerings first: routes and rules that use one need to know under which Condition and in which
  // round of deployment it exists.
  for (const p of model.peerings) buildPeering(b, p);
  b.transit = new TgwBuilder(b);
  b.transit.build();
  for (const vpc of model.design.vpcs) buildVpc(b, vpc);
  veeamOutputs(b);
  return b;
}

function headerFor(b: Builder, stack: Stack, findings: readonly Finding[]): string {
  const account = stack.scope.account;
  const about = `CloudFormation template for stack ${stack.name} (account ${account?.accountId ?? stack.scope.accountRef}, region ${stack.scope.region})`;
  const lines = headerLines(b.model.design, findings, about);
  const parts = b.partsOf(stack.scope);
  if (parts > 1) {
    lines.push(
      `Part ${stack.part + 1} of ${parts} of this account and region: a template holds at most ${QUOTAS.resources} resources (see DEPLOY.md).`,
    );
  }
  if (stack.steps.length) {
    lines.push(
      `Not in this template: ${stack.steps.length} egress rule${stack.steps.length === 1 ? '' : 's'} towards a security group of another account, which CloudFormation cannot express; DEPLOY.md ("Manual steps") gives the AWS CLI call for each.`,
    );
  }
  return hashComment(lines);
}

function document(b: Builder, stack: Stack): Record<string, Json> {
  const design = b.model.design;
  const account = stack.scope.account;
  const doc: Record<string, Json> = {
    AWSTemplateFormatVersion: '2010-09-09',
    // W3010: subnets sit in the availability zones the design names, on purpose. W1020: Fn::Sub
    // wraps names that hold `${`, only to escape them (`${!`), so it has no variables by design.
    Metadata: { 'cfn-lint': { config: { ignore_checks: ['W3010', 'W1020'] } } },
    Description: description(
      `${design.name || 'Design'}: network for account ${account?.name || stack.scope.accountRef}, region ${stack.scope.region} (Private Network Designer)`,
      1024,
    ),
  };
  if (Object.keys(stack.parameters).length) doc.Parameters = stack.parameters;
  if (Object.keys(stack.conditions).length) doc.Conditions = stack.conditions;
  // Peerings and roles were built first; listing them after the VPCs reads in creation order.
  const late = (r: Json) =>
    /VPCPeeringConnection|IAM::Role|TransitGateway|RAM::/.test((r as { Type: string }).Type);
  const entries = Object.entries(stack.resources);
  doc.Resources = Object.fromEntries([
    ...entries.filter(([, r]) => !late(r)),
    ...entries.filter(([, r]) => late(r)),
  ]);
  if (Object.keys(stack.outputs).length) doc.Outputs = stack.outputs;
  return doc;
}

function finish(b: Builder, findings: readonly Finding[]): ExportFile[] {
  const facts: StackFacts[] = [];
  const files: ExportFile[] = b.stacks.map((stack) => {
    const content = toYaml(headerFor(b, stack, findings), document(b, stack));
    const bytes = templateBytes(content);
    facts.push({ stack, bytes, over: overQuota(stack, bytes) });
    return { path: stack.file, content, language: 'yaml' };
  });
  const guideHeader = headerLines(b.model.design, findings, 'How to deploy the CloudFormation templates');
  files.push({ path: 'DEPLOY.md', content: deployGuide(b, facts, guideHeader), language: 'markdown' });
  return files;
}
