// Turns a node request into what the checks need: the raw path, the decoded
// query (parsed by hand from req.url so the signature is checked against what
// was on the wire), flat headers and the body bytes. The action's parameters
// are the query's: the SDK sends RPC parameters there, and so does the function.
import type { IncomingMessage } from 'node:http';

export interface IncomingCall {
  method: string;
  pathname: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: Buffer;
}

/** Query parameters whose values must never reach a record (V2-style signing puts them in the query). */
const SENSITIVE_QUERY_KEYS = /^(SecurityToken|Signature|AccessKeySecret)$/i;
const REDACTED = '***';

function decode(s: string): string {
  const spaced = s.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    // Malformed escapes: keep the text; the signature check will then reject it.
    return spaced;
  }
}

export function parseQuery(raw: string): Record<string, string> {
  const query: Record<string, string> = {};
  for (const part of raw.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const key = decode(eq < 0 ? part : part.slice(0, eq));
    query[key] = eq < 0 ? '' : decode(part.slice(eq + 1));
  }
  return query;
}

export function redactQuery(query: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).map(([k, v]) => [k, SENSITIVE_QUERY_KEYS.test(k) ? REDACTED : v]));
}

function flattenHeaders(headers: IncomingMessage['headers']): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(',') : value;
  }
  return flat;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function readCall(req: IncomingMessage): Promise<IncomingCall> {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    pathname: q < 0 ? url : url.slice(0, q),
    query: parseQuery(q < 0 ? '' : url.slice(q + 1)),
    headers: flattenHeaders(req.headers),
    body: await readBody(req),
  };
}
