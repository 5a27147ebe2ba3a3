/** One user-facing text in both languages. `{name}` marks a parameter; both languages use the same ones. */
export interface Msg {
  readonly nb: string;
  readonly en: string;
}

/**
 * A feature's part of the catalog: keys prefixed with the feature name, e.g. `help.title`. Every text
 * is written as one block, `nb` over `en`, however short: one shape for every entry, so the two
 * languages line up in review and a longer translation never reflows its neighbours.
 */
export type CatalogPart = Readonly<Record<string, Msg>>;
