// The OpenAPI description (/api/openapi.json) as the documentation page shows it: each operation
// once (the unversioned alias named with its versioned address, not as a second entry), `$ref`s
// resolved, and every example ready to print.

interface Reference {
  $ref: string;
}
export interface ApiParameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: Record<string, unknown>;
  example?: unknown;
}
interface ApiResponse {
  description?: string;
  content?: Record<string, { examples?: Record<string, { summary?: string; value: unknown }>; example?: unknown }>;
}
interface ApiOperation {
  summary?: string;
  description?: string;
  'x-alias-of'?: string;
  parameters?: (ApiParameter | Reference)[];
  responses?: Record<string, ApiResponse | Reference>;
}
export interface OpenApiDescription {
  info: { title: string; version: string; description?: string; license?: { name: string; url?: string } };
  paths: Record<string, Record<string, ApiOperation>>;
  components?: { parameters?: Record<string, ApiParameter>; responses?: Record<string, ApiResponse> };
}

export interface ApiExample {
  name: string;
  summary?: string;
  /** The example as indented JSON (or the text itself). */
  text: string;
}
export interface DocumentedOperation {
  id: string;
  method: string;
  path: string;
  summary?: string;
  description?: string;
  /** The same operation without the version, and what it describes differently, if anything. */
  alias?: { path: string; differs?: string };
  parameters: ApiParameter[];
  responses: { status: string; description?: string; mediaTypes: string[]; examples: ApiExample[] }[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function resolve<Target>(document: OpenApiDescription, item: Target | Reference): Target {
  if (!item || typeof item !== 'object' || !('$ref' in item)) return item as Target;
  const [, , kind, name] = item.$ref.split('/');
  const components = document.components as Record<string, Record<string, Target>> | undefined;
  return components?.[kind!]?.[name!] ?? ({} as Target);
}

const asText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value, null, 2));

function examplesOf(response: ApiResponse): ApiExample[] {
  return Object.values(response.content ?? {}).flatMap((media) => [
    ...Object.entries(media.examples ?? {}).map(([name, example]) => ({ name, summary: example.summary, text: asText(example.value) })),
    ...(media.example === undefined ? [] : [{ name: 'example', text: asText(media.example) }]),
  ]);
}

/** The paragraph after the alias's standard first sentence, when it is not the versioned description. */
function aliasDifference(alias: ApiOperation, versioned: ApiOperation): string | undefined {
  const own = alias.description?.split('\n\n').slice(1).join('\n\n');
  return own && own !== versioned.description ? own : undefined;
}

/** Every operation of the description once, in the document's order; aliases only as a note on their versioned operation. */
export function documentedOperations(document: OpenApiDescription): DocumentedOperation[] {
  const entries = Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({ path, method, operation: item[method]! })),
  );
  return entries
    .filter((entry) => !entry.operation['x-alias-of'])
    .map(({ path, method, operation }) => {
      const alias = entries.find((other) => other.method === method && other.operation['x-alias-of'] === path);
      return {
        id: `${method}-${path}`.replace(/[^\w-]/g, '-'),
        method: method.toUpperCase(),
        path,
        summary: operation.summary,
        description: operation.description,
        alias: alias && { path: alias.path, differs: aliasDifference(alias.operation, operation) },
        parameters: (operation.parameters ?? []).map((parameter) => resolve(document, parameter)),
        responses: Object.entries(operation.responses ?? {}).map(([status, reference]) => {
          const response = resolve(document, reference);
          return { status, description: response.description, mediaTypes: Object.keys(response.content ?? {}), examples: examplesOf(response) };
        }),
      };
    });
}
