import type { CreateNetwork, Network } from '@sisi/domain';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { api, call, idempotencyKey } from '../../api/client.ts';
import { keys, networksQuery } from '../../api/queries.ts';
import {
  Form,
  type FormErrors,
  hasErrors,
  labelsOf,
  noErrors,
  problemToErrors,
  requireFields,
  SubmitButton,
  TextField,
  text,
} from '../../components/form.tsx';
import { LoadMore } from '../../components/load-more.tsx';
import { LoadError, Loading, Page, StatusMessage } from '../../components/page.tsx';
import { formatDate, useT } from '../../i18n/index.ts';

const FIELDS = ['name', 'region', 'adminEmail', 'adminName'] as const;

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
      {networks.isPending ? (
        <Loading />
      ) : networks.isError ? (
        <LoadError error={networks.error} retry={() => void networks.refetch()} />
      ) : items.length === 0 ? (
        <p>{t('networks.empty')}</p>
      ) : (
        <>
          <ul className="cards">
            {items.map((n) => (
              <NetworkCard key={n.id} network={n} />
            ))}
          </ul>
          <LoadMore query={networks} />
        </>
      )}
    </section>
  );
}

function NetworkCard({ network }: { network: Network }) {
  const t = useT();
  const status = t(`networks.status.${network.status}`);
  return (
    <li className="card">
      <h3>{network.name}</h3>
      <p>
        <span className={`badge status-${network.status}`}>
          {t('networks.statusLabel', { status })}
        </span>
      </p>
      {network.statusReason ? <p className="hint">{network.statusReason}</p> : null}
      <p>{t('networks.region', { region: network.region })}</p>
      <p className="hint">{t('networks.created', { date: formatDate(network.createdAt) })}</p>
    </li>
  );
}

function CreateNetworkForm({ onCreated }: { onCreated: (network: Network) => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [created, setCreated] = useState<{ name: string; email: string }>();
  // one key per intended network: a retried submit cannot create two
  const [key, setKey] = useState(idempotencyKey);
  const create = useMutation({
    mutationFn: ({ body }: { body: CreateNetwork; form: HTMLFormElement }): Promise<Network> =>
      call(api.networks.$post({ json: body }, { headers: { 'idempotency-key': key } })),
    onSuccess: (network, { body, form }) => {
      form.reset();
      setKey(idempotencyKey());
      setCreated({ name: network.name, email: body.adminEmail });
      onCreated(network);
      return queryClient.invalidateQueries({ queryKey: keys.networks });
    },
    onError: (error) => setErrors(problemToErrors(error, FIELDS, t)),
  });

  const labels = labelsOf(t, {
    name: 'networks.name',
    region: 'networks.regionLabel',
    adminEmail: 'networks.adminEmail',
    adminName: 'networks.adminName',
  });
  const submit = (data: FormData, form: HTMLFormElement) => {
    if (create.isPending) return;
    const missing = requireFields(data, FIELDS, t);
    if (hasErrors(missing)) return setErrors(missing);
    setErrors(noErrors);
    setCreated(undefined);
    create.mutate({
      body: {
        name: text(data, 'name'),
        region: text(data, 'region'),
        adminEmail: text(data, 'adminEmail'),
        adminName: text(data, 'adminName'),
      },
      form,
    });
  };

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
        <Form
          id="network"
          labelledBy="create-network"
          errors={errors}
          labels={labels}
          onSubmit={submit}
        >
          <TextField name="name" label={labels.name!} autoComplete="off" required />
          <TextField
            name="region"
            label={labels.region!}
            hint={t('networks.regionHint')}
            autoComplete="off"
            required
          />
          <TextField
            name="adminEmail"
            label={labels.adminEmail!}
            type="email"
            autoComplete="off"
            required
          />
          <TextField name="adminName" label={labels.adminName!} autoComplete="off" required />
          <SubmitButton
            label={t('networks.submit')}
            busy={create.isPending}
            busyLabel={t('networks.submitting')}
          />
        </Form>
      </div>
    </section>
  );
}
