import type { MenuItemConstructorOptions } from 'electron';

export type MenuCommand = 'import' | 'export';

/** File → Import…, Export…, Quit; Edit; View; Help → About. */
export function menuTemplate(actions: {
  send(command: MenuCommand): void;
  about(): void;
  isMac: boolean;
}): MenuItemConstructorOptions[] {
  return [
    ...(actions.isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Import…', accelerator: 'CmdOrCtrl+I', click: () => actions.send('import') },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => actions.send('export') },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { label: 'Help', submenu: [{ label: 'About SchemeDesk', click: () => actions.about() }] },
  ];
}
