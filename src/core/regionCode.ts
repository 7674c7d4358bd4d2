/** An AWS region code: us-east-1, eu-west-2, us-gov-west-1. */
export const REGION_CODE = /^[a-z]{2}(?:-gov)?-[a-z]+-\d$/;
