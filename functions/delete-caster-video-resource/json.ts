// What both the event reader (delivery/) and the request reader (request/)
// need of JSON: telling objects apart, and a payload that could not be read.

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A message that could not be opened; it becomes one invalid record, never a throw. */
export class Unreadable {
  constructor(readonly reason: string) {}
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    return new Unreadable(`is not valid JSON (${(err as Error).message})`);
  }
}
