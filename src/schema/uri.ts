/** URI helpers for `$id` / `$ref` resolution (RFC 3986 via WHATWG URL). */

/** Resolve `reference` against `base`; `undefined` when it cannot be (e.g. relative to a `urn:`). */
export function resolveUri(reference: string, base: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(reference)) return normalise(reference);
  if (reference.startsWith('#')) return `${stripFragment(base)}${reference}`;
  try {
    return normalise(new URL(reference, base).href);
  } catch {
    return undefined;
  }
}

function normalise(uri: string): string {
  if (/^urn:/i.test(uri)) return uri;
  try {
    return new URL(uri).href;
  } catch {
    return uri;
  }
}

export function stripFragment(uri: string): string {
  const hash = uri.indexOf('#');
  return hash === -1 ? uri : uri.slice(0, hash);
}

export function fragmentOf(uri: string): string {
  const hash = uri.indexOf('#');
  return hash === -1 ? '' : uri.slice(hash + 1);
}

export function schemeOf(uri: string): string {
  return /^([a-z][a-z0-9+.-]*):/i.exec(uri)?.[1]?.toLowerCase() ?? '';
}

export function safeDecode(fragment: string): string | undefined {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return undefined;
  }
}
