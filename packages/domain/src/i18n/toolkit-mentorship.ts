/** The modules whose texts the `toolkit-mentorship` catalog holds (see `toolkit.ts`). */
import * as approaches from '../mentorship/approaches.ts';
import * as capacity from '../mentorship/capacity.ts';
import * as closure from '../mentorship/closure.ts';
import * as matrix from '../mentorship/matrix.ts';
import * as orientation from '../mentorship/orientation.ts';
import * as plan from '../mentorship/plan.ts';
import * as rights from '../mentorship/rights.ts';
import * as safety from '../mentorship/safety.ts';

export const toolkitMentorship = {
  ...rights,
  ...approaches,
  ...matrix,
  ...capacity,
  ...orientation,
  ...plan,
  ...safety,
  ...closure,
};
