/** The modules whose texts the `toolkit-monitoring` catalog holds (see `toolkit.ts`). */
import * as evaluationForm from '../monitoring/evaluation-form.ts';
import * as practicalTips from '../monitoring/practical-tips.ts';
import * as quarterlyReportForm from '../monitoring/quarterly-report-form.ts';
import * as reflection from '../monitoring/reflection.ts';
import * as reflectionForm from '../monitoring/reflection-form.ts';
import * as summaryReportForm from '../monitoring/summary-report-form.ts';

export const toolkitMonitoring = {
  ...quarterlyReportForm,
  ...summaryReportForm,
  ...reflectionForm,
  ...reflection,
  ...evaluationForm,
  ...practicalTips,
};
