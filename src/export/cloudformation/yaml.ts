// YAML text through the `yaml` library. Every string value is double-quoted, so no name can turn
// into a boolean, null, number, date, anchor, alias or tag under YAML 1.1 (CloudFormation, cfn-lint's
// PyYAML) or 1.2; double quotes also carry any character as an escape.
import { Document } from 'yaml';

/**
 * Characters the `yaml` library leaves raw inside double quotes although YAML does not allow them
 * there (DEL, C1 controls, U+FFFE/U+FFFF are not printable) or a YAML 1.1 reader folds them as line
 * breaks (NEL, LS, PS). Every string is double-quoted and comments are escaped before they get here,
 * so these can only occur inside a double-quoted scalar, where an escape is always valid.
 */
const RAW_UNSAFE = /[\u007f-\u009f\u2028\u2029\ufffe\uffff\ufeff]/g;
const NAMED: Record<string, string> = { '\u0085': '\\N', '\u2028': '\\L', '\u2029': '\\P' };

export function toYaml(header: string, value: unknown): string {
  // Keys stay plain unless a YAML 1.1 reader would take them for something else (`Yes`, `On`, `Null`):
  // judged under the 1.1 schema, which for keys that start with a letter covers 1.2's cases too.
  // Shared objects are written out each time: no anchors or aliases, which not every reader takes.
  // The 1.1 schema's merge tag claims the string `<<` and writes it plain, where every YAML 1.1
  // reader (PyYAML, CloudFormation) takes it for a merge key; without that tag it is quoted like
  // any other string. The templates never use merge keys themselves.
  const doc = new Document(value, {
    version: '1.1',
    aliasDuplicateObjects: false,
    customTags: (tags) =>
      tags.filter((t) => (typeof t === 'string' ? t !== 'merge' : t.tag !== 'tag:yaml.org,2002:merge')),
  });
  const text = doc.toString({
    defaultStringType: 'QUOTE_DOUBLE',
    defaultKeyType: 'PLAIN',
    // JSON-style escapes: a line break in a name is written `\n`, never folded across lines.
    doubleQuotedAsJSON: true,
    lineWidth: 0,
    minContentWidth: 0,
  });
  const escaped = text.replace(
    RAW_UNSAFE,
    (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return header + '\n' + escaped;
}
