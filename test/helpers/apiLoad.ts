import { generateOrganisation } from "../../bench/generateOrganisation.js";

/**
 * A synthetic organisation as JSON text (the benchmarks' generator): `vpcs` VPCs of 15
 * interface endpoints in 3 AZs, each with a workload, every 10th providing an endpoint
 * service to the others — the heaviest diagram per byte the generator makes.
 */
export function organisationJson(vpcs: number): string {
  return JSON.stringify(
    generateOrganisation({ vpcs, endpointsPerVpc: 15, azs: 3, workloadUses: 3, providerEvery: 10 }),
  );
}
