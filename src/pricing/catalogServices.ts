import {
  type AwsServiceReference,
  awsServiceReference,
  BUNDLED_AWS_SERVICES,
} from "../topology/awsReference.js";
import type { PriceCatalog } from "./catalogSchema.js";

/**
 * The AWS services a topology priced with `catalog` is validated against: the catalog's
 * service list (written by `prices refresh`) where it was read, the bundled list elsewhere;
 * the bundled list alone for a catalog without one.
 */
export function catalogServices(catalog: PriceCatalog): AwsServiceReference {
  return catalog.services ? awsServiceReference(catalog.services) : BUNDLED_AWS_SERVICES;
}
