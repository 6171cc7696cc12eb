/**
 * The toolkit's content modules, by catalog namespace. Each namespace's English catalog
 * (`locales/en/<namespace>.json`) is generated from these modules by `pnpm i18n:extract`;
 * a test fails when it is out of date.
 */
import * as groupContent from '../coaching/group-content.ts';
import * as programAssessment from '../coaching/program-assessment.ts';
import * as programConsent from '../coaching/program-consent.ts';
import * as programContent from '../coaching/program-content.ts';
import * as programSurvey from '../coaching/program-survey.ts';
import * as sisiKwaSisi from '../coaching/sisi-kwa-sisi.ts';
import * as approaches from '../mentorship/approaches.ts';
import * as capacity from '../mentorship/capacity.ts';
import * as closure from '../mentorship/closure.ts';
import * as matrix from '../mentorship/matrix.ts';
import * as orientation from '../mentorship/orientation.ts';
import * as plan from '../mentorship/plan.ts';
import * as rights from '../mentorship/rights.ts';
import * as safety from '../mentorship/safety.ts';
import * as evaluationForm from '../monitoring/evaluation-form.ts';
import * as practicalTips from '../monitoring/practical-tips.ts';
import * as quarterlyReportForm from '../monitoring/quarterly-report-form.ts';
import * as reflection from '../monitoring/reflection.ts';
import * as reflectionForm from '../monitoring/reflection-form.ts';
import * as summaryReportForm from '../monitoring/summary-report-form.ts';

/** Namespace → the exports whose texts it holds. */
export const toolkitModules = {
  'toolkit-mentorship': {
    ...rights,
    ...approaches,
    ...matrix,
    ...capacity,
    ...orientation,
    ...plan,
    ...safety,
    ...closure,
  },
  'toolkit-monitoring': {
    ...quarterlyReportForm,
    ...summaryReportForm,
    ...reflectionForm,
    ...reflection,
    ...evaluationForm,
    ...practicalTips,
  },
  'toolkit-coaching-groups': { ...groupContent },
  'toolkit-coaching-programs': {
    ...programContent,
    ...programAssessment,
    ...programConsent,
    ...programSurvey,
  },
  'toolkit-sisi-kwa-sisi': { ...sisiKwaSisi },
} as const satisfies Record<string, Record<string, unknown>>;

export type ToolkitNamespace = keyof typeof toolkitModules;
export const toolkitNamespaces = Object.keys(toolkitModules) as ToolkitNamespace[];
