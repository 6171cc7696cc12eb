/**
 * "Mentor and Mentee Rights and Responsibilities" (001, p. 9), accepted by each
 * organization when it joins a mentorship. `version` is stored with every acceptance
 * (`agreementRecord.textVersion`), so a revised text must get a new version rather than
 * silently change what was accepted.
 */

export interface RightsAndResponsibilities {
  version: string;
  title: string;
  mentee: { rights: readonly string[]; responsibilities: readonly string[] };
  mentor: { rights: readonly string[]; responsibilities: readonly string[] };
}

/** The headings of the source table, for the SPA to render and translate by key. */
export const rightsHeadings = {
  menteeRights: 'Mentee Rights',
  menteeResponsibilities: 'Mentee Responsibilities',
  mentorRights: 'Mentor Rights',
  mentorResponsibilities: 'Mentor Responsibilities',
} as const;

export const rightsAndResponsibilities: RightsAndResponsibilities = {
  version: '001-p9-v1',
  title: 'Mentor and Mentee Rights and Responsibilities',
  mentee: {
    rights: [
      'You have the right to expect your mentor to be knowledgeable in the field of study.',
      'You have the right to expect the mentor to be professional and prepared to mentor during meetings.',
      'You have the right to feel safe and comfortable with the mentor.',
      'You have the right to decline to work with any mentor with whom you feel uncomfortable.',
      'You have the right not to be judged or made to feel inadequate.',
      'You have the right to expect confidentiality, recognizing that mentors are part of the LINKAGES team and may be expected to share some information with the project.',
    ],
    responsibilities: [
      'You are expected to be an active learner.',
      'You are expected to come prepared to meetings with questions and challenges for which you would like assistance.',
      'You are expected to gain technical or organizational benefit from the relationship, accepting or adapting mentoring advice that is appropriate for your organization.',
      'You are expected to supply feedback to LINKAGES about your experiences, both negative and positive.',
    ],
  },
  mentor: {
    rights: [
      'You have the right to be treated with respect.',
      'You have the right to arrange mentoring support at times that fit with your other professional and personal responsibilities.',
      'You have the right to receive sufficient training, support, and resources to play your role well.',
      "You are not expected to do a mentee's work but only to suggest options and resources and to assist in solving problems for which mentees will implement solutions on their own.",
      'You have the right to decline to work with any mentee with whom you feel uncomfortable.',
      'You have the right to refuse to do any work that is unethical or inappropriate.',
    ],
    responsibilities: [
      'You are expected to be knowledgeable about your specialty.',
      'You are expected to be prepared for meetings or conversations.',
      "You are expected to conduct yourself in a professional manner at all times, and to be respectful, patient, and attentive to your mentees' needs.",
      "You are expected to respect all mentees' confidentiality, recognizing that as a member of the LINKAGES team, you may share information with the project team as appropriate.",
      'You are expected to provide feedback on your experiences, positive and negative, to LINKAGES staff.',
    ],
  },
};
