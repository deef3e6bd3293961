import { describe, expect, it } from 'vitest';
import type { EventPage } from '../../shared/event';
import { berlinLocalTime, escapeText, foldLine, icalendar } from './icalendar';

const octets = (line: string) => new TextEncoder().encode(line).length;

describe('iCalendar text (RFC 5545)', () => {
  it('escapes backslashes, semicolons, commas and line breaks', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds lines at 75 octets without splitting a UTF-8 character, and unfolds to the same line', () => {
    const line = `DESCRIPTION:${'Übertragbarkeit – Größe „Quartier“ '.repeat(12)}`;
    const folded = foldLine(line);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const [index, part] of lines.entries()) {
      expect(octets(part)).toBeLessThanOrEqual(75);
      if (index > 0) expect(part.startsWith(' ')).toBe(true);
    }
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(foldLine('SUMMARY:kurz')).toBe('SUMMARY:kurz');
  });

  it('writes local times in Germany, summer and winter', () => {
    expect(berlinLocalTime('2027-07-10T08:00:00.000Z')).toBe('20270710T100000');
    expect(berlinLocalTime('2026-12-29T09:00:00.000Z')).toBe('20261229T100000');
  });

  it('makes a calendar of CRLF lines with a time zone, a stamp and a UID per event', () => {
    const event: EventPage = {
      documentId: 'abc123',
      locale: 'de',
      slug: 'fachtag',
      title: 'Fachtag: Übergänge, gestalten; gemeinsam',
      startsAt: '2027-03-10T09:00:00.000Z',
      endsAt: '2027-03-10T15:00:00.000Z',
      format: 'hybrid',
      venue: 'Bürgerhaus',
      address: 'Weg 5, 33605 Bielefeld',
      onlineUrl: 'https://example.org/stream',
      organiser: 'Programmbegleitung',
      description: 'Worum es geht.',
      programme: '',
      programmeHtml: '',
      registrationUrl: 'https://example.org/anmeldung',
      caseStudies: [],
      materials: [],
      slugs: { de: 'fachtag' },
      updatedAt: '2026-12-01T10:00:00.000Z',
      publishedAt: '2026-12-01T10:00:00.000Z',
    };
    const text = icalendar([event], { siteUrl: 'https://praxis.example', locale: 'de', now: new Date('2026-12-08T12:00:00.000Z') });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain('\r\nUID:abc123-de@praxis.example\r\n');
    expect(unfolded).toContain('\r\nDTSTAMP:20261208T120000Z\r\n');
    expect(unfolded).toContain('\r\nDTSTART;TZID=Europe/Berlin:20270310T100000\r\n');
    expect(unfolded).toContain('\r\nSUMMARY;LANGUAGE=de:Fachtag: Übergänge\\, gestalten\\; gemeinsam\r\n');
    expect(unfolded).toContain('\r\nLOCATION;LANGUAGE=de:Bürgerhaus\\, Weg 5\\, 33605 Bielefeld / Online\r\n');
    expect(unfolded).toContain('\r\nURL:https://praxis.example/veranstaltungen/fachtag\r\n');
    expect(unfolded.match(/BEGIN:VTIMEZONE\r\nTZID:Europe\/Berlin\r\n/)).not.toBeNull();
  });
});
