// A security group's name and description cannot change without replacing the group, and its id is
// what Veeam's worker configurations and other groups' rules hold. Both exports therefore derive them
// from the element id, which never changes on a rename; the display name travels in the Name tag.
// Ids are [A-Za-z0-9._:-]{1,64}, all characters EC2 allows in a VPC group's name and description.

/**
 * The group name for an id. EC2 reserves names starting with `sg-` (group ids look like that) and the
 * name `default` (every VPC's own group), so those ids get a `pnd-` prefix.
 */
export function groupName(id: string): string {
  return /^sg-/i.test(id) || id.toLowerCase() === 'default' ? `pnd-${id}` : id;
}

export function groupDescription(id: string): string {
  return `Security group ${id} of the Private Network Designer design`;
}
