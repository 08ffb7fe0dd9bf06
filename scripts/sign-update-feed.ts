// Signs the update feeds electron-builder wrote (dist/latest*.yml, dist/beta*.yml) with the release
// key in ENTRA_ONBOARD_UPDATE_SIGNING_KEY (PEM, or a path to a PEM file). `npm run dist` runs it.
//   npx tsx scripts/sign-update-feed.ts [dist]     sign the feeds in that folder
//   npx tsx scripts/sign-update-feed.ts --new-key  print a new key pair (keep the private half secret)
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newReleaseKeyPair, signFeedText } from './update-feed/sign-feed';

const arg = process.argv[2] ?? 'dist';
if (arg === '--new-key') {
  const pair = newReleaseKeyPair();
  console.log(pair.publicKeyPem);
  console.error('Private key (store it as ENTRA_ONBOARD_UPDATE_SIGNING_KEY in your release secrets; never commit it):');
  console.error(pair.privateKeyPem);
  process.exit(0);
}

const keySetting = process.env['ENTRA_ONBOARD_UPDATE_SIGNING_KEY'];
const feeds = existsSync(arg) ? readdirSync(arg).filter((f) => /^(latest|beta)(-mac|-linux)?\.yml$/.test(f)) : [];
if (feeds.length === 0) {
  console.log(`No update feeds in ${arg}/ to sign.`);
  process.exit(0);
}
if (!keySetting) {
  console.error(
    `Not signing ${feeds.join(', ')}: ENTRA_ONBOARD_UPDATE_SIGNING_KEY is not set. Installed copies refuse unsigned updates, so do not publish these feeds.`,
  );
  process.exit(process.env['CI'] ? 1 : 0);
}
const privateKeyPem = keySetting.includes('BEGIN') ? keySetting : readFileSync(keySetting, 'utf8');
for (const feed of feeds) {
  const path = join(arg, feed);
  writeFileSync(path, signFeedText(readFileSync(path, 'utf8'), privateKeyPem));
  console.log(`Signed ${path}`);
}
