// The Electron shell: app lifecycle, the one window, the app:// protocol and the IPC wiring. Every
// decision with a test of its own lives in a pure module beside this one; this file connects them.
import { BrowserWindow, Menu, app, dialog, ipcMain, nativeTheme, protocol, screen, session, shell, type WebContents } from 'electron';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { API_METHODS, IMPORT_LIMITS, channelFor, type Result } from '../contract.ts';
import { dispatch } from '../ipc.ts';
import { openDeckhand, type DeckhandService } from '../open-app.ts';
import { CONTENT_SECURITY_POLICY } from '../security.ts';
import { dataDirFromArgv } from './command-line.ts';
import { navigationDecision, openLinkAfterConfirm, windowOpenDecision } from './external-links.ts';
import { isTrustedSender } from './ipc-sender.ts';
import { contextMenuTemplate } from './context-menu.ts';
import { menuTemplate, type MenuActions } from './menu.ts';
import { COMMAND_CHANNEL, NAVIGATE_CHANNEL, OPEN_FILE_CHANNEL, ROUTES, type Command, type Route } from './navigation.ts';
import { OpenQueue, flowForFile, openRequestsFromArgv, readOpenedFile, type OpenRequest } from './open-files.ts';
import { APP_INDEX_URL, contentTypeFor, mediaPathOf, resolveAppUrl } from './protocol-path.ts';
import { isAllowedRequest, isOwnDownload } from './request-filter.ts';
import { utilityOptimiser } from './utility-optimiser.ts';
import { lockFailureDecision, processIsAlive, readLockOwner } from './single-instance.ts';
import { spellcheckPolicy } from './spellcheck.ts';
import { windowOptions } from './window-options.ts';
import { frontSteps, loadWindowState, placeWindow, revealSteps, saveWindowState, type WindowState } from './window-state.ts';
import { QuitCoordinator } from './quit.ts';
import { collectionWentMissing, folderState, missingCollectionDialog, readKnownFolders, rememberFolder } from './known-folders.ts';
import { Reminder } from './reminder.ts';

const RENDERER_DIR = path.join(__dirname, 'renderer');
const PRELOAD = path.join(__dirname, 'preload.cjs');
const OPTIMISER = path.join(__dirname, 'optimiser.mjs');
const SAVE_WINDOW_STATE_MS = 500;
/** How long quitting waits for an import or a restore still running before closing the collection anyway. */
const QUIT_WAIT_MS = 15_000;

// Must run before 'ready': a standard, secure scheme gets an origin, so the CSP's 'self' and
// relative URLs work as on https.
protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

/** The folders that held a collection, kept in the app's default settings folder (not a collection's). */
const KNOWN_FOLDERS = path.join(app.getPath('userData'), 'collection-folders.json');
const dataDir = dataDirOrExit();

function dataDirOrExit(): string {
  try {
    const fromArgv = dataDirFromArgv(process.argv);
    if (fromArgv === null) return app.getPath('userData');
    const dir = path.resolve(fromArgv);
    // Chromium's profile and the single-instance lock follow userData, so two copies of the app on
    // two data folders (as the tests run them) neither share a profile nor block each other.
    app.setPath('userData', dir);
    return dir;
  } catch (e) {
    dialog.showErrorBox('Deckhand cannot start', (e as Error).message);
    process.exit(2);
  }
}

let service: DeckhandService | undefined;
let mainWindow: BrowserWindow | undefined;
/** The daily reminder and the due count in the title and badge, once the collection is open. */
let reminder: Reminder | undefined;
/** Whether the window has been shown, on its first frame; nothing brings it forward before. */
let revealed = false;
/** Files the system asked Deckhand to open, held until the window's page has loaded. */
const openQueue = new OpenQueue();

if (!app.requestSingleInstanceLock()) {
  explainLockFailure();
} else {
  // The first start's command line: "Open with Deckhand" on Windows and Linux.
  openQueue.add(openRequestsFromArgv(process.argv, { cwd: process.cwd(), packaged: app.isPackaged }));
  // macOS: a double-click in the Finder or a drop on the dock icon, also before 'ready'.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    const flow = flowForFile(file);
    if (flow) openQueue.add([{ path: file, flow }]);
    bringToFront();
  });
  // A second start hands its command line (files included) to this copy and quits.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    openQueue.add(openRequestsFromArgv(argv, { cwd: workingDirectory, packaged: app.isPackaged }));
    bringToFront();
  });
  app
    .whenReady()
    .then(start)
    .catch((e: unknown) => fatal('Deckhand cannot start', e));
}

/** The lock is refused: quietly when a running copy took our command line, with a reason otherwise. */
function explainLockFailure(): void {
  const profileDir = app.getPath('userData');
  const decision = lockFailureDecision({
    platform: process.platform,
    profileDir,
    owner: readLockOwner(profileDir),
    thisHost: os.hostname(),
    isAlive: processIsAlive,
  });
  if (decision.action === 'explain') {
    console.error(`deckhand: ${decision.message}`);
    dialog.showErrorBox(decision.title, decision.message);
  }
  app.quit();
}

function bringToFront(): void {
  const win = mainWindow;
  if (!win) return;
  for (const step of frontSteps({ revealed, minimized: win.isMinimized() })) win[step]();
}

/** Reads an opened file here (the path came from the system, not the page) and hands its bytes to the page. */
async function deliverOpenedFile(win: BrowserWindow, request: OpenRequest): Promise<void> {
  const file = await readOpenedFile(request, IMPORT_LIMITS.maxFileBytes);
  if (win.isDestroyed()) return;
  if (!file.ok) {
    await dialog.showMessageBox(win, { type: 'warning', message: file.message });
    return;
  }
  win.webContents.send(OPEN_FILE_CHANNEL, { flow: file.flow, name: file.name, bytes: file.bytes });
}

async function start(): Promise<void> {
  const decksDir = app.isPackaged ? path.join(process.resourcesPath, 'decks') : path.join(__dirname, '..', 'decks');
  const known = readKnownFolders(KNOWN_FOLDERS);
  const state = folderState(dataDir);
  if (collectionWentMissing(known, dataDir, state)) {
    const ask = missingCollectionDialog(dataDir, state);
    if (dialog.showMessageBoxSync({ type: 'warning', ...ask, defaultId: 0, cancelId: 0 }) === 0) {
      app.quit();
      return;
    }
  }
  try {
    service = await openDeckhand({ dataDir, decksDir, version: app.getVersion(), optimiser: utilityOptimiser(OPTIMISER) });
  } catch (e) {
    // Typically the CLI holding the collection's lock; its message names the process.
    fatal('Deckhand cannot open its collection', e);
    return;
  }
  rememberFolder(KNOWN_FOLDERS, known, dataDir);
  guardSession();
  registerAppProtocol(service);
  registerIpc(service);
  createWindow();
  const svc = service;
  reminder = new Reminder(svc, () => mainWindow, () => {
    bringToFront();
    mainWindow?.webContents.send(NAVIGATE_CHANNEL, ROUTES.decks);
  });
  reminder.update();
}

function fatal(title: string, e: unknown): void {
  dialog.showErrorBox(title, e instanceof Error ? e.message : String(e));
  app.quit();
}

function guardSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // Spelling is checked only by the operating system's own checker, never with a downloaded dictionary.
  const spelling = spellcheckPolicy(process.platform);
  ses.setSpellCheckerEnabled(spelling.enabled);
  if (spelling.dictionaryDownloadUrl !== null) ses.setSpellCheckerDictionaryDownloadURL(spelling.dictionaryDownloadUrl);
  // The app is offline by construction: nothing but our own files may load, whatever the CSP says.
  const allowDevtools = !app.isPackaged;
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url, { allowDevtools }) }));
  // An export is saved where the learner chooses in the save dialog Electron shows by default.
  ses.on('will-download', (event, item) => {
    if (!isOwnDownload(item.getURL())) event.preventDefault();
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      const decision = windowOpenDecision(url);
      if (decision.external) offerLink(decision.external);
      return { action: decision.action };
    });
    // Covers the main frame and any subframe; hash changes are in-page and never reach it.
    contents.on('will-frame-navigate', (event) => {
      const decision = navigationDecision(event.url);
      if (decision.allow) return;
      event.preventDefault();
      if (decision.external && event.isMainFrame) offerLink(decision.external);
    });
    contents.on('will-redirect', (event) => {
      if (!navigationDecision(event.url).allow) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

/** A card's http(s) link goes to the system browser only once the learner has read it and agreed. */
function offerLink(url: string): void {
  openLinkAfterConfirm(url, {
    confirm: async (options) => (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options)).then((r) => r.response),
    open: (target) => shell.openExternal(target),
  }).catch((e: unknown) => console.error('deckhand: cannot open the link', e));
}

function registerAppProtocol(service: DeckhandService): void {
  protocol.handle('app', async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405, 'Method not allowed.');
    const mediaPath = mediaPathOf(request.url);
    if (mediaPath !== null) {
      const media = await service.readMedia(mediaPath);
      return media ? respond(200, media.bytes, media.mime) : respond(404, 'Not found.');
    }
    const file = resolveAppUrl(request.url, RENDERER_DIR);
    const type = file && contentTypeFor(file);
    if (!file || !type) return respond(404, 'Not found.');
    try {
      return respond(200, await readFile(file), type);
    } catch {
      return respond(404, 'Not found.');
    }
  });
}

function respond(status: number, body: string | Uint8Array, type = 'text/plain; charset=utf-8'): Response {
  return new Response(body, {
    status,
    headers: {
      'content-type': type,
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    },
  });
}

function registerIpc(svc: DeckhandService): void {
  for (const method of API_METHODS) {
    ipcMain.handle(channelFor(method), (event, args: unknown): Promise<Result<unknown>> | Result<never> => {
      // Only our own page may call; a frame that navigated elsewhere, a subframe, or one gone, may not.
      const frame = event.senderFrame;
      const sender = { frameUrl: frame?.url ?? null, isMainFrame: frame ? frame.parent === null : false, fromMainWindow: mainWindow !== undefined && event.sender === mainWindow.webContents };
      if (!isTrustedSender(sender)) return { ok: false, error: { code: 'bad-request', message: `${method}: refused a call from outside Deckhand's window.` } };
      // Tracked, so quitting waits for it; refused once quitting has begun.
      const call = quitting.track(() => dispatch(svc, method, args));
      if (!call) return { ok: false, error: { code: 'unavailable', message: `${method}: Deckhand is quitting.` } };
      // The due count in the title and badge, and the reminder's hour, follow what the call changed.
      void call.finally(() => reminder?.changed());
      return call;
    });
  }
}

function createWindow(): void {
  const state = loadWindowState(dataDir);
  const primary = screen.getPrimaryDisplay();
  const displays = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)];
  const bounds = placeWindow(state, displays.map((d) => d.workArea));
  const win = new BrowserWindow(windowOptions({ preloadPath: PRELOAD, bounds, dark: nativeTheme.shouldUseDarkColors, spellcheck: spellcheckPolicy(process.platform).enabled }));
  mainWindow = win;
  // Shown once, on its first frame: maximized then if it was (see revealSteps), never blank.
  win.once('ready-to-show', () => {
    for (const step of revealSteps(state)) win[step]();
    revealed = true;
  });

  rememberWindowState(win);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform, menuActions(win.webContents), { appName: app.name, packaged: app.isPackaged })));
  win.webContents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params, {
      replaceMisspelling: (word) => win.webContents.replaceMisspelling(word),
      addToDictionary: (word) => win.webContents.session.addWordToSpellCheckerDictionary(word),
    });
    if (template.length > 0) Menu.buildFromTemplate(template).popup({ window: win });
  });
  win.webContents.on('did-finish-load', () => openQueue.open((request) => void deliverOpenedFile(win, request).catch((e: unknown) => console.error('deckhand: cannot open the file', e))));
  // The title is ours (the due count while the reminder is on), not the page's <title>.
  win.on('page-title-updated', (event) => event.preventDefault());
  win.on('closed', () => {
    reminder?.stop();
    openQueue.close();
    mainWindow = undefined;
  });
  // A Windows logoff or shutdown ends the process without 'will-quit': no time to wait.
  win.on('session-end', () => quitting.close());
  void win.loadURL(APP_INDEX_URL);
}

function rememberWindowState(win: BrowserWindow): void {
  let timer: NodeJS.Timeout | undefined;
  const current = (): WindowState => ({ ...win.getNormalBounds(), maximized: win.isMaximized() });
  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    try {
      saveWindowState(dataDir, current());
    } catch (e) {
      console.error('deckhand: cannot save the window position', e);
    }
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_WINDOW_STATE_MS);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('maximize', later);
  win.on('unmaximize', later);
  win.on('close', save);
}

function menuActions(contents: WebContents): MenuActions {
  return {
    navigate: (route: Route) => {
      if (!contents.isDestroyed()) contents.send(NAVIGATE_CHANNEL, route);
    },
    command: (command: Command) => {
      if (!contents.isDestroyed()) contents.send(COMMAND_CHANNEL, command);
    },
  };
}

// Quitting waits (up to QUIT_WAIT_MS) for the calls in flight, an import or a restore, and refuses
// new ones; then the snapshot is written once, as the collection closes. Each review is already
// durable in the log; the snapshot only spares the next start a replay.
const quitting = new QuitCoordinator({
  boundMs: QUIT_WAIT_MS,
  close: () => service?.close(),
  quit: () => app.quit(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  log: (message) => console.error(message),
});

app.on('window-all-closed', () => app.quit());
app.on('before-quit', (event) => {
  if (!quitting.beforeQuit()) event.preventDefault();
});
// Cmd+Q and app.quit() close the windows without 'window-all-closed'.
app.on('will-quit', () => quitting.close());
