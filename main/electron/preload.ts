// Runs sandboxed before the page: only `electron` can be required, esbuild bundles the rest.
// The page gets window.deckhand (the contract's methods) and nothing else: no ipcRenderer, no
// channel it could name itself.
import { contextBridge, ipcRenderer } from 'electron';
import { READY_FOR_FILES_MESSAGE } from '../contract.ts';
import { buildApi } from './api-from-invoke.ts';
import { COMMAND_CHANNEL, NAVIGATE_CHANNEL, OPEN_FILE_CHANNEL, isCommand, isRoute } from './navigation.ts';
import { OpenedFileMailbox } from './opened-file-mailbox.ts';

contextBridge.exposeInMainWorld(
  'deckhand',
  buildApi((channel, args) => ipcRenderer.invoke(channel, args)),
);

// The menu's "go to" items. Applied here, not forwarded, so the page needs no listener API; the
// hash change reaches the page's router as any other would.
// main/ is type-checked without the DOM library; this is the one piece of it the preload touches.
declare const location: { hash: string; origin: string };
declare const window: {
  dispatchEvent(event: unknown): boolean;
  postMessage(message: unknown, targetOrigin: string): void;
  addEventListener(type: 'message', listener: (event: { origin: string; data: unknown }) => void): void;
};
declare const CustomEvent: new (type: string, init: { detail: string }) => unknown;

ipcRenderer.on(NAVIGATE_CHANNEL, (_event, route: unknown) => {
  if (isRoute(route)) location.hash = route;
});

ipcRenderer.on(COMMAND_CHANNEL, (_event, command: unknown) => {
  if (isCommand(command)) window.dispatchEvent(new CustomEvent('deckhand:command', { detail: command }));
});

// A file the system opened (see contract.ts): posted to the page, which reads the bytes as a File.
// postMessage, not a CustomEvent, because its data is cloned into the page's world.
const mailbox = new OpenedFileMailbox((message) => window.postMessage(message, location.origin));
ipcRenderer.on(OPEN_FILE_CHANNEL, (_event, file: unknown) => mailbox.put(file));
window.addEventListener('message', (event) => {
  if (event.origin === location.origin && (event.data as { type?: unknown } | null)?.type === READY_FOR_FILES_MESSAGE) mailbox.ready();
});
