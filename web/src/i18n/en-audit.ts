/**
 * The English strings of the audit trail screen, registered when it loads. One root key,
 * `audit`.
 */
import type { TOptions } from 'i18next';
import { addCatalog, type MessageKey } from './index.ts';
import type { Leaves } from './keys.ts';

export const enAudit = {
  audit: {
    title: 'Audit trail',
    intro:
      'Who signed in, changed people’s roles or access, sent invitations, reset passwords, exported or printed forms, and which donors read the summary: who, what, when and from which address. Never what a form or a password said.',
    filtersHeading: 'Show',
    kindLabel: 'Kind',
    kindAll: 'Every kind',
    personLabel: 'Person (id)',
    personHint: 'The id of the person who acted; choose “Only this person” on an entry to fill it.',
    apply: 'Show',
    clear: 'Show everyone',
    download: 'Download as CSV',
    empty: 'Nothing recorded for this choice.',
    listHeading: 'Entries, newest first',
    when: 'When',
    who: 'Who',
    nobody: 'unknown (an email that is nobody’s)',
    role: 'Role: {{role}}',
    subject: 'Concerning: {{id}}',
    from: 'From {{address}}',
    onlyPerson: 'Only this person',
    onlyPersonLabel: 'Only this person ({{id}})',
    kinds: {
      'sign-in.succeeded': 'Signed in',
      'sign-in.failed': 'Sign-in refused',
      'invitation.sent': 'Invitation sent',
      'invitation.accepted': 'Invitation accepted',
      'role.changed': 'Role changed',
      'status.changed': 'Access changed',
      'password-reset.requested': 'Password reset asked',
      'password-reset.completed': 'Password reset',
      'export.csv': 'CSV exported',
      'form.printed': 'Form printed',
      'donor-summary.read': 'Donor summary read',
      'person.erased': 'Person erased',
      'organization.left': 'Organization left',
      'agreement.accepted-on-behalf': 'Rights accepted on behalf of an organization',
      'agreement.declined': 'Rights declined by an organization',
    },
  },
} as const;

export type AuditMessageKey = Leaves<typeof enAudit>;
export type AuditTranslate = (key: AuditMessageKey | MessageKey, options?: TOptions) => string;

// Registered once, when the first screen that imports this module loads.
const tr = addCatalog<AuditTranslate>(enAudit, 'audit.title');

/** The translate function of the audit trail screen. */
export function useAuditT(): AuditTranslate {
  return tr;
}
