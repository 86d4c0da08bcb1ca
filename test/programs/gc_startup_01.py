# Start-up objects (types, sys, builtins) stay tracked but never collected; cycles through them
# live, new cycles die (assembly/gc-tables.ts start-up array).
import gc, sys
print(gc.is_tracked(sys.modules), gc.is_tracked(sys), gc.is_tracked(sys.path), gc.is_tracked(print))
print(gc.is_tracked(ValueError), gc.is_tracked(int), gc.is_tracked(object.__dict__))
# a cycle through a start-up object stays alive; a cycle of new objects is collected
class Node:
    pass
a = Node(); b = Node(); a.b = b; b.a = a
sys.keep = a
del a, b
print(gc.collect())
print(type(sys.keep.b).__name__)
del sys.keep
print(gc.collect())
x = []; x.append(x); del x
print(gc.collect())
