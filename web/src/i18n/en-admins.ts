/**
 * The English strings of the network admins' screen, registered into the SPA's i18next
 * instance when the screen loads. One root key, `networkAdmins`.
 */
import type { TOptions } from 'i18next';
import { addCatalog, type MessageKey } from './index.ts';
import type { Leaves } from './keys.ts';

export const enAdmins = {
  networkAdmins: {
    title: 'Network admins',
    intro:
      'Admins onboard organizations, start mentorships and are told when reports are late. Keep at least one active.',
    introNetwork:
      'Admins of {{network}} onboard organizations, start mentorships and are told when reports are late. Keep at least one active.',
    backToNetworks: 'Back to networks',
    listHeading: 'Admins',
    empty: 'No admins yet.',
    you: 'You',
    status: { invited: 'Invited', active: 'Active', deactivated: 'Deactivated' },
    since: {
      invited: 'Invited {{date}}',
      active: 'Active since {{date}}',
      deactivated: 'Deactivated {{date}}',
    },
    deactivate: 'Deactivate',
    reactivate: 'Reactivate',
    reactivating: 'Reactivating…',
    resend: 'Send the invitation again',
    resending: 'Sending…',
    resent: 'A new invitation was sent to {{email}}. The earlier link no longer works.',
    reactivated: '{{name}} can use Sisi again.',
    reactivatedInvited: '{{name}} is invited again. Send the invitation again if the link expired.',
    deactivated: '{{name}} was deactivated.',
    confirmTitle: 'Deactivate {{name}}?',
    confirmBody:
      '{{name}} will be signed out within a minute and will not be able to sign in until an admin reactivates them. What they entered stays in Sisi.',
    confirmInvitedBody:
      'The invitation sent to {{email}} will stop working. You can reactivate {{name}} later.',
    confirmAction: 'Deactivate {{name}}',
    confirming: 'Deactivating…',
    cancel: 'Cancel',
    inviteHeading: 'Invite an admin',
    inviteIntro: 'We email them an invitation to manage this network. The link works for 7 days.',
    name: 'Admin name',
    email: 'Admin email',
    language: 'Language of the invitation',
    languageHint: 'Later mail to them uses it too.',
    submit: 'Invite admin',
    submitting: 'Inviting…',
    invitedMessage: 'Invitation sent to {{email}}.',
  },
};

export type AdminsMessageKey = Leaves<typeof enAdmins>;
export type AdminsTranslate = (key: AdminsMessageKey | MessageKey, options?: TOptions) => string;

// Registered once, when the first screen that imports this module loads.
const tr = addCatalog<AdminsTranslate>(enAdmins, 'networkAdmins.title');

/** The translate function of the network admins' screen. */
export function useAdminsT(): AdminsTranslate {
  return tr;
}
