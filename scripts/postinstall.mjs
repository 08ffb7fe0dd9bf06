// npm ci / npm install: fetch the Electron binary when possible; where it cannot be downloaded
// (ELECTRON_SKIP_BINARY_DOWNLOAD, no network), say so and let the install succeed: `npm start` then
// runs the same app in the browser, and `npm test` runs everything except the Electron e2e project.
import { electronMissingReason, electronVersion, installedElectron, tryDownloadElectron } from './electron-binary.mjs';

if (!installedElectron()) tryDownloadElectron({ quiet: true });
const reason = electronMissingReason();
if (reason) {
  console.log(
    [
      `Entra Onboard: no Electron ${electronVersion() ?? ''} binary: ${reason}.`,
      'The install carries on. `npm start` will run the same app in your browser (the loopback web host),',
      'and `npm test` runs everything except the Electron end-to-end project, which reports "skipped".',
    ].join('\n'),
  );
}
