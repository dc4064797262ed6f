import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultWindowState, loadWindowState, saveWindowState } from '../../main/shell/window-state';
import { tempDirPerTest } from '../support/temp';

const tempDir = tempDirPerTest();

describe('window state', () => {
  it('round-trips size, place and maximized', () => {
    const path = join(tempDir(), 'nested', 'window-state.json');
    saveWindowState(path, { x: 10, y: 20, width: 1000, height: 700, maximized: true });
    expect(loadWindowState(path)).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: true });
  });

  it('falls back to the default for a missing, damaged or absurd file', () => {
    const dir = tempDir();
    expect(loadWindowState(join(dir, 'missing.json'))).toEqual(defaultWindowState);
    writeFileSync(join(dir, 'bad.json'), '{"width": 12');
    expect(loadWindowState(join(dir, 'bad.json'))).toEqual(defaultWindowState);
    writeFileSync(join(dir, 'tiny.json'), '{"width": 10, "height": 10}');
    expect(loadWindowState(join(dir, 'tiny.json'))).toEqual(defaultWindowState);
  });
});
