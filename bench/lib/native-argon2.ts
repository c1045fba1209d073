// Native argon2 (node-argon2: bindings to the reference C implementation) in its own process, so its CPU time
// is its own: one JSON request per stdin line {password, salt (base64), memoryKiB, iterations, parallelism},
// one JSON answer per stdout line {phc, wallMs, cpuMs} measured around the hash alone.

import { createInterface } from 'node:readline';
import argon2 from 'argon2';

interface Job {
  password: string;
  salt: string;
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

for await (const line of createInterface({ input: process.stdin })) {
  const job = JSON.parse(line) as Job;
  const cpu0 = process.cpuUsage();
  const started = process.hrtime.bigint();
  const phc = await argon2.hash(job.password, {
    type: argon2.argon2id,
    memoryCost: job.memoryKiB,
    timeCost: job.iterations,
    parallelism: job.parallelism,
    hashLength: 32,
    salt: Buffer.from(job.salt, 'base64'),
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  process.stdout.write(`${JSON.stringify({ phc, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 })}\n`);
}
