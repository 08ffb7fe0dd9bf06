import { existsSync } from 'node:fs';

export default function globalSetup(): void {
  if (!existsSync('out/renderer/index.html') || !existsSync('out/main/index.js')) {
    throw new Error('The app is not built. Run "npm run build" (npm test does it for you) before the e2e tests.');
  }
}
