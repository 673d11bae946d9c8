// The canvas's own packer places imported elements (src/ui/canvas/layout.ts is pure: no React, no
// DOM), and the boxes are stored so the design opens the same way everywhere.
import type { Design } from '../model/schema';
import { layoutDesign } from '../ui/canvas/layout';

export function withComputedLayout(design: Design): Design {
  const boxes = layoutDesign(design);
  return {
    ...design,
    layout: Object.fromEntries([...boxes].map(([id, b]) => [id, { x: b.x, y: b.y, w: b.w, h: b.h }])),
  };
}
