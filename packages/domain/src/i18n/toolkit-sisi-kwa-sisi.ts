/** The modules whose texts the `toolkit-sisi-kwa-sisi` catalog holds (see `toolkit.ts`). */
import * as sisiKwaSisi from '../coaching/sisi-kwa-sisi.ts';

export const toolkitSisiKwaSisi = { ...sisiKwaSisi };
