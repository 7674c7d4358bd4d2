import type { CheckRule } from "./checkRule.js";
import { azNotServedByProvider } from "./rules/azNotServedByProvider.js";
import { crossRegionNotEnabled } from "./rules/crossRegionNotEnabled.js";
import { endpointPolicyFullAccess } from "./rules/endpointPolicyFullAccess.js";
import { endpointQuota } from "./rules/endpointQuota.js";
import { endpointServiceNoPrincipals } from "./rules/endpointServiceNoPrincipals.js";
import { endpointServiceOpen } from "./rules/endpointServiceOpen.js";
import { endpointSgBlocksHttps } from "./rules/endpointSgBlocksHttps.js";
import { gatewayEndpointRouteMissing } from "./rules/gatewayEndpointRouteMissing.js";
import { gwlbEndpointOneSubnet } from "./rules/gwlbEndpointOneSubnet.js";
import { interfaceWhereGatewayFree } from "./rules/interfaceWhereGatewayFree.js";
import { natCrossAz } from "./rules/natCrossAz.js";
import { nlbCrossZoneOffUneven } from "./rules/nlbCrossZoneOffUneven.js";
import { phzNotAssociated } from "./rules/phzNotAssociated.js";
import { privateDnsConflict } from "./rules/privateDnsConflict.js";
import { privateDnsCrossVpc } from "./rules/privateDnsCrossVpc.js";
import { privateDnsNeedsVpcDns } from "./rules/privateDnsNeedsVpcDns.js";
import { providerSingleAz } from "./rules/providerSingleAz.js";
import { singleAzEndpointProd } from "./rules/singleAzEndpointProd.js";
import { tgwAttachmentAzGap } from "./rules/tgwAttachmentAzGap.js";

/** Every rule of `linkplan check`, in the order findings are listed within a severity. */
export const RULES: readonly CheckRule[] = [
  privateDnsNeedsVpcDns,
  privateDnsConflict,
  privateDnsCrossVpc,
  endpointSgBlocksHttps,
  gatewayEndpointRouteMissing,
  azNotServedByProvider,
  providerSingleAz,
  nlbCrossZoneOffUneven,
  gwlbEndpointOneSubnet,
  endpointPolicyFullAccess,
  endpointServiceOpen,
  endpointServiceNoPrincipals,
  crossRegionNotEnabled,
  phzNotAssociated,
  natCrossAz,
  interfaceWhereGatewayFree,
  endpointQuota,
  tgwAttachmentAzGap,
  singleAzEndpointProd,
];
