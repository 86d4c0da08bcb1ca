// Builds every assembly/test-entries/NAME.ts into build/test-entries/NAME.wasm (release flags).
// These small modules expose one part of the VM (big ints, float formatting, dicts, ...) to unit
// tests that fuzz it against a reference; the product module is build/vm.wasm (assembly/index.ts).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const dir = join(root, "assembly", "test-entries");
const out = join(root, "build", "test-entries");
mkdirSync(out, { recursive: true });
const entries = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".ts")).sort() : [];
const asc = join(root, "node_modules", ".bin", "asc");
let failed = 0;
for (const file of entries) {
  const name = file.replace(/\.ts$/, "");
  // An empty config: asc would otherwise apply asconfig.json's release target (the VM's own settings,
  // such as its imported memory) to these modules too.
  const config = join(root, "tools", "test-entries.asconfig.json");
  const args = [join(dir, file), "-o", join(out, `${name}.wasm`), "-O3", "--runtime", "stub", "--noAssert", "--config", config];
  const res = spawnSync(asc, args, { cwd: root, stdio: "inherit" });
  if (res.status !== 0) {
    console.error(`build-test-wasm: ${file} failed`);
    failed++;
  }
}
process.exit(failed ? 1 : 0);
