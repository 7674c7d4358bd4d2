/** AWS services reachable through a (free) gateway endpoint. */
export const GATEWAY_SERVICES: ReadonlySet<string> = new Set(["s3", "dynamodb"]);
