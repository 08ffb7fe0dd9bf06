import { Notification } from 'electron';
import type { SecretService } from '../core/secrets/secret-service';

const CHECK_EVERY_MS = 6 * 60 * 60 * 1000;

/**
 * Desktop notices for expiring client secrets: a thin adapter over the core's decision (which secret, which
 * band, shown once per band and remembered). Checks at start and every six hours while the app runs.
 */
export function startSecretNotifier(secrets: SecretService, onClick: () => void): () => void {
  const check = async () => {
    if (!Notification.isSupported()) return;
    await secrets.notify((notice) => {
      const shown = new Notification({ title: notice.title, body: notice.body });
      shown.on('click', onClick);
      shown.show();
    });
  };
  const safeCheck = () => void check().catch((error: unknown) => console.error('Secret expiry check failed:', error));
  safeCheck();
  const timer = setInterval(safeCheck, CHECK_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
