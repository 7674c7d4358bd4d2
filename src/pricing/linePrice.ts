/** Where a line's rate comes from in the catalog (null for lines with no charge). */
export interface LinePrice {
  item: string;
  region: string;
  source: string;
  unverified: boolean;
}
