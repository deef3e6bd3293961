// Zod schemas as the JSON Schema (2020-12) of an OpenAPI 3.1 document, through z.toJSONSchema.
// A schema registered in `components` is emitted once under `#/components/schemas/<id>` and
// referred to by `$ref` wherever another schema uses it. The output is tidied to read as a person
// would write it: no `$schema`/`$id` on each schema, `type: ['integer', 'null']` for a nullable
// value, no ±2^53 bounds on every integer, no zod regex behind a `date`/`date-time` format.
import { z } from 'zod';

/** A JSON Schema (2020-12, the document's dialect). */
export type JsonSchema = { [keyword: string]: unknown };

/** The document's component schemas, by id. */
export const components = z.registry<{ id: string }>();

/** Registers `schema` as the component `id` (with its description), so others refer to it. */
export function component<Schema extends z.ZodType>(id: string, schema: Schema, description?: string): Schema {
  const described = description ? schema.meta({ description }) : schema;
  components.add(described as z.ZodType, { id });
  return described;
}

const COMPONENT_BASE = '#/components/schemas/';

/** `{ $ref }` to a registered component. */
export function ref(schema: z.ZodType): { $ref: string } {
  const id = components.get(schema)?.id;
  if (!id) throw new Error('not a registered component schema');
  return { $ref: `${COMPONENT_BASE}${id}` };
}

const isObject = (value: unknown): value is JsonSchema => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNullType = (value: unknown) => isObject(value) && value.type === 'null' && Object.keys(value).length === 1;

function tidy(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(tidy);
  if (!isObject(node)) return node;
  const schema: JsonSchema = {};
  for (const [keyword, value] of Object.entries(node)) if (keyword !== '$schema' && keyword !== '$id') schema[keyword] = tidy(value);
  if (schema.minimum === Number.MIN_SAFE_INTEGER) delete schema.minimum;
  if (schema.maximum === Number.MAX_SAFE_INTEGER) delete schema.maximum;
  if (schema.format === 'date' || schema.format === 'date-time') delete schema.pattern;
  // Object keys are strings anyway.
  if (isObject(schema.propertyNames) && schema.propertyNames.type === 'string' && Object.keys(schema.propertyNames).length === 1) delete schema.propertyNames;
  // `anyOf: [{ type: 'integer', … }, { type: 'null' }]` → `type: ['integer', 'null'], …` (an enum gains null).
  const [value, other, ...more] = Array.isArray(schema.anyOf) ? (schema.anyOf as unknown[]) : [];
  if (more.length === 0 && isObject(value) && typeof value.type === 'string' && !('const' in value) && isNullType(other)) {
    const { anyOf: _anyOf, ...outer } = schema;
    return { ...value, ...outer, type: [value.type, 'null'], ...(Array.isArray(value.enum) ? { enum: [...value.enum, null] } : {}) };
  }
  return schema;
}

/** One schema, inline: `input` for what a client sends (a query parameter), `output` for what it gets. */
export function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): JsonSchema {
  return tidy(z.toJSONSchema(schema, { target: 'draft-2020-12', io })) as JsonSchema;
}

/** Every registered component, by id. */
export function componentSchemas(): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(components, { target: 'draft-2020-12', uri: (id) => `${COMPONENT_BASE}${id}` });
  return tidy(schemas) as Record<string, JsonSchema>;
}

/**
 * A union told apart by `property` (`kind`, `dataset`), each option a registered component whose
 * `property` is a literal: `oneOf` the options with OpenAPI's `discriminator` mapping each value
 * to its component.
 */
export function discriminated<Disc extends string, const Options extends readonly [z.ZodObject, ...z.ZodObject[]]>(property: Disc, options: Options) {
  const mapping = Object.fromEntries(
    options.map((option) => {
      const literal = option.shape[property];
      if (!(literal instanceof z.ZodLiteral)) throw new Error(`${property} is not a literal`);
      return [String(literal.value), ref(option).$ref];
    }),
  );
  return z.discriminatedUnion(property, options).meta({ discriminator: { propertyName: property, mapping } });
}
