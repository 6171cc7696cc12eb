/** The modules whose texts the `toolkit-coaching-groups` catalog holds (see `toolkit.ts`). */
import * as groupContent from '../coaching/group-content.ts';

export const toolkitCoachingGroups = { ...groupContent };
