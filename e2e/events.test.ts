// Events ("Veranstaltungen") on the site: the list (upcoming and past, filters by Baustein and year,
// without JavaScript), an event's page with its JSON-LD Event, the case study's "presented at"
// list, the English pages, and the iCalendar feed and files read by a real parser (ical.js).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import jsonld from 'jsonld';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { adminNavigate, createEditor, logIn, shoot } from './support/admin-users.ts';
import { axeViolations } from './support/axe.ts';
import { admin } from './support/cms.ts';
import { openPage } from './support/browser.ts';

interface CmsEvent {
  documentId: string;
  slug: string;
  title: string;
  startsAt: string;
  endsAt: string;
  organiser: string;
  caseStudies: { documentId: string; slug: string; title: string; buildingBlock: { slug: string } | null }[];
  materials: { name: string; url: string }[] | null;
}

const site = () => inject('siteUrl');
let german: CmsEvent[];
let english: CmsEvent[];
const now = Date.now();
const upcoming = (events: CmsEvent[]) => events.filter((event) => new Date(event.endsAt).getTime() >= now);
const past = (events: CmsEvent[]) => events.filter((event) => new Date(event.endsAt).getTime() < now);
const berlinYear = (event: CmsEvent) =>
  Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', year: 'numeric' }).format(new Date(event.startsAt)));

/** Every published event of a language, from the CMS's public REST API (what the site must show). */
async function cmsEvents(locale: 'de' | 'en'): Promise<CmsEvent[]> {
  const query = `locale=${locale}&sort=startsAt:asc&pagination[pageSize]=100&populate[caseStudies][fields][0]=slug&populate[caseStudies][fields][1]=title&populate[caseStudies][populate][buildingBlock][fields][0]=slug&populate[materials][fields][0]=name&populate[materials][fields][1]=url`;
  return ((await (await fetch(`${inject('cmsUrl')}/api/events?${query}`)).json()) as { data: CmsEvent[] }).data;
}

/** The titles of the event cards under a heading of the list page. */
async function titlesUnder(page: Awaited<ReturnType<typeof openPage>>, heading: string): Promise<string[]> {
  return page
    .locator('section', { has: page.getByRole('heading', { level: 2, name: heading }) })
    .locator('.event-card h3')
    .allInnerTexts();
}

beforeAll(async () => {
  [german, english] = await Promise.all([cmsEvents('de'), cmsEvents('en')]);
  // The demo events: some ahead, some behind, whenever the tests run.
  expect(upcoming(german).length).toBeGreaterThan(0);
  expect(past(german).length).toBeGreaterThan(0);
});

describe('the events list', () => {
  it('shows upcoming events soonest first and past ones latest first, without JavaScript', async () => {
    const page = await openPage({ javaScriptEnabled: false });
    const response = await page.goto('/veranstaltungen');
    expect(response?.status()).toBe(200);
    expect(await titlesUnder(page, 'Kommende Veranstaltungen')).toEqual(upcoming(german).map((event) => event.title));
    expect(await titlesUnder(page, 'Vergangene Veranstaltungen')).toEqual(
      past(german)
        .reverse()
        .map((event) => event.title),
    );
    // No script but the site's own flag: the page works as it is.
    expect(await page.locator('script[src]').count()).toBe(0);
    expect(await page.locator('link[rel="alternate"][type="text/calendar"]').getAttribute('href')).toBe('/veranstaltungen.ics');
  });

  it('filters by Baustein and by year through its form, without JavaScript', async () => {
    const page = await openPage({ javaScriptEnabled: false });
    await page.goto('/veranstaltungen');
    const blocks = await page
      .getByLabel('Baustein')
      .locator('option')
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(blocks.length).toBeGreaterThan(2);
    for (const block of blocks.filter(Boolean)) {
      await page.goto('/veranstaltungen');
      await page.getByLabel('Baustein').selectOption(block);
      await page.getByRole('button', { name: 'Filter anwenden' }).click();
      await page.waitForURL(`**/veranstaltungen?buildingBlock=${block}&year=`);
      // Brute force: every event with a case study of that Baustein, and no other.
      const expected = german.filter((event) => event.caseStudies.some((caseStudy) => caseStudy.buildingBlock?.slug === block));
      expect(expected.length).toBeGreaterThan(0);
      const shown = [...(await titlesUnder(page, 'Kommende Veranstaltungen')), ...(await titlesUnder(page, 'Vergangene Veranstaltungen'))];
      expect(shown.sort()).toEqual(expected.map((event) => event.title).sort());
      expect(await page.getByLabel('Baustein').inputValue()).toBe(block);
    }
    const years = [...new Set(german.map(berlinYear))];
    for (const year of years) {
      await page.goto(`/veranstaltungen?year=${year}`);
      const shown = [...(await titlesUnder(page, 'Kommende Veranstaltungen')), ...(await titlesUnder(page, 'Vergangene Veranstaltungen'))];
      expect(shown.sort()).toEqual(
        german
          .filter((event) => berlinYear(event) === year)
          .map((event) => event.title)
          .sort(),
      );
    }
    await page.getByRole('link', { name: 'Filter zurücksetzen' }).click();
    await page.waitForURL('**/veranstaltungen');
  });

  it('answers a year the form cannot send with 400, not 500', async () => {
    expect((await fetch(`${site()}/veranstaltungen?year=zwanzig`)).status).toBe(400);
    expect((await fetch(`${site()}/api/events?year=1800`)).status).toBe(400);
    expect((await fetch(`${site()}/api/events?buildingBlock=%3Cscript%3E`)).status).toBe(400);
  });
});

describe("an event's page", () => {
  it('shows when, where, who, the programme, the case studies presented and the materials, and links back from each case study', async () => {
    const event = past(german).find((candidate) => (candidate.materials ?? []).length > 0)!;
    const page = await openPage({ javaScriptEnabled: false });
    expect((await page.goto(`/veranstaltungen/${event.slug}`))?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(event.title);
    expect(await page.getByText('Diese Veranstaltung hat stattgefunden.').count()).toBe(1);
    expect(await page.locator('.facts').innerText()).toContain(event.organiser);
    expect(await page.locator('section', { hasText: 'Vorgestellte Praxisbeispiele' }).locator('a').allInnerTexts()).toEqual(
      event.caseStudies.map((caseStudy) => caseStudy.title),
    );
    const materials = page.locator('section', { hasText: 'Materialien' }).locator('a');
    expect(await materials.allInnerTexts()).toEqual(event.materials!.map((file) => file.name));
    const download = await fetch(`${site()}${await materials.first().getAttribute('href')}`);
    expect(download.status).toBe(200);
    expect(new TextDecoder().decode((await download.arrayBuffer()).slice(0, 5))).toBe('%PDF-');

    // The case study's page names the event.
    const caseStudy = event.caseStudies[0]!;
    await page.goto(`/praxisbeispiele/${caseStudy.slug}`);
    const presented = page.locator('section', { has: page.getByRole('heading', { name: 'Vorgestellt auf Veranstaltungen' }) });
    expect(await presented.getByRole('link', { name: event.title }).getAttribute('href')).toBe(`/veranstaltungen/${event.slug}`);
  });

  it('offers registration and the calendar file while the event is ahead', async () => {
    const event = upcoming(german)[0]!;
    const page = await openPage({ javaScriptEnabled: false });
    await page.goto(`/veranstaltungen/${event.slug}`);
    expect(await page.getByRole('link', { name: 'Zur Anmeldung' }).getAttribute('href')).toMatch(/^https:\/\//);
    expect(await page.getByRole('link', { name: 'In den Kalender übernehmen (.ics)' }).getAttribute('href')).toBe(
      `/veranstaltungen/${event.slug}/kalender.ics`,
    );
  });

  it('carries a JSON-LD Event whose every term is schema.org vocabulary, with its dates, place and organiser', async () => {
    for (const event of [upcoming(german)[0]!, past(german)[0]!]) {
      const page = await openPage();
      await page.goto(`/veranstaltungen/${event.slug}`);
      const document = JSON.parse(await page.locator('script[type="application/ld+json"]').innerText());
      // schema.org's context maps every term into its vocabulary: offline, that context in short.
      const documentLoader = async (url: string) => {
        if (!/^https?:\/\/schema\.org\/?$/.test(url)) throw new Error(`unexpected context ${url}`);
        return { contextUrl: undefined, documentUrl: url, document: { '@context': { '@vocab': 'https://schema.org/' } } };
      };
      // safe mode: a term or value that does not map (a typo, a stray key) is an error, not silently dropped.
      const [expanded] = (await jsonld.expand(document, { documentLoader, safe: true } as never)) as unknown as Record<
        string,
        { '@value'?: string; '@type'?: string[] }[]
      >[];
      const SCHEMA = 'https://schema.org/';
      expect(expanded!['@type']).toEqual([`${SCHEMA}Event`]);
      expect(expanded![`${SCHEMA}name`]![0]!['@value']).toBe(event.title);
      expect(new Date(expanded![`${SCHEMA}startDate`]![0]!['@value']!).toISOString()).toBe(new Date(event.startsAt).toISOString());
      expect(new Date(expanded![`${SCHEMA}endDate`]![0]!['@value']!).toISOString()).toBe(new Date(event.endsAt).toISOString());
      expect(expanded![`${SCHEMA}organizer`]![0]!['@type']).toEqual([`${SCHEMA}Organization`]);
      expect(
        expanded!
          [`${SCHEMA}location`]!.map((location) => location['@type']![0])
          .every((type) => type === `${SCHEMA}Place` || type === `${SCHEMA}VirtualLocation`),
      ).toBe(true);
      expect(expanded![`${SCHEMA}about`]).toHaveLength(event.caseStudies.length);
    }
  });

  it('has English pages at /en/events, and a German slug leads to the English page', async () => {
    const page = await openPage({ javaScriptEnabled: false });
    expect((await page.goto('/en/events'))?.status()).toBe(200);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Events');
    const shown = [...(await titlesUnder(page, 'Upcoming events')), ...(await titlesUnder(page, 'Past events'))];
    expect(shown.sort()).toEqual(english.map((event) => event.title).sort());
    const event = english[0]!;
    expect((await page.goto(`/en/events/${event.slug}`))?.status()).toBe(200);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(event.title);
    const germanSlug = german.find((candidate) => candidate.documentId === event.documentId)!.slug;
    const redirect = await fetch(`${site()}/en/events/${germanSlug}`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe(`/en/events/${event.slug}`);
    expect((await fetch(`${site()}/veranstaltungen/gibt-es-nicht`)).status).toBe(404);
  });

  it('are in the sitemap with their other language as alternate', async () => {
    const sitemap = await (await fetch(`${site()}/sitemap.xml`)).text();
    expect(sitemap).toContain(`<loc>${site()}/veranstaltungen</loc>`);
    for (const event of german) expect(sitemap).toContain(`<loc>${site()}/veranstaltungen/${event.slug}</loc>`);
    for (const event of english) {
      expect(sitemap).toContain(`<loc>${site()}/en/events/${event.slug}</loc>`);
      expect(sitemap).toContain(`hreflang="en" href="${site()}/en/events/${event.slug}"`);
    }
  });

  it('finds no axe violations on the list, a filtered list and the event pages, in German and English', async () => {
    const paths = [
      '/veranstaltungen',
      '/veranstaltungen?year=' + berlinYear(german[0]!),
      `/veranstaltungen/${upcoming(german)[0]!.slug}`,
      `/veranstaltungen/${past(german).find((event) => (event.materials ?? []).length > 0)!.slug}`,
      '/en/events',
      `/en/events/${english[0]!.slug}`,
    ];
    const found: Record<string, string[]> = {};
    for (const path of paths) {
      const page = await openPage();
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      const violations = await axeViolations(page);
      if (violations.length > 0) found[path] = violations;
    }
    expect(found).toEqual({});
  });
});

describe('the iCalendar feed', () => {
  /** The raw rules a parser may forgive: CRLF, lines of at most 75 octets, the properties every VEVENT needs. */
  function expectRfc5545(text: string): void {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length, line).toBeLessThanOrEqual(75);
    const unfolded = text.replace(/\r\n /g, '');
    for (const vevent of unfolded.split('BEGIN:VEVENT').slice(1)) {
      expect(vevent).toMatch(/\r\nUID:[^\r]+\r\n/);
      expect(vevent).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
      expect(vevent).toMatch(/\r\nDTSTART;TZID=Europe\/Berlin:\d{8}T\d{6}\r\n/);
      expect(vevent).toMatch(/\r\nDTEND;TZID=Europe\/Berlin:\d{8}T\d{6}\r\n/);
    }
  }

  /** The feed parsed by ical.js, its times resolved through the file's own VTIMEZONE. */
  function parse(text: string) {
    const calendar = new ICAL.Component(ICAL.parse(text));
    const zones = calendar.getAllSubcomponents('vtimezone');
    expect(zones.map((zone) => zone.getFirstPropertyValue('tzid'))).toEqual(['Europe/Berlin']);
    ICAL.TimezoneService.register(zones[0]!);
    return { calendar, events: calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component)) };
  }

  it('holds every published event with the right instants, texts and addresses', async () => {
    const response = await fetch(`${site()}/veranstaltungen.ics`);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = await response.text();
    expectRfc5545(text);
    const { calendar, events } = parse(text);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(events.map((event) => event.summary).sort()).toEqual(german.map((event) => event.title).sort());
    expect(new Set(events.map((event) => event.uid)).size).toBe(events.length);
    for (const event of german) {
      const entry = events.find((candidate) => candidate.summary === event.title)!;
      expect(entry.startDate.zone.tzid).toBe('Europe/Berlin');
      expect(entry.startDate.toJSDate().toISOString()).toBe(new Date(event.startsAt).toISOString());
      expect(entry.endDate.toJSDate().toISOString()).toBe(new Date(event.endsAt).toISOString());
      // Escaped commas, semicolons and line breaks come back as they were.
      expect(entry.description).toContain(`\n\nVeranstalter: ${event.organiser}\n\n`);
      if (event.caseStudies.length > 0)
        expect(entry.description).toContain(`Vorgestellte Praxisbeispiele: ${event.caseStudies.map((caseStudy) => caseStudy.title).join('; ')}`);
      expect(entry.component.getFirstPropertyValue('url')).toBe(`${site()}/veranstaltungen/${event.slug}`);
    }
  });

  it('gives one event as a file to add, in English too', async () => {
    const event = upcoming(german)[0]!;
    const response = await fetch(`${site()}/veranstaltungen/${event.slug}/kalender.ics`);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${event.slug}.ics"`);
    const text = await response.text();
    expectRfc5545(text);
    const { events } = parse(text);
    expect(events.map((entry) => entry.summary)).toEqual([event.title]);
    const englishFeed = await (await fetch(`${site()}/en/events.ics`)).text();
    expectRfc5545(englishFeed);
    expect(
      parse(englishFeed)
        .events.map((entry) => entry.summary)
        .sort(),
    ).toEqual(english.map((entry) => entry.title).sort());
    expect((await fetch(`${site()}/veranstaltungen/gibt-es-nicht/kalender.ics`)).status).toBe(404);
  });
});

describe('events in the German admin', () => {
  it("show Redaktion an event's edit view with German labels and help texts", async () => {
    const event = past(german).find((candidate) => (candidate.materials ?? []).length > 0)!;
    await createEditor('veranstaltungen@example.org', 'praxis-redaktion');
    const page = await logIn('veranstaltungen@example.org');
    await adminNavigate(page, `/admin/content-manager/collection-types/api::event.event/${event.documentId}?plugins[i18n][locale]=de`);
    // The edit view takes its time beside other tests (see admin-german.test.ts).
    // A required field's label ends in "*", a relation's and a media field's carry a count ("(3)", "(1 / 1)").
    const label = (text: string) => page.getByText(new RegExp(`^${text}(\\*|\\s*\\([\\d /]+\\))?$`)).first();
    for (const text of ['Beginn', 'Veranstaltungsort', 'Link zur Anmeldung', 'Vorgestellte Praxisbeispiele', 'Materialien']) {
      await label(text).waitFor({ timeout: 120_000 });
    }
    await page.getByText('Pflicht für Veranstaltungen vor Ort.', { exact: false }).first().waitFor();
    await shoot(page, '50-veranstaltung');
    await label('Vorgestellte Praxisbeispiele').scrollIntoViewIfNeeded();
    await shoot(page, '51-veranstaltung-praxisbeispiele');
  }, 180_000);
});

describe('how the pages look', () => {
  // With SCREENSHOTS=<dir>, the list and an event at 320 px and on a desktop are saved in <dir>/site.
  it.runIf(Boolean(process.env.SCREENSHOTS))('is saved for a look', async () => {
    const folder = join(process.env.SCREENSHOTS!, 'site');
    mkdirSync(folder, { recursive: true });
    const event = past(german).find((candidate) => (candidate.materials ?? []).length > 0)!;
    for (const width of [320, 1280]) {
      for (const [name, path] of [
        ['veranstaltungen', '/veranstaltungen'],
        ['veranstaltung', `/veranstaltungen/${upcoming(german)[0]!.slug}`],
        ['veranstaltung-vergangen', `/veranstaltungen/${event.slug}`],
        ['praxisbeispiel-veranstaltungen', `/praxisbeispiele/${event.caseStudies[0]!.slug}`],
      ]) {
        const page = await openPage({ viewport: { width, height: 800 } });
        await page.goto(path!);
        await page.screenshot({ path: join(folder, `${name}-${width}.png`), fullPage: true });
      }
    }
  });
});

describe('a published event reaches the cached pages through the purge notice', () => {
  it('shows on the list, on the case study presented and in the calendar, and goes again when deleted', async () => {
    const caseStudy = german[0]!.caseStudies[0]!;
    const text = async (path: string) => (await fetch(`${site()}${path}`)).text();
    /** Milliseconds until `check` holds, polled every 25 ms; fails after 20 s (the figure is printed, not asserted). */
    const timeUntil = async (check: () => Promise<boolean>) => {
      const started = performance.now();
      while (!(await check())) {
        if (performance.now() - started > 20_000) throw new Error('not visible after 20 s');
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return Math.round(performance.now() - started);
    };
    // Cached before the change.
    await text('/veranstaltungen');
    await text(`/praxisbeispiele/${caseStudy.slug}`);
    const title = `Frisch angekündigt ${Date.now()}`;
    const created = await admin<{ data: { documentId: string } }>('POST', '/content-manager/collection-types/api::event.event?locale=de', {
      title,
      slug: `frisch-angekuendigt-${Date.now()}`,
      startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      endsAt: new Date(Date.now() + 30 * 86_400_000 + 7_200_000).toISOString(),
      format: 'online',
      organiser: 'Programmbegleitung',
      description: 'Kurzfristig angesetzt.',
      caseStudies: { connect: [{ documentId: caseStudy.documentId }] },
    });
    const { documentId } = created.data;
    try {
      await admin('POST', `/content-manager/collection-types/api::event.event/${documentId}/actions/publish?locale=de`, {});
      const listMs = await timeUntil(async () => (await text('/veranstaltungen')).includes(title));
      const caseStudyMs = await timeUntil(async () => (await text(`/praxisbeispiele/${caseStudy.slug}`)).includes(title));
      const calendarMs = await timeUntil(async () => (await text('/veranstaltungen.ics')).includes(title));
      console.log(
        `[e2e] event published: on the list after ${listMs} ms, on the case study after ${caseStudyMs} ms more, in the calendar after ${calendarMs} ms more`,
      );
    } finally {
      await admin('DELETE', `/content-manager/collection-types/api::event.event/${documentId}?locale=de`);
    }
    const goneMs = await timeUntil(async () => !(await text('/veranstaltungen')).includes(title));
    console.log(`[e2e] event deleted: gone from the list after ${goneMs} ms`);
  });
});
