/** Where the VPC of `vpcYaml` is, and what its account holds besides. */
export interface VpcYamlOptions {
  /** the VPC's region (default us-east-1) */
  region?: string;
  /** the VPC's AZs, as suffixes of the region (default a, b and c) */
  azs?: string[];
  /** more members of the account, as YAML lines indented by four spaces */
  account?: string;
}

/**
 * A topology (YAML) named "test" of one account "shared" with one VPC "main", which holds
 * `body` (YAML lines, indented under the VPC here).
 */
export function vpcYaml(body: string, options: VpcYamlOptions = {}): string {
  const region = options.region ?? "us-east-1";
  const azs = (options.azs ?? ["a", "b", "c"]).map((z) => `${region}${z}`);
  const lines = body
    .replace(/^\n+|\s+$/g, "")
    .split("\n")
    .map((l) => (l.trim() ? `        ${l}` : l));
  return `name: test
accounts:
  - id: shared
    vpcs:
      - id: main
        region: ${region}
        azs: [${azs.join(", ")}]
${lines.join("\n")}
${options.account ?? ""}`;
}

/**
 * A topology (data) named `name` of one account "a" with one VPC "v" in us-east-1a, which
 * holds `vpc` besides.
 */
export function oneVpc(vpc: Record<string, unknown> = {}, name = "t") {
  return {
    name,
    accounts: [{ id: "a", vpcs: [{ id: "v", region: "us-east-1", azs: ["us-east-1a"], ...vpc }] }],
  };
}
