/**
 * Robustness fuzzer: operations generated from the public API schema, valid and slightly broken
 * (unknown fields and arguments, wrong types, NUL and 10 KB strings, lone surrogates, huge
 * numbers, empty ids, malformed bodies, bad operation names, subscriptions over HTTP, bad
 * persisted-query extensions …), sent through the router as a guest, a customer and an
 * administrator, against the whole platform on the local PostgreSQL and RabbitMQ.
 *
 *   npx tsx bench/fuzz.ts [--count 100000] [--seed 20261204] [--concurrency 12]
 *   npx tsx bench/fuzz.ts --seed 20261204 --case 968     # one case again, with its full answer
 *   npm run fuzz -w @storefront/bench -- --count 20000
 *
 * Prints the answers by HTTP status and by `extensions.code`, then every offending answer (a 5xx,
 * INTERNAL_SERVER_ERROR, or a body naming an internal URL, file path, stack frame or SQL) grouped
 * by cause, one full example each; exits 1 when there is any. The same seed sends the same
 * operations (e2e/test/fuzz.test.ts runs the first 2,000 of a fixed seed in `npm test`).
 */
import {
  countsReport,
  describeOutcome,
  groupsReport,
  replayCase,
  runFuzz,
  startFuzzPlatform,
} from "@storefront/e2e/fuzz";

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index !== -1 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
}
const COUNT = Number(option("count", "100000"));
const SEED = Number(option("seed", process.env.FUZZ_SEED ?? "20261204"));
const CONCURRENCY = Number(option("concurrency", "12"));
const CASE = option("case", "");

const fuzz = await startFuzzPlatform();
let exitCode = 0;
try {
  if (CASE) {
    // The seeded rows differ per run (fresh databases), so a case's ids are this run's, in the same places.
    const outcome = await replayCase(
      { url: fuzz.url, tokens: fuzz.tokens, generator: fuzz.generator(SEED), addresses: fuzz.addresses },
      Number(CASE),
    );
    console.log(describeOutcome(outcome, { seed: SEED }));
    console.log(`answer (${outcome.status ?? "none"}):\n${outcome.text}`);
    exitCode = outcome.findings.length ? 1 : 0;
  } else {
    console.log(`fuzzing ${COUNT} operations, seed ${SEED}, ${CONCURRENCY} in flight, router ${fuzz.url}`);
    const started = Date.now();
    const summary = await runFuzz({
      url: fuzz.url,
      tokens: fuzz.tokens,
      generator: fuzz.generator(SEED),
      count: COUNT,
      concurrency: CONCURRENCY,
      addresses: fuzz.addresses,
      keepOffending: 50,
      onProgress: (done) => {
        if (done % 5_000 === 0) {
          const rate = done / ((Date.now() - started) / 1000);
          process.stderr.write(`  ${done}/${COUNT} (${rate.toFixed(0)} ops/s)\n`);
        }
      },
    });
    console.log(countsReport(summary));
    if (!(await fuzz.identitiesStillSignedIn())) {
      console.log("the customer or administrator was signed out during the run: later cases ran as a guest");
    }
    console.log("by kind:");
    for (const [kind, count] of [...summary.byKind].sort((a, b) => b[1] - a[1])) {
      console.log(`  ${String(count).padStart(7)}  ${kind}`);
    }
    if (summary.offending) {
      exitCode = 1;
      console.log(
        `\n${summary.offending} offending answers in ${summary.groups.length} groups (cause | where, [kinds of case; identities]):\n`,
      );
      console.log(groupsReport(summary));
    } else {
      console.log("\nno offending answers");
    }
  }
} finally {
  await fuzz.stop();
}
process.exit(exitCode);
