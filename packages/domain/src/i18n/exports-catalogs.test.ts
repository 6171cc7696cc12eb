import { describe, expect, it } from 'vitest';
import { auditKinds } from '../audit.ts';
import { evaluationStatuses } from '../monitoring/evaluation-form.ts';
import { followUpStatuses } from '../monitoring/follow-up.ts';
import { reflectionVerdicts } from '../monitoring/reflection-scoring.ts';
import { roles } from '../roles.ts';
import { exportsCatalogs, exportsT } from './exports-catalogs.ts';

// completeness in every language: test/i18n/catalogs.test.ts, like every catalog
describe('the exports catalog', () => {
  it('has a label for every code the exports write', () => {
    const t = exportsT('en');
    const keys = [
      ...auditKinds.map((k) => `auditKind.${k}`),
      ...followUpStatuses.map((s) => `followUpStatus.${s}`),
      ...evaluationStatuses.map((s) => `evaluationStatus.${s}`),
      ...reflectionVerdicts.map((v) => `reflectionVerdict.${v}`),
      ...roles.map((r) => `role.${r}`),
      'side.mentor',
      'side.mentee',
      'yesNo.yes',
      'yesNo.no',
    ];
    // i18next answers a missing key with the key itself
    expect(keys.filter((k) => t(k) === k || typeof t(k) !== 'string')).toEqual([]);
  });

  it('words a count by the language’s plural rules', () => {
    expect(exportsT('fr')('withheld', { count: 3 })).toBe(
      exportsCatalogs.fr.withheld_other.replace('{{count}}', '3'),
    );
    expect(exportsT('xx')('withheld', { count: 1 })).toBe(
      exportsCatalogs.en.withheld_one.replace('{{count}}', '1'),
    );
  });
});
