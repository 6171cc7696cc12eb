import type { CreateOrganizationInput, Organization } from '@sisi/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'wouter';
import { navigate } from 'wouter/use-browser-location';
import { ApiProblem, api, call, idempotencyKey } from '../../api/client.ts';
import { keys, organizationQuery } from '../../api/queries.ts';
import { useKeyPopulationOptions, useTechnicalAreaOptions } from '../../components/choices.ts';
import {
  CheckboxField,
  CheckboxGroup,
  Form,
  problemToErrors,
  refusal,
  SelectField,
  sendWith,
  TextField,
  useForm,
} from '../../components/form/index.ts';
import {
  chosenLanguage,
  LanguageField,
  useNetworkLanguage,
} from '../../components/language-field.tsx';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { countryCodes } from '../../constants.ts';
import { countryName, languageName, useT } from '../../i18n/index.ts';
import type { FlashState } from './organization.tsx';
import { useOrganizationParams } from './organization-params.ts';
import {
  CREATE_FIELDS,
  type CreateValue,
  checkProfile,
  languageCodes,
  PROFILE_FIELDS,
  type Profile,
  profileFrom,
  profileValue,
} from './profile.ts';

/** The profile fields, shared by create and edit; `initial` is the organization edited. */
function ProfileFields({ initial }: { initial?: Organization }) {
  const t = useT();
  const countries = useMemo(
    () =>
      countryCodes
        .map((code) => ({ value: code, label: countryName(code) }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [],
  );
  const languages = useMemo(
    () => languageCodes(initial).map((code) => ({ value: code, label: languageName(code) })),
    [initial],
  );
  const keyPopulationOptions = useKeyPopulationOptions();
  const areaOptions = useTechnicalAreaOptions();
  return (
    <>
      <TextField
        path="name"
        label={t('organizations.name')}
        autoComplete="organization"
        maxLength={160}
        required
      />
      <SelectField
        path="country"
        label={t('organizations.country')}
        placeholder={t('organizations.chooseCountry')}
        options={countries}
        required
      />
      {(
        [
          ['languages', languages],
          ['keyPopulations', keyPopulationOptions],
        ] as const
      ).map(([path, options]) => (
        <CheckboxGroup
          key={path}
          path={path}
          legend={t(`organizations.${path}`)}
          hint={t(`organizations.${path}Hint`)}
          options={options}
        />
      ))}
      <CheckboxField
        path="kpLed"
        label={t('organizations.kpLed')}
        hint={t('organizations.kpLedHint')}
      />
      <CheckboxGroup
        path="technicalAreas"
        legend={t('organizations.technicalAreas')}
        options={areaOptions}
      />
      <TextField
        path="otherTechnicalArea"
        label={t('organizations.otherTechnicalArea')}
        maxLength={200}
      />
      <TextField
        path="strengthsOffered"
        label={t('organizations.strengthsOffered')}
        hint={t('organizations.strengthsHint')}
        rows={4}
      />
      <TextField
        path="priorityNeeds"
        label={t('organizations.priorityNeeds')}
        hint={t('organizations.priorityNeedsHint')}
        rows={4}
      />
      <fieldset className="group">
        <legend>{t('organizations.connectivity')}</legend>
        <CheckboxField path="highSpeedInternet" label={t('organizations.highSpeedInternet')} />
        <CheckboxField
          path="nameVisibleToDonors"
          label={t('organizations.nameVisibleToDonors')}
          hint={t('organizations.nameVisibleHint')}
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
  const form = useForm<CreateValue>({
    initial: () => ({
      ...profileValue(),
      coordinatorEmail: '',
      coordinatorName: '',
      coordinatorLanguage: '',
    }),
  });
  const fallback = useNetworkLanguage(networkId);
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
    onError: (error) => form.fail(error, { fields: CREATE_FIELDS }),
  });

  const send = sendWith(form, create, {
    body: (value) => {
      const found = checkProfile(
        value,
        ['name', 'country', 'coordinatorEmail', 'coordinatorName'],
        t,
      );
      const { otherTechnicalArea, ...profile } = profileFrom(value);
      return (
        refusal(found) ?? {
          ...profile,
          ...(otherTechnicalArea ? { otherTechnicalArea } : {}),
          coordinatorEmail: value.coordinatorEmail.trim(),
          coordinatorName: value.coordinatorName.trim(),
          coordinatorLanguage: chosenLanguage(value.coordinatorLanguage, fallback),
        }
      );
    },
    label: t('organizations.create'),
    busyLabel: t('organizations.creating'),
  });

  return (
    <Page title={t('organizations.createTitle')}>
      <div className="narrow">
        <Form form={form} id="organization" ids="name" {...send}>
          <ProfileFields />
          <fieldset className="group">
            <legend>{t('organizations.coordinatorHeading')}</legend>
            <p className="hint">{t('organizations.coordinatorHint')}</p>
            <TextField
              path="coordinatorEmail"
              label={t('organizations.coordinatorEmail')}
              type="email"
              autoComplete="off"
              required
            />
            <TextField
              path="coordinatorName"
              label={t('organizations.coordinatorName')}
              autoComplete="off"
              required
            />
            <LanguageField path="coordinatorLanguage" fallback={fallback} />
          </fieldset>
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
  const { networkId, organizationId } = useOrganizationParams();
  const t = useT();
  const organization = useQuery(organizationQuery(networkId, organizationId));
  // the version being edited: a background refetch must not swap the form under the user
  const [base, setBase] = useState<{ org: Organization; loads: number }>();
  // pin the version the admin starts from, once any refetch on arrival has finished
  if (!base && organization.data && !organization.isFetching) {
    setBase({ org: organization.data, loads: 0 });
  }
  const current = base?.org;

  return (
    <Page title={current ? t('organizations.editTitle', { name: current.name }) : t('app.loading')}>
      {current ? (
        <EditForm
          // a reloaded version starts the form afresh
          key={`${current.version}-${base?.loads ?? 0}`}
          networkId={networkId}
          organizationId={organizationId}
          current={current}
          onReloaded={(org) => setBase((b) => ({ org, loads: (b?.loads ?? 0) + 1 }))}
        />
      ) : organization.isError ? (
        <LoadError error={organization.error} retry={() => void organization.refetch()} />
      ) : (
        <Loading />
      )}
    </Page>
  );
}

function EditForm({
  networkId,
  organizationId,
  current,
  onReloaded,
}: {
  networkId: string;
  organizationId: string;
  current: Organization;
  onReloaded: (org: Organization) => void;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const query = organizationQuery(networkId, organizationId);
  const form = useForm({ initial: () => profileValue(current) });
  const [conflict, setConflict] = useState(false);
  const [reloading, setReloading] = useState(false);
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
    onMutate: () => setConflict(false),
    onError: (error) => {
      if (error instanceof ApiProblem && error.status === 409) setConflict(true);
      else form.fail(error, { fields: PROFILE_FIELDS });
    },
  });

  const reload = async () => {
    setReloading(true);
    try {
      onReloaded(await queryClient.fetchQuery({ ...query, staleTime: 0 }));
    } catch (error) {
      form.setErrors(problemToErrors(error, t, { fields: PROFILE_FIELDS }));
      setReloading(false);
    }
  };

  const send = sendWith(form, save, {
    body: (value) =>
      refusal(checkProfile(value, ['name', 'country'], t)) ?? {
        ...profileFrom(value),
        version: current.version,
      },
    label: t('organizations.save'),
    busyLabel: t('organizations.saving'),
  });

  return (
    <div className="narrow">
      {conflict ? (
        <div className="notice warning" role="alert">
          <p>{t('organizations.conflict')}</p>
          <button type="button" onClick={() => void reload()} aria-disabled={reloading}>
            {t('organizations.reload')}
          </button>
        </div>
      ) : null}
      <Form form={form} id="organization" ids="name" {...send}>
        <ProfileFields initial={current} />
      </Form>
      <p>
        <Link href={detailPath}>{t('organizations.cancel')}</Link>
      </p>
    </div>
  );
}
