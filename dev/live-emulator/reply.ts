// Writing answers; every write checks the socket first, because a delayed or
// hanging request may have been cut by stop() or by the client meanwhile.
import type { ServerResponse } from 'node:http';
import { ACS_HEADERS, CONTENT_TYPES } from './constants';

/** What a gateway in front of Live answers when the backend is broken. */
const BAD_GATEWAY_HTML =
  '<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n<center><h1>502 Bad Gateway</h1></center>\n<hr><center>Tengine</center>\n</body>\n</html>\n';

/** Any answer at all; faults that play a misbehaving upstream send theirs with it. */
export function send(res: ServerResponse, status: number, contentType: string, body: string, requestId: string): void {
  if (res.destroyed || res.writableEnded) return;
  res.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
    [ACS_HEADERS.requestId]: requestId,
  });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, requestId: string): void {
  send(res, status, CONTENT_TYPES.json, JSON.stringify(body), requestId);
}

export function sendBadGateway(res: ServerResponse, requestId: string): void {
  send(res, 502, CONTENT_TYPES.html, BAD_GATEWAY_HTML, requestId);
}

/** Written at a time, so a flood of any size costs the emulator one block. */
const FLOOD_BLOCK = Buffer.alloc(64 * 1024, 'x');

/**
 * A 200 JSON answer of `bytes` bytes, written only as fast as the client
 * reads it; without `chunked` it declares its length. Ends early when the
 * client hangs up.
 */
export function sendFlood(res: ServerResponse, bytes: number, chunked: boolean, requestId: string): void {
  if (res.destroyed || res.writableEnded) return;
  const head = `{"RequestId":"${requestId}","Padding":"`;
  const tail = '"}';
  let left = Math.max(0, bytes - head.length - tail.length);
  res.writeHead(200, {
    'content-type': CONTENT_TYPES.json,
    [ACS_HEADERS.requestId]: requestId,
    ...(chunked ? {} : { 'content-length': head.length + left + tail.length }),
  });
  res.write(head);
  const pump = (): void => {
    while (left > 0) {
      if (res.destroyed) return;
      const n = Math.min(left, FLOOD_BLOCK.length);
      left -= n;
      if (!res.write(n === FLOOD_BLOCK.length ? FLOOD_BLOCK : FLOOD_BLOCK.subarray(0, n))) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end(tail);
  };
  pump();
}
