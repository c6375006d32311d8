/**
 * The package name and version, embedded at build time: tsup (and vitest, for the tests) replace
 * `__SPLITSCAN_PACKAGE__` with `{ name, version }` of package.json, so `splitscan --version` and
 * every report's provenance name the release that ran.
 */
declare const __SPLITSCAN_PACKAGE__: { readonly name: string; readonly version: string };

/** The tool as reports name it. */
export const TOOL: { readonly name: string; readonly version: string } = __SPLITSCAN_PACKAGE__;
