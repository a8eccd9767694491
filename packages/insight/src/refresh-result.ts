/** What one refresh of the indicator cells (or the publication of a benchmark) did. */
export interface RefreshResult {
  kind: 'full' | 'incremental' | 'publish';
  fromEventId: number;
  toEventId: number;
  cells: number;
  indicators: number;
}
