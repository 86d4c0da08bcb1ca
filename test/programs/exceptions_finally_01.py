# finally ordering, return/break/continue interacting with finally, exceptions replaced in finally.
def f1():
    try:
        return "try"
    finally:
        print("  f1 finally")

def f2():
    try:
        return "try"
    finally:
        return "finally wins"

def f3():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed by return"

def f4():
    for i in range(5):
        try:
            if i == 3:
                return i
        finally:
            print("  f4 finally", i)

def f5():
    result = []
    for i in range(4):
        try:
            if i % 2:
                continue
            result.append(i)
        finally:
            result.append(-i)
    return result

def f6():
    try:
        try:
            raise KeyError("first")
        finally:
            print("  f6 inner finally")
    except KeyError as e:
        return f"caught {e}"

def f7():
    x = []
    try:
        x.append(1)
        return x
    finally:
        x.append(2)

def f8():
    try:
        raise ValueError("original")
    finally:
        try:
            raise TypeError("in finally")
        except TypeError:
            pass

for f in [f1, f2, f3, f4, f5, f6, f7]:
    print(f.__name__, f())
try:
    f8()
except ValueError as e:
    print("f8 still raises", e)

def f9():
    while True:
        try:
            break
        finally:
            print("  f9 finally on break")
    return "after loop"
print(f9())

def counter():
    n = 0
    try:
        while True:
            n += 1
            if n == 3:
                raise StopIteration("three")
    except StopIteration as s:
        return n, s.args
    finally:
        n = 100
print(counter())
try:
    try:
        raise ValueError("A")
    finally:
        raise TypeError("B")
except TypeError as t:
    print(t, "context", repr(t.__context__))
