/** Capacity of one load balancer capacity unit (NLCU / GLCU) per hour, by protocol. */
export interface LcuCapacity {
  newPerSecond: number;
  active: number;
  gbPerHour: number;
}

export const NLCU_CAPACITY: Record<"tcp" | "udp" | "tls", LcuCapacity> = {
  tcp: { newPerSecond: 800, active: 100_000, gbPerHour: 1 },
  udp: { newPerSecond: 400, active: 50_000, gbPerHour: 1 },
  tls: { newPerSecond: 50, active: 3_000, gbPerHour: 1 },
};

/** Gateway Load Balancer: one GLCU = 600 new flows/s, 60,000 active flows, 1 GB/hour. */
export const GLCU_CAPACITY: LcuCapacity = { newPerSecond: 600, active: 60_000, gbPerHour: 1 };
