// What every Terraform block builder shares: the export model, the labels, the account numbers, and
// the few expressions that several resource kinds write the same way.
import type { Vpc } from '../../model/schema';
import { needsAccepter, type ExportModel, type ResolvedPeering } from '../model';
import { tagValue } from '../text';
import { attr, hclInlineObject, hclString, type BodyItem } from './hcl';
import type { Labeller } from './labels';

export interface Context {
  model: ExportModel;
  labels: Labeller;
  /** Account label → the literal account number, for `local.account_ids`. */
  accountIds: Map<string, string>;
}

export const tags = (name: string): BodyItem =>
  attr('tags', hclInlineObject([['Name', hclString(tagValue(name))]]));

export function providerRef(ctx: Context, vpc: Vpc): string {
  return `aws.${ctx.labels.provider(ctx.model.scopeOf(vpc))}`;
}

/** The expression for a peering's id as seen by routes: the accepter's, so routes wait for acceptance. */
export function peeringIdExpr(ctx: Context, p: ResolvedPeering): string {
  const label = ctx.labels.peering(p.peering);
  return needsAccepter(p)
    ? `aws_vpc_peering_connection_accepter.${label}.id`
    : `aws_vpc_peering_connection.${label}.id`;
}

/** The resource that makes a peering usable: its accepter when one is needed, else the connection. */
export function peeringReady(ctx: Context, p: ResolvedPeering): string {
  const label = ctx.labels.peering(p.peering);
  return needsAccepter(p)
    ? `aws_vpc_peering_connection_accepter.${label}`
    : `aws_vpc_peering_connection.${label}`;
}
