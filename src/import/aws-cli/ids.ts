// Which design ids are real AWS ids: an import keeps them (`vpc-0a1b2c3d`, 8 or 17 hex digits after
// the resource prefix); elements drawn by hand carry made-up ids no AWS call would accept.
const AWS_ID = /^(vpc|subnet|rtb|sg|vpce|pcx|tgw|tgw-rtb|tgw-attach)-[0-9a-f]{8}(?:[0-9a-f]{9})?$/;

export function isAwsId(id: string): boolean {
  return AWS_ID.test(id);
}

/** Whether any parameter of the commands names an AWS id: then a script for the real account is worth offering. */
export function mentionsAwsIds(commands: readonly object[]): boolean {
  const visit = (x: unknown): boolean =>
    typeof x === 'string'
      ? isAwsId(x)
      : Array.isArray(x)
        ? x.some(visit)
        : x !== null && typeof x === 'object' && Object.values(x).some(visit);
  return commands.some(visit);
}
