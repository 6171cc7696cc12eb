import type {
  CreateOrganizationInput,
  KeyPopulation,
  Organization,
  TechnicalArea,
} from '@sisi/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'wouter';
import { navigate } from 'wouter/use-browser-location';
import { ApiProblem, api, call, idempotencyKey } from '../../api/client.ts';
import { keys, organizationQuery } from '../../api/queries.ts';
import {
  Checkbox,
  CheckboxGroup,
  Form,
  type FormErrors,
  hasErrors,
  labelsOf,
  noErrors,
  problemToErrors,
  requireFields,
  SelectField,
  SubmitButton,
  TextField,
  text,
  values,
} from '../../components/form.tsx';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { commonLanguages, countryCodes, keyPopulations, technicalAreas } from '../../constants.ts';
import { countryName, languageName, type Translate, useT } from '../../i18n/index.ts';
import type { FlashState } from './organization.tsx';

type Profile = Omit<CreateOrganizationInput, 'coordinatorEmail' | 'coordinatorName'>;

const PROFILE_FIELDS = [
  'name',
  'country',
  'languages',
  'keyPopulations',
  'kpLed',
  'technicalAreas',
  'otherTechnicalArea',
  'strengthsOffered',
  'priorityNeeds',
  'highSpeedInternet',
  'nameVisibleToDonors',
] as const;
const CREATE_FIELDS = [...PROFILE_FIELDS, 'coordinatorEmail', 'coordinatorName'] as const;

const lines = (value: string) =>
  value
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

function profileFrom(data: FormData): Profile {
  return {
    name: text(data, 'name'),
    country: text(data, 'country'),
    languages: values(data, 'languages'),
    keyPopulations: values(data, 'keyPopulations') as KeyPopulation[],
    kpLed: data.has('kpLed'),
    technicalAreas: values(data, 'technicalAreas') as TechnicalArea[],
    otherTechnicalArea: text(data, 'otherTechnicalArea'),
    strengthsOffered: lines(text(data, 'strengthsOffered')),
    priorityNeeds: lines(text(data, 'priorityNeeds')),
    highSpeedInternet: data.has('highSpeedInternet'),
    nameVisibleToDonors: data.has('nameVisibleToDonors'),
  };
}

/** What the browser can check before asking the API (which checks everything again). */
function checkProfile(data: FormData, required: readonly string[], t: Translate): FormErrors {
  const found = requireFields(data, required, t);
  if (values(data, 'keyPopulations').length === 0)
    found.fields.keyPopulations = t('errors.chooseOne');
  return found;
}

function labelsFor(t: Translate) {
  return labelsOf(t, {
    name: 'organizations.name',
    country: 'organizations.country',
    languages: 'organizations.languages',
    keyPopulations: 'organizations.keyPopulations',
    kpLed: 'organizations.kpLed',
    technicalAreas: 'organizations.technicalAreas',
    otherTechnicalArea: 'organizations.otherTechnicalArea',
    strengthsOffered: 'organizations.strengthsOffered',
    priorityNeeds: 'organizations.priorityNeeds',
    highSpeedInternet: 'organizations.highSpeedInternet',
    nameVisibleToDonors: 'organizations.nameVisibleToDonors',
    coordinatorEmail: 'organizations.coordinatorEmail',
    coordinatorName: 'organizations.coordinatorName',
  });
}

/** The profile fields, shared by create and edit; `initial` fills them for an edit. */
function ProfileFields({
  initial,
  labels,
}: {
  initial?: Organization;
  labels: Record<string, string>;
}) {
  const t = useT();
  const countries = useMemo(
    () =>
      countryCodes
        .map((code) => ({ value: code, label: countryName(code) }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [],
  );
  const languages = useMemo(() => {
    const codes = [...commonLanguages, ...(initial?.languages ?? [])];
    return [...new Set(codes)].map((code) => ({ value: code, label: languageName(code) }));
  }, [initial]);
  return (
    <>
      <TextField
        name="name"
        label={labels.name!}
        autoComplete="organization"
        defaultValue={initial?.name}
        maxLength={160}
        required
      />
      <SelectField
        name="country"
        label={labels.country!}
        placeholder={t('organizations.chooseCountry')}
        options={countries}
        defaultValue={initial?.country}
        required
      />
      <CheckboxGroup
        name="languages"
        legend={labels.languages!}
        hint={t('organizations.languagesHint')}
        options={languages}
        defaultValue={initial?.languages}
      />
      <CheckboxGroup
        name="keyPopulations"
        legend={labels.keyPopulations!}
        hint={t('organizations.keyPopulationsHint')}
        options={keyPopulations.map((k) => ({ value: k, label: t(`keyPopulations.${k}`) }))}
        defaultValue={initial?.keyPopulations}
      />
      <Checkbox
        name="kpLed"
        label={labels.kpLed!}
        hint={t('organizations.kpLedHint')}
        defaultChecked={initial?.kpLed}
      />
      <CheckboxGroup
        name="technicalAreas"
        legend={labels.technicalAreas!}
        options={technicalAreas.map((a) => ({ value: a, label: t(`technicalAreas.${a}`) }))}
        defaultValue={initial?.technicalAreas}
      />
      <TextField
        name="otherTechnicalArea"
        label={labels.otherTechnicalArea!}
        defaultValue={initial?.otherTechnicalArea}
        maxLength={200}
      />
      <TextField
        name="strengthsOffered"
        label={labels.strengthsOffered!}
        hint={t('organizations.strengthsHint')}
        rows={4}
        defaultValue={initial?.strengthsOffered.join('\n')}
      />
      <TextField
        name="priorityNeeds"
        label={labels.priorityNeeds!}
        hint={t('organizations.priorityNeedsHint')}
        rows={4}
        defaultValue={initial?.priorityNeeds.join('\n')}
      />
      <fieldset className="group">
        <legend>{t('organizations.connectivity')}</legend>
        <Checkbox
          name="highSpeedInternet"
          label={labels.highSpeedInternet!}
          defaultChecked={initial?.highSpeedInternet}
        />
        <Checkbox
          name="nameVisibleToDonors"
          label={labels.nameVisibleToDonors!}
          hint={t('organizations.nameVisibleHint')}
          defaultChecked={initial?.nameVisibleToDonors}
        />
      </fieldset>
    </>
  );
}

/** A network admin onboards an organization; its coordinator is invited by email. */
export function OrganizationCreatePage() {
  const { networkId = '' } = useParams<{ networkId: string }>();
  const t = useT();
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [key] = useState(idempotencyKey);
  const create = useMutation({
    mutationFn: (body: CreateOrganizationInput): Promise<Organization> =>
      call(
        api.networks[':networkId'].organizations.$post(
          { param: { networkId }, json: body },
          { headers: { 'idempotency-key': key } },
        ),
      ),
    onSuccess: (org, body) => {
      queryClient.setQueryData(keys.organization(networkId, org.id), org);
      void queryClient.invalidateQueries({ queryKey: keys.organizations(networkId) });
      const state: FlashState = {
        flash: t('organizations.createdMessage', { email: body.coordinatorEmail }),
      };
      navigate(`/networks/${networkId}/organizations/${org.id}`, { state });
    },
    onError: (error) => setErrors(problemToErrors(error, CREATE_FIELDS, t)),
  });

  const labels = labelsFor(t);
  const submit = (data: FormData) => {
    if (create.isPending) return;
    const found = checkProfile(data, ['name', 'country', 'coordinatorEmail', 'coordinatorName'], t);
    if (hasErrors(found)) return setErrors(found);
    setErrors(noErrors);
    const { otherTechnicalArea, ...profile } = profileFrom(data);
    create.mutate({
      ...profile,
      ...(otherTechnicalArea ? { otherTechnicalArea } : {}),
      coordinatorEmail: text(data, 'coordinatorEmail'),
      coordinatorName: text(data, 'coordinatorName'),
    });
  };

  return (
    <Page title={t('organizations.createTitle')}>
      <div className="narrow">
        <Form id="organization" errors={errors} labels={labels} onSubmit={submit}>
          <ProfileFields labels={labels} />
          <fieldset className="group">
            <legend>{t('organizations.coordinatorHeading')}</legend>
            <p className="hint">{t('organizations.coordinatorHint')}</p>
            <TextField
              name="coordinatorEmail"
              label={labels.coordinatorEmail!}
              type="email"
              autoComplete="off"
              required
            />
            <TextField
              name="coordinatorName"
              label={labels.coordinatorName!}
              autoComplete="off"
              required
            />
          </fieldset>
          <SubmitButton
            label={t('organizations.create')}
            busy={create.isPending}
            busyLabel={t('organizations.creating')}
          />
        </Form>
        <p>
          <Link href={`/networks/${networkId}/organizations`}>{t('organizations.cancel')}</Link>
        </p>
      </div>
    </Page>
  );
}

/**
 * A network admin edits an organization. The `version` read is sent back; if someone
 * saved in between (409) nothing changed, and the admin may reload their version.
 */
export function OrganizationEditPage() {
  const { networkId = '', organizationId = '' } = useParams<{
    networkId: string;
    organizationId: string;
  }>();
  const t = useT();
  const queryClient = useQueryClient();
  const query = organizationQuery(networkId, organizationId);
  const organization = useQuery(query);
  // the version being edited: a background refetch must not swap the form under the user
  const [base, setBase] = useState<{ org: Organization; loads: number }>();
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [conflict, setConflict] = useState(false);
  const [reloading, setReloading] = useState(false);
  // pin the version the admin starts from, once any refetch on arrival has finished
  if (!base && organization.data && !organization.isFetching) {
    setBase({ org: organization.data, loads: 0 });
  }
  const current = base?.org;
  const detailPath = `/networks/${networkId}/organizations/${organizationId}`;

  const save = useMutation({
    mutationFn: (body: Profile & { version: number }): Promise<Organization> =>
      call(
        api.networks[':networkId'].organizations[':organizationId'].$patch({
          param: { networkId, organizationId },
          json: body,
        }),
      ),
    onSuccess: (org) => {
      queryClient.setQueryData(query.queryKey, org);
      void queryClient.invalidateQueries({ queryKey: keys.organizations(networkId) });
      const state: FlashState = { flash: t('organizations.savedMessage') };
      navigate(detailPath, { state });
    },
    onError: (error) => {
      if (error instanceof ApiProblem && error.status === 409) setConflict(true);
      else setErrors(problemToErrors(error, PROFILE_FIELDS, t));
    },
  });

  const reload = async () => {
    setReloading(true);
    try {
      const org = await queryClient.fetchQuery({ ...query, staleTime: 0 });
      setBase((b) => ({ org, loads: (b?.loads ?? 0) + 1 }));
      setConflict(false);
      setErrors(noErrors);
    } catch (error) {
      setErrors(problemToErrors(error, PROFILE_FIELDS, t));
    } finally {
      setReloading(false);
    }
  };

  const labels = labelsFor(t);
  const submit = (data: FormData) => {
    if (save.isPending || !current) return;
    const found = checkProfile(data, ['name', 'country'], t);
    if (hasErrors(found)) return setErrors(found);
    setErrors(noErrors);
    setConflict(false);
    save.mutate({ ...profileFrom(data), version: current.version });
  };

  return (
    <Page title={current ? t('organizations.editTitle', { name: current.name }) : t('app.loading')}>
      {current ? (
        <div className="narrow">
          {conflict ? (
            <div className="notice warning" role="alert">
              <p>{t('organizations.conflict')}</p>
              <button type="button" onClick={() => void reload()} aria-disabled={reloading}>
                {t('organizations.reload')}
              </button>
            </div>
          ) : null}
          <Form
            key={`${current.version}-${base?.loads ?? 0}`}
            id="organization"
            errors={errors}
            labels={labels}
            onSubmit={submit}
          >
            <ProfileFields initial={current} labels={labels} />
            <SubmitButton
              label={t('organizations.save')}
              busy={save.isPending}
              busyLabel={t('organizations.saving')}
            />
          </Form>
          <p>
            <Link href={detailPath}>{t('organizations.cancel')}</Link>
          </p>
        </div>
      ) : organization.isError ? (
        <LoadError error={organization.error} retry={() => void organization.refetch()} />
      ) : (
        <Loading />
      )}
    </Page>
  );
}
