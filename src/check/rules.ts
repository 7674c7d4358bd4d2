import type { CheckRule } from "./checkRule.js";
import { azNotServedByProvider } from "./rules/azNotServedByProvider.js";
import { endpointPolicyFullAccess } from "./rules/endpointPolicyFullAccess.js";
import { endpointQuota } from "./rules/endpointQuota.js";
import { endpointServiceNoPrincipals } from "./rules/endpointServiceNoPrincipals.js";
import { endpointServiceOpen } from "./rules/endpointServiceOpen.js";
import { interfaceWhereGatewayFree } from "./rules/interfaceWhereGatewayFree.js";
import { privateDnsConflict } from "./rules/privateDnsConflict.js";
import { providerSingleAz } from "./rules/providerSingleAz.js";
import { singleAzEndpointProd } from "./rules/singleAzEndpointProd.js";

/** Every rule of `linkplan check`, in the order findings are listed within a severity. */
export const RULES: readonly CheckRule[] = [
  privateDnsConflict,
  azNotServedByProvider,
  providerSingleAz,
  endpointPolicyFullAccess,
  endpointServiceOpen,
  endpointServiceNoPrincipals,
  endpointQuota,
  interfaceWhereGatewayFree,
  singleAzEndpointProd,
];
