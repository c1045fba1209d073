/** A setting that is missing or wrong, and why (configuration checks report a list of them). */
export interface ConfigProblem {
  setting: string;
  reason: string;
}
