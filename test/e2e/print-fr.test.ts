import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addMonths, quarterlyReportForm, reflectionForm, reflectionScales } from '@sisi/domain';
import { findRepoRoot } from '@sisi/local';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, expectAccessible } from '../support/browser.ts';
import { seedNetwork } from '../support/e2e-network.ts';

/** A toolkit catalog (`packages/domain/locales/<lng>/<ns>.json`), as the test reads it. */
// biome-ignore lint/suspicious/noExplicitAny: a JSON catalog read by path
function toolkit(lng: string, ns: string): any {
  return JSON.parse(
    readFileSync(join(findRepoRoot(), `packages/domain/locales/${lng}/${ns}.json`), 'utf8'),
  );
}

/** What the page's main content says, as written (CSS capitals aside), spaces collapsed. */
const mainText = async (page: Page) =>
  ((await page.evaluate('document.querySelector("main")?.textContent ?? ""')) as string).replace(
    /\s+/g,
    ' ',
  );
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The words of Annex 5 (the quarterly report) as its print view shows them, in `lng`: the
 * header lines, the questions, the interaction log's columns, the signature lines.
 */
function annex5Words(lng: string): string[] {
  const form = toolkit(lng, 'toolkit-monitoring').quarterlyReportForm;
  return [
    form.heading,
    ...quarterlyReportForm.header.map((h) => form.header[h.id].text),
    ...quarterlyReportForm.questions.map((q) => form.questions[q.id].text),
    ...quarterlyReportForm.interactionLog.columns.map(
      (c) => form.interactionLog.columns[c.id].text,
    ),
    ...quarterlyReportForm.signature.map((s) => form.signature[s.id].text),
  ].map(squash);
}

/** The words of Annex 6 (the reflection questionnaire) on paper, in `lng`: sections, items, scales. */
function annex6Words(lng: string): string[] {
  const catalog = toolkit(lng, 'toolkit-monitoring');
  const words: string[] = [];
  for (const section of reflectionForm.sections) {
    const words_ = catalog.reflectionForm.sections[section.id];
    words.push(words_.title);
    for (const item of section.items) {
      words.push(words_.items[item.id].text);
      for (const option of reflectionScales[item.scale].options) {
        // an option shared by two scales ("DON'T KNOW") is catalogued once, under the first
        const scales = Object.values(catalog.reflectionScales) as {
          options: Record<string, { label: string }>;
        }[];
        const own = catalog.reflectionScales[item.scale].options[option.id];
        words.push((own ?? scales.find((s) => s.options[option.id])!.options[option.id]!).label);
      }
    }
  }
  return [...new Set(words.map(squash))];
}

/**
 * Issue 14, the print views in another language, in Chromium: a French reader prints the
 * blank quarterly report (Annex 5) and the blank reflection questionnaire (Annex 6), and
 * every question, line and scale reads as the French toolkit catalog has it, with no English
 * word of the form left. Every expected word is read from the catalog files.
 */
describe('the print views in French', () => {
  const ui = browserSuite();
  let networkId: string;
  let mentorshipId: string;
  let admin: { email: string; password: string };

  beforeAll(async () => {
    const seeded = await seedNetwork(ui.server, {
      name: 'Réseau Sahel KP',
      region: 'West Africa',
      admin: { email: 'admin.print@example.org', name: 'Awa Diallo' },
      organizations: [
        ['Association Kiyo', 'ML'],
        ['Collectif Teranga', 'SN'],
      ],
      keyPopulations: ['sex-workers'],
    });
    networkId = seeded.networkId;
    admin = seeded.admin;
    await ui.server.api('PATCH', '/me', seeded.admin.token, { language: 'fr' });
    const today = ui.server.local.clock.now().toISOString().slice(0, 10);
    const mentorship = await ui.server.api<{ id: string }>(
      'POST',
      `/networks/${networkId}/mentorships`,
      seeded.admin.token,
      {
        mentorOrganizationId: seeded.organizationIds[0],
        menteeOrganizationIds: [seeded.organizationIds[1]],
        startDate: addMonths(today, -2),
        durationMonths: 12,
      },
    );
    mentorshipId = mentorship.id;
  }, 60_000);

  /** A French browser, signed in as the admin (whose language is French). */
  async function frenchPage(width: number): Promise<Page> {
    const context = await ui.browser.newContext({
      locale: 'fr-FR',
      viewport: { width, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${ui.server.url}/login`);
    await page.locator('input[type="email"]').fill(admin.email);
    await page.locator('input[type="password"]').fill(admin.password);
    await page.locator('button[type="submit"]').click();
    await page.locator('nav').first().waitFor();
    return page;
  }

  it('prints the quarterly report and the reflection questionnaire in French', async () => {
    const page = await frenchPage(360);
    expect(await page.evaluate('document.documentElement.lang')).toBe('fr');

    // Annex 5, blank, to print
    const fr5 = annex5Words('fr');
    const en5 = annex5Words('en');
    await page.goto(`${ui.server.url}/forms/quarterly-report`);
    await page.getByRole('heading', { level: 2, name: fr5[0] }).waitFor();
    const annex5 = await mainText(page);
    for (const words of fr5) expect(annex5, 'Annex 5 in French').toContain(words);
    for (const words of en5) {
      if (!fr5.some((text) => text.includes(words))) {
        expect(annex5, 'no English left in Annex 5').not.toContain(words);
      }
    }
    await expectAccessible(page, 'blank quarterly report in French at 360 px');

    // Annex 6, blank, to print: the scales too
    const fr6 = annex6Words('fr');
    const en6 = annex6Words('en');
    await page.goto(
      `${ui.server.url}/networks/${networkId}/mentorships/${mentorshipId}/reflection?view=blank`,
    );
    await page.getByRole('heading', { level: 3, name: fr6[0] }).waitFor();
    const annex6 = await mainText(page);
    for (const words of fr6) expect(annex6, 'Annex 6 in French').toContain(words);
    for (const words of en6) {
      // "EXCELLENT" stands in "UN EXCELLENT USAGE": only what no French text holds can be English
      if (!fr6.some((text) => text.includes(words))) {
        expect(annex6, 'no English left in Annex 6').not.toContain(words);
      }
    }
    await expectAccessible(page, 'blank reflection questionnaire in French at 360 px');
    await page.context().close();
  }, 120_000);

  it('shows the toolkit’s lone texts in French: Sisi Kwa Sisi’s intro, the coaching definition', async () => {
    const page = await frenchPage(1280);
    const intro = toolkit('fr', 'toolkit-sisi-kwa-sisi').sisiKwaSisiIntro.text as string;
    const english = toolkit('en', 'toolkit-sisi-kwa-sisi').sisiKwaSisiIntro.text as string;
    await page.goto(`${ui.server.url}/networks/${networkId}/sisi-kwa-sisi`);
    await page.getByText(intro).waitFor();
    expect(await mainText(page)).not.toContain(english);

    const definition = toolkit('fr', 'toolkit-coaching-programs').programCoachingDefinition
      .text as string;
    await page.goto(`${ui.server.url}/networks/${networkId}/coaching-programs`);
    await page.getByText(definition).waitFor();
    await page.context().close();
  }, 60_000);
});
