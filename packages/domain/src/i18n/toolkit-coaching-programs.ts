/** The modules whose texts the `toolkit-coaching-programs` catalog holds (see `toolkit.ts`). */
import * as programAssessment from '../coaching/program-assessment.ts';
import * as programConsent from '../coaching/program-consent.ts';
import * as programContent from '../coaching/program-content.ts';
import * as programSurvey from '../coaching/program-survey.ts';

export const toolkitCoachingPrograms = {
  ...programContent,
  ...programAssessment,
  ...programConsent,
  ...programSurvey,
};
