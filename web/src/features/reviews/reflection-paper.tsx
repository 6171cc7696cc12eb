/** The reflection questionnaire on paper, blank, to print and fill in by hand. */
import { reflectionScales } from '@sisi/domain/static';
import { tPaper, useReflectionT } from '../../i18n/en-reflection.ts';
import { commentsOf, F, itemsOf, itemText, optionLabel } from './reflection-labels.ts';
import { PaperBox, PaperLines } from './reflection-parts.tsx';

/** The paper questionnaire, blank: every section, item, box and comment lines. */
export function PaperReflection() {
  const tr = useReflectionT();
  return (
    <article className="paper" aria-labelledby="paper-title">
      <h2 id="paper-title">
        {tr('reflection.annex', { annex: F.annex, title: tPaper('reflection.title', F.title) })}
      </h2>
      <h3>{tPaper('reflection.instructionsHeading', F.instructionsHeading)}</h3>
      {F.instructions.map((p, i) => (
        <p key={p.slice(0, 24)}>{tPaper(`reflection.instructions.${i}`, p)}</p>
      ))}
      <p>{tPaper('reflection.completingHeading', F.completingHeading)}</p>
      <ul>
        {F.completing.map((p, i) => (
          <li key={p.slice(0, 24)}>{tPaper(`reflection.completing.${i}`, p)}</li>
        ))}
      </ul>
      <p className="paper-source">{tPaper('reflection.source', F.source)}</p>
      {F.sections.map((section) => {
        const comments = commentsOf(section);
        return (
          <section key={section.id} className="paper-section">
            <h3>{tPaper(`reflection.${section.id}.title`, section.title)}</h3>
            {'intro' in section ? (
              <p>{tPaper(`reflection.${section.id}.intro`, section.intro)}</p>
            ) : null}
            {itemsOf(section).map((item) => (
              <div key={item.id} className="paper-item">
                <p>{itemText(item)}</p>
                <ul className="paper-options">
                  {reflectionScales[item.scale].options.map((o) => (
                    <li key={o.id}>
                      <PaperBox /> {optionLabel(item.scale, o.id)}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
            {comments ? (
              <>
                <h4>{tPaper(`reflection.${section.id}.comments`, comments)}</h4>
                <PaperLines label={tr('reflection.paper.commentsLines')} />
              </>
            ) : null}
          </section>
        );
      })}
      <section className="paper-section">
        <h3>{tPaper('reflection.overall', F.overallComments.text)}</h3>
        <PaperLines label={tr('reflection.paper.commentsLines')} count={6} />
      </section>
    </article>
  );
}
