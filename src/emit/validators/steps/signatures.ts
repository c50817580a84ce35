const FULL_SIGNATURE = '{instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}';

/**
 * Functions that never read parent or root data (no `$data`, no native ref passing
 * them on) take the instance path as a plain second argument: no options object is
 * built or destructured on each call. Such a module is only ever called as
 * `validateX(data)`, by users and by other modules (see external-ref-keyword).
 */
export function shortenSignatures(code: string): string {
  const withoutSignatures = code.split(FULL_SIGNATURE).join('');
  if (/\b(parentData|parentDataProperty|rootData|dynamicAnchors)\b/.test(withoutSignatures)) return code;
  return code.split(FULL_SIGNATURE).join('instancePath=""');
}
