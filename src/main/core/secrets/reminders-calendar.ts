import type { SecretEntry } from '../../../shared/domain/secrets';
import { bandStart } from './expiry-band';
import { escapeIcsText, icsDocument, icsUtc } from './ics-text';
import type { WarningBand } from './notification-decisions';

const bands: { band: WarningBand; label: string }[] = [
  { band: 'd60', label: 'expires in 60 days' },
  { band: 'd30', label: 'expires in 30 days' },
  { band: 'd7', label: 'expires in 7 days' },
  { band: 'expired', label: 'expires now' },
];

/**
 * The calendar reminder the Clment guide asks admins to set by hand ("set a calendar reminder before the
 * secret expires"), for every secret at once: one event per secret and band still ahead, each with an
 * alarm. UIDs are the secret's keyId and the band, so importing a newer export updates the same events
 * instead of adding copies (RFC 5545 §3.8.4.7).
 */
export function remindersCalendar(entries: readonly SecretEntry[], now: Date): { fileName: string; ics: string; events: number } {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Entra Onboard//Secret expiry reminders//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  let events = 0;
  for (const entry of entries) {
    for (const { band, label } of bands) {
      const start = bandStart(entry.endDateTime, band);
      if (start.getTime() <= now.getTime()) continue;
      const app = entry.role === 'main' ? 'client secret' : 'Partner Center client secret';
      const summary = `${entry.workspaceName}: ${app} ${entry.hint}… ${label}`;
      const description = [
        `Workspace: ${entry.workspaceName} (${entry.platformId})`,
        `App (client) ID: ${entry.appId ?? 'unknown'}`,
        `Secret: ${entry.hint}… (key ID ${entry.keyId})`,
        `Expires: ${entry.endDateTime}`,
        'Rotate it in Entra Onboard: Secrets, then Rotate. It creates the new secret, hands it to the platform, tests it and only then removes the old one.',
      ].join('\n');
      lines.push(
        'BEGIN:VEVENT',
        `UID:${entry.keyId}-${band}@entra-onboard`,
        `DTSTAMP:${icsUtc(now)}`,
        `DTSTART:${icsUtc(start)}`,
        'DURATION:PT30M',
        `SUMMARY:${escapeIcsText(summary)}`,
        `DESCRIPTION:${escapeIcsText(description)}`,
        'TRANSP:TRANSPARENT',
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        `DESCRIPTION:${escapeIcsText(summary)}`,
        'TRIGGER:-PT15M',
        'END:VALARM',
        'END:VEVENT',
      );
      events++;
    }
  }
  lines.push('END:VCALENDAR');
  return { fileName: `secret-reminders-${now.toISOString().slice(0, 10)}.ics`, ics: icsDocument(lines), events };
}
