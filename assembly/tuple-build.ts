/**
 * Building small tuples from the results of calls that may fail.
 *
 *   tuple3(a, b, c)  a 3-tuple of new references (taken over; 0 where one failed) or NULL
 */
import { Value, NULL } from "./values";
import { decref } from "./refcount";
import { tupleAlloc, tupleSetItem } from "./tuple";

/** (a, b, c) from three new object references, taken over; NULL (the others dropped) if any is 0. */
export function tuple3(a: usize, b: usize, c: usize): Value {
  if (a == 0 || b == 0 || c == 0) {
    if (a != 0) decref(<Value>a);
    if (b != 0) decref(<Value>b);
    if (c != 0) decref(<Value>c);
    return NULL;
  }
  const t = tupleAlloc(3);
  if (t == 0) {
    decref(<Value>a);
    decref(<Value>b);
    decref(<Value>c);
    return NULL;
  }
  tupleSetItem(t, 0, <Value>a);
  tupleSetItem(t, 1, <Value>b);
  tupleSetItem(t, 2, <Value>c);
  return <Value>t;
}
