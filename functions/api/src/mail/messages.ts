/**
 * Mail strings, per language. English is complete; other languages fall back to it
 * key by key. Variables use i18next's `{{name}}` syntax.
 */
export const mailMessages = {
  en: {
    invitation: {
      subject: 'You are invited to {{networkName}} on Sisi',
      greeting: 'Hello {{name}},',
      intro: '{{inviterName}} has invited you to join {{networkName}} on Sisi as {{role}}.',
      introNoNetwork: '{{inviterName}} has invited you to Sisi as {{role}}.',
      organization: 'Organization: {{organizationName}}',
      action: 'Accept the invitation',
      expiry: 'This link works once and expires on {{expiresAt}}.',
      ignore: 'If you were not expecting this, you can ignore this email.',
      signature: 'Sisi: peer mentoring and coaching, from us, by us.',
    },
    role: {
      operator: 'platform operator',
      'network-admin': 'network administrator',
      coordinator: 'mentorship coordinator',
      member: 'member',
      donor: 'donor',
    },
  },
  fr: {
    invitation: {
      subject: 'Vous êtes invité·e à rejoindre {{networkName}} sur Sisi',
      greeting: 'Bonjour {{name}},',
      action: "Accepter l'invitation",
    },
  },
  pt: {
    invitation: {
      subject: 'Você foi convidado(a) para {{networkName}} no Sisi',
      greeting: 'Olá {{name}},',
      action: 'Aceitar o convite',
    },
  },
} as const;

export const mailLanguages = Object.keys(mailMessages) as (keyof typeof mailMessages)[];
