/**
 * The local authority an LSOA name starts with: "Wycombe 012A" → "Wycombe",
 * "South Bucks 002C" → "South Bucks". A name without the trailing code is kept whole.
 */
export function lsoaPrefix(lsoaName: string): string {
  const name = lsoaName.trim();
  const match = /^(.*\S)\s+\d{3}[A-Z]$/.exec(name);
  return match?.[1] ?? name;
}
