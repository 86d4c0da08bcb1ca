/**
 * Frozen modules (tools/frozen-source.ts):
 *   npx vite-node tools/gen-frozen.ts           writes assembly/frozen.generated.ts
 *   npx vite-node tools/gen-frozen.ts --check   exit 1 when that file is not what this writes
 */
import { readFileSync, writeFileSync } from "node:fs";
import { frozenSource, FROZEN_OUT } from "./frozen-source.js";

const text = frozenSource();
if (process.argv.includes("--check")) {
  if (readFileSync(FROZEN_OUT, "utf8") !== text) {
    console.error("assembly/frozen.generated.ts is out of date: run npx vite-node tools/gen-frozen.ts");
    process.exit(1);
  }
} else {
  writeFileSync(FROZEN_OUT, text);
}
