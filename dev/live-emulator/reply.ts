// Writing answers; every write checks the socket first, because a delayed or
// hanging request may have been cut by stop() or by the client meanwhile.
import type { ServerResponse } from 'node:http';
import { ACS_HEADERS, CONTENT_TYPES } from './constants';

/** What a gateway in front of Live answers when the backend is broken. */
const BAD_GATEWAY_HTML =
  '<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n<center><h1>502 Bad Gateway</h1></center>\n<hr><center>Tengine</center>\n</body>\n</html>\n';

function send(res: ServerResponse, status: number, contentType: string, body: string, requestId: string): void {
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

/** Any answer at all, for faults that play a misbehaving upstream. */
export function sendRaw(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  requestId: string,
): void {
  send(res, status, contentType, body, requestId);
}

export function sendBadGateway(res: ServerResponse, requestId: string): void {
  send(res, 502, CONTENT_TYPES.html, BAD_GATEWAY_HTML, requestId);
}
