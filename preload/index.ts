import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNELS, type BermantraBridge } from '../main/common/bridge';

// The renderer's only way out: one API call and four shell calls (open one or several files, save a file,
// hand over bytes the page prepared). Never ipcRenderer itself.
const bridge: BermantraBridge = {
  invoke: (method, input) => ipcRenderer.invoke(IPC_CHANNELS.invoke, method, input),
  pilihBerkas: (filters) => ipcRenderer.invoke(IPC_CHANNELS.pilihBerkas, filters),
  pilihBerkasBanyak: (filters) => ipcRenderer.invoke(IPC_CHANNELS.pilihBerkasBanyak, filters),
  simpanBerkas: (file) => ipcRenderer.invoke(IPC_CHANNELS.simpanBerkas, file),
  unggahBerkas: (nama, data) => ipcRenderer.invoke(IPC_CHANNELS.unggahBerkas, nama, data),
};

contextBridge.exposeInMainWorld('bermantra', bridge);
