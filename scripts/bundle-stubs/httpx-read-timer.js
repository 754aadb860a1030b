// Bundle-time wrapper around httpx (wired in by plugin.mjs, used by scripts/build.mjs). Not a stub:
// the real httpx is required below and does all the work; this only ends the
// read timer that httpx starts for every request once the response is over.
//
// Why: httpx arms a read timer on the socket (`socket[Symbol(TIMER::READ_TIMER)]`,
// readTimeout ms) when a request gets its socket, and clears it only in its
// own `httpx.read()`. @alicloud/tea-util reads response bodies itself
// (readAsJSON -> its own stream reader), so with @alicloud/openapi-client the
// timer is never cleared: every request's ClientRequest, IncomingMessage and
// closures stay reachable until the timer fires readTimeout ms later (about
// 6.7 KB per call: 400 fast warm invocations held ~2.7 MB of heap). Worse,
// when a stale timer fires it clears `socket[READ_TIMER]`, which by then may
// be the timer of a newer request on the same keep-alive socket, leaving that
// request without its read timeout.
//
// What changes: when the response ends or closes, its own timer (the one on
// the socket when the response arrived) is cleared. Until then it runs as
// before, so a body that stalls still times out. If the timer cannot be found
// (another httpx version), nothing is touched and httpx behaves as it always did.
'use strict';
const httpx = require('httpx');

const READ_TIMER = 'TIMER::READ_TIMER';
let readTimerKey;

/** httpx keeps the symbol private; find it once by its description. */
function readTimerKeyOf(socket) {
  if (readTimerKey === undefined) {
    readTimerKey = Object.getOwnPropertySymbols(socket).find((s) => s.description === READ_TIMER);
  }
  return readTimerKey;
}

function clearReadTimerWhenDone(response) {
  const socket = response && (response.socket || response.client);
  const key = socket && readTimerKeyOf(socket);
  const timer = key && socket[key];
  if (!timer) return response;
  const done = () => clearTimeout(timer);
  response.once('end', done);
  response.once('close', done);
  return response;
}

module.exports = {
  ...httpx,
  request(url, opts) {
    return httpx.request(url, opts).then(clearReadTimerWhenDone);
  },
};
