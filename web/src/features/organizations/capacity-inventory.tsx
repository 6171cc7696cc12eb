/**
 * An organization's asset inventory as a mentor (001 "Mentors: Inventory Your Assets and
 * Expertise"): areas of expertise, internal experts and packaged resources, saved whole.
 */
import {
  type AssetInventory,
  assetInventoryGuide,
  assetInventorySchema,
  type MentorSkillType,
  mentorSkillTypes,
  packagedResourceKinds,
  type TechnicalArea,
} from '@sisi/domain';
import { useMemo } from 'react';
import { useTechnicalAreaOptions } from '../../components/choices.ts';
import {
  CheckboxGroup,
  CheckboxGroupWithOther,
  newKey,
  optional,
  otherText,
  present,
  type Row,
  SelectField,
  TextField,
  useFormContext,
} from '../../components/form/index.ts';
import { RepeatableList } from '../../components/repeatable-list.tsx';
import { useVersionedDoc } from '../../components/versioned-doc.tsx';
import { VersionedDocPage } from '../../components/versioned-doc-page.tsx';
import { commonLanguages } from '../../constants.ts';
import { type PlanTranslate, usePlanT } from '../../i18n/en-plan.ts';
import { languageName } from '../../i18n/index.ts';
import type { CapacitySectionProps } from './capacity-assessments.tsx';
import {
  type AssetInventoryContent,
  type AssetInventoryInput,
  assetInventoryQuery,
  putAssetInventory,
} from './capacity-queries.ts';

type ExpertRow = Row & {
  name: string;
  expertise: string;
  skillTypes: string[];
  availability: string;
};
type ResourceRow = Row & { title: string; kind: string; description: string; language: string };
type InventoryDraft = {
  areasOfExpertise: string[];
  otherAreaOfExpertise: string;
  internalExperts: ExpertRow[];
  packagedResources: ResourceRow[];
};

const expertRow = (e?: AssetInventory['internalExperts'][number]): ExpertRow => ({
  _key: newKey(),
  name: e?.name ?? '',
  expertise: e?.expertise ?? '',
  skillTypes: e?.skillTypes ? [...e.skillTypes] : [],
  availability: e?.availability ?? '',
});
const resourceRow = (r?: AssetInventory['packagedResources'][number]): ResourceRow => ({
  _key: newKey(),
  title: r?.title ?? '',
  kind: r?.kind ?? '',
  description: r?.description ?? '',
  language: r?.language ?? '',
});

function inventoryDraft(c: AssetInventoryContent | undefined): InventoryDraft {
  return {
    areasOfExpertise: c?.areasOfExpertise ? [...c.areasOfExpertise] : [],
    otherAreaOfExpertise: c?.otherAreaOfExpertise ?? '',
    internalExperts: (c?.internalExperts ?? []).map(expertRow),
    packagedResources: (c?.packagedResources ?? []).map(resourceRow),
  };
}

function inventoryBody(d: InventoryDraft): AssetInventoryInput {
  return {
    areasOfExpertise: d.areasOfExpertise as TechnicalArea[],
    otherAreaOfExpertise: otherText(d.areasOfExpertise, d.otherAreaOfExpertise),
    internalExperts: d.internalExperts.map((e) => ({
      name: e.name.trim(),
      expertise: e.expertise.trim(),
      skillTypes: e.skillTypes as MentorSkillType[],
      availability: optional(e.availability),
    })),
    packagedResources: d.packagedResources.map((r) => ({
      title: r.title.trim(),
      kind: present<AssetInventory['packagedResources'][number]['kind']>(r.kind),
      description: optional(r.description),
      language: optional(r.language),
    })),
  };
}

/** The organization's asset inventory, as a mentor: a versioned document. */
export function Inventory({ networkId, organizationId, editable }: CapacitySectionProps) {
  const tp = usePlanT();
  const doc = useVersionedDoc({
    query: assetInventoryQuery(networkId, organizationId),
    toDraft: inventoryDraft,
    toBody: inventoryBody,
    schema: assetInventorySchema,
    put: (body) => putAssetInventory(networkId, organizationId, body),
    canEdit: editable,
  });
  return (
    <section>
      <h2>{assetInventoryGuide.title}</h2>
      <p>{tp('s2s.capacity.inventoryIntro')}</p>
      <div className="explain">
        <p>{assetInventoryGuide.intro}</p>
        <h3>{tp('s2s.capacity.skillTypes')}</h3>
        <dl>
          {mentorSkillTypes.map((s) => (
            <div key={s.id}>
              <dt>{s.label}</dt>
              <dd>{s.text}</dd>
            </div>
          ))}
        </dl>
        <h3>{tp('s2s.capacity.steps')}</h3>
        <ol>
          {assetInventoryGuide.steps.map((s) => (
            <li key={s.id}>{s.text}</li>
          ))}
        </ol>
      </div>
      <VersionedDocPage
        doc={doc}
        id="inventory"
        conflictText={tp('s2s.capacity.conflict')}
        savedText={tp('s2s.capacity.inventorySaved')}
        saveLabel={tp('s2s.capacity.saveInventory')}
      >
        <InventoryFields tp={tp} />
      </VersionedDocPage>
    </section>
  );
}

function InventoryFields({ tp }: { tp: PlanTranslate }) {
  const _form = useFormContext();
  const areaOptions = useTechnicalAreaOptions();
  const skillOptions = mentorSkillTypes.map((s) => ({ value: s.id, label: s.label }));
  const kindOptions = packagedResourceKinds.map((k) => ({
    value: k,
    label: tp(`s2s.capacity.resourceKinds.${k}`),
  }));
  const languageOptions = useMemo(
    () => commonLanguages.map((code) => ({ value: code, label: languageName(code) })),
    [],
  );
  return (
    <>
      <CheckboxGroupWithOther
        path="areasOfExpertise"
        otherPath="otherAreaOfExpertise"
        legend={tp('s2s.capacity.areasOfExpertise')}
        otherLabel={tp('s2s.capacity.otherAreaOfExpertise')}
        options={areaOptions}
      />
      <RepeatableList<ExpertRow>
        path="internalExperts"
        legend={tp('s2s.capacity.internalExperts')}
        hint={assetInventoryGuide.internalExpertsHint}
        itemLabel={(n) => tp('s2s.capacity.expertN', { n })}
        addLabel={tp('s2s.capacity.addExpert')}
        removeLabel={(n) => tp('s2s.capacity.removeExpert', { n })}
        newRow={() => expertRow()}
        max={50}
      >
        {(_row, ep) => (
          <>
            <TextField path={`${ep}.name`} label={tp('s2s.form.name')} maxLength={120} />
            <TextField
              path={`${ep}.expertise`}
              label={tp('s2s.capacity.expertise')}
              rows={2}
              maxLength={500}
            />
            <CheckboxGroup
              path={`${ep}.skillTypes`}
              legend={tp('s2s.capacity.expertSkillTypes')}
              options={skillOptions}
            />
            <TextField
              path={`${ep}.availability`}
              label={tp('s2s.capacity.availability')}
              maxLength={500}
            />
          </>
        )}
      </RepeatableList>
      <RepeatableList<ResourceRow>
        path="packagedResources"
        legend={tp('s2s.capacity.packagedResources')}
        hint={assetInventoryGuide.packagedResourcesHint}
        itemLabel={(n) => tp('s2s.capacity.resourceN', { n })}
        addLabel={tp('s2s.capacity.addResource')}
        removeLabel={(n) => tp('s2s.capacity.removeResource', { n })}
        newRow={() => resourceRow()}
        max={100}
      >
        {(_row, rp) => (
          <>
            <TextField
              path={`${rp}.title`}
              label={tp('s2s.capacity.resourceTitle')}
              maxLength={200}
            />
            <div className="columns">
              <SelectField
                path={`${rp}.kind`}
                label={tp('s2s.capacity.resourceKind')}
                placeholder={tp('s2s.capacity.chooseKind')}
                options={kindOptions}
              />
              <SelectField
                path={`${rp}.language`}
                label={tp('s2s.capacity.language')}
                placeholder={tp('s2s.capacity.chooseLanguage')}
                options={languageOptions}
              />
            </div>
            <TextField
              path={`${rp}.description`}
              label={tp('s2s.capacity.description')}
              rows={2}
              maxLength={2000}
            />
          </>
        )}
      </RepeatableList>
    </>
  );
}
