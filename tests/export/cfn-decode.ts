// Reading a CloudFormation value back as the text CloudFormation would produce: a plain string, or
// an Fn::Sub used only as an escape (`${!x}` yields `${x}`), which is how names holding `${` are written.

export function cfnText(value: unknown): string {
  if (typeof value === 'string') return value;
  const sub = (value as { 'Fn::Sub'?: unknown } | null)?.['Fn::Sub'];
  if (typeof sub !== 'string') throw new Error(`not a text value: ${JSON.stringify(value)}`);
  // Written independently of the exporter: any `${` not followed by `!` would be a real substitution.
  if (/\$\{(?!!)/.test(sub)) throw new Error(`live substitution in ${JSON.stringify(sub)}`);
  return sub.replace(/\$\{!/g, '${');
}
