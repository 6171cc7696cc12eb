import type { CreateDonor, CreateNetwork, Network } from '@sisi/domain';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { api, call, idempotencyKey } from '../../api/client.ts';
import { keys, networksQuery } from '../../api/queries.ts';
import { CheckboxGroup, Form, sendWith, TextField, useForm } from '../../components/form/index.ts';
import { chosenLanguage, LanguageField } from '../../components/language-field.tsx';
import { Page, StatusMessage } from '../../components/page.tsx';
import { PagedList } from '../../components/paged-list.tsx';
import { formatDate, useT } from '../../i18n/index.ts';
import { DEFAULT_LANGUAGE } from '../../i18n/languages.ts';

const REQUIRED = ['name', 'region', 'adminEmail', 'adminName'] as const;
const FIELDS = [...REQUIRED, 'defaultLanguage'] as const;
const EMPTY = {
  name: '',
  region: '',
  adminEmail: '',
  adminName: '',
  defaultLanguage: DEFAULT_LANGUAGE as string,
};

/** The operator's registry of networks, and onboarding a new one. */
export function NetworksPage() {
  const t = useT();
  // Networks created here: the list is oldest first, so a new one may sit on a page not
  // loaded yet; it is shown at the end until the list itself has it.
  const [created, setCreated] = useState<Network[]>([]);
  return (
    <Page title={t('networks.title')}>
      <p>
        <Link href="/summary">{t('nav.summary')}</Link>
      </p>
      <NetworkList created={created} />
      <CreateNetworkForm onCreated={(n) => setCreated((list) => [...list, n])} />
      <InviteDonorForm created={created} />
    </Page>
  );
}

function NetworkList({ created }: { created: readonly Network[] }) {
  const t = useT();
  const networks = useInfiniteQuery(networksQuery());
  const loaded = networks.data?.pages.flatMap((p) => p.items) ?? [];
  const ids = new Set(loaded.map((n) => n.id));
  const items = [...loaded, ...created.filter((n) => !ids.has(n.id))];
  return (
    <section aria-labelledby="networks-list">
      <h2 id="networks-list">{t('networks.listHeading')}</h2>
      <PagedList query={networks} items={items} empty={t('networks.empty')}>
        {(n) => <NetworkCard key={n.id} network={n} />}
      </PagedList>
    </section>
  );
}

function NetworkCard({ network }: { network: Network }) {
  const t = useT();
  const status = t(`networks.status.${network.status}`);
  return (
    <li className="card">
      <h3>
        <Link href={`/networks/${network.id}/overview`}>{network.name}</Link>
      </h3>
      <p>
        <span className={`badge status-${network.status}`}>
          {t('networks.statusLabel', { status })}
        </span>
      </p>
      {network.statusReason ? <p className="hint">{network.statusReason}</p> : null}
      <p>{t('networks.region', { region: network.region })}</p>
      <p className="hint">{t('networks.created', { date: formatDate(network.createdAt) })}</p>
      <p>
        <Link href={`/networks/${network.id}/admins`}>{t('networks.admins')}</Link>
      </p>
    </li>
  );
}

function CreateNetworkForm({ onCreated }: { onCreated: (network: Network) => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const form = useForm({ initial: EMPTY });
  const [created, setCreated] = useState<{ name: string; email: string }>();
  // one key per intended network: a retried submit cannot create two
  const [key, setKey] = useState(idempotencyKey);
  const create = useMutation({
    mutationFn: (body: CreateNetwork): Promise<Network> =>
      call(api.networks.$post({ json: body }, { headers: { 'idempotency-key': key } })),
    onMutate: () => setCreated(undefined),
    onSuccess: (network, body) => {
      form.reset(EMPTY);
      setKey(idempotencyKey());
      setCreated({ name: network.name, email: body.adminEmail });
      onCreated(network);
      return queryClient.invalidateQueries({ queryKey: keys.networks });
    },
    onError: (error) => form.fail(error, { fields: FIELDS }),
  });

  const send = sendWith(form, create, {
    required: REQUIRED,
    body: (value) => ({
      name: value.name.trim(),
      region: value.region.trim(),
      adminEmail: value.adminEmail.trim(),
      adminName: value.adminName.trim(),
      defaultLanguage: chosenLanguage(value.defaultLanguage, DEFAULT_LANGUAGE),
    }),
    label: t('networks.submit'),
    busyLabel: t('networks.submitting'),
  });

  return (
    <section aria-labelledby="create-network">
      <h2 id="create-network">{t('networks.createHeading')}</h2>
      <p>{t('networks.createIntro')}</p>
      <StatusMessage
        message={
          created
            ? t('networks.createdMessage', { name: created.name, email: created.email })
            : undefined
        }
      />
      <div className="narrow">
        <Form form={form} id="network" ids="name" labelledBy="create-network" {...send}>
          <TextField path="name" label={t('networks.name')} autoComplete="off" required />
          <TextField
            path="region"
            label={t('networks.regionLabel')}
            hint={t('networks.regionHint')}
            autoComplete="off"
            required
          />
          <TextField
            path="adminEmail"
            label={t('networks.adminEmail')}
            type="email"
            autoComplete="off"
            required
          />
          <TextField path="adminName" label={t('networks.adminName')} autoComplete="off" required />
          <LanguageField path="defaultLanguage" fallback={DEFAULT_LANGUAGE} network />
        </Form>
      </div>
    </section>
  );
}

const DONOR_REQUIRED = ['name', 'email', 'networkIds'] as const;
const DONOR_FIELDS = [...DONOR_REQUIRED, 'language'] as const;
const NO_DONOR = {
  name: '',
  email: '',
  networkIds: [] as string[],
  language: DEFAULT_LANGUAGE as string,
};

/** The operator invites a donor to the summary of the networks they fund. */
function InviteDonorForm({ created }: { created: readonly Network[] }) {
  const t = useT();
  const networks = useInfiniteQuery(networksQuery());
  const loaded = networks.data?.pages.flatMap((p) => p.items) ?? [];
  const ids = new Set(loaded.map((n) => n.id));
  const options = [...loaded, ...created.filter((n) => !ids.has(n.id))].map((n) => ({
    value: n.id,
    label: n.name,
  }));
  const form = useForm({ initial: NO_DONOR });
  const [invited, setInvited] = useState<string>();
  // one key per intended invitation: a retried submit cannot invite twice
  const [key, setKey] = useState(idempotencyKey);
  const invite = useMutation({
    mutationFn: (body: CreateDonor) =>
      call(api.donors.$post({ json: body }, { headers: { 'idempotency-key': key } })),
    onMutate: () => setInvited(undefined),
    onSuccess: (_donor, body) => {
      form.reset(NO_DONOR);
      setKey(idempotencyKey());
      setInvited(body.email);
    },
    onError: (error) => form.fail(error, { fields: DONOR_FIELDS }),
  });
  const send = sendWith(form, invite, {
    required: DONOR_REQUIRED,
    body: (value) => ({
      name: value.name.trim(),
      email: value.email.trim(),
      networkIds: value.networkIds,
      language: chosenLanguage(value.language, DEFAULT_LANGUAGE),
    }),
    label: t('donorInvite.submit'),
    busyLabel: t('donorInvite.submitting'),
  });

  return (
    <section aria-labelledby="invite-donor">
      <h2 id="invite-donor">{t('donorInvite.heading')}</h2>
      <p>{t('donorInvite.intro')}</p>
      <StatusMessage
        message={invited ? t('donorInvite.invitedMessage', { email: invited }) : undefined}
      />
      <div className="narrow">
        <Form form={form} id="invite-donor-form" ids="name" labelledBy="invite-donor" {...send}>
          <TextField path="name" label={t('donorInvite.name')} autoComplete="off" required />
          <TextField
            path="email"
            label={t('donorInvite.email')}
            type="email"
            autoComplete="off"
            required
          />
          <CheckboxGroup path="networkIds" legend={t('donorInvite.networks')} options={options} />
          <LanguageField path="language" fallback={DEFAULT_LANGUAGE} />
        </Form>
      </div>
    </section>
  );
}
