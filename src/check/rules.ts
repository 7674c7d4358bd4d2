import type { CheckRule } from "./checkRule.js";
import { azNotServedByProvider } from "./rules/azNotServedByProvider.js";
import { crossRegionNotEnabled } from "./rules/crossRegionNotEnabled.js";
import { endpointPolicyFullAccess } from "./rules/endpointPolicyFullAccess.js";
import { endpointQuota } from "./rules/endpointQuota.js";
import { endpointServiceNoPrincipals } from "./rules/endpointServiceNoPrincipals.js";
import { endpointServiceOpen } from "./rules/endpointServiceOpen.js";
import { endpointSgBlocksHttps } from "./rules/endpointSgBlocksHttps.js";
import { gwlbEndpointOneSubnet } from "./rules/gwlbEndpointOneSubnet.js";
import { interfaceWhereGatewayFree } from "./rules/interfaceWhereGatewayFree.js";
import { phzNotAssociated } from "./rules/phzNotAssociated.js";
import { privateDnsConflict } from "./rules/privateDnsConflict.js";
import { privateDnsCrossVpc } from "./rules/privateDnsCrossVpc.js";
import { privateDnsNeedsVpcDns } from "./rules/privateDnsNeedsVpcDns.js";
import { providerSingleAz } from "./rules/providerSingleAz.js";
import { singleAzEndpointProd } from "./rules/singleAzEndpointProd.js";

/** Every rule of `linkplan check`, in the order findings are listed within a severity. */
export const RULES: readonly CheckRule[] = [
  privateDnsNeedsVpcDns,
  privateDnsConflict,
  azNotServedByProvider,
  phzNotAssociated,
  endpointSgBlocksHttps,
  gwlbEndpointOneSubnet,
  providerSingleAz,
  privateDnsCrossVpc,
  endpointPolicyFullAccess,
  endpointServiceOpen,
  endpointServiceNoPrincipals,
  endpointQuota,
  crossRegionNotEnabled,
  interfaceWhereGatewayFree,
  singleAzEndpointProd,
];
