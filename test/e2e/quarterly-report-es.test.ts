import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toolkitIn } from '@sisi/domain';
import { findRepoRoot } from '@sisi/local';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, expectAccessible } from '../support/browser.ts';
import { seedNetwork, startMentorship } from '../support/e2e-network.ts';
import type { TestServer } from '../support/server.ts';

/** A catalog of the SPA (`web/src/i18n/locales/<lng>/<ns>.json`), as the test reads it. */
// biome-ignore lint/suspicious/noExplicitAny: a JSON catalog read by path
function catalog(lng: string, ns: string): any {
  return JSON.parse(
    readFileSync(join(findRepoRoot(), `web/src/i18n/locales/${lng}/${ns}.json`), 'utf8'),
  );
}
const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k]));
const label = (text: string) => text.replace(/\s*:\s*$/, '');

/**
 * Issue 14 end to end in Chromium at 360 px: a French browser gets the sign-in page in
 * French; the coordinator switches to Spanish there, signs in, and files the quarterly
 * report in Spanish, the form's questions in the project's Spanish translation of Annex 5
 * (the toolkit's catalog), the screen's words from the SPA's Spanish catalog. Every word the
 * test looks for comes from those catalogs, none is written here.
 */
describe('a quarterly report filed in Spanish', () => {
  const ui = browserSuite();
  let server: TestServer;
  let networkId: string;
  let mentorshipId: string;
  let adminToken: string;
  const coordinator = {
    name: 'Amaru Quispe',
    email: 'coord.pe@example.org',
    password: 'a long coordinator password',
  };
  const api = <T>(method: string, path: string, token: string | undefined, body?: unknown) =>
    server.api<T>(method, path, token, body);

  beforeAll(async () => {
    server = ui.server;
    const seeded = await seedNetwork(server, {
      name: 'Red Andina KP',
      region: 'Latin America',
      admin: { email: 'admin.andina@example.org', name: 'Rosa Mamani' },
      organizations: [
        ['Colectivo Trans Andino', 'PE'],
        ['Red Boliviana de Personas Viviendo con VIH', 'BO'],
      ],
      keyPopulations: ['transgender'],
    });
    networkId = seeded.networkId;
    adminToken = seeded.admin.token;
    const [mentorId, menteeId] = seeded.organizationIds;
    await server.accept(coordinator.email, coordinator.name, coordinator.password);
    const mentorship = await startMentorship(server, networkId, adminToken, {
      mentorOrganizationId: mentorId!,
      menteeOrganizationIds: [menteeId!],
    });
    mentorshipId = mentorship.id;
    const firstQuarter = mentorship.schedule.quarterlyReviews[0]!;
    await server.local.clock.advance({ to: `${firstQuarter}T09:00:00Z` });
  }, 90_000);

  it('signs in from a French page switched to Spanish and files the report in Spanish', async () => {
    const fr = catalog('fr', 'common');
    const es = catalog('es', 'common');
    const reviews = catalog('es', 'reviews').monitoring.report;
    const annex5 = toolkitIn('toolkit-monitoring', 'es');
    const question = (id: string) =>
      label(annex5.quarterlyReportForm.questions.find((q) => q.id === id)!.text);
    const column = (id: string) =>
      label(annex5.quarterlyReportForm.interactionLog.columns.find((c) => c.id === id)!.text);

    const context = await ui.newContext({
      locale: 'fr-FR',
      viewport: { width: 360, height: 800 },
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByRole('heading', { level: 1, name: fr.login.heading }).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('fr');

    await page.getByLabel(fr.app.language, { exact: true }).selectOption('es');
    await page.getByRole('heading', { level: 1, name: es.login.heading }).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('es');
    await page.getByLabel(es.login.email, { exact: true }).fill(coordinator.email);
    await page.getByLabel(es.login.password, { exact: true }).fill(coordinator.password);
    await page.getByRole('button', { name: es.login.submit }).click();
    await page.getByRole('link', { name: es.nav.mentorships }).first().waitFor();

    await page.goto(
      `${server.url}/networks/${networkId}/mentorships/${mentorshipId}/quarterly-reports/new?period=1`,
    );
    await page
      .getByRole('heading', { level: 1, name: fill(reviews.title, { period: 1 }) })
      .waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('es');
    // the form's questions are the project's Spanish translation of Annex 5
    const areas = page.getByRole('group', { name: question('technical-areas') });
    const advocacy = annex5.quarterlyReportTechnicalAreas.find((a) => a.id === 'advocacy')!;
    await areas.getByLabel(advocacy.label, { exact: true }).check();
    await page
      .getByRole('group', { name: fill(reviews.objectiveN, { n: 1 }) })
      .getByLabel(reviews.objective, { exact: true })
      .fill('Un plan de incidencia con costos');
    await page
      .getByLabel(question('trends'), { exact: true })
      .fill('Más reuniones con el ministerio');
    await page.getByRole('button', { name: reviews.addInteraction }).click();
    const row = page.getByRole('group', { name: fill(reviews.interactionN, { n: 1 }) });
    const day = new Date().toISOString().slice(0, 10);
    await row.getByLabel(column('date'), { exact: true }).fill(day);
    await row.getByLabel(column('time-involved'), { exact: true }).fill('2.5');
    await row.getByLabel(column('activity'), { exact: true }).fill('Llamada sobre el plan');
    await expectAccessible(page, 'the quarterly report in Spanish at 360 px');
    const shots = process.env.SISI_SCREENSHOTS;
    if (shots)
      await page.screenshot({ path: `${shots}/es-quarterly-report-360.png`, fullPage: true });
    expect(await page.evaluate('document.scrollingElement.scrollWidth <= window.innerWidth')).toBe(
      true,
    );
    await page.getByRole('button', { name: reviews.submit }).click();
    await page.getByText(fill(reviews.submitted, { period: 1 })).waitFor();

    // stored with ids, whatever language it was filed in
    const report = await api<{ technicalAreas: string[]; totalHours: number }>(
      'GET',
      `/networks/${networkId}/mentorships/${mentorshipId}/quarterly-reports/1`,
      adminToken,
    );
    expect(report).toMatchObject({ technicalAreas: ['advocacy'], totalHours: 2.5 });
    // and the coordinator's choice is kept as their language
    const token = (await page.evaluate("sessionStorage.getItem('sisi.token')")) as string;
    const me = await api<{ language?: string }>('GET', '/me', token);
    expect(me.language).toBe('es');
    await context.close();
  }, 180_000);
});
