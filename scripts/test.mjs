// `npm test`: type-checks, lints and runs every workspace's tests through Turborepo, then prints
// one line totalled over the whole run: "N passed, N failed[, N skipped]".
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const { workspaces } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));

function workspaceDirs() {
  return workspaces.flatMap((pattern) => {
    if (!pattern.endsWith("/*")) return [path.join(root, pattern)];
    const parent = path.join(root, pattern.slice(0, -2));
    return existsSync(parent) ? readdirSync(parent).map((name) => path.join(parent, name)) : [];
  });
}

const withTests = workspaceDirs().filter((dir) => {
  const manifest = path.join(dir, "package.json");
  return existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).scripts?.test;
});
const resultsDir = (dir) => path.join(dir, "test-results");
const resultFiles = (dir) =>
  existsSync(resultsDir(dir))
    ? readdirSync(resultsDir(dir))
        .filter((name) => name.endsWith(".json"))
        .map((name) => path.join(resultsDir(dir), name))
    : [];
for (const dir of withTests) for (const file of resultFiles(dir)) rmSync(file, { force: true });

const testsOnly = process.argv.includes("--tests-only");
const tasks = testsOnly ? ["test"] : ["typecheck", "lint", "test"];
const formatting = testsOnly
  ? { status: 0 }
  : spawnSync("npx", ["prettier", "--check", "--log-level=warn", "."], { cwd: root, stdio: "inherit" });
if (formatting.status !== 0) console.error("formatting differs from Prettier: run `npm run format`");
// Files at the root (the start script, shared configs) belong to no workspace; check them here.
const rootChecks = testsOnly
  ? { status: 0 }
  : spawnSync(
      "sh",
      ["-c", "npx tsc -p tsconfig.json && npx eslint scripts vitest.shared.ts eslint.config.js"],
      {
        cwd: root,
        stdio: "inherit",
      },
    );
const turbo = spawnSync("npx", ["turbo", "run", ...tasks, "--continue", "--concurrency=2"], {
  cwd: root,
  stdio: "inherit",
});
// Fault tests stop shared services (RabbitMQ), so they run alone, after everything else.
const faults = spawnSync("npm", ["run", "test:faults", "-w", "@storefront/e2e"], {
  cwd: root,
  stdio: "inherit",
});

let passed = 0;
let failed = 0;
let skipped = 0;
const reports = [];
const failures = [];
const firstLine = (text) => text?.split("\n")[0];
for (const dir of withTests) {
  const files = resultFiles(dir);
  if (!files.some((file) => file.endsWith("vitest.json"))) {
    // The workspace's tests never reported (a crash, or an earlier task failed): count it as a failure.
    console.error(`no test results from ${path.relative(root, dir)}`);
    failed += 1;
  }
  reports.push(...files);
}
if (!reports.some((file) => file.endsWith("faults.json"))) {
  console.error("no results from the fault tests");
  failed += 1;
}
for (const file of reports) {
  const report = JSON.parse(readFileSync(file, "utf8"));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  // A test file that failed to load has no test results of its own but must count.
  for (const suite of report.testResults) {
    const where = path.relative(root, suite.name);
    if (suite.status === "failed" && suite.assertionResults.length === 0) {
      failed += 1;
      failures.push(`${where}: ${firstLine(suite.message) ?? "failed to load"}`);
    }
    for (const test of suite.assertionResults) {
      if (test.status === "failed") {
        failures.push(`${where} > ${test.fullName}: ${firstLine(test.failureMessages?.[0]) ?? ""}`);
      }
    }
  }
}
// Named again at the end, so a log cut to its last lines still says what failed.
if (failures.length > 0) console.error(`failed:\n${failures.map((name) => `  ${name}`).join("\n")}`);
const problems = [turbo, faults, formatting, rootChecks].some((step) => step.status !== 0);
if (problems && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || problems ? 1 : 0);
