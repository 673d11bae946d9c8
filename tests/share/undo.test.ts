import { beforeEach, describe, expect, it } from 'vitest';
import { emptyDesign } from '../../src/app/examples';
import { history, useDesignStore } from '../../src/app/store';

describe('one undo history for the whole design', () => {
  beforeEach(() => {
    useDesignStore.getState().replace(emptyDesign('start'));
    history.clear();
  });

  it('undoes and redoes at least 100 imports, one step each', () => {
    for (let i = 1; i <= 150; i++) useDesignStore.getState().replace(emptyDesign(`import ${i}`));
    for (let i = 149; i >= 1; i--) {
      history.undo();
      expect(useDesignStore.getState().design.name).toBe(`import ${i}`);
    }
    history.undo();
    expect(useDesignStore.getState().design.name).toBe('start');
    for (let i = 1; i <= 150; i++) history.redo();
    expect(useDesignStore.getState().design.name).toBe('import 150');
  });
});
