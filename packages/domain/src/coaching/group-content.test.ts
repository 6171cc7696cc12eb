import { describe, expect, it } from 'vitest';
import {
  criticalSuccessFactors,
  DEFAULT_TURN_MINUTES,
  FACILITATED_SESSIONS,
  facilitationTexts,
  facilitatorRoles,
  groupSizeGuidance,
  issueProcessingMethod,
  issueSteps,
  keyQuestions,
  learningLogForm,
  spiritTexts,
  turnTimeText,
} from './group-content.ts';
import { groupLearningLogInputSchema } from './group-schemas.ts';

describe('the texts of 003', () => {
  it('has the five key questions under a heading that says six, and says so', () => {
    expect(keyQuestions.heading).toContain('six key questions');
    expect(keyQuestions.questions).toHaveLength(5);
    expect(keyQuestions.listed).toBe(keyQuestions.questions.length);
    expect(keyQuestions.questions.map((q) => q.text)).toEqual([
      'What am I trying to do?',
      'What is stopping me from doing it?',
      'What can I do about it?',
      'Who knows what I am trying to do?',
      'Who can do anything to help?',
    ]);
  });

  it("has the learning log's six fields in the form's order", () => {
    expect(learningLogForm.fields.map((f) => f.text)).toEqual([
      'Peer Coaching Group Date:',
      'Members Present:',
      'Facilitator:',
      'Content:',
      'Evaluation:',
      'Action Plan:',
    ]);
    // the member writes exactly the fields the API takes
    const written = learningLogForm.fields.filter((f) => !f.fromSession).map((f) => f.field);
    expect(written).toEqual(Object.keys(groupLearningLogInputSchema.shape));
  });

  it('gives 30 minutes a turn, three facilitated sessions, 4-7 people', () => {
    expect(DEFAULT_TURN_MINUTES).toBe(30);
    expect(turnTimeText.text).toContain('restricted to 30 minutes');
    expect(FACILITATED_SESSIONS).toBe(3);
    expect(spiritTexts.agreement.text).toContain(`“${spiritTexts.name}”`);
    expect(facilitationTexts.review.text).toContain('after the third session');
    expect(groupSizeGuidance.recommended).toMatchObject({ min: 4, max: 7 });
    expect(groupSizeGuidance.others.map((o) => o.text)).toEqual([
      'Usually groups of at least eight',
      'Form into groups of 5 – 8',
    ]);
  });
});

describe('the texts of 004', () => {
  it('has the issue processing method as the steps of a turn, in order', () => {
    expect(issueProcessingMethod.steps.map((s) => s.id)).toEqual([...issueSteps]);
    expect(issueProcessingMethod.steps[0]?.points[0]).toBe(
      'Reframe the topic as ‘HOW DO I _____?’',
    );
  });

  it('has nine critical success factors and two facilitator roles', () => {
    expect(criticalSuccessFactors.items).toHaveLength(9);
    expect(facilitatorRoles.roles.map((r) => r.id)).toEqual(['directive', 'non-directive']);
  });
});
