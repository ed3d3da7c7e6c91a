// Runs sandboxed before the page: only `electron` can be required, esbuild bundles the rest.
// The page gets window.deckhand (the contract's methods) and nothing else: no ipcRenderer, no
// channel it could name itself.
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from './api-from-invoke.ts';
import { COMMAND_CHANNEL, NAVIGATE_CHANNEL, isCommand, isRoute } from './navigation.ts';

contextBridge.exposeInMainWorld(
  'deckhand',
  buildApi((channel, args) => ipcRenderer.invoke(channel, args)),
);

// The menu's "go to" items. Applied here, not forwarded, so the page needs no listener API; the
// hash change reaches the page's router as any other would.
// main/ is type-checked without the DOM library; this is the one piece of it the preload touches.
declare const location: { hash: string };
declare const window: { dispatchEvent(event: unknown): boolean };
declare const CustomEvent: new (type: string, init: { detail: string }) => unknown;

ipcRenderer.on(NAVIGATE_CHANNEL, (_event, route: unknown) => {
  if (isRoute(route)) location.hash = route;
});

ipcRenderer.on(COMMAND_CHANNEL, (_event, command: unknown) => {
  if (isCommand(command)) window.dispatchEvent(new CustomEvent('deckhand:command', { detail: command }));
});
