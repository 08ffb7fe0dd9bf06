import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { escapeIcsText, foldIcsLine } from '../../../src/main/core/secrets/ics-text';
import { remindersCalendar } from '../../../src/main/core/secrets/reminders-calendar';
import { secretEntry } from './secret-fixtures';

const now = new Date('2026-12-01T08:00:00Z');
// Commas, semicolons, a backslash and multi-byte characters: every escaping and folding rule is met.
const awkward = 'Contoso, Ltd; “Süd” \\ Zürich – 日本支社 🚀 with a name long enough to need folding twice over';

function parse(ics: string) {
  return new ICAL.Component(ICAL.parse(ics) as unknown[]);
}

describe('secret reminders as iCalendar', () => {
  const entries = [
    secretEntry(now, { endDateTime: '2027-03-01T00:00:00Z', keyId: 'key-far', workspaceName: awkward }),
    // 20 days left: the 60- and 30-day reminders are past, only 7 days and expiry are still ahead.
    secretEntry(now, { endDateTime: '2026-12-21T00:00:00Z', keyId: 'key-near', role: 'partnerCenter', hint: 'Xy~' }),
    secretEntry(now, { endDateTime: '2026-11-01T00:00:00Z', keyId: 'key-expired' }),
  ];
  const { ics, events, fileName } = remindersCalendar(entries, now);

  it('parses with a real iCalendar parser into one event per secret and band still ahead, each with an alarm', () => {
    const calendar = parse(ics);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toContain('Entra Onboard');
    const vevents = calendar.getAllSubcomponents('vevent');
    expect(vevents).toHaveLength(6);
    expect(events).toBe(6);
    expect(fileName).toBe('secret-reminders-2026-12-01.ics');
    const byUid = new Map(vevents.map((v) => [String(v.getFirstPropertyValue('uid')), v]));
    expect([...byUid.keys()].sort()).toEqual(
      ['key-far-d60', 'key-far-d30', 'key-far-d7', 'key-far-expired', 'key-near-d7', 'key-near-expired'].map((u) => `${u}@entra-onboard`).sort(),
    );
    const far7 = new ICAL.Event(byUid.get('key-far-d7@entra-onboard')!);
    expect(far7.startDate.toJSDate().toISOString()).toBe('2027-02-22T00:00:00.000Z');
    expect(far7.summary).toBe(`${awkward}: client secret Abc… expires in 7 days`);
    expect(far7.description).toContain('\nRotate it in Entra Onboard');
    for (const v of vevents) {
      const alarm = v.getFirstSubcomponent('valarm')!;
      expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
      expect(String(alarm.getFirstPropertyValue('trigger'))).toBe('-PT15M');
      expect(String(v.getFirstPropertyValue('dtstamp'))).toBe('2026-12-01T08:00:00Z');
    }
    expect(new ICAL.Event(byUid.get('key-near-expired@entra-onboard')!).summary).toContain('Partner Center client secret Xy~… expires now');
  });

  it('keeps every physical line within 75 octets, ends lines with CRLF and never splits a character', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = ics.split('\r\n').slice(0, -1);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    expect(ics).not.toContain('\uFFFD');
  });

  it('gives the same UIDs on a later export, so a calendar updates its events instead of adding copies', () => {
    const later = remindersCalendar(entries, new Date('2026-12-02T08:00:00Z'));
    const uids = (text: string) => parse(text).getAllSubcomponents('vevent').map((v) => String(v.getFirstPropertyValue('uid')));
    expect(uids(later.ics)).toEqual(uids(ics));
  });

  it('escapes and folds exactly as RFC 5545 says', () => {
    expect(escapeIcsText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const folded = foldIcsLine(`SUMMARY:${'é'.repeat(60)}`);
    expect(folded.split('\r\n ').join('')).toBe(`SUMMARY:${'é'.repeat(60)}`);
    expect(folded.split('\r\n').map((l) => Buffer.byteLength(l))).toEqual([74, 55]);
  });
});
