/** How long a copied secret may stay on the clipboard (issue 5: cleared after 30 seconds). */
export const SECRET_CLIPBOARD_MS = 30_000;

let clearTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Copies a value; for a secret, empties the clipboard again after 30 seconds, unless something
 * else was copied with this function in the meantime.
 */
export async function copyToClipboard(value: string, secret: boolean): Promise<void> {
  await navigator.clipboard.writeText(value);
  if (clearTimer) clearTimeout(clearTimer);
  clearTimer = secret
    ? setTimeout(() => {
        void navigator.clipboard.writeText('').catch(() => {});
      }, SECRET_CLIPBOARD_MS)
    : undefined;
}
