/** Regions the AWS Price List API answers from (its endpoints). */
export const PRICE_LIST_API_REGIONS = ["us-east-1", "eu-central-1", "ap-south-1"] as const;
