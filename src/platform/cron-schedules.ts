/**
 * The frequent Cron Trigger (wrangler.toml `[triggers] crons`): the webhook sweep only, which delivers events whose
 * request could not enqueue them. Every other schedule runs the daily maintenance too.
 */
export const SWEEP_CRON = '* * * * *';
