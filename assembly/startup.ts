/**
 * Start-up of static objects that need the type objects to exist. AssemblyScript runs each module's
 * top-level code in import order, and the VM's modules import each other in cycles, so a module's
 * top-level code can run before the globals of a module it uses are set. The entry file (and each
 * test entry) therefore calls initStatics() from its own top level, which runs last.
 */
import { initTypes } from "./types";
import { initStaticStrings } from "./str-ops";
import { initVariantHeaders } from "./type-variants";

let done = false;

export function initStatics(): void {
  if (done) return;
  done = true;
  initTypes();
  initVariantHeaders();
  initStaticStrings();
}
