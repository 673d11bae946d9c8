// Transit Gateways in the browser: a hub design opens with its TGW drawn inside its account and a
// line from each attached VPC, nothing overlapping; the TGW's Inspector form renames it and adds a
// static route; the palette drops a new TGW into an account; dragging a VPC's ⊕ handle onto the TGW
// attaches it (its planning and refusals are unit-tested in src/ui/canvas/tgw.test.ts).
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { contains, dropFromPalette, intersects, selectNode } from './helpers';

const subnet = (vpc: string, i: number, cidr: string, az: string) => ({
  id: `${vpc}-sn${i}`,
  name: `${vpc} ${az}`,
  cidr,
  az,
});

const HUB = {
  format: 'vbaws-network-design',
  version: 1,
  name: 'TGW hub',
  accounts: [{ id: 'acct-net', name: 'Network', accountId: '111111111111' }],
  vpcs: [
    {
      id: 'vpc-a',
      name: 'Spoke A',
      account: 'acct-net',
      region: 'us-east-1',
      cidr: '10.1.0.0/16',
      subnets: [
        subnet('vpc-a', 0, '10.1.0.0/24', 'us-east-1a'),
        subnet('vpc-a', 1, '10.1.1.0/24', 'us-east-1b'),
      ],
    },
    {
      id: 'vpc-b',
      name: 'Spoke B',
      account: 'acct-net',
      region: 'us-east-1',
      cidr: '10.2.0.0/16',
      subnets: [subnet('vpc-b', 0, '10.2.0.0/24', 'us-east-1a')],
    },
    {
      id: 'vpc-c',
      name: 'Spoke C',
      account: 'acct-net',
      region: 'us-east-1',
      cidr: '10.3.0.0/16',
      subnets: [
        subnet('vpc-c', 0, '10.3.0.0/24', 'us-east-1a'),
        subnet('vpc-c', 1, '10.3.1.0/24', 'us-east-1a'),
      ],
    },
    {
      id: 'vpc-eu',
      name: 'Spoke EU',
      account: 'acct-net',
      region: 'eu-west-1',
      cidr: '10.4.0.0/16',
      subnets: [subnet('vpc-eu', 0, '10.4.0.0/24', 'eu-west-1a')],
    },
  ],
  transitGateways: [
    {
      id: 'tgw-hub',
      name: 'Hub',
      account: 'acct-net',
      region: 'us-east-1',
      defaultAssociationRouteTable: 'tgw-rtb-main',
      defaultPropagationRouteTable: 'tgw-rtb-main',
      routeTables: [{ id: 'tgw-rtb-main', name: 'main' }],
    },
  ],
  transitGatewayAttachments: [
    { id: 'att-a', name: 'A', transitGateway: 'tgw-hub', vpc: 'vpc-a', subnets: ['vpc-a-sn0', 'vpc-a-sn1'] },
    { id: 'att-b', name: 'B', transitGateway: 'tgw-hub', vpc: 'vpc-b', subnets: ['vpc-b-sn0'] },
  ],
};

async function openHub(page: Page) {
  await page.goto('/');
  await page.getByTestId('open-file-input').setInputFiles({
    name: 'tgw-hub.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(HUB)),
  });
  await expect(page.getByTestId('tgw-tgw-hub')).toBeVisible();
  // Opening fits the design to the view with an animation: wait until the view stands still.
  const viewport = page.locator('.react-flow__viewport');
  let last = '';
  await expect
    .poll(async () => {
      const now = await viewport.evaluate((el) => getComputedStyle(el).transform);
      const still = now === last;
      last = now;
      return still;
    })
    .toBe(true);
}

/** Nodes that overlap without one holding the other, and line labels over a node or each other. */
async function overlaps(page: Page): Promise<string[]> {
  const { nodes, labels } = await page.evaluate(() => {
    const rect = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    return {
      nodes: [...document.querySelectorAll('.react-flow__node')].map((el) => ({
        id: el.getAttribute('data-id') ?? '',
        account: el.classList.contains('react-flow__node-account'),
        box: rect(el),
      })),
      labels: [...document.querySelectorAll('.pnd-edge-label')].map((el) => ({
        text: el.textContent ?? '',
        box: rect(el),
      })),
    };
  });
  const problems: string[] = [];
  for (let i = 0; i < nodes.length; i++)
    for (let j = i + 1; j < nodes.length; j++) {
      const [a, b] = [nodes[i]!, nodes[j]!];
      if (!contains(a.box, b.box) && !contains(b.box, a.box) && intersects(a.box, b.box))
        problems.push(`${a.id} × ${b.id}`);
    }
  for (const l of labels)
    for (const n of nodes)
      if (!n.account && intersects(l.box, n.box)) problems.push(`label ${l.text} × ${n.id}`);
  return problems;
}

test('a hub design shows its TGW in its account and a line from each attached VPC, nothing overlapping', async ({
  page,
  consoleErrors,
}) => {
  await openHub(page);
  const tgw = page.getByTestId('tgw-tgw-hub');
  await expect(tgw).toContainText('Hub');
  await expect(tgw).toContainText('us-east-1');
  await expect(page.getByTestId('tgw-attachment-att-a')).toHaveText('A');
  await expect(page.getByTestId('tgw-attachment-att-b')).toHaveText('B');
  // The TGW sits inside its account's box.
  const account = (await page.getByTestId('account-acct-net').boundingBox())!;
  const box = (await tgw.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(account.x);
  expect(box.y + box.height).toBeLessThanOrEqual(account.y + account.height);
  expect(await overlaps(page)).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('the Inspector renames the TGW and adds a static route to its route table', async ({
  page,
  consoleErrors,
}) => {
  await openHub(page);
  await selectNode(page, 'tgw-tgw-hub');
  const inspector = page.getByTestId('inspector');
  await expect(page.getByTestId('inspector-title')).toHaveText('Hub');
  const name = inspector.getByTestId('field-name');
  await name.fill('Core hub');
  await name.press('Enter');
  await expect(page.getByTestId('tgw-tgw-hub')).toContainText('Core hub');
  const table = inspector.getByTestId('tgw-route-table-tgw-rtb-main');
  await expect(table.getByTestId('tgw-route-row')).toHaveCount(0);
  await table.getByTestId('add-tgw-route').click();
  // The preset routes the first attached VPC's block through its attachment.
  const row = table.getByTestId('tgw-route-row');
  await expect(row).toHaveCount(1);
  await expect(row.getByLabel('TGW route destination')).toHaveValue('10.1.0.0/16');
  await expect(row.getByRole('combobox', { name: 'Target' })).toHaveValue('A');
  // Undo takes the route back off: it went through the design, not only the form.
  await page.keyboard.press('Control+z');
  await expect(table.getByTestId('tgw-route-row')).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('the palette drops a Transit Gateway into an account, in the region of its VPCs', async ({
  page,
  consoleErrors,
}) => {
  await openHub(page);
  const account = page.getByTestId('account-acct-net');
  const box = (await account.boundingBox())!;
  await dropFromPalette(page, 'transitGateway', account, { x: box.width - 30, y: box.height - 20 });
  const created = page.getByTestId('tgw-tgw');
  await expect(created).toBeVisible();
  await expect(created).toContainText('us-east-1');
  await expect(page.getByTestId('inspector-title')).toHaveText('TGW 2');
  expect(await overlaps(page)).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test("dragging a VPC's handle onto the TGW attaches it: a new line on the canvas, its form in the Inspector", async ({
  page,
  consoleErrors,
}) => {
  await openHub(page);
  await expect(page.locator('[data-testid^="tgw-attachment-"]')).toHaveCount(2);
  const handle = page.getByTestId('vpc-vpc-c').locator('.react-flow__handle[data-handleid="connect"]');
  await expect(handle).toBeVisible();
  const from = (await handle.boundingBox())!;
  const tgw = (await page.getByTestId('tgw-tgw-hub').boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  // React Flow starts a connection after the pointer moves; small steps let it see each move.
  await page.mouse.move(from.x + from.width / 2 + 12, from.y + from.height / 2 + 12, { steps: 4 });
  await expect(page.locator('.react-flow__connectionline')).toBeVisible();
  await page.mouse.move(tgw.x + tgw.width / 2, tgw.y + tgw.height / 2, { steps: 12 });
  await page.mouse.move(tgw.x + tgw.width / 2 + 3, tgw.y + tgw.height / 2, { steps: 2 });
  await page.mouse.up();

  // Spoke C has two subnets in us-east-1a: the attachment takes one subnet of that AZ.
  await expect(page.locator('[data-testid^="tgw-attachment-"]')).toHaveCount(3);
  const created = page.locator('[data-testid^="tgw-attachment-"]').filter({ hasText: 'Spoke C' });
  await expect(created).toHaveCount(1);
  const inspector = page.getByTestId('inspector');
  await expect(inspector).toContainText('TGW VPC attachment');
  await expect(inspector).toContainText('Spoke C (VPC) → Hub');
  // The first subnet of the AZ, shown as a pill of the subnets field.
  await expect(inspector).toContainText('vpc-c us-east-1a (us-east-1a)');
  // Undo takes the attachment back off the canvas.
  await page.keyboard.press('Control+z');
  await expect(page.locator('[data-testid^="tgw-attachment-"]')).toHaveCount(2);
  expect(consoleErrors).toEqual([]);
});
