import fs from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { toHttpTriggerEvent, toInvokeFunctionEvent } from './http-event';

// The local invoke API hands the bundle what FC 3.0 hands a function with an
// HTTP trigger on InvokeFunction: the recorded event in events/sources.
const template = JSON.parse(
  fs.readFileSync(path.join(__dirname, '../../events/sources/fc3-http-trigger-template.json'), 'utf8'),
);
const rawPath = '/2023-03-30/functions/caster-video-resource-delete/invocations';

function request(headers: Record<string, string>): IncomingMessage {
  return {
    method: 'POST',
    url: rawPath,
    headers,
    httpVersion: '1.1',
    socket: { remoteAddress: '127.0.0.1' },
  } as unknown as IncomingMessage;
}

describe('the event of an InvokeFunction call (npm start, FC invoke API path)', () => {
  const payload = '{"CasterId":"LIVEPRODUCER_POST-cn-demo0001","ResourceId":"demo-resource-1","DryRun":true}';
  const req = request({ 'content-type': 'application/json', 'x-fc-invocation-type': 'Sync', 'user-agent': 'fc2' });
  const event = toInvokeFunctionEvent(req, new URL(rawPath, 'http://127.0.0.1:9000'), Buffer.from(payload), 'local-1');

  it("has the recorded event's shape, with the API path as rawPath", () => {
    expect(Object.keys(event).sort()).toEqual(Object.keys(template).sort());
    expect(event.rawPath).toBe(rawPath);
    expect(event.requestContext.http).toMatchObject({ method: 'POST', path: rawPath });
    expect(Object.keys(event.requestContext).every((k) => k in template.requestContext)).toBe(true);
  });

  it('carries X-Acs-Action InvokeFunction, an octet-stream content type and the raw payload', () => {
    expect(event.headers).toMatchObject({
      'X-Acs-Action': 'InvokeFunction',
      'Content-Type': 'application/octet-stream',
      'x-fc-invocation-type': 'Sync',
    });
    expect(event.headers).not.toHaveProperty('content-type');
    expect(template.headers).toMatchObject({
      'X-Acs-Action': 'InvokeFunction',
      'Content-Type': 'application/octet-stream',
    });
    expect(event.body).toBe(payload);
    expect(event.isBase64Encoded).toBe(false);
  });

  it('differs from an HTTP-trigger request, whose body stays base64 with its own content type', () => {
    const http = toHttpTriggerEvent(req, new URL('/', 'http://127.0.0.1:9000'), Buffer.from(payload), 'local-2');
    expect(http.headers).not.toHaveProperty('X-Acs-Action');
    expect(http.isBase64Encoded).toBe(true);
    expect(Buffer.from(http.body!, 'base64').toString()).toBe(payload);
  });
});
