/** One user-facing text in both languages. `{name}` marks a parameter; both languages use the same ones. */
export interface Msg {
  readonly nb: string;
  readonly en: string;
}

/** A feature's part of the catalog: keys prefixed with the feature name, e.g. `help.title`. */
export type CatalogPart = Readonly<Record<string, Msg>>;
