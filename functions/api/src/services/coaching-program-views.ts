import { CoachingProgramRepository, type NetworkStore } from '@sisi/data';
import { type CoachingProgram, type ProgramFigures, programFigures } from '@sisi/domain';

/**
 * A program's status figures on `today`: counts and averages from one Query of its
 * partition that never reads a note, an answer or a comment.
 */
export async function figuresOf(
  programs: NetworkStore['coachingPrograms'],
  program: CoachingProgram,
  today: string,
): Promise<ProgramFigures> {
  const items = await programs.figureItems(program.id);
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
    today,
  });
}
