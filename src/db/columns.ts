import { timestamp } from 'drizzle-orm/pg-core';

/** A timestamptz column read as a Date: every point in time is stored with its zone. */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
