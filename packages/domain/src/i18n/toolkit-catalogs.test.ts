import { describe, expect, it } from 'vitest';
import { programCoachingDefinition } from '../coaching/program-content.ts';
import { sisiKwaSisiIntro } from '../coaching/sisi-kwa-sisi.ts';
import { approachById } from '../mentorship/approaches.ts';
import { practicalTipsIntro } from '../monitoring/practical-tips.ts';
import { reflectionForm } from '../monitoring/reflection-form.ts';
import { summaryReportWhen } from '../monitoring/summary-report-form.ts';
import { toolkitCatalogs, toolkitIn } from './toolkit-catalogs.ts';

describe('toolkitIn', () => {
  it('gives the toolkit in the language asked for, and the modules stay English', () => {
    const fr = toolkitIn('toolkit-mentorship', 'fr');
    const frName = (toolkitCatalogs.fr['toolkit-mentorship'].approachById as never)['on-site'] as {
      name: string;
    };
    expect(fr.approachById['on-site'].name).toBe(frName.name);
    expect(fr.approachById['on-site'].name).not.toBe(approachById['on-site'].name);
    expect(approachById['on-site'].name).toBe('On-Site Mentoring');
    // ids and values stay what they are, so stored answers read in any language
    expect(fr.approachById['on-site'].scenarios).toEqual(['one-to-one']);
    expect(fr.approaches.map((a) => a.id)).toEqual(Object.keys(approachById));
  });

  it('reads each language from its own catalog', () => {
    const titles = (['en', 'fr', 'es', 'pt'] as const).map(
      (lng) => toolkitIn('toolkit-monitoring', lng).reflectionForm.title,
    );
    expect(titles[0]).toBe(reflectionForm.title);
    expect(new Set(titles).size).toBe(4);
  });

  it('falls back to English for a language the toolkit is not written in', () => {
    expect(toolkitIn('toolkit-monitoring', 'de').reflectionForm.title).toBe(reflectionForm.title);
  });

  it('translates the lone texts too (an intro, a definition, when a sheet is due)', () => {
    const lone = (lng: 'en' | 'fr' | 'es' | 'pt') => [
      toolkitIn('toolkit-sisi-kwa-sisi', lng).sisiKwaSisiIntro.text,
      toolkitIn('toolkit-monitoring', lng).practicalTipsIntro.text,
      toolkitIn('toolkit-coaching-programs', lng).programCoachingDefinition.text,
      toolkitIn('toolkit-monitoring', lng).summaryReportWhen.text,
    ];
    const texts = (['en', 'fr', 'es', 'pt'] as const).map(lone);
    expect(texts[0]).toEqual([
      sisiKwaSisiIntro.text,
      practicalTipsIntro.text,
      programCoachingDefinition.text,
      summaryReportWhen.text,
    ]);
    for (const [i] of texts[0]!.entries()) {
      expect(new Set(texts.map((t) => t[i])).size).toBe(4);
    }
    const fr = toolkitCatalogs.fr['toolkit-sisi-kwa-sisi'].sisiKwaSisiIntro as { text: string };
    expect(texts[1]![0]).toBe(fr.text);
  });

  it('makes a language’s copy once', () => {
    expect(toolkitIn('toolkit-sisi-kwa-sisi', 'pt')).toBe(toolkitIn('toolkit-sisi-kwa-sisi', 'pt'));
  });
});
