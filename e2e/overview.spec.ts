// A design too big to read at its fitted zoom opens as an overview (one drawing of its VPCs and
// lines, no mounted VPC or subnet nodes); a click on a box selects that VPC, a double click zooms
// to it and its subnets are mounted, and they can be selected like on any design.
import { test, expect } from './fixtures';
import { selectNode } from './helpers';
import { generateDesign } from '../src/model/generate';
import { shareLink } from '../src/share/codec';

const design = generateDesign({ vpcs: 300, seed: 7 });

test('a 300-VPC link opens as an overview; click selects a VPC, double click zooms in to its subnets', async ({
  page,
  consoleErrors,
}) => {
  await page.goto(shareLink(design, '/'));
  await expect(page.getByTestId('overview')).toHaveAttribute('data-vpcs', String(design.vpcs.length));
  await expect(page.locator('.react-flow__node-vpc')).toHaveCount(0);
  await expect(page.locator('.react-flow__node-subnet')).toHaveCount(0);
  await expect(page.locator('.react-flow__node-account')).not.toHaveCount(0);
  // Judged like any design (the worker decodes the link text itself).
  await expect(page.getByTestId('summary-errors')).toHaveText('0 errors');
  await expect(page.getByTestId('summary-warnings')).toHaveText('0 warnings');

  // A point on the canvas where a VPC box is drawn, as the browser hit-tests it.
  const point = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
    for (let y = pane.top + 60; y < pane.bottom - 10; y += 4)
      for (let x = pane.left + 10; x < pane.right - 200; x += 4)
        if (document.elementFromPoint(x, y)?.classList.contains('pnd-overview-vpc')) return { x, y };
    return null;
  });
  expect(point).not.toBeNull();
  await page.mouse.click(point!.x, point!.y);

  // The VPC clicked is selected: mounted on its own (so it can be dragged), its form in the Inspector.
  const mounted = page.locator('.react-flow__node-vpc');
  await expect(mounted).toHaveCount(1);
  const id = (await mounted.getAttribute('data-id'))!;
  const vpc = design.vpcs.find((v) => v.id === id)!;
  await expect(page.getByTestId(`vpc-${id}`)).toHaveClass(/is-selected/);
  await expect(page.getByTestId('inspector').getByLabel('IPv4 CIDR', { exact: true })).toHaveValue(vpc.cidr);
  await expect(page.getByTestId('overview')).toHaveAttribute('data-vpcs', String(design.vpcs.length - 1));

  // Selected, it can be dragged like any node; the move lands in the design (a refused move snaps back).
  const before = (await mounted.boundingBox())!;
  await page.mouse.move(before.x + before.width / 2, before.y + before.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++)
    await page.mouse.move(before.x + before.width / 2 + i, before.y + before.height / 2 + i);
  await page.mouse.up();
  await expect
    .poll(async () => (await mounted.boundingBox())!.x - before.x, { timeout: 5000 })
    .toBeGreaterThan(5);

  await page.getByTestId(`vpc-${id}`).dblclick({ position: { x: 12, y: 8 } });
  const subnet = vpc.subnets[0]!;
  await expect(page.getByTestId(`subnet-${subnet.id}`)).toBeVisible();
  await expect(page.getByTestId('overview')).toHaveCount(0);
  await expect(page.getByTestId(`vpc-${id}`)).toContainText(vpc.cidr);

  await selectNode(page, `subnet-${subnet.id}`);
  await expect(page.getByTestId(`subnet-${subnet.id}`)).toHaveClass(/is-selected/);
  await expect(page.getByTestId(`vpc-${id}`)).not.toHaveClass(/is-selected/);
  expect(consoleErrors).toEqual([]);
});
