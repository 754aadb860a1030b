// Put in place of debug in the bundle (scripts/build.mjs).
//
// Why: debug's only importer in this bundle is httpx, which with
// DEBUG=httpx:* set in the function's environment would print every request's
// headers, x-acs-security-token among them, to stderr, and so into the
// function's logs. The function promises that no secret or token reaches a log
// line, whatever its environment; its own structured log (LOG_LEVEL=debug) is
// the way to see more. So every debug logger here is silent and reports itself
// disabled, which is also how httpx sees it when DEBUG is unset (the usual case),
// and debug, ms, supports-color and has-flag leave the bundle.

function silent() {}
silent.enabled = false;
silent.extend = () => silent;

module.exports = function createDebug() {
  return silent;
};
module.exports.enabled = () => false;
