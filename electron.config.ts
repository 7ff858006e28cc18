import type { Configuration } from 'electron-builder';

// electron-builder: `npm run dist` on a machine with internet (it downloads Electron and the
// NSIS/AppImage tools). Windows: per-user NSIS installer (no admin rights) and a portable .exe.
const config: Configuration = {
  appId: 'id.go.jatimprov.bappeda.bermantra',
  productName: 'Bermantra',
  copyright: 'Bappeda Provinsi Jawa Timur',
  directories: { output: 'release', buildResources: 'build' },
  files: ['out/electron/**', 'out/renderer/**', 'package.json', '!**/*.map'],
  asar: true,
  // Native module: must live outside the asar archive to be loaded.
  asarUnpack: ['node_modules/better-sqlite3/**'],
  npmRebuild: true,
  extraMetadata: { main: 'out/electron/main.cjs' },
  win: {
    target: [
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ],
    artifactName: '${productName}-${version}-${arch}-${target}.${ext}',
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowElevation: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    shortcutName: 'Bermantra',
    language: '1057',
    include: 'build/installer.nsh',
  },
  portable: { artifactName: '${productName}-${version}-portable.exe' },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    maintainer: 'Bappeda Provinsi Jawa Timur <bappeda@jatimprov.go.id>',
  },
  deb: { depends: ['libnss3', 'libgtk-3-0'] },
};

export default config;
