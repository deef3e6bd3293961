// JSON bodies and examples against an OpenAPI 3.1 document's schemas, with ajv (JSON Schema
// 2020-12, the document's dialect) and ajv-formats. The whole document is one schema with an $id,
// so `$ref: '#/components/schemas/X'` resolves, and every operation's schema is reached by its JSON
// pointer into it. Used by the document's unit test (document.test.ts beside it) and by the e2e tests
// against the running site (`@praxis/web/openapi-conformance`). Test support: no route imports it.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';

// ajv-formats is CommonJS: its default export is the plugin or a namespace holding it, by loader.
const addFormats = (addFormatsPlugin as unknown as { default?: typeof addFormatsPlugin }).default ?? addFormatsPlugin;

type Json = { [key: string]: unknown };

const DOCUMENT_ID = 'https://openapi.invalid/document.json';
/** OpenAPI's own keywords: at the top of the document, and those a Schema Object may carry besides JSON Schema's. */
const OPENAPI_KEYWORDS = [
  'openapi',
  'info',
  'jsonSchemaDialect',
  'servers',
  'paths',
  'webhooks',
  'components',
  'security',
  'tags',
  'externalDocs',
  'discriminator',
  'xml',
  'example',
];

const validators = new WeakMap<object, Ajv2020>();

/** One strict ajv per document (unknown keywords, formats and `required` names are errors), the document registered under DOCUMENT_ID. */
function ajvFor(document: object): Ajv2020 {
  let ajv = validators.get(document);
  if (!ajv) {
    ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
    addFormats(ajv);
    ajv.addVocabulary(OPENAPI_KEYWORDS);
    ajv.addSchema({ ...structuredClone(document), $id: DOCUMENT_ID });
    validators.set(document, ajv);
  }
  return ajv;
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const escapeToken = (token: string) => token.replaceAll('~', '~0').replaceAll('/', '~1');
const pointerOf = (tokens: string[]) => tokens.map((token) => `/${escapeToken(token)}`).join('');

/** The validator of the schema at a JSON pointer into the document. */
function validatorAt(document: object, pointer: string): ValidateFunction {
  const fragment = pointer
    .split('/')
    .map((token) => encodeURIComponent(token))
    .join('/');
  const validate = ajvFor(document).getSchema(`${DOCUMENT_ID}#${fragment}`);
  if (!validate) throw new Error(`no schema at ${pointer}`);
  return validate;
}

function describeErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => {
    const extra =
      error.keyword === 'additionalProperties'
        ? ` (${String(error.params.additionalProperty)})`
        : error.keyword === 'const' || error.keyword === 'enum'
          ? ` (${JSON.stringify(error.params.allowedValue ?? error.params.allowedValues)})`
          : '';
    return `${error.instancePath || '/'} ${error.message ?? error.keyword}${extra} [${error.schemaPath}]`;
  });
}

function validateAt(document: object, pointer: string, value: unknown): string[] {
  const validate = validatorAt(document, pointer);
  return validate(value) ? [] : describeErrors(validate.errors);
}

function resolveLocal(document: Json, node: unknown): { node: unknown; pointer?: string } {
  if (!isObject(node) || typeof node.$ref !== 'string' || !node.$ref.startsWith('#/')) return { node };
  const tokens = node.$ref
    .slice(2)
    .split('/')
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
  let target: unknown = document;
  for (const token of tokens) target = isObject(target) ? target[token] : undefined;
  return { node: target, pointer: pointerOf(tokens) };
}

/**
 * Why `body` (a JSON answer with `status`) does not conform to the response schema of `method path`
 * (`path` the template, e.g. `/api/v1/case-studies/{slug}`); empty when it conforms. A status not
 * documented (nor its `4XX` range nor `default`) is a problem too.
 */
export function conformsTo(document: object, method: 'get', path: string, status: number, body: unknown): string[] {
  const doc = document as Json;
  const paths = isObject(doc.paths) ? doc.paths : {};
  const operation = isObject(paths[path]) ? (paths[path] as Json)[method] : undefined;
  if (!isObject(operation) || !isObject(operation.responses)) return [`${method.toUpperCase()} ${path} is not described`];
  const responses = operation.responses;
  const key = [String(status), `${String(status)[0]}XX`, 'default'].find((candidate) => candidate in responses);
  if (key === undefined) return [`${status} is not a documented response of ${method.toUpperCase()} ${path}`];
  const resolved = resolveLocal(doc, responses[key]);
  const base = resolved.pointer ?? pointerOf(['paths', path, method, 'responses', key]);
  const response = resolved.node;
  const content = isObject(response) && isObject(response.content) ? response.content : {};
  const mediaType = Object.keys(content).find((type) => type === 'application/json' || /^application\/[\w.+-]*\+json$/.test(type));
  if (mediaType === undefined || !isObject(content[mediaType]) || !('schema' in content[mediaType])) {
    return [`${status} of ${method.toUpperCase()} ${path} has no JSON schema`];
  }
  return validateAt(document, `${base}${pointerOf(['content', mediaType, 'schema'])}`, body);
}

/**
 * Why the document's examples do not conform to their schemas; empty when all do. Checks every
 * `example` and `examples` of media types, parameters and headers, every `examples` array (and
 * `example`) of a Schema Object, and that every component schema compiles (strictly).
 */
export function examplesConform(document: object): string[] {
  const doc = document as Json;
  const problems: string[] = [];
  const check = (schemaPointer: string, value: unknown, where: string) => {
    try {
      problems.push(...validateAt(document, schemaPointer, value).map((problem) => `${where}: ${problem}`));
    } catch (error) {
      problems.push(`${where}: ${(error as Error).message}`);
    }
  };
  const components = isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {};
  for (const name of Object.keys(components)) {
    try {
      validatorAt(document, pointerOf(['components', 'schemas', name]));
    } catch (error) {
      problems.push(`${pointerOf(['components', 'schemas', name])}: ${(error as Error).message}`);
    }
  }

  const walk = (node: unknown, tokens: string[], inSchema: boolean) => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => walk(item, [...tokens, String(index)], inSchema));
      return;
    }
    if (!isObject(node)) return;
    const pointer = pointerOf(tokens);
    if (!inSchema && isObject(node.schema)) {
      // A media type, parameter or header: its example(s) against its schema.
      const schemaPointer = pointerOf([...tokens, 'schema']);
      if ('example' in node) check(schemaPointer, node.example, `${pointer}/example`);
      if (isObject(node.examples)) {
        for (const [name, example] of Object.entries(node.examples)) {
          const resolved = resolveLocal(doc, example).node;
          if (isObject(resolved) && 'value' in resolved) check(schemaPointer, resolved.value, `${pointer}/examples/${escapeToken(name)}`);
        }
      }
    }
    if (inSchema) {
      if (Array.isArray(node.examples)) node.examples.forEach((example, index) => check(pointer, example, `${pointer}/examples/${index}`));
      if ('example' in node) check(pointer, node.example, `${pointer}/example`);
    }
    for (const [key, child] of Object.entries(node)) {
      if (key === 'example' || key === 'examples') continue;
      const childIsSchema = inSchema || key === 'schema' || (tokens.length === 2 && tokens[0] === 'components' && tokens[1] === 'schemas');
      walk(child, [...tokens, key], childIsSchema);
    }
  };
  walk(doc, [], false);
  return problems;
}
