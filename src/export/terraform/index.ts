// Design → a Terraform root module for hashicorp/aws ~> 5.100: versions.tf, providers.tf,
// variables.tf, one file per account, outputs.tf. Every reference between resources is an
// expression, so Terraform orders creation and no id is ever copied. Choices the design leaves open:
// - an `internet` route gets an aws_internet_gateway in its VPC (an IGW needs nothing else);
// - a `nat` route targets var.<vpc>_nat_gateway_id, optional: a NAT gateway needs a public subnet
//   and an Elastic IP the design does not draw, so the route is created once the user sets it;
// - every peering is exported active (accepted), whatever its `status`, because the routes that use
//   it only work once it is.
import type { Design } from '../../model/schema';
import type { Finding } from '../../rules/types';
import { hashComment, headerLines, type ExportFile } from '../header';
import { terraformLabel } from '../labels';
import { buildExportModel, needsAccepter } from '../model';
import { commentQuote, commentText, fileSlug, NameRegistry } from '../text';
import { accepterBlock, peeringBlock } from './connections';
import type { Context } from './context';
import { renderHclFile, type TopBlock } from './hcl';
import { providerBlocks, variableBlocks, versionBlocks } from './inputs';
import { Labeller } from './labels';
import { outputsFile } from './outputs';
import { vpcBlocks } from './vpc';

export { terraformLabels, type TerraformLabels } from './labels';

export function exportTerraform(design: Design, findings: readonly Finding[]): ExportFile[] {
  const model = buildExportModel(design);
  const labels = new Labeller();
  labels.nameRoutesAndRules(design);
  const header = (about: string) => hashComment(headerLines(design, findings, about));

  const accountIds = new Map<string, string>();
  for (const scope of model.scopes) {
    if (scope.account) accountIds.set(terraformLabel(scope.accountRef), scope.account.accountId);
  }
  const ctx: Context = { model, labels, accountIds };
  const accountRefs = [...new Set(model.scopes.map((s) => s.accountRef))];

  const files: ExportFile[] = [];
  const hcl = (path: string, about: string, blocks: TopBlock[]) =>
    files.push({ path, content: renderHclFile(header(about), blocks), language: 'hcl' });

  hcl('versions.tf', 'Terraform and provider versions', versionBlocks());
  hcl('providers.tf', 'One AWS provider configuration per account and region', providerBlocks(ctx));
  hcl(
    'variables.tf',
    'Inputs: a role per account, and gateways the design does not draw',
    variableBlocks(ctx, accountRefs),
  );

  const fileNames = new NameRegistry('-');
  // An account named "outputs" must not overwrite the module's own files.
  for (const fixed of ['versions', 'providers', 'variables', 'outputs', 'main']) fileNames.claim(fixed);
  for (const ref of accountRefs) {
    const account = model.index.accounts.get(ref)?.element;
    const blocks: TopBlock[] = design.vpcs.filter((v) => v.account === ref).flatMap((v) => vpcBlocks(ctx, v));
    for (const p of model.peerings) if (p.requester.account === ref) blocks.push(peeringBlock(ctx, p));
    for (const p of model.peerings) {
      if (p.accepter.account === ref && needsAccepter(p)) blocks.push(accepterBlock(ctx, p));
    }
    const path = `${fileNames.claim(fileSlug(account?.name, ref))}.tf`;
    hcl(path, `Account ${commentQuote(account?.name || ref)} (${commentText(ref)})`, blocks);
  }

  files.push({
    path: 'outputs.tf',
    content: outputsFile(ctx, header('Outputs: AWS ids of the exported elements, and what Veeam asks for')),
    language: 'hcl',
  });
  return files;
}
