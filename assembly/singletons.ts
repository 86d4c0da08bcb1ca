/** Static singleton objects beyond None/True/False (which are immediates): NotImplemented. */
import { initStaticHeader } from "./object";
import { typeObject, KIND_NOT_IMPLEMENTED } from "./types";

/** NotImplemented: a header-only immortal object of type NotImplementedType. */
export const NOT_IMPLEMENTED: usize = memory.data(8, 8);

export function initSingletons(): void {
  initStaticHeader(NOT_IMPLEMENTED, typeObject(KIND_NOT_IMPLEMENTED));
}
