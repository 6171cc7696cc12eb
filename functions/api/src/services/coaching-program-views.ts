import { CoachingProgramRepository } from '@sisi/data';
import { type CoachingProgram, type ProgramFigures, programFigures } from '@sisi/domain';
import type { ApiDeps } from '../deps.ts';
import { programRepository } from './coaching-program-access.ts';

/**
 * A program's status figures on the runtime's today: counts and averages from one Query of
 * its partition that never reads a note, an answer or a comment.
 */
export async function figuresOf(
  deps: ApiDeps,
  tenant: { networkId: string },
  program: CoachingProgram,
): Promise<ProgramFigures> {
  const items = await programRepository(deps, tenant).figureItems(program.id);
  return programFigures({
    program,
    participants: items.participants,
    nominations: items.nominations,
    pairs: CoachingProgramRepository.pairsOf(items.rounds),
    rounds: items.rounds.flatMap((r) =>
      r.round > 0 && r.startDate && r.endDate
        ? [{ round: r.round, startDate: r.startDate, endDate: r.endDate }]
        : [],
    ),
    assessments: items.assessments,
    surveyResponses: items.surveyAnswered.get(program.surveyRound) ?? 0,
    today: deps.clock.now().toISOString().slice(0, 10),
  });
}
