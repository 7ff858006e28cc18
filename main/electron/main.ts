import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, session, shell, type IpcMainInvokeEvent, type MenuItemConstructorOptions } from 'electron';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppContext, pilihBasisData } from '../api/context';
import { dispatch } from '../api/dispatch';
import { simpanKeluaran } from '../api/folder';
import { berkasHanyaPemilik, pelindungBerkas, type Pelindung, type Platform } from '../api/platform';
import { flag, parseArgs } from '../common/args';
import { IPC_CHANNELS } from '../common/bridge';
import type { FileRef } from '../common/contract-kit';
import { CONTENT_SECURITY_POLICY } from '../common/csp';
import { AppError } from '../common/errors';

// The Electron shell: a window, a menu, and the IPC door to the same dispatch as the web shell.
// Kept thin: everything else runs in plain Node and is tested without Electron.

const rendererIndex = join(__dirname, '..', 'renderer', 'index.html');
const rendererUrl = pathToFileURL(rendererIndex).href;
let ctx: AppContext | null = null;
let win: BrowserWindow | null = null;

/** Only our own page, in our own window, may call the API. */
function trusted(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return !!win && event.sender === win.webContents && !!frame && frame === win.webContents.mainFrame && frame.url.split('#')[0]!.split('?')[0] === rendererUrl;
}

/** Private keys are wrapped by the OS keychain (DPAPI on Windows) where Electron offers it. */
function platformElectron(): Platform {
  const pelindung: Pelindung = safeStorage.isEncryptionAvailable()
    ? { nama: 'safeStorage', bungkus: (data) => safeStorage.encryptString(data.toString('base64')), buka: (data) => Buffer.from(safeStorage.decryptString(data), 'base64') }
    : pelindungBerkas(app.getPath('userData'));
  return { nama: 'electron', pelindung, folderData: app.getPath('userData') };
}

function createMenu(): void {
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'Berkas',
      submenu: [
        { label: 'Buka folder data', click: () => ctx && void shell.openPath(join(ctx.db.file, '..')) },
        { type: 'separator' },
        { label: 'Keluar', role: 'quit' },
      ],
    },
    {
      label: 'Sunting',
      submenu: [
        { label: 'Batalkan', role: 'undo' },
        { label: 'Ulangi', role: 'redo' },
        { type: 'separator' },
        { label: 'Potong', role: 'cut' },
        { label: 'Salin', role: 'copy' },
        { label: 'Tempel', role: 'paste' },
        { label: 'Pilih semua', role: 'selectAll' },
      ],
    },
    {
      label: 'Tampilan',
      submenu: [
        { label: 'Muat ulang', role: 'reload' },
        { label: 'Perbesar', role: 'zoomIn' },
        { label: 'Perkecil', role: 'zoomOut' },
        { label: 'Ukuran asli', role: 'resetZoom' },
        { type: 'separator' },
        { label: 'Layar penuh', role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Bantuan',
      submenu: [{ label: 'Tentang Bermantra', click: () => void dialog.showMessageBox({ title: 'Tentang Bermantra', message: `Bermantra ${app.getVersion()}`, detail: 'Aplikasi program Peti Koin Bermantra, Provinsi Jawa Timur.' }) }],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function registerIpc(): void {
  ipcMain.handle(IPC_CHANNELS.invoke, async (event, method: unknown, input: unknown) => {
    if (!trusted(event) || !ctx) return { ok: false, error: { code: 'DITOLAK', message: 'Permintaan ditolak.' } };
    return dispatch(ctx, String(method), input);
  });
  const safeFilters = (filters: unknown) => (Array.isArray(filters) ? (filters as { name: string; extensions: string[] }[]).filter((f) => typeof f?.name === 'string' && Array.isArray(f.extensions)) : []);
  ipcMain.handle(IPC_CHANNELS.pilihBerkas, async (event, filters: unknown) => {
    if (!trusted(event) || !ctx || !win) return null;
    const result = await dialog.showOpenDialog(win, { properties: ['openFile'], filters: safeFilters(filters) });
    const path = result.filePaths[0];
    return result.canceled || !path ? null : ctx.files.register(path);
  });
  ipcMain.handle(IPC_CHANNELS.pilihBerkasBanyak, async (event, filters: unknown) => {
    if (!trusted(event) || !ctx || !win) return [];
    const result = await dialog.showOpenDialog(win, { properties: ['openFile', 'multiSelections'], filters: safeFilters(filters) });
    return result.canceled ? [] : result.filePaths.map((path) => ctx!.files.register(path));
  });
  ipcMain.handle(IPC_CHANNELS.unggahBerkas, async (event, nama: unknown, data: unknown) => {
    if (!trusted(event) || !ctx || !(data instanceof Uint8Array) || data.byteLength > 50 * 1024 * 1024) return null;
    const path = ctx.files.tempPath(String(nama ?? 'berkas'));
    writeFileSync(path, data);
    return ctx.files.register(path, String(nama ?? 'berkas'));
  });
  ipcMain.handle(IPC_CHANNELS.simpanBerkas, async (event, file: unknown) => {
    if (!trusted(event) || !ctx || !win) return null;
    const ref = file as FileRef;
    const source = ctx.files.resolve(String(ref?.ref ?? ''));
    const result = await dialog.showSaveDialog(win, { defaultPath: join(app.getPath('documents'), String(ref.nama ?? 'berkas')) });
    if (result.canceled || !result.filePath) return null;
    try {
      // The same guard as the CLI's -o: never over the database, its folders, or a file of another kind.
      return simpanKeluaran(source, result.filePath, { dbPath: ctx.dbPath, folderData: ctx.platform.folderData });
    } catch (error) {
      dialog.showErrorBox('Berkas tidak disimpan', (error as Error).message);
      return null;
    }
  });
}

function createWindow(): void {
  win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    title: 'Bermantra',
    show: false,
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => win?.show());
  // No navigation away from the app, no new windows; links to the web are not opened either.
  win.webContents.on('will-navigate', (event, url) => {
    if (url.split('#')[0] !== rendererUrl) event.preventDefault();
  });
  win.webContents.on('will-redirect', (event, url) => {
    if (url.split('#')[0] !== rendererUrl) event.preventDefault();
  });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  void win.loadFile(rendererIndex);
  win.on('closed', () => {
    win = null;
  });
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

// The window speaks Indonesian whatever the OS locale: Chromium's own texts, number and date inputs.
app.commandLine.appendSwitch('lang', 'id');

const single = app.requestSingleInstanceLock();
if (!single) app.quit();
else {
  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  app.whenReady().then(() => {
    berkasHanyaPemilik();
    // The app makes no network request of its own: anything but file: is refused.
    session.defaultSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !/^(file|devtools|chrome-extension):/.test(details.url) }));
    session.defaultSession.webRequest.onHeadersReceived((details, callback) =>
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } }),
    );
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    const args = parseArgs(process.argv.slice(app.isPackaged ? 1 : 2));
    try {
      const platform = platformElectron();
      const { dbPath, sandi, frasa } = pilihBasisData(platform, flag(args, 'db'), join(app.getPath('userData'), 'bermantra.sqlite'));
      ctx = new AppContext(dbPath, platform, sandi, frasa);
      ctx.startMaintenance();
    } catch (error) {
      dialog.showErrorBox('Bermantra tidak dapat dibuka', error instanceof AppError ? error.message : String(error));
      app.quit();
      return;
    }
    registerIpc();
    createMenu();
    createWindow();
  });
  app.on('window-all-closed', () => {
    ctx?.close();
    app.quit();
  });
}
