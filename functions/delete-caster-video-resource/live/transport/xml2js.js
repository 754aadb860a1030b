// Put in place of xml2js in the bundle (scripts/build.mjs): the one thing the function ever reads
// as XML is an error answer from Live's gateway, a flat document such as
//   <Error><RequestId>…</RequestId><Code>…</Code><Message>…</Message></Error>
// which tea-xml (the only importer, checked by the build) parses with
// `new Parser({ explicitArray: false }).parseString(text, callback)`.
// xml2js and sax are a large part of the bundle, parsed at every cold start for
// an answer that comes rarely, so this reads that subset instead, in the same
// shape: an element holding only text is its text, one with children an
// object of them, a repeated child an array; attributes, comments and
// processing instructions are skipped. Anything else is refused as an error,
// which the Live client reports as an answer it could not read.

const ENTITIES = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(text) {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, name) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return Object.hasOwn(ENTITIES, name) ? ENTITIES[name] : whole;
  });
}

const TOKEN =
  /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<\/\s*([^\s>]+)\s*>|<([^\s/>!?]+)(?:\s[^>]*?)?(\/?)>|([^<]+)/gy;

/** The element tree of `text`, as xml2js with explicitArray: false would give it. */
function read(text) {
  const root = { name: '', children: [], text: '' };
  const stack = [root];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < text.length) {
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (!m) throw new SyntaxError(`Unreadable XML near character ${at}`);
    at = TOKEN.lastIndex;
    const top = stack[stack.length - 1];
    if (m[1] !== undefined) top.text += m[1];
    else if (m[2] !== undefined) {
      if (stack.length === 1 || top.name !== m[2]) throw new SyntaxError(`Unexpected </${m[2]}>`);
      stack.pop();
    } else if (m[3] !== undefined) {
      const element = { name: m[3], children: [], text: '' };
      top.children.push(element);
      if (m[4] !== '/') stack.push(element);
    } else if (m[5] !== undefined) {
      if (stack.length === 1 && m[5].trim() !== '') throw new SyntaxError('Text outside the root element');
      top.text += decode(m[5]);
    }
  }
  if (stack.length !== 1 || root.children.length !== 1) throw new SyntaxError('Not one complete XML document');
  const doc = Object.create(null);
  doc[root.children[0].name] = value(root.children[0]);
  return doc;
}

function value(element) {
  if (element.children.length === 0) return element.text;
  // No prototype: a hostile element named __proto__ stays an ordinary key.
  const out = Object.create(null);
  for (const child of element.children) {
    const v = value(child);
    if (!Object.hasOwn(out, child.name)) out[child.name] = v;
    else if (Array.isArray(out[child.name])) out[child.name].push(v);
    else out[child.name] = [out[child.name], v];
  }
  return out;
}

class Parser {
  parseString(text, callback) {
    let output;
    try {
      output = read(String(text).trim());
    } catch (err) {
      callback(err, undefined);
      return;
    }
    callback(null, output);
  }
}

class Builder {
  buildObject() {
    throw new Error('xml2js Builder is not bundled: this function never writes XML.');
  }
}

module.exports = { Parser, Builder };
