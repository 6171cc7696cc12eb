/**
 * The signed-in person's account: whether Sisi mails them its notices (ADR 0046), how long a
 * sign-in is kept on this device, and signing out everywhere (ADR 0042).
 *
 * `/account`
 */
import type { Me } from '@sisi/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { navigate } from 'wouter/use-browser-location';
import { api, call } from '../../api/client.ts';
import { keys, meQuery } from '../../api/queries.ts';
import { Page } from '../../components/page.tsx';
import { useAccountT } from '../../i18n/en-account.ts';
import { forgetSession } from '../../session.ts';

/** What the API keeps (functions/api/src/services/refresh-sessions.ts). */
const IDLE_DAYS = 7;
const MAX_DAYS = 30;

export function AccountPage() {
  const t = useAccountT();
  const queryClient = useQueryClient();
  const me = useQuery(meQuery());
  const notices = useMutation({
    mutationFn: (on: boolean): Promise<Me> => call(api.me.$patch({ json: { notices: on } })),
    onSuccess: (fresh) => queryClient.setQueryData(keys.me, fresh),
  });
  const noticesOn = notices.isPending ? notices.variables : me.data?.notices !== false;
  const everywhere = useMutation({
    mutationFn: async () => {
      const res = await api.me['sign-out-everywhere'].$post();
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
    },
    onSuccess: () => {
      forgetSession();
      queryClient.clear();
      navigate('/login', { replace: true, state: { signedOutEverywhere: true } });
    },
  });
  return (
    <Page title={t('account.title')}>
      <section aria-labelledby="notices">
        <h2 id="notices">{t('account.notices')}</h2>
        <div className="checkbox">
          <input
            type="checkbox"
            id="notices-on"
            checked={noticesOn}
            disabled={!me.data}
            aria-describedby="notices-hint"
            onChange={(event) => {
              // not disabled while saving, so keyboard focus stays on it
              if (!notices.isPending) notices.mutate(event.currentTarget.checked);
            }}
          />
          <label htmlFor="notices-on">{t('account.noticesOn')}</label>
        </div>
        <p id="notices-hint" className="hint">
          {t('account.noticesHint')}
        </p>
        {notices.isError ? (
          <div className="notice error" role="alert">
            <p>{t('account.noticesFailed')}</p>
          </div>
        ) : null}
      </section>
      <section aria-labelledby="staying">
        <h2 id="staying">{t('account.staying')}</h2>
        <p>{t('account.stayingBody', { idleDays: IDLE_DAYS, maxDays: MAX_DAYS })}</p>
        <p>{t('account.shared')}</p>
      </section>
      <section aria-labelledby="everywhere">
        <h2 id="everywhere">{t('account.everywhere')}</h2>
        <p>{t('account.everywhereBody')}</p>
        {everywhere.isError ? (
          <div className="notice error" role="alert">
            <p>{t('account.everywhereFailed')}</p>
          </div>
        ) : null}
        <button type="button" disabled={everywhere.isPending} onClick={() => everywhere.mutate()}>
          {everywhere.isPending ? t('account.everywhereBusy') : t('account.everywhere')}
        </button>
      </section>
    </Page>
  );
}
