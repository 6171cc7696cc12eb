import { describe, expect, it } from 'vitest';
import { canMoveStage, type Stage, stages } from './stages.ts';

describe('stages', () => {
  it('are the five steps of 001 in order', () => {
    expect(stages).toEqual([
      'build-relationship',
      'identify-expectations',
      'manage-process',
      'monitor',
      'end',
    ]);
  });
});

describe('canMoveStage', () => {
  it('moves forward one stage', () => {
    expect(canMoveStage('build-relationship', 'identify-expectations', true)).toEqual({
      ok: true,
    });
    expect(canMoveStage('identify-expectations', 'manage-process', false)).toEqual({ ok: true });
    expect(canMoveStage('manage-process', 'monitor', false)).toEqual({ ok: true });
  });

  it('refuses to skip stages', () => {
    expect(canMoveStage('build-relationship', 'manage-process', true)).toEqual({
      ok: false,
      reason: 'skips-stages',
    });
    expect(canMoveStage('identify-expectations', 'monitor', true)).toEqual({
      ok: false,
      reason: 'skips-stages',
    });
  });

  it('goes back to any earlier stage (the process is not linear)', () => {
    const earlier: [Stage, Stage][] = [
      ['identify-expectations', 'build-relationship'],
      ['manage-process', 'identify-expectations'],
      ['manage-process', 'build-relationship'],
      ['monitor', 'manage-process'],
      ['monitor', 'build-relationship'],
    ];
    for (const [from, to] of earlier) {
      expect(canMoveStage(from, to, false), `${from} → ${to}`).toEqual({ ok: true });
    }
  });

  it('sends every move to "end" through the end route', () => {
    for (const from of stages.filter((s) => s !== 'end')) {
      expect(canMoveStage(from, 'end', true)).toEqual({ ok: false, reason: 'use-end' });
    }
  });

  it('moves nothing out of "end"', () => {
    for (const to of stages) {
      expect(canMoveStage('end', to, true)).toEqual({ ok: false, reason: 'ended' });
    }
  });

  it('refuses to stay in the same stage', () => {
    for (const s of stages.filter((s) => s !== 'end')) {
      expect(canMoveStage(s, s, true)).toEqual({ ok: false, reason: 'same-stage' });
    }
  });

  it('keeps a mentorship in build-relationship until everyone accepted the agreements', () => {
    expect(canMoveStage('build-relationship', 'identify-expectations', false)).toEqual({
      ok: false,
      reason: 'agreements-missing',
    });
  });
});
