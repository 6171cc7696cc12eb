import { MAIL_LEASE_MS } from '@sisi/data';
import { executionInput, type LifecycleState, lifecycleReview, type Mailer } from '@sisi/domain';
import {
  createLifecycleHandlers,
  LifecycleInputError,
  LifecycleMailError,
  LifecycleMailInFlightError,
} from '@sisi/lifecycle';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, createTestApi, type TestApi } from '../support/api.ts';
import { type Mentorship, mentorshipPath } from '../support/mentorships.ts';
import { expectJson } from '../support/problem.ts';
import { reportBody, submitReport } from '../support/quarterly-reports.ts';
import { type LifecycleWorld, lifecycleWorld, setLanguage } from './world.ts';

let api: TestApi;
let w: LifecycleWorld;

beforeAll(async () => {
  api = await createTestApi();
  w = await lifecycleWorld(api);
});
afterAll(() => api.close());

/** The execution state of review `kind` (`period` for quarterly ones) of `m`. */
function stateOf(
  m: Mentorship,
  kind: 'quarterly' | 'mid-term' | 'end',
  period = 1,
): LifecycleState {
  const n =
    m.reviews.findIndex((r) => r.kind === kind && (kind !== 'quarterly' || r.period === period)) +
    1;
  if (n === 0) throw new Error(`no ${kind} review ${period}`);
  return executionInput(m, n);
}

const recipients = (mails: { to: string }[]) => mails.map((m) => m.to).sort();
const reviews = () => api.local.deps.store({ networkId: w.networkId }).reviews;

describe('requestReview', () => {
  it('asks the mentor organization’s coordinator, and only them, for the quarterly report', async () => {
    const m = await w.start();
    const state = stateOf(m, 'quarterly', 1);
    expect(await w.handlers.requestReview(state)).toEqual({ ended: false });
    const mails = await w.mailOf(m);
    expect(recipients(mails)).toEqual([w.mentor.coordinatorEmail]);
    const [mail] = mails;
    const link = `${BASE}/networks/${w.networkId}/mentorships/${m.id}/quarterly-reports/new?period=1`;
    expect(mail!.subject).toBe(
      'The quarterly report for period 1 is due: Amani Trust → Sauti Yetu',
    );
    expect(mail!.text).toContain(`Fill in the quarterly report: ${link}`);
    expect(mail!.html).toContain(`href="${link}"`);
  });

  it('starts the next review’s execution under its deterministic name, with next.next', async () => {
    const m = await w.start();
    const before = w.started.length;
    await w.handlers.requestReview(executionInput(m, 1));
    expect(w.started.slice(before)).toEqual([
      {
        name: `${w.networkId}-${m.id}-p2`,
        input: {
          networkId: w.networkId,
          mentorshipId: m.id,
          period: 2,
          review: lifecycleReview(m.reviews[1]!),
          next: lifecycleReview(m.reviews[2]!),
        },
      },
    ]);
  });

  it('asks everyone in the mentorship for the mid-term reflection, each once', async () => {
    const m = await w.start({ mentees: [w.mentee, w.secondMentee] });
    await w.handlers.requestReview(stateOf(m, 'mid-term'));
    const mails = await w.mailOf(m);
    // both sides' coordinators and the participants; the mentee's coordinator, also a participant, once
    expect(recipients(mails)).toEqual(
      [
        w.mentor.coordinatorEmail,
        w.mentee.coordinatorEmail,
        w.secondMentee.coordinatorEmail,
        w.participant.email,
      ].sort(),
    );
    for (const mail of mails) {
      expect(mail.subject).toBe(
        'Mid-term reflection: Amani Trust → Sauti Yetu and Kuza Collective',
      );
      expect(mail.text).toContain(`${BASE}/networks/${w.networkId}/mentorships/${m.id}/reflection`);
    }
  });

  it('asks both sides for the evaluation at the end, starts nothing after it, attaches no .ics', async () => {
    const m = await w.start();
    const before = w.started.length;
    const state = stateOf(m, 'end');
    expect(state.next).toBeUndefined();
    expect(await w.handlers.requestReview(state)).toEqual({ ended: false });
    expect(w.started.length).toBe(before);
    const mails = await w.mailOf(m);
    expect(recipients(mails)).toEqual(
      [w.mentor.coordinatorEmail, w.mentee.coordinatorEmail, w.participant.email].sort(),
    );
    for (const mail of mails) {
      expect(mail.text).toContain(`/mentorships/${m.id}/evaluation`);
      expect(mail.attachments).toBeUndefined();
    }
  });

  it('attaches an .ics invitation for the next review', async () => {
    const m = await w.start();
    await w.handlers.requestReview(executionInput(m, 1));
    const [mail] = await w.mailOf(m);
    expect(mail!.attachments).toHaveLength(1);
    const { filename, contentType, content } = mail!.attachments![0]!;
    expect(filename).toBe('sisi-review-2.ics');
    expect(contentType).toMatch(/^text\/calendar\b/);
    const lines = content.replace(/\r\n /g, '').split('\r\n');
    const next = m.reviews[1]!;
    expect(lines.slice(0, 2)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0']);
    expect(lines).toContain(`UID:${w.networkId}-${m.id}-p2@sisi`);
    expect(lines).toContain(`DTSTART;VALUE=DATE:${next.dueDate.replace(/-/g, '')}`);
    expect(lines.find((l) => l.startsWith('SUMMARY:'))).toMatch(/Amani Trust → Sauti Yetu$/);
    expect(lines).toContain('END:VEVENT');
    expect(content.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('writes to a coordinator in their own language', async () => {
    const m = await w.start();
    await setLanguage(api, w.mentor.coordinatorId, 'fr');
    try {
      await w.handlers.requestReview(executionInput(m, 1));
    } finally {
      await setLanguage(api, w.mentor.coordinatorId, 'en');
    }
    const [mail] = await w.mailOf(m);
    expect(mail!.subject).toBe(
      'Le rapport trimestriel de la période 1 est attendu : Amani Trust → Sauti Yetu',
    );
  });

  it('sends nothing for a review that was already past when the mentorship was recorded, and goes on', async () => {
    const m = await w.start({ startDate: w.day(-200), durationMonths: 24 });
    expect(m.reviews[0]!.state).toBe('past');
    const before = w.started.length;
    expect(await w.handlers.requestReview(executionInput(m, 1))).toEqual({ ended: false });
    expect(await w.handlers.remindIfMissing(executionInput(m, 1))).toEqual({
      submitted: false,
      ended: false,
    });
    expect(await w.handlers.escalateIfMissing(executionInput(m, 1))).toEqual({
      submitted: false,
      ended: false,
    });
    expect(await w.mailOf(m)).toEqual([]);
    expect(w.started.slice(before).map((s) => s.name)).toEqual([`${w.networkId}-${m.id}-p2`]);
  });

  it('does not ask for a quarterly report that came in early', async () => {
    const m = await w.start();
    await submitReport(api, w.networkId, m.id, await w.mentorCoordinatorToken(), reportBody(1));
    expect(await w.handlers.requestReview(executionInput(m, 1))).toEqual({ ended: false });
    expect(await w.mailOf(m)).toEqual([]);
  });
});

describe('remindIfMissing and escalateIfMissing', () => {
  it('remind the mentor’s coordinator, then tell the network’s admins, of a missing report', async () => {
    const m = await w.start({ mentees: [w.mentee, w.secondMentee] });
    const state = executionInput(m, 1);
    expect(await w.handlers.remindIfMissing(state)).toEqual({ submitted: false, ended: false });
    const reminders = await w.mailOf(m);
    expect(recipients(reminders)).toEqual([w.mentor.coordinatorEmail]);
    expect(reminders[0]!.subject).toBe(
      'Reminder: the quarterly report for period 1 is still missing: Amani Trust → Sauti Yetu and Kuza Collective',
    );
    expect(reminders[0]!.text).toContain(`/mentorships/${m.id}/quarterly-reports/new?period=1`);

    expect(await w.handlers.escalateIfMissing(state)).toEqual({ submitted: false, ended: false });
    const escalations = (await w.mailOf(m)).slice(1);
    expect(recipients(escalations)).toEqual([w.adminEmail]);
    expect(escalations[0]!.subject).toBe(
      'Overdue: the quarterly report for period 1 of Amani Trust → Sauti Yetu and Kuza Collective',
    );
    expect(escalations[0]!.text).toContain(
      'The quarterly report for period 1 of Amani Trust → Sauti Yetu and Kuza Collective is overdue',
    );
    expect(escalations[0]!.text).toContain(`${BASE}/networks/${w.networkId}/mentorships/${m.id}`);
    // another network's admin hears nothing of it
    const elsewhere = await api.mails(w.otherAdminEmail);
    expect(elsewhere.filter((mail) => mail.text.includes(m.id))).toEqual([]);
  });

  it('answer submitted: true and send nothing once the report is in', async () => {
    const m = await w.start();
    await submitReport(api, w.networkId, m.id, await w.mentorCoordinatorToken(), reportBody(1));
    const state = executionInput(m, 1);
    expect(await w.handlers.remindIfMissing(state)).toEqual({ submitted: true, ended: false });
    expect(await w.handlers.escalateIfMissing(state)).toEqual({ submitted: true, ended: false });
    expect(await w.mailOf(m)).toEqual([]);
  });

  it('look up the report of their own period only', async () => {
    const m = await w.start();
    await submitReport(api, w.networkId, m.id, await w.mentorCoordinatorToken(), reportBody(1));
    const second = stateOf(m, 'quarterly', 2);
    expect(await w.handlers.remindIfMissing(second)).toEqual({ submitted: false, ended: false });
    expect((await w.mailOf(m)).map((mail) => mail.subject)).toEqual([
      'Reminder: the quarterly report for period 2 is still missing: Amani Trust → Sauti Yetu',
    ]);
  });

  it('never carry a report’s content, only names, dates and links', async () => {
    const m = await w.start();
    const secret = 'CONFIDENTIAL-staff-turnover-detail';
    await submitReport(api, w.networkId, m.id, await w.mentorCoordinatorToken(), {
      ...reportBody(1),
      challenges: secret,
    });
    const second = stateOf(m, 'quarterly', 2);
    await w.handlers.requestReview(second);
    await w.handlers.remindIfMissing(second);
    await w.handlers.escalateIfMissing(second);
    const mails = await w.mailOf(m);
    expect(mails).toHaveLength(3);
    for (const mail of mails) {
      expect(JSON.stringify(mail)).not.toContain(secret);
      expect(JSON.stringify(mail)).not.toContain('Digital security');
    }
  });

  it('refuse a state that is not a quarterly review', async () => {
    const m = await w.start();
    await expect(w.handlers.remindIfMissing(stateOf(m, 'end'))).rejects.toBeInstanceOf(
      LifecycleInputError,
    );
  });
});

describe('an ended mentorship', () => {
  it('gets no mail and starts nothing; every handler answers ended: true', async () => {
    const m = await w.start();
    await expectJson(
      await api.call('POST', `${mentorshipPath(w.networkId, m.id)}/end`, {
        token: w.adminToken,
        body: { kind: 'natural', reason: 'goals met early' },
      }),
      200,
    );
    const before = w.started.length;
    const state = executionInput(m, 1);
    expect(await w.handlers.requestReview(state)).toEqual({ ended: true });
    expect(await w.handlers.remindIfMissing(state)).toEqual({ submitted: false, ended: true });
    expect(await w.handlers.escalateIfMissing(state)).toEqual({ submitted: false, ended: true });
    expect(await w.handlers.requestReview(stateOf(m, 'mid-term'))).toEqual({ ended: true });
    expect(await w.mailOf(m)).toEqual([]);
    expect(w.started.length).toBe(before);
  });
});

describe('exactly once', () => {
  it('sends each mail once when every handler runs twice (a retry)', async () => {
    const m = await w.start();
    const quarterly = executionInput(m, 1);
    const midTerm = stateOf(m, 'mid-term');
    for (let i = 0; i < 2; i++) {
      await w.handlers.requestReview(quarterly);
      await w.handlers.requestReview(midTerm);
      await w.handlers.remindIfMissing(quarterly);
      await w.handlers.escalateIfMissing(quarterly);
    }
    const mails = await w.mailOf(m);
    const count = (prefix: string) => mails.filter((x) => x.subject.startsWith(prefix)).length;
    expect(count('The quarterly report for period 1 is due')).toBe(1);
    expect(count('Mid-term reflection')).toBe(3);
    expect(count('Reminder:')).toBe(1);
    expect(count('Overdue:')).toBe(1);
    expect(mails).toHaveLength(6);
    const records = await reviews().listMail(m.id);
    expect(records).toHaveLength(6);
    expect(records.every((r) => r.status === 'sent' && r.attempt === 1)).toBe(true);
    expect(records.find((r) => r.kind === 'request' && r.period === 1)).toMatchObject({
      recipientId: w.mentor.coordinatorId,
      messageId: expect.any(String),
    });
  });

  it('sends once when runs of the same step race: the losers fail, their retry skips', async () => {
    const m = await w.start({ mentees: [w.mentee, w.secondMentee] });
    const midTerm = stateOf(m, 'mid-term');
    const runs = await Promise.allSettled([
      w.handlers.requestReview(midTerm),
      w.handlers.requestReview(midTerm),
      w.handlers.requestReview(midTerm),
    ]);
    expect(await w.mailOf(m)).toHaveLength(4);
    for (const run of runs.filter((r) => r.status === 'rejected')) {
      const error = (run as PromiseRejectedResult).reason as LifecycleMailError;
      expect(error).toBeInstanceOf(LifecycleMailError);
      expect(error.failed.every((f) => f.error instanceof LifecycleMailInFlightError)).toBe(true);
    }
    // the workflow retries a failed step: everything is sent by then
    expect(await w.handlers.requestReview(midTerm)).toEqual({ ended: false });
    expect(await w.mailOf(m)).toHaveLength(4);
  });

  it('fails the step while another run holds the mail, and sends nothing', async () => {
    const m = await w.start();
    const key = { period: 1, kind: 'request' as const, recipientId: w.mentor.coordinatorId };
    await reviews().claimMail(m.id, key, api.local.clock.now().toISOString());
    await expect(w.handlers.requestReview(executionInput(m, 1))).rejects.toBeInstanceOf(
      LifecycleMailError,
    );
    expect(await w.mailOf(m)).toEqual([]);
    expect(await reviews().getMail(m.id, key)).toMatchObject({ status: 'sending', attempt: 1 });
  });

  it('takes over a mail left "sending" longer than the lease by a run that died', async () => {
    const m = await w.start();
    const state = executionInput(m, 1);
    // the first run claimed the mail two minutes ago and died before its mailer answered
    const longAgo = new Date(api.local.clock.now().getTime() - 2 * MAIL_LEASE_MS).toISOString();
    const claim = await reviews().claimMail(
      m.id,
      { period: 1, kind: 'request', recipientId: w.mentor.coordinatorId },
      longAgo,
    );
    expect(claim).toBe('claimed');
    await w.handlers.requestReview(state);
    expect(await w.mailOf(m)).toHaveLength(1);
    const [record] = await reviews().listMail(m.id, 1);
    expect(record).toMatchObject({ status: 'sent', attempt: 2 });
  });

  it('fails the step when a mail cannot go out, and the retry sends only what is missing', async () => {
    const m = await w.start({ mentees: [w.mentee, w.secondMentee] });
    const failing: Mailer = {
      async send(message) {
        if (message.to === w.secondMentee.coordinatorEmail) throw new Error('SES throttled');
        return w.deps.mailer.send(message);
      },
    };
    const flaky = createLifecycleHandlers({ ...w.deps, mailer: failing });
    const midTerm = stateOf(m, 'mid-term');
    const error = await flaky.requestReview(midTerm).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LifecycleMailError);
    expect((error as LifecycleMailError).failed.map((f) => f.recipientId)).toEqual([
      w.secondMentee.coordinatorId,
    ]);
    expect(await w.mailOf(m)).toHaveLength(3);
    await w.handlers.requestReview(midTerm);
    const mails = await w.mailOf(m);
    expect(mails).toHaveLength(4);
    expect(mails.at(-1)!.to).toBe(w.secondMentee.coordinatorEmail);
  });
});

describe('network admins', () => {
  it('are listed per network from their index items, without a Scan', async () => {
    const admins = await api.local.platform.listNetworkAdmins(w.networkId);
    expect(admins.map((a) => a.email)).toEqual([w.adminEmail]);
    expect(admins.map((a) => a.email)).not.toContain(w.otherAdminEmail);
    expect(await api.local.platform.listNetworkAdmins('no-such-network')).toEqual([]);
  });
});
