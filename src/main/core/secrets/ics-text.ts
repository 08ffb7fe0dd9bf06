/**
 * The two rules of iCalendar text every writer must get right (RFC 5545): TEXT values escape backslash,
 * semicolon, comma and line breaks (§3.3.11), and a content line longer than 75 octets is folded with
 * CRLF followed by one space (§3.1), never inside a UTF-8 character.
 */
export function escapeIcsText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

const MAX_OCTETS = 75;

export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    // A continuation line starts with the space that folding inserted, which counts towards its 75.
    const limit = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** UTC date-time in the form DTSTAMP/DTSTART take (§3.3.5 form #2): 20270101T090000Z. */
export function icsUtc(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** Lines joined with CRLF as §3.1 requires, each folded, ending with a CRLF. */
export function icsDocument(lines: readonly string[]): string {
  return `${lines.map(foldIcsLine).join('\r\n')}\r\n`;
}
