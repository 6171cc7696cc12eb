/**
 * The implementation plan of the mentoring plan (001 Annex 3): learning objectives with
 * their capacity now and in future and their activities, and the milestones.
 */
import { implementationPlanLabels as L, milestoneStatuses } from '@sisi/domain';
import { Group, SelectField, TextField } from '../../components/form/index.ts';
import { RepeatableList } from '../../components/repeatable-list.tsx';
import { usePlanT } from '../../i18n/en-plan.ts';
import {
  type Activity,
  activity,
  type Milestone,
  milestone,
  type Objective,
  objective,
  question,
} from './plan-draft.ts';

/** The learning objectives, each with its activities. */
export function ObjectivesSection() {
  const tp = usePlanT();
  return (
    <section>
      <h2 id="plan-implementation">{question('learning-objectives').text}</h2>
      <p className="hint">{question('learning-objectives').hint}</p>
      <RepeatableList<Objective>
        path="learningObjectives"
        legend={tp('s2s.plan.learningObjectives')}
        itemLabel={(n) => tp('s2s.plan.objectiveN', { n })}
        addLabel={tp('s2s.plan.addObjective')}
        removeLabel={(n) => tp('s2s.plan.removeObjective', { n })}
        newRow={() => objective()}
        max={20}
      >
        {(_row, rp, n) => (
          <>
            <TextField
              path={`${rp}.objective`}
              label={L.learningObjective}
              rows={2}
              maxLength={2000}
            />
            <div className="columns">
              {(['now', 'future'] as const).map((when) => (
                <Group key={when} legend={L[when]} path={`${rp}.${when}`}>
                  <TextField
                    path={`${rp}.${when}.capacity`}
                    label={L.capacity}
                    rows={3}
                    maxLength={4000}
                  />
                  <TextField
                    path={`${rp}.${when}.performance`}
                    label={L.performance}
                    rows={3}
                    maxLength={4000}
                  />
                </Group>
              ))}
            </div>
            <RepeatableList<Activity>
              path={`${rp}.activities`}
              legend={`${L.mentoringPlan}: ${L.activities}`}
              itemLabel={(a) => tp('s2s.plan.activityN', { n: a })}
              addLabel={tp('s2s.plan.addActivity', { n })}
              removeLabel={(a) => tp('s2s.plan.removeActivity', { a, o: n })}
              newRow={() => activity()}
              max={50}
            >
              {(_a, ap) => (
                <>
                  <TextField
                    path={`${ap}.description`}
                    label={tp('s2s.plan.activityDescription')}
                    rows={2}
                    maxLength={2000}
                  />
                  <TextField
                    path={`${ap}.personResponsible`}
                    label={L.personResponsible}
                    maxLength={500}
                  />
                  <Group legend={L.resources} path={`${ap}.resources`}>
                    <div className="columns">
                      <TextField
                        path={`${ap}.resources.human`}
                        label={tp('s2s.plan.human')}
                        maxLength={500}
                      />
                      <TextField
                        path={`${ap}.resources.financial`}
                        label={tp('s2s.plan.financial')}
                        maxLength={500}
                      />
                      <TextField
                        path={`${ap}.resources.material`}
                        label={tp('s2s.plan.material')}
                        maxLength={500}
                      />
                    </div>
                  </Group>
                  <TextField path={`${ap}.timing`} label={L.timing} maxLength={500} />
                </>
              )}
            </RepeatableList>
          </>
        )}
      </RepeatableList>
    </section>
  );
}

/** The milestones, with their status (and when reached). */
export function MilestonesSection() {
  const tp = usePlanT();
  const statusOptions = milestoneStatuses.map((s) => ({
    value: s,
    label: tp(`s2s.plan.statuses.${s}`),
  }));
  return (
    <section>
      <RepeatableList<Milestone>
        path="milestones"
        legend={question('milestones').text}
        heading={2}
        itemLabel={(n) => tp('s2s.plan.milestoneN', { n })}
        addLabel={tp('s2s.plan.addMilestone')}
        removeLabel={(n) => tp('s2s.plan.removeMilestone', { n })}
        newRow={() => milestone()}
        max={100}
      >
        {(row, mp) => (
          <>
            <TextField
              path={`${mp}.description`}
              label={tp('s2s.plan.milestoneDescription')}
              rows={2}
              maxLength={1000}
            />
            <div className="columns">
              <TextField path={`${mp}.dueDate`} type="date" label={tp('s2s.plan.dueDate')} />
              <SelectField
                path={`${mp}.status`}
                label={tp('s2s.plan.status')}
                options={statusOptions}
              />
              {row.status === 'reached' ? (
                <TextField path={`${mp}.reachedOn`} type="date" label={tp('s2s.plan.reachedOn')} />
              ) : null}
            </div>
          </>
        )}
      </RepeatableList>
    </section>
  );
}
