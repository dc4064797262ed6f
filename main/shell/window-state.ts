import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The window's size and place, remembered between launches. */
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const defaultWindowState: WindowState = { width: 1360, height: 860, maximized: false };

const isInt = (v: unknown): v is number => Number.isInteger(v);

/** The saved state, or the default when there is none or it is damaged: never a crash at start. */
export function loadWindowState(path: string): WindowState {
  try {
    const saved = JSON.parse(readFileSync(path, 'utf8')) as Partial<WindowState>;
    if (!isInt(saved.width) || !isInt(saved.height) || saved.width < 400 || saved.height < 300) {
      return defaultWindowState;
    }
    const placed = isInt(saved.x) && isInt(saved.y) ? { x: saved.x, y: saved.y } : {};
    return { ...placed, width: saved.width, height: saved.height, maximized: saved.maximized === true };
  } catch {
    return defaultWindowState;
  }
}

export function saveWindowState(path: string, state: WindowState): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(state));
}
