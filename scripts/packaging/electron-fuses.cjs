// The Electron fuses Entra Onboard ships with, flipped into the binary at package time by
// after-pack.cjs. Why each: https://www.electronjs.org/docs/latest/tutorial/fuses
// The app keeps MSP secrets in a vault that safeStorage decrypts for this executable; any fuse that
// lets another local process run this executable as plain Node, inject code through NODE_OPTIONS or
// attach an inspector would let that process ask safeStorage to decrypt the vault.
const { FuseVersion, FuseV1Options } = require('@electron/fuses');

/** @type {import('@electron/fuses').FuseV1Config} */
const electronFuses = {
  version: FuseVersion.V1,
  // ELECTRON_RUN_AS_NODE would turn the signed app into a general-purpose Node runtime.
  [FuseV1Options.RunAsNode]: false,
  // Cookies (including any session a sign-in page leaves) encrypted with the OS key, like the vault.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS (--require, --import) must not inject code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect and friends must not open a debugger on the main process.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar is checked against the hash electron-builder records in the signed executable.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only the (integrity-checked) app.asar is loaded, never a loose app/ folder put beside it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // The renderer is served from app://, never file://, so file:// gets no extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

module.exports = { electronFuses };
