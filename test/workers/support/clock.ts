// A clock the test sets and advances, passed to the app as `deps.clock` (withDeps, clockedEnv, flowEnv, oauthEnv).
import type { Clock } from '../../../src/platform/clock.ts';

export class ManualClock implements Clock {
  private t: number;
  constructor(start: Date | number = Date.now()) {
    this.t = typeof start === 'number' ? start : start.getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  set(at: Date | number): void {
    this.t = typeof at === 'number' ? at : at.getTime();
  }
  advance(ms: number): void {
    this.t += ms;
  }
}
