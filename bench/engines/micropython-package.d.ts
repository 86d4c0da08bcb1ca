// The npm package ships no type declarations; bench/engines/micropython.ts uses this much of it.
declare module "@micropython/micropython-webassembly-pyscript" {
  export function loadMicroPython(options: {
    heapsize?: number;
    pystack?: number;
    linebuffer?: boolean;
    stdout?: (line: string) => void;
    stderr?: (line: string) => void;
  }): Promise<unknown>;
}
