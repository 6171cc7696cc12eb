import type { Mentorship, TechnicalArea } from '@sisi/domain';
import { isActiveOrganization } from '@sisi/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { navigate } from 'wouter/use-browser-location';
import { api, call, idempotencyKey } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import {
  CheckboxGroup,
  Form,
  refusal,
  SelectField,
  SubmitButton,
  sendWith,
  TextField,
  useForm,
} from '../../components/form/index.ts';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { useMT } from '../../i18n/en-mentorships.ts';
import { MAX_DURATION_MONTHS, MIN_DURATION_MONTHS } from '../../mentorship-domain.ts';
import type { FlashState } from '../organizations/organization.tsx';
import {
  check,
  type Draft,
  FIELDS,
  FORM_ID,
  PeerMentoring,
  SchedulePreview,
  scheduleOf,
} from './mentorship-new-parts.tsx';
import { today, useOrganizations, useViewer } from './mentorship-parts.tsx';

/** A network admin starts a mentorship: mentor, mentees, dates, optional peer mentoring. */
export function MentorshipNewPage() {
  const { networkId = '' } = useParams<{ networkId: string }>();
  const t = useMT();
  const viewer = useViewer(networkId);
  const orgs = useOrganizations(networkId, viewer.isAdmin, viewer.user?.organizationId);

  return (
    <Page title={t('mentorships.create.title')}>
      {viewer.me.isPending || (viewer.isAdmin && orgs.isPending) ? (
        <Loading />
      ) : viewer.me.isError ? (
        <LoadError error={viewer.me.error} retry={() => void viewer.me.refetch()} />
      ) : !viewer.isAdmin ? (
        <div className="notice warning">
          <p>{t('mentorships.create.notAllowed')}</p>
          <p>
            <Link href={`/networks/${networkId}/mentorships`}>{t('mentorships.detail.back')}</Link>
          </p>
        </div>
      ) : orgs.error ? (
        <LoadError error={orgs.error} />
      ) : (
        <NewMentorshipForm
          networkId={networkId}
          organizations={orgs.list.filter(isActiveOrganization)}
        />
      )}
    </Page>
  );
}

function NewMentorshipForm({
  networkId,
  organizations,
}: {
  networkId: string;
  organizations: readonly { id: string; name: string }[];
}) {
  const t = useMT();
  const queryClient = useQueryClient();
  const form = useForm<Draft>({
    initial: () => ({
      mentorOrganizationId: '',
      menteeOrganizationIds: [],
      startDate: today(),
      durationMonths: '12',
      pairs: [],
    }),
  });
  const draft = form.value;
  const [nextKey, setNextKey] = useState(1);
  const [key] = useState(idempotencyKey);
  const nameOf = (id: string) => organizations.find((o) => o.id === id)?.name ?? id;

  const create = useMutation({
    mutationFn: (json: {
      mentorOrganizationId: string;
      menteeOrganizationIds: string[];
      startDate: string;
      durationMonths: number;
      peerMentoring: {
        mentorOrganizationId: string;
        menteeOrganizationId: string;
        areas: TechnicalArea[];
      }[];
    }) =>
      call(
        api.networks[':networkId'].mentorships.$post(
          { param: { networkId }, json },
          { headers: { 'idempotency-key': key } },
        ),
      ),
    onSuccess: async (m: Mentorship) => {
      queryClient.setQueryData(keys.mentorship(networkId, m.id), m);
      await queryClient.invalidateQueries({ queryKey: keys.mentorships(networkId) });
      navigate(`/networks/${networkId}/mentorships/${m.id}`, {
        state: { flash: t('mentorships.create.created') } satisfies FlashState,
      });
    },
    onError: (error) => form.fail(error, { fields: FIELDS }),
  });

  const send = sendWith(form, create, {
    body: (d) => {
      const peers = d.menteeOrganizationIds.length > 1 ? d.pairs : [];
      return (
        refusal(check(d, t)) ?? {
          mentorOrganizationId: d.mentorOrganizationId,
          menteeOrganizationIds: d.menteeOrganizationIds,
          startDate: d.startDate,
          durationMonths: Number(d.durationMonths),
          peerMentoring: peers.map((p) => ({
            mentorOrganizationId: p.mentor,
            menteeOrganizationId: p.mentee,
            areas: p.areas,
          })),
        }
      );
    },
    label: t('mentorships.create.submit'),
    busyLabel: t('mentorships.create.submitting'),
  });

  const mentees = draft.menteeOrganizationIds;
  const menteeOptions = organizations
    .filter((o) => o.id !== draft.mentorOrganizationId)
    .map((o) => ({ value: o.id, label: o.name }));
  const chosenMentees = mentees.map((id) => ({ value: id, label: nameOf(id) }));
  const schedule = scheduleOf(draft.startDate, draft.durationMonths);

  return (
    <>
      <p>{t('mentorships.create.intro')}</p>
      <div className="narrow">
        <Form form={form} id={FORM_ID} ids="name" onSubmit={send.onSubmit}>
          <SelectField
            path="mentorOrganizationId"
            label={t('mentorships.create.mentor')}
            placeholder={t('mentorships.create.chooseMentor')}
            options={organizations.map((o) => ({ value: o.id, label: o.name }))}
            onChange={(mentor) =>
              form.update((d) => ({
                ...d,
                menteeOrganizationIds: d.menteeOrganizationIds.filter((id) => id !== mentor),
              }))
            }
          />
          <CheckboxGroup
            path="menteeOrganizationIds"
            order="chosen"
            legend={t('mentorships.create.mentees')}
            hint={t('mentorships.create.menteesHint')}
            options={menteeOptions}
          />
          <TextField
            path="startDate"
            type="date"
            label={t('mentorships.create.startDate')}
            hint={t('mentorships.create.startDateHint')}
            required
            short
          />
          <TextField
            path="durationMonths"
            type="number"
            label={t('mentorships.create.duration')}
            hint={t('mentorships.create.durationHint')}
            min={MIN_DURATION_MONTHS}
            max={MAX_DURATION_MONTHS}
            step={1}
            required
            short
          />
          <PeerMentoring
            mentees={chosenMentees}
            onAdd={() => {
              form.update((d) => ({
                ...d,
                pairs: [...d.pairs, { _key: String(nextKey), mentor: '', mentee: '', areas: [] }],
              }));
              setNextKey(nextKey + 1);
            }}
          />
          <SchedulePreview schedule={schedule} mentees={mentees.length} />
          {/* placed here rather than by the form: the cancel link follows it */}
          <SubmitButton {...send.submit} />
          <p>
            <Link href={`/networks/${networkId}/mentorships`}>
              {t('mentorships.create.cancel')}
            </Link>
          </p>
        </Form>
      </div>
    </>
  );
}
