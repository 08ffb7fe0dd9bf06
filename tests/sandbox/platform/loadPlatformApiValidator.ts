import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

/** One problem found in a body: a JSON Pointer into it (`""` = the body itself) and Ajv's message. */
export interface ValidationIssue {
  path: string;
  message: string;
}

export interface ValidationResult {
  ok: boolean;
  errors: ValidationIssue[];
}

export type ParameterLocation = 'path' | 'query' | 'header';

/** Validates bodies and parameters against the operations of an OpenAPI 3.1 document, by operationId. */
export interface PlatformApiValidator {
  /** The parsed document. */
  document: Record<string, unknown>;
  /** Every operationId in the document. */
  operationIds: string[];
  /**
   * The request body against the operation's `application/json` body schema. `undefined` means "no body":
   * fine when the operation takes none or its body is optional.
   */
  validateRequest(operationId: string, body: unknown): ValidationResult;
  /**
   * A response body against the response documented for `status` (exact code, then `4XX`/`5XX`, then
   * `default`). With `contentType`, the media type must be one the response documents (parameters such as
   * `charset` are ignored); without it, the response's only (or first) media type is used.
   */
  validateResponse(operationId: string, status: number, body: unknown, contentType?: string): ValidationResult;
  /** One parameter's value (as a string, as it arrives) against its schema; a missing required one is an error. */
  validateParameter(operationId: string, location: ParameterLocation, name: string, value: string | undefined): ValidationResult;
  /** A value against one of the document's `components/schemas` (a batch item on its own, say). */
  validateSchema(name: string, value: unknown): ValidationResult;
}

type Json = Record<string, unknown>;

interface Operation {
  pointer: string;
  method: string;
  path: string;
  node: Json;
}

const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

const escapePointer = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows a local `$ref` (`#/components/responses/X`) in the document; OpenAPI objects other than schemas use them too. */
function deref(doc: Json, node: unknown): { node: Json; pointer: string } | null {
  let pointer = '';
  let current = node;
  for (let hops = 0; isObject(current) && typeof current.$ref === 'string'; hops++) {
    if (hops > 20 || !current.$ref.startsWith('#/')) throw new Error(`Unsupported $ref ${current.$ref}`);
    pointer = current.$ref.slice(1);
    current = pointer
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((acc, key) => (isObject(acc) ? acc[key] : undefined), doc);
    if (current === undefined) throw new Error(`Unresolved $ref ${pointer}`);
  }
  return isObject(current) ? { node: current, pointer } : null;
}

/**
 * Ajv reports every branch of `anyOf: [X, {type: 'null'}]`; a caller wants X's complaint, not "must be null" and
 * "must match a schema in anyOf" as well. Required/additional-property errors point at the member, not its parent.
 */
function toIssues(errors: readonly ErrorObject[] | null | undefined): ValidationIssue[] {
  const all = errors ?? [];
  const informative = all.filter((e) => !(e.keyword === 'anyOf' || (e.keyword === 'type' && (e.params as { type?: unknown }).type === 'null')));
  const chosen = informative.length > 0 ? informative : all;
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  for (const e of chosen) {
    const params = e.params as { missingProperty?: string; additionalProperty?: string };
    let path = e.instancePath;
    let message = e.message ?? 'is invalid';
    // A regular expression says little to a caller; a schema's title ("a GUID") says what was expected.
    const title = (e.parentSchema as { title?: unknown } | undefined)?.title;
    if (e.keyword === 'pattern' && typeof title === 'string') message = `must be ${title}`;
    if (e.keyword === 'required' && params.missingProperty) {
      path = `${path}/${escapePointer(params.missingProperty)}`;
      message = 'is required';
    } else if (e.keyword === 'additionalProperties' && params.additionalProperty) {
      path = `${path}/${escapePointer(params.additionalProperty)}`;
      message = 'is not a known property';
    }
    const key = `${path}\u0000${message}`;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push({ path, message });
    }
  }
  return issues;
}

const ok: ValidationResult = { ok: true, errors: [] };
const fail = (message: string, path = ''): ValidationResult => ({ ok: false, errors: [{ path, message }] });

/**
 * Loads an OpenAPI 3.1 document and compiles its schemas with Ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1).
 * The document's `components` and `paths` are registered as one schema resource under the document's file URL,
 * so a body schema is compiled by its JSON Pointer in the document and its `#/components/schemas/X` references
 * resolve exactly as an OpenAPI tool would resolve them. No schema is re-stated by hand.
 */
export function loadPlatformApiValidator(docPath: string): PlatformApiValidator {
  const absolute = resolve(docPath);
  const document = parse(readFileSync(absolute, 'utf8')) as Json;
  if (!isObject(document) || typeof document.openapi !== 'string' || !document.openapi.startsWith('3.1')) {
    throw new Error(`${absolute} is not an OpenAPI 3.1 document`);
  }
  const baseId = pathToFileURL(absolute).href;
  // strict: an unknown keyword or a mistyped schema in the document fails loudly rather than validating nothing.
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  // The wrapper's own members are containers, not keywords; declaring them keeps strict mode for everything inside.
  ajv.addVocabulary(['components', 'paths']);
  ajv.addSchema({ $id: baseId, components: document.components ?? {}, paths: document.paths ?? {} });

  const compiled = new Map<string, ValidateFunction>();
  const validatorAt = (pointer: string): ValidateFunction => {
    let fn = compiled.get(pointer);
    if (!fn) {
      fn = ajv.getSchema(`${baseId}#${pointer}`);
      if (!fn) throw new Error(`No schema at ${pointer} in ${absolute}`);
      compiled.set(pointer, fn);
    }
    return fn;
  };
  const run = (pointer: string, value: unknown): ValidationResult => {
    const fn = validatorAt(pointer);
    return fn(value) ? ok : { ok: false, errors: toIssues(fn.errors) };
  };

  const operations = new Map<string, Operation>();
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of methods) {
      const node = item[method];
      if (!isObject(node) || typeof node.operationId !== 'string') continue;
      if (operations.has(node.operationId)) throw new Error(`operationId ${node.operationId} is used twice`);
      operations.set(node.operationId, { pointer: `/paths/${escapePointer(path)}/${method}`, method, path, node });
    }
  }
  const operation = (operationId: string): Operation => {
    const op = operations.get(operationId);
    if (!op) throw new Error(`No operation ${operationId} in ${absolute}`);
    return op;
  };

  /** The schema pointer of a media type in a request body or response, following `$ref`s to components. */
  const mediaSchemaPointer = (container: { node: Json; pointer: string }, contentType: string | undefined): string | ValidationResult => {
    const content = container.node.content;
    if (!isObject(content) || Object.keys(content).length === 0) return fail('no content is documented here');
    const wanted = contentType?.split(';')[0]?.trim().toLowerCase();
    const mediaType = wanted ?? Object.keys(content)[0] ?? '';
    const media = Object.entries(content).find(([type]) => type.toLowerCase() === mediaType);
    if (!media) return fail(`content type ${mediaType} is not documented (${Object.keys(content).join(', ')})`);
    if (!isObject(media[1]) || media[1].schema === undefined) return fail(`${mediaType} has no schema`);
    return `${container.pointer}/content/${escapePointer(media[0])}/schema`;
  };

  // Validate every schema now, so a broken document fails at load rather than at the first odd request.
  for (const op of operations.values()) {
    const body = deref(document, op.node.requestBody);
    if (body) {
      const pointer = mediaSchemaPointer({ node: body.node, pointer: body.pointer || `${op.pointer}/requestBody` }, undefined);
      if (typeof pointer === 'string') validatorAt(pointer);
    }
    const responses = isObject(op.node.responses) ? op.node.responses : {};
    for (const [status, response] of Object.entries(responses)) {
      const resolved = deref(document, response);
      if (!resolved || !isObject(resolved.node.content)) continue;
      for (const type of Object.keys(resolved.node.content)) {
        validatorAt(`${resolved.pointer || `${op.pointer}/responses/${escapePointer(status)}`}/content/${escapePointer(type)}/schema`);
      }
    }
  }

  return {
    document,
    operationIds: [...operations.keys()],
    validateRequest(operationId, body) {
      const op = operation(operationId);
      const resolved = deref(document, op.node.requestBody);
      if (!resolved) return body === undefined ? ok : fail(`${operationId} takes no request body`);
      if (body === undefined) return resolved.node.required === true ? fail('a request body is required') : ok;
      const pointer = mediaSchemaPointer({ node: resolved.node, pointer: resolved.pointer || `${op.pointer}/requestBody` }, 'application/json');
      return typeof pointer === 'string' ? run(pointer, body) : pointer;
    },
    validateResponse(operationId, status, body, contentType) {
      const op = operation(operationId);
      const responses = isObject(op.node.responses) ? op.node.responses : {};
      const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => k in responses);
      if (!key) return fail(`status ${status} is not documented for ${operationId}`);
      const resolved = deref(document, responses[key]);
      if (!resolved) return fail(`response ${key} of ${operationId} is not an object`);
      const container = { node: resolved.node, pointer: resolved.pointer || `${op.pointer}/responses/${escapePointer(key)}` };
      if (!isObject(resolved.node.content)) {
        return body === undefined || body === '' ? ok : fail(`response ${key} of ${operationId} has no body`);
      }
      const pointer = mediaSchemaPointer(container, contentType);
      return typeof pointer === 'string' ? run(pointer, body) : pointer;
    },
    validateParameter(operationId, location, name, value) {
      const op = operation(operationId);
      const pathItem = deref(document, (document.paths as Json)[op.path]);
      const lists: Array<{ list: unknown; pointer: string }> = [
        { list: op.node.parameters, pointer: `${op.pointer}/parameters` },
        { list: pathItem?.node.parameters, pointer: `/paths/${escapePointer(op.path)}/parameters` },
      ];
      for (const { list, pointer } of lists) {
        if (!Array.isArray(list)) continue;
        for (let i = 0; i < list.length; i++) {
          const param = deref(document, list[i]);
          if (!param || param.node.in !== location) continue;
          const matches = location === 'header' ? String(param.node.name).toLowerCase() === name.toLowerCase() : param.node.name === name;
          if (!matches) continue;
          if (value === undefined) return param.node.required === true ? fail(`${name} is required`) : ok;
          return run(`${param.pointer || `${pointer}/${i}`}/schema`, value);
        }
      }
      return fail(`${operationId} has no ${location} parameter ${name}`);
    },
    validateSchema(name, value) {
      return run(`/components/schemas/${escapePointer(name)}`, value);
    },
  };
}
