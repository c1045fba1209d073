// What the doctor's checks read and what they produce, and the list each group of checks writes its items to.
export type CheckStatus = 'pass' | 'fail' | 'manual' | 'info';

export interface CheckResult {
  section: string;
  item: string;
  status: CheckStatus;
  detail: string;
}

/** What the checks read: the resolved wrangler config for the environment, variables + secrets, the database. */
export interface DoctorInput {
  envName: string;
  wrangler: {
    vars: Record<string, unknown>;
    kvNamespaces: { binding: string; id?: string }[];
    r2Buckets: { binding: string; bucket_name?: string }[];
    rateLimits: string[];
    crons: string[];
    observability: boolean;
    analyticsEngine: string[];
    queueProducers: { binding: string; queue: string }[];
    queueConsumers: { queue: string; dead_letter_queue?: string }[];
  };
  /** Variables and secrets as the Worker would see them (wrangler vars overlaid by secrets). */
  values: Record<string, string>;
  /** Fingerprints of IDENTSPHERE_JWT_SECRET in other environments (e.g. .dev.vars, staging). */
  otherSecretFingerprints: { source: string; fingerprint: string }[];
  database: {
    error?: string;
    serverVersionNum?: number;
    schemaExists?: boolean;
    pending?: string[];
    /** Access-token signing keys still published (undefined before the migration creating the table). */
    signingKeys?: number;
  } | null;
}

/** The checklist being written: an item checked (pass/fail), a manual step, or information. */
export interface Checklist {
  out: CheckResult[];
  check(section: string, item: string, ok: boolean, failDetail: string, passDetail?: string): void;
  manual(section: string, item: string, detail: string): void;
  info(section: string, item: string, detail: string): void;
}

export function newChecklist(): Checklist {
  const out: CheckResult[] = [];
  return {
    out,
    check: (section, item, ok, failDetail, passDetail = '') =>
      void out.push({ section, item, status: ok ? 'pass' : 'fail', detail: ok ? passDetail : failDetail }),
    manual: (section, item, detail) => void out.push({ section, item, status: 'manual', detail }),
    info: (section, item, detail) => void out.push({ section, item, status: 'info', detail }),
  };
}
