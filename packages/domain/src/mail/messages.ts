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
    review: {
      greeting: 'Hello {{name}},',
      pair: '{{mentor}} → {{mentees}}',
      quarterly: {
        subject: 'The quarterly report for period {{period}} is due: {{pair}}',
        intro:
          'The quarterly report for period {{period}} of the mentorship {{pair}} is due on {{dueDate}}.',
        ask: 'As the coordinator of {{mentor}}, please fill it in: progress on the learning objectives, the relationship, the hours of interaction, outputs and outcomes, successes and challenges.',
        action: 'Fill in the quarterly report',
      },
      'mid-term': {
        subject: 'Mid-term reflection: {{pair}}',
        intro: 'The mentorship {{pair}} is halfway through ({{dueDate}}).',
        ask: 'Please answer the reflection questionnaire. Your answers are stored without your name and pooled with those of your side of the mentorship.',
        action: 'Answer the reflection questionnaire',
      },
      end: {
        subject: 'End of the mentorship: the evaluation form for {{pair}}',
        intro: 'The mentorship {{pair}} reaches its end date on {{dueDate}}.',
        ask: 'Please fill in the evaluation form, so that both sides can see what worked and what to carry forward.',
        action: 'Fill in the evaluation form',
      },
      reminder: {
        subject: 'Reminder: the quarterly report for period {{period}} is still missing: {{pair}}',
        intro:
          'The quarterly report for period {{period}} of the mentorship {{pair}} was due on {{dueDate}} and has not been submitted yet.',
        ask: 'Please fill it in now. When a report is still missing four weeks after its date, the network administrators are told.',
        action: 'Fill in the quarterly report',
      },
      escalation: {
        subject: 'Overdue: the quarterly report for period {{period}} of {{pair}}',
        intro:
          'The quarterly report for period {{period}} of {{pair}} is overdue: it was due on {{dueDate}}, and a reminder went to the coordinator of {{mentor}} two weeks ago.',
        ask: 'You may want to get in touch with the coordinator of {{mentor}}.',
        action: 'Open the mentorship',
      },
      next: {
        line: 'Next: {{what}}, on {{date}}. The calendar invitation is attached.',
        quarterly: 'the quarterly report for period {{period}}',
        'mid-term': 'the mid-term reflection questionnaire',
        end: 'the end-of-mentorship evaluation',
      },
      calendar: {
        quarterly: 'Quarterly report {{period}} due: {{pair}}',
        'mid-term': 'Mid-term reflection: {{pair}}',
        end: 'Mentorship evaluation: {{pair}}',
        description: 'Sisi, mentorship {{pair}}: {{what}}.',
      },
      why: 'You receive this because you take part in a mentorship of {{networkName}} on Sisi.',
      signature: 'Sisi: peer mentoring and coaching, from us, by us.',
    },
    role: {
      operator: 'platform operator',
      'network-admin': 'network administrator',
      coordinator: 'mentorship coordinator',
      member: 'member',
      donor: 'donor',
    },
    passwordReset: {
      subject: 'Choose a new password for Sisi',
      greeting: 'Hello {{name}},',
      intro: 'Someone, hopefully you, asked to reset the password of your Sisi account.',
      action: 'Choose a new password',
      expiry: 'This link works once and expires in one hour, on {{expiresAt}} (UTC).',
      ignore:
        'If you did not ask for it, ignore this email: your password stays as it is, and nobody can sign in with this link.',
      signature: 'Sisi: peer mentoring and coaching, from us, by us.',
    },
  },
  fr: {
    invitation: {
      subject: 'Vous êtes invité·e à rejoindre {{networkName}} sur Sisi',
      greeting: 'Bonjour {{name}},',
      action: "Accepter l'invitation",
    },
    review: {
      greeting: 'Bonjour {{name}},',
      quarterly: {
        subject: 'Le rapport trimestriel de la période {{period}} est attendu : {{pair}}',
        intro:
          'Le rapport trimestriel de la période {{period}} du mentorat {{pair}} est attendu le {{dueDate}}.',
        action: 'Remplir le rapport trimestriel',
      },
      'mid-term': {
        subject: 'Réflexion à mi-parcours : {{pair}}',
        action: 'Répondre au questionnaire de réflexion',
      },
      end: {
        subject: 'Fin du mentorat : le formulaire d’évaluation de {{pair}}',
        action: 'Remplir le formulaire d’évaluation',
      },
      reminder: {
        subject:
          'Rappel : le rapport trimestriel de la période {{period}} manque encore : {{pair}}',
        action: 'Remplir le rapport trimestriel',
      },
      escalation: {
        subject: 'En retard : le rapport trimestriel de la période {{period}} de {{pair}}',
        action: 'Ouvrir le mentorat',
      },
    },
  },
  pt: {
    invitation: {
      subject: 'Você foi convidado(a) para {{networkName}} no Sisi',
      greeting: 'Olá {{name}},',
      action: 'Aceitar o convite',
    },
    review: {
      greeting: 'Olá {{name}},',
      quarterly: {
        subject: 'O relatório trimestral do período {{period}} está previsto: {{pair}}',
        action: 'Preencher o relatório trimestral',
      },
      reminder: {
        subject: 'Lembrete: o relatório trimestral do período {{period}} ainda falta: {{pair}}',
        action: 'Preencher o relatório trimestral',
      },
    },
  },
} as const;

export const mailLanguages = Object.keys(mailMessages) as (keyof typeof mailMessages)[];
