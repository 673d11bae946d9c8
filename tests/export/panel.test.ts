// The Export panel's pieces that need no browser: colouring is lossless and finds what it should,
// and the panel renders the tabs and buttons the user (and the e2e suite) looks for.
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { MantineProvider } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { EXPORTERS, exportAll } from '../../src/export/index';
import { validate } from '../../src/rules/registry';
import ExportPanel from '../../src/ui/export/ExportPanel';
import { tokenize } from '../../src/ui/export/highlight';
import { exportDesigns, hostileDesign, loadExample } from './fixtures/designs';

describe('export syntax colouring', () => {
  it.each(exportDesigns())(
    '$name: every file is split into tokens that join back into the file',
    ({ design }) => {
      for (const f of exportAll(design, validate(design))) {
        const tokens = tokenize(f.content, f.language);
        expect(tokens.map((t) => t.text).join('')).toBe(f.content);
      }
    },
  );

  it('colours comments, strings, keys and numbers, and keeps a # inside a string a string', () => {
    const hcl = tokenize(
      '# head\nresource "aws_vpc" "a" {\n  cidr_block = "10.0.0.0/16 # not a comment"\n  n = 3\n}\n',
      'hcl',
    );
    expect(hcl.find((t) => t.kind === 'comment')?.text).toBe('# head');
    expect(hcl.filter((t) => t.kind === 'string').map((t) => t.text)).toContain(
      '"10.0.0.0/16 # not a comment"',
    );
    expect(hcl.find((t) => t.kind === 'key' && t.text.includes('cidr_block'))).toBeDefined();
    expect(hcl.find((t) => t.kind === 'number')?.text).toBe('3');
    const yaml = tokenize('# c\nKey: "v #x"\nN: 443\n', 'yaml');
    expect(yaml.filter((t) => t.kind === 'comment').map((t) => t.text)).toEqual(['# c']);
    expect(yaml.find((t) => t.kind === 'string')?.text).toBe('"v #x"');
  });
});

describe('ExportPanel', () => {
  const render = (design = loadExample('example-1-ec2-backup.json')) =>
    renderToString(createElement(MantineProvider, null, createElement(ExportPanel, { design })));

  it('shows the Terraform, CloudFormation and JSON tabs, a tab per file, Copy and Download all', () => {
    const html = render();
    for (const name of ['Terraform', 'CloudFormation', 'JSON'])
      expect(html).toMatch(new RegExp(`role="tab"[^>]*>(<[^>]+>)*${name}<`));
    expect(html).toContain('versions.tf');
    expect(html).toContain('providers.tf');
    expect(html).toMatch(/>Copy</);
    expect(html).toMatch(/>Download all \(\.zip\)</);
    expect(html).not.toContain('error findings are open');
  });

  it('has one tab per registered exporter, in registry order, and Download all holds each in its folder', () => {
    const html = render();
    const tabs = [...html.matchAll(/role="tab"[^>]*>(?:<[^>]+>)*([^<]+)</g)].map((m) => m[1]);
    expect(tabs.slice(0, EXPORTERS.length)).toEqual(EXPORTERS.map((e) => e.label));
    const design = loadExample('example-1-ec2-backup.json');
    const paths = exportAll(design, []).map((f) => f.path);
    for (const e of EXPORTERS) {
      const own = e.files(design, []).map((f) => (e.folder ? `${e.folder}/${f.path}` : f.path));
      for (const p of own) expect(paths).toContain(p);
    }
  });

  it('warns when error findings are open, and shows hostile names as text, never markup', () => {
    const design = hostileDesign();
    design.peerings[0]!.accepter = 'gone';
    design.name = '</script><script>alert(1)</script>';
    const html = render(design);
    expect(html).toMatch(/error findings? (is|are) open/);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;');
  });
});
