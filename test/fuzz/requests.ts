import fc from 'fast-check';

/** The parts of an OpenAPI 3.0 schema (as @fastify/swagger writes zod's) the generator reads. */
export interface Schema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  nullable?: boolean;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  minItems?: number;
  maxItems?: number;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, Schema> };
}

interface OpenApiOperation {
  parameters?: Array<{ name: string; in: string; required?: boolean; schema: Schema }>;
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
}

export interface Operation {
  /** `POST /api/meetings` */
  id: string;
  method: string;
  path: string;
  pathParams: Array<{ name: string; schema: Schema }>;
  query: Array<{ name: string; required: boolean; schema: Schema }>;
  body?: { contentTypes: string[]; schema: Schema };
}

export function operationsOf(spec: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const parameters = operation.parameters ?? [];
      const content = operation.requestBody?.content;
      operations.push({
        id: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: p.schema })),
        query: parameters
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, required: p.required === true, schema: p.schema })),
        body: content ? { contentTypes: Object.keys(content), schema: Object.values(content)[0]!.schema } : undefined,
      });
    }
  }
  return operations;
}

/** Values that exist in the database under test, so that generated requests reach past "not found". */
export interface Vocabulary {
  /** Ids by collection as the API names it: organizations, meetings, trade/datasets… */
  ids: Record<string, string[]>;
  territories: string[];
  /** The relationships' home and partner territories, and a few others: a trade question asks for a pair. */
  homes: string[];
  partners: string[];
  hsCodes: string[];
  periods: string[];
  dates: string[];
}

export interface FuzzRequest {
  operation: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** What the request was made to test, for the counts. */
  kind: RequestKind;
}

export type RequestKind =
  | 'valid'
  | 'invalid body'
  | 'wrong content type'
  | 'missing body'
  | 'huge body'
  | 'odd path'
  | 'odd query'
  | 'huge address'
  | 'cross-site write'
  | 'foreign host';

/** Texts that have broken parsers, routers and pages: markup, escapes, control characters, other scripts. */
const oddTexts = [
  '',
  ' ',
  '..',
  '../../etc/passwd',
  '%00',
  '\u0000',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' or 1=1 --",
  '${7*7}',
  '{{7*7}}',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  '0x10',
  'null',
  'undefined',
  '[]',
  '{}',
  'true',
  'Курская область',
  '白俄罗斯',
  '🇧🇾',
  '\u202eevil',
  'a'.repeat(201),
  '2017-02-30',
  '0000-00-00',
  '9999-99-99',
  '2017-13',
  '2017-01..2016-01',
  '1900-01..2100-12',
];

/** Raw path segments put in the address as they are, not escaped: what a router must survive. */
const rawPathSegments = ['%E0%A4%A', '%', '%%', '%2F', '%2e%2e', '%00', '..', '.', 'a%20b', ';', '*', '~'];

const oddText = fc.constantFrom(...oddTexts);

function resolve(spec: OpenApiDocument, schema: Schema): Schema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  return spec.components?.schemas?.[name] ?? {};
}

/**
 * Values of a schema, drawn from the vocabulary where a field's name says what it holds (a territory code,
 * an id, a period), from the schema's own constraints otherwise, now and then an odd text.
 */
export function valueOf(
  spec: OpenApiDocument,
  raw: Schema,
  vocabulary: Vocabulary,
  name = '',
  depth = 0,
): fc.Arbitrary<unknown> {
  const schema = resolve(spec, raw);
  const known = knownValues(name, schema, vocabulary);
  const own = ownValues(spec, schema, vocabulary, depth);
  const withNull = schema.nullable
    ? fc.oneof({ arbitrary: own, weight: 5 }, { arbitrary: fc.constant(null), weight: 1 })
    : own;
  const choices: Array<fc.WeightedArbitrary<unknown>> = [{ arbitrary: withNull, weight: 4 }];
  if (known.length > 0) choices.push({ arbitrary: fc.constantFrom(...known), weight: 6 });
  if (typeOf(schema) === 'string') choices.push({ arbitrary: oddText, weight: 1 });
  return fc.oneof(...choices);
}

function typeOf(schema: Schema): string | undefined {
  return Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
}

/** Which collection a field holding an id points into, by its name: `ownerPersonId` → people. */
const collectionOfField: Array<[RegExp, string]> = [
  [/relationshipId$/, 'relationships'],
  [/[oO]rganizationId$/, 'organizations'],
  [/[pP]ersonId$/, 'people'],
  [/meetingId$/, 'meetings'],
  [/projectId$/, 'projects'],
  [/statementId$/, 'statements'],
  [/documentId$/, 'documents'],
  [/agreementId$/, 'agreements'],
  [/outletId$/, 'outlets'],
  [/positionId$/, 'positions'],
  [/^(datasetId|dataset)$/, 'trade/datasets'],
];

const datePattern = '^\\d{4}-\\d{2}-\\d{2}$';

function knownValues(name: string, schema: Schema, vocabulary: Vocabulary): unknown[] {
  const collection = collectionOfField.find(([pattern]) => pattern.test(name))?.[1];
  if (collection) return vocabulary.ids[collection] ?? [];
  if (name === 'recordId') return Object.values(vocabulary.ids).flat();
  if (/^(home|reporter)$/.test(name)) return vocabulary.homes;
  if (name === 'partner') return vocabulary.partners;
  if (/^(territory|territoryCode|homeCode|partnerCode|parent|parentCode|territories)$/.test(name)) {
    return vocabulary.territories;
  }
  if (name === 'codes') return [vocabulary.territories.slice(0, 3).join(',')];
  if (/^(hsCode|code)$/.test(name)) return [...vocabulary.hsCodes, ...vocabulary.territories];
  if (/^(period|periodFrom|periodTo)$/.test(name)) return vocabulary.periods;
  if (schema.pattern === datePattern || /(On|^asOf|^on|^dueBefore)$/.test(name)) return vocabulary.dates;
  return [];
}

function ownValues(
  spec: OpenApiDocument,
  schema: Schema,
  vocabulary: Vocabulary,
  depth: number,
): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => valueOf(spec, s, vocabulary, '', depth + 1)));
  if (schema.allOf?.[0]) return valueOf(spec, schema.allOf[0], vocabulary, '', depth + 1);
  switch (typeOf(schema)) {
    case 'string':
      return stringOf(schema);
    case 'integer':
    case 'number': {
      const integer = typeOf(schema) === 'integer';
      const min =
        schema.minimum ??
        (typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : -Number.MAX_SAFE_INTEGER);
      const max =
        schema.maximum ??
        (typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum : Number.MAX_SAFE_INTEGER);
      if (!integer) return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
      const usual = fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31 - 1) });
      // Past 32 bits, where PostgreSQL's integer columns end.
      const edges = [2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER].filter((v) => v >= min && v <= max);
      return edges.length > 0
        ? fc.oneof({ arbitrary: usual, weight: 9 }, { arbitrary: fc.constantFrom(...edges), weight: 1 })
        : usual;
    }
    case 'boolean':
      return fc.boolean();
    case 'array': {
      if (depth > 4) return fc.constant([]);
      const item = valueOf(spec, schema.items ?? {}, vocabulary, '', depth + 1);
      return fc.array(item, { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 3, 3) });
    }
    case 'object': {
      if (depth > 4) return fc.constant({});
      const properties = schema.properties ?? {};
      const shape: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, property] of Object.entries(properties)) {
        shape[key] = valueOf(spec, property, vocabulary, key, depth + 1);
      }
      const record = fc.record(shape, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) });
      // Records keep texts in pairs (titleEn, titleRu) of which one is needed, a rule the schema cannot state.
      const pairs = Object.keys(properties).flatMap((key) =>
        /En$/.test(key) && `${key.slice(0, -2)}Ru` in properties ? [[key, `${key.slice(0, -2)}Ru`] as const] : [],
      );
      if (pairs.length === 0) return record;
      return record.map((value) => {
        const filled: Record<string, unknown> = { ...value };
        for (const [en, ru] of pairs) if (!filled[en] && !filled[ru]) filled[en] = 'Text written by the fuzz';
        return filled;
      });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function stringOf(schema: Schema): fc.Arbitrary<string> {
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
  if (schema.format === 'date') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  if (schema.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
  if (schema.format === 'uri') return fc.webUrl();
  if (schema.format === 'email') return fc.emailAddress();
  if (schema.format === 'uuid') return fc.uuid();
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 40, 40));
  return fc.string({
    minLength,
    maxLength,
    unit: fc.oneof(
      fc.constant('a'),
      fc.constantFrom('я', 'Ж', '"', '<', '\n'),
      fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }),
    ),
  });
}

/** What a body can be sent as: the documented types, and those a form, a script or a mistake sends. */
const otherContentTypes = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=accord',
  'application/xml',
  'text/csv',
  'application/octet-stream',
  'application/json; charset=utf-16',
  'application/json;;;',
  'a/b/c',
  '',
];

/** A CSV in the shape of each import format, some rows good, some not. */
const uploadBodies = fc.constantFrom(
  'typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,reporterISO,flowCode,partnerCode,partnerISO,classificationCode,cmdCode,primaryValue,netWgt\nC,M,20170101,2017,1,201701,112,BLR,X,643,RUS,H4,4011,1000,5\n',
  't,i,j,k,v,q\n2017,112,643,401110,123.456,7\n2017,112,643,999999,x,\n',
  'period,partner,flow,hsCode,value\n2017-01,BY,1,4011,100\n',
  '\uFEFFa;b;c\n1;2;"3\n',
  '"unterminated,\n',
  'PK\u0003\u0004 not really a workbook',
  '\u001f\u008b not really gzip',
  '',
);

/**
 * One request to one operation: mostly as documented, with values that exist, and otherwise broken in
 * one of the ways a stranger's client or a hostile page breaks requests.
 */
export function requestsFor(
  spec: OpenApiDocument,
  operations: Operation[],
  vocabulary: Vocabulary,
  options: { host: string; hugeBody: number },
): fc.Arbitrary<FuzzRequest> {
  return fc.constantFrom(...operations).chain((operation) => {
    const own = vocabulary.ids[collectionOfPath(operation.path)] ?? [];
    const known = [...own, ...vocabulary.territories, ...vocabulary.hsCodes];
    const pathValues = operation.pathParams.map(({ name, schema }) =>
      fc
        .oneof(
          // A parameter with a list of values (a file format) takes one of them; an id one that exists.
          {
            arbitrary: fc.constantFrom(...(resolve(spec, schema).enum ?? (own.length > 0 ? own : known))),
            weight: 6,
          },
          { arbitrary: fc.constantFrom(...known), weight: 1 },
          { arbitrary: fc.uuid(), weight: 1 },
          { arbitrary: oddText.map(encodeURIComponent), weight: 1 },
          { arbitrary: fc.constantFrom(...rawPathSegments), weight: 1 },
        )
        .map((value) => [name, String(value)] as const),
    );
    const queryValues = operation.query.map((parameter) =>
      fc
        .tuple(fc.boolean(), valueOf(spec, parameter.schema, vocabulary, parameter.name))
        .map(([include, value]) =>
          parameter.required || include ? ([parameter.name, queryText(value)] as const) : null,
        ),
    );
    const body = operation.body
      ? operation.body.contentTypes.includes('application/json')
        ? valueOf(spec, operation.body.schema, vocabulary).map((value) => JSON.stringify(value) ?? 'null')
        : uploadBodies
      : fc.constant(undefined);
    const kinds: RequestKind[] = [
      ...Array<RequestKind>(9).fill('valid'),
      'invalid body',
      'wrong content type',
      'missing body',
      'odd query',
      'huge address',
      'huge body',
      'cross-site write',
      'foreign host',
    ];
    return fc
      .record({
        path: fc.tuple(...pathValues),
        query: fc.tuple(...queryValues),
        body,
        kind: fc.constantFrom(...kinds),
        junk: fc.jsonValue({ maxDepth: 3 }),
        oddQuery: fc.array(
          fc.tuple(fc.oneof(oddText, fc.constantFrom(...operation.query.map((q) => q.name), 'x')), oddText),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        contentType: fc.constantFrom(...otherContentTypes),
        drop: fc.nat(),
      })
      .map(({ path, query, body, kind, junk, oddQuery, contentType, drop }): FuzzRequest => {
        let address = operation.path;
        for (const [name, value] of path) address = address.replace(`{${name}}`, value);
        const params = new URLSearchParams();
        for (const entry of query) if (entry) params.append(entry[0], entry[1]);
        const headers: Record<string, string> = { host: options.host };
        let sent: string | Buffer | undefined = body;
        if (operation.body) headers['content-type'] = operation.body.contentTypes[0]!;
        const isWrite = operation.method !== 'GET';
        switch (kind) {
          case 'invalid body':
            if (operation.body?.contentTypes.includes('application/json')) {
              sent =
                drop % 3 === 0
                  ? (JSON.stringify(junk) ?? 'null')
                  : drop % 3 === 1
                    ? dropKey(body, drop)
                    : String(junk).slice(0, 200);
            } else {
              sent = JSON.stringify(junk) ?? '';
              headers['content-type'] = 'application/json';
            }
            break;
          case 'wrong content type':
            sent ??= JSON.stringify(junk) ?? '';
            if (contentType === '') delete headers['content-type'];
            else headers['content-type'] = contentType;
            break;
          case 'missing body':
            sent = undefined;
            break;
          case 'huge body':
            sent = Buffer.alloc(options.hugeBody, 'x');
            headers['content-type'] ??= 'application/json';
            break;
          case 'odd query':
            for (const [name, value] of oddQuery) params.append(name, value);
            break;
          case 'huge address':
            params.append('q', 'x'.repeat(drop % 2 === 0 ? 9_000 : 70_000));
            break;
          case 'cross-site write':
            headers.origin = 'https://attacker.example';
            if (drop % 2 === 0) headers['sec-fetch-site'] = 'cross-site';
            break;
          case 'foreign host':
            headers.host = 'attacker.example';
            break;
        }
        const search = params.toString();
        const request: FuzzRequest = {
          operation: operation.id,
          method: operation.method,
          path: search ? `${address}?${search}` : address,
          headers,
          body: sent,
          kind: kind === 'cross-site write' && !isWrite ? 'valid' : kind,
        };
        // A failing request is printed by fast-check; a megabyte body would bury it.
        return Object.assign(request, { [fc.toStringMethod]: () => describeRequest(request) });
      });
  });
}

/** `/api/trade/datasets/{id}` → `trade/datasets` */
function collectionOfPath(path: string): string {
  return path.replace(/^\/api\//, '').split('/{')[0]!;
}

function queryText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}

/** The body without one of its keys (a required one as often as not). */
function dropKey(body: unknown, which: number): string {
  if (typeof body !== 'string') return '{}';
  const parsed = JSON.parse(body) as unknown;
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return body;
  const keys = Object.keys(parsed);
  if (keys.length === 0) return body;
  const { [keys[which % keys.length]!]: _dropped, ...rest } = parsed as Record<string, unknown>;
  return JSON.stringify(rest);
}

function describeRequest(request: FuzzRequest): string {
  const body =
    request.body === undefined
      ? 'no body'
      : request.body.length > 300
        ? `a body of ${request.body.length} ${Buffer.isBuffer(request.body) ? 'bytes' : 'characters'}`
        : `body ${JSON.stringify(String(request.body))}`;
  const path =
    request.path.length > 300 ? `${request.path.slice(0, 300)}… (${request.path.length} characters)` : request.path;
  return `${request.method} ${path} with headers ${JSON.stringify(request.headers)} and ${body} (${request.kind})`;
}
