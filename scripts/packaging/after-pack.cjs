// electron-builder afterPack hook: flips the Electron fuses (electron-fuses.cjs) in the packed
// executable, before electron-builder signs it (so the signature covers the flipped binary).
const { join } = require('node:path');
const { flipFuses } = require('@electron/fuses');
const { electronFuses } = require('./electron-fuses.cjs');

/** The executable electron-builder packed for this platform. */
function executablePath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const name = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return join(appOutDir, `${name}.app`);
  if (electronPlatformName === 'win32') return join(appOutDir, `${name}.exe`);
  return join(appOutDir, packager.executableName);
}

/** Built with the flip function as a parameter so the suite can check what the hook asks for. */
function createAfterPack(flip) {
  return async function afterPack(context) {
    // builder-util's Arch enum: 3 is arm64. An arm64 macOS binary must keep a valid (ad hoc)
    // signature after its bytes change, or it will not start when no signing identity is set.
    const resetAdHocDarwinSignature = context.electronPlatformName === 'darwin' && context.arch === 3;
    await flip(executablePath(context), { ...electronFuses, resetAdHocDarwinSignature });
  };
}

const afterPack = createAfterPack(flipFuses);
module.exports = afterPack;
module.exports.default = afterPack;
module.exports.createAfterPack = createAfterPack;
module.exports.executablePath = executablePath;
