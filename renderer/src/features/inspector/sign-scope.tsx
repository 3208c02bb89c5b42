import type { RequestOf } from '../../../../shared/contract.js';
import { RadioGroup } from '../../ui/radio-group.js';
import { Select } from '../../ui/select.js';
import type { SifReport } from '../sif-report/signers.js';

/** What the Sign dialog signs (`sif:sign` `scope`). */
export type SignScope = NonNullable<RequestOf<'sif:sign'>['scope']>;

/** The scope's kind and the group or object picked for it. */
export interface ScopeChoice {
  readonly kind: 'image' | 'group' | 'object';
  readonly id?: number;
}

/** The request's scope for a choice; undefined while a group or object is still to pick. */
export function scopeOf(choice: ScopeChoice): SignScope | undefined {
  if (choice.kind === 'image') return { kind: 'image' };
  if (choice.id === undefined) return undefined;
  return choice.kind === 'group'
    ? { kind: 'group', groupId: choice.id }
    : { kind: 'objects', objectIds: [choice.id] };
}

/**
 * Scope of a signature (UI.md S11): the whole image (each object group, as `apptainer sign`),
 * one group, or one object (apptainer's `--sif-id`). Without the report only the image.
 */
export function SignScopeField({
  report,
  value,
  onChange,
}: {
  report: SifReport | undefined;
  value: ScopeChoice;
  onChange: (choice: ScopeChoice) => void;
}) {
  const grouped = (report?.objects ?? []).filter((o) => o.groupId > 0);
  const groups = [...new Set(grouped.map((o) => o.groupId))].sort((a, b) => a - b);
  const groupOptions = groups.map((g) => ({
    value: String(g),
    label: `Group ${g}`,
    detail: grouped
      .filter((o) => o.groupId === g)
      .map((o) => o.typeLabel)
      .join(', '),
  }));
  const objectOptions = grouped.map((o) => ({
    value: String(o.id),
    label: `Object ${o.id}: ${o.typeLabel}`,
    detail: `in group ${o.groupId}`,
  }));
  const pick = (kind: ScopeChoice['kind']) => ({
    kind,
    id: kind === 'group' ? groups[0] : kind === 'object' ? grouped[0]?.id : undefined,
  });
  return (
    <div className="flex flex-col gap-2">
      <RadioGroup
        label="Sign"
        value={value.kind}
        onChange={(kind) => onChange(pick(kind))}
        options={[
          {
            value: 'image',
            label: 'The whole image',
            hint: 'One signature per object group, as apptainer sign does',
          },
          { value: 'group', label: 'One object group', disabled: groups.length === 0 },
          { value: 'object', label: 'One object', disabled: grouped.length === 0 },
        ]}
      />
      {value.kind === 'image' ? null : (
        <Select
          key={value.kind}
          label={value.kind === 'group' ? 'Group' : 'Object'}
          value={value.id === undefined ? undefined : String(value.id)}
          onChange={(id) => onChange({ kind: value.kind, id: Number(id) })}
          options={value.kind === 'group' ? groupOptions : objectOptions}
        />
      )}
    </div>
  );
}
