/**
 * Private name mangling as CPython 3.11's _Py_Mangle: inside class `C`, `__x` becomes `_C__x`.
 * Used by the symbol table (every name it records) and by the code generator (every name it emits).
 */

/**
 * The name `name` stands for inside a class whose mangling name is `privateName` (null outside any
 * class). Unchanged: names not starting with two underscores, dunder names (ending with two
 * underscores), dotted names (import of a package), and any name when the class name is only
 * underscores. Leading underscores of the class name are dropped: in `_C`, `__x` is `_C__x`.
 */
export function mangle(privateName: string | null, name: string): string {
  if (privateName === null || !name.startsWith("__")) return name;
  // CPython tests the last two characters of the name, so "__" itself counts as a dunder.
  if (name.endsWith("__") || name.includes(".")) return name;
  let start = 0;
  while (start < privateName.length && privateName[start] === "_") start++;
  if (start === privateName.length) return name;
  return "_" + privateName.slice(start) + name;
}
