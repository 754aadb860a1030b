import { PassThrough } from 'node:stream';
import type { FcContext } from '../../functions/delete-caster-video-resource/types';
import type { Bundle } from '../bundle';
import type { Invocation } from './encode';

export interface HttpAnswer {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded: false;
}

export interface Outcome {
  /** The HTTP answer, for HTTP shapes. */
  answer?: HttpAnswer;
  /** The result: returned, parsed from the HTTP body, or carried by the thrown error. */
  result?: any;
  thrown?: unknown;
  ms: number;
}

/** Invokes the bundle with one invocation; never rejects (a rejection is reported as `thrown`). */
export async function run(bundle: Bundle, inv: Invocation, context: FcContext): Promise<Outcome> {
  const started = Date.now();
  try {
    if (inv.fc2) {
      const req = Object.assign(new PassThrough(), {
        method: inv.fc2.method,
        path: inv.fc2.path,
        queries: inv.fc2.queries,
        headers: inv.fc2.headers,
      });
      req.end(inv.fc2.body);
      const answer: HttpAnswer = { statusCode: 0, headers: {}, body: '', isBase64Encoded: false };
      await bundle.httpHandler(
        req,
        {
          setStatusCode: (s: number) => (answer.statusCode = s),
          setHeader: (k: string, v: string) => (answer.headers[k] = v),
          send: (b: string | Buffer) => (answer.body = String(b)),
        },
        context,
      );
      return { answer, result: safeParse(answer.body), ms: Date.now() - started };
    }
    const value = await bundle.handler(inv.event, context);
    if (inv.http) return { answer: value, result: safeParse(value?.body), ms: Date.now() - started };
    return { result: value, ms: Date.now() - started };
  } catch (thrown) {
    return { thrown, result: (thrown as { result?: unknown })?.result, ms: Date.now() - started };
  }
}

function safeParse(text: unknown): unknown {
  try {
    return JSON.parse(String(text));
  } catch {
    return undefined;
  }
}
