import {
  duplicate,
  FieldDefinition,
  notFound,
  RelationDefinition,
  SchemaChangeRefused,
  SchemaPieces,
  SelectDefinition,
  SelectOption,
  StatusDefinition,
} from './schema-pieces';

/**
 * Pure changes to a campaign's schema pieces: each returns the new pieces or throws
 * SchemaChangeRefused. Whether a filter still needs a piece is checked by the caller (it needs
 * the filters); these functions keep the schema itself consistent.
 */

function unique<T>(items: T[], keyOf: (item: T) => string, what: string, path: string): void {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(keyOf(item))) throw duplicate(`${what} ${keyOf(item)}`, path);
    seen.add(keyOf(item));
  }
}

export function addField(pieces: SchemaPieces, field: FieldDefinition): SchemaPieces {
  const fields = [...pieces.fields, field];
  unique(fields, (item) => item.key, 'Field', 'key');
  return { ...pieces, fields };
}

export function changeField(
  pieces: SchemaPieces,
  key: string,
  change: Partial<Pick<FieldDefinition, 'label' | 'required'>>,
) {
  if (!pieces.fields.some((field) => field.key === key)) throw notFound('field');
  return { ...pieces, fields: pieces.fields.map((field) => (field.key === key ? { ...field, ...change } : field)) };
}

export function removeField(pieces: SchemaPieces, key: string): SchemaPieces {
  if (!pieces.fields.some((field) => field.key === key)) throw notFound('field');
  return { ...pieces, fields: pieces.fields.filter((field) => field.key !== key) };
}

export function addSelect(pieces: SchemaPieces, select: SelectDefinition): SchemaPieces {
  unique(select.options, (option) => option.value, 'Option', 'options');
  const selects = [...pieces.selects, select];
  unique(selects, (item) => item.key, 'Select', 'key');
  return { ...pieces, selects };
}

export function changeSelect(pieces: SchemaPieces, key: string, change: Pick<SelectDefinition, 'label'>): SchemaPieces {
  return { ...pieces, selects: mapSelect(pieces, key, (select) => ({ ...select, ...change })) };
}

export function removeSelect(pieces: SchemaPieces, key: string): SchemaPieces {
  if (!pieces.selects.some((select) => select.key === key)) throw notFound('select');
  return { ...pieces, selects: pieces.selects.filter((select) => select.key !== key) };
}

export function addSelectOption(pieces: SchemaPieces, key: string, option: SelectOption): SchemaPieces {
  return {
    ...pieces,
    selects: mapSelect(pieces, key, (select) => {
      const options = [...select.options, option];
      unique(options, (item) => item.value, 'Option', 'value');
      return { ...select, options };
    }),
  };
}

export function changeSelectOption(
  pieces: SchemaPieces,
  key: string,
  value: string,
  change: Pick<SelectOption, 'label'>,
) {
  return {
    ...pieces,
    selects: mapSelect(pieces, key, (select) => {
      if (!select.options.some((option) => option.value === value)) throw notFound('option');
      return {
        ...select,
        options: select.options.map((option) => (option.value === value ? { ...option, ...change } : option)),
      };
    }),
  };
}

export function removeSelectOption(pieces: SchemaPieces, key: string, value: string): SchemaPieces {
  return {
    ...pieces,
    selects: mapSelect(pieces, key, (select) => {
      if (!select.options.some((option) => option.value === value)) throw notFound('option');
      return { ...select, options: select.options.filter((option) => option.value !== value) };
    }),
  };
}

function mapSelect(pieces: SchemaPieces, key: string, change: (select: SelectDefinition) => SelectDefinition) {
  if (!pieces.selects.some((select) => select.key === key)) throw notFound('select');
  return pieces.selects.map((select) => (select.key === key ? change(select) : select));
}

/** A new status goes last; if it is the default, it takes over from the old default. */
export function addStatus(
  pieces: SchemaPieces,
  status: { slug: string; label: string; is_default?: boolean },
): SchemaPieces {
  const isDefault = status.is_default === true;
  const statuses: StatusDefinition[] = [
    ...pieces.statuses.map((existing) => (isDefault ? { ...existing, is_default: false } : existing)),
    { slug: status.slug, label: status.label, is_default: isDefault, order: pieces.statuses.length },
  ];
  unique(statuses, (item) => item.slug, 'Status', 'slug');
  return { ...pieces, statuses };
}

export function changeStatus(
  pieces: SchemaPieces,
  slug: string,
  change: { label?: string; is_default?: boolean; order?: number },
): SchemaPieces {
  const current = pieces.statuses.find((status) => status.slug === slug);
  if (!current) throw notFound('status');
  if (change.is_default === false && current.is_default) {
    throw new SchemaChangeRefused(
      409,
      'A campaign always has a default status: make another status the default instead.',
      'is_default',
    );
  }
  let statuses = pieces.statuses.map((status) => {
    if (status.slug === slug)
      return {
        ...status,
        ...(change.label ? { label: change.label } : {}),
        is_default: change.is_default ?? status.is_default,
      };
    return change.is_default ? { ...status, is_default: false } : status;
  });
  if (change.order !== undefined) statuses = reorder(statuses, slug, change.order);
  return { ...pieces, statuses };
}

export function removeStatus(pieces: SchemaPieces, slug: string): SchemaPieces {
  const current = pieces.statuses.find((status) => status.slug === slug);
  if (!current) throw notFound('status');
  if (current.is_default) {
    throw new SchemaChangeRefused(
      409,
      'The default status cannot be removed; make another status the default first.',
      'slug',
    );
  }
  const remaining = pieces.statuses.filter((status) => status.slug !== slug).sort((a, b) => a.order - b.order);
  return { ...pieces, statuses: renumber(remaining) };
}

function reorder(statuses: StatusDefinition[], slug: string, order: number): StatusDefinition[] {
  const moving = statuses.find((status) => status.slug === slug);
  const rest = statuses.filter((status) => status.slug !== slug).sort((a, b) => a.order - b.order);
  if (!moving) return statuses;
  rest.splice(Math.min(Math.max(order, 0), rest.length), 0, moving);
  return renumber(rest);
}

/** Orders are positions: 0, 1, 2… in the order given. */
function renumber(statuses: StatusDefinition[]): StatusDefinition[] {
  return statuses.map((status, order) => ({ ...status, order }));
}

export function addRelation(pieces: SchemaPieces, relation: RelationDefinition): SchemaPieces {
  unique(relation.options, (option) => option.id, 'Relation option', 'options');
  const relations = [...pieces.relations, relation];
  unique(relations, (item) => item.key, 'Relation', 'key');
  return { ...pieces, relations };
}

export function changeRelation(
  pieces: SchemaPieces,
  key: string,
  change: Partial<Pick<RelationDefinition, 'label' | 'options'>>,
): SchemaPieces {
  if (!pieces.relations.some((relation) => relation.key === key)) throw notFound('relation');
  if (change.options) unique(change.options, (option) => option.id, 'Relation option', 'options');
  return {
    ...pieces,
    relations: pieces.relations.map((relation) => (relation.key === key ? { ...relation, ...change } : relation)),
  };
}

export function removeRelation(pieces: SchemaPieces, key: string): SchemaPieces {
  if (!pieces.relations.some((relation) => relation.key === key)) throw notFound('relation');
  return { ...pieces, relations: pieces.relations.filter((relation) => relation.key !== key) };
}
