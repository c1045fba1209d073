/** One data point per request: what the operator's alerts are computed from (see README, Observability). */
export interface RequestMetric {
  route: string; // route pattern, e.g. /v1/auth/login (never the raw path: ids would explode cardinality)
  method: string;
  status: number;
  durationMs: number;
  country: string;
}

export interface Metrics {
  record(point: RequestMetric): void;
}

/**
 * Workers Analytics Engine. Layout (query it with SQL over the HTTP API):
 * blob1 = route, blob2 = method, blob3 = country, double1 = status, double2 = duration ms, index1 = route.
 */
export class AnalyticsEngineMetrics implements Metrics {
  private readonly dataset: AnalyticsEngineDataset;

  constructor(dataset: AnalyticsEngineDataset) {
    this.dataset = dataset;
  }

  record(p: RequestMetric): void {
    this.dataset.writeDataPoint({
      blobs: [p.route, p.method, p.country],
      doubles: [p.status, p.durationMs],
      indexes: [p.route.slice(0, 96)],
    });
  }
}

/** In-memory twin (tests, and running without the binding): keeps the latest points. */
export class MemoryMetrics implements Metrics {
  readonly points: RequestMetric[] = [];

  record(p: RequestMetric): void {
    this.points.push(p);
    if (this.points.length > 1000) this.points.shift();
  }
}
