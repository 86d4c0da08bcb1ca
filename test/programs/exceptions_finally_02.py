# try/except/else/finally control flow: return/break/continue in finally, else skipped or run, nested handlers, loops.
def flow(raise_in_try, op):
    trace = []
    for i in range(3):
        try:
            trace.append(f"try{i}")
            if raise_in_try:
                raise ValueError(i)
        except ValueError:
            trace.append(f"except{i}")
        else:
            trace.append(f"else{i}")
        finally:
            trace.append(f"finally{i}")
            if op == "continue":
                continue
            if op == "break" and i == 1:
                break
            if op == "return" and i == 0:
                return trace + ["returned"]
        trace.append(f"after{i}")
    return trace

for r in (False, True):
    for op in ("none", "continue", "break", "return"):
        print(r, op, flow(r, op))

def swallow_in_finally():
    for i in range(2):
        try:
            raise KeyError(i)
        finally:
            continue
    return "continue in finally swallowed both"
print(swallow_in_finally())

def break_swallows():
    while True:
        try:
            1 / 0
        finally:
            break
    return "break in finally swallowed"
print(break_swallows())

def return_overrides_return():
    try:
        return "try"
    finally:
        return "finally"
print(return_overrides_return())

def else_return():
    try:
        pass
    except Exception:
        return "except"
    else:
        return "else"
    finally:
        print("  finally before else's return")
print(else_return())

def else_raises():
    try:
        try:
            pass
        except ValueError:
            return "not here"
        else:
            raise ValueError("from else")
    except ValueError as e:
        return f"outer caught {e}"
print(else_raises())

def nested_finally_order():
    order = []
    try:
        try:
            try:
                raise IndexError("deep")
            finally:
                order.append("f1")
        finally:
            order.append("f2")
    except IndexError:
        order.append("caught")
    finally:
        order.append("f3")
    return order
print(nested_finally_order())

def finally_sees_value():
    x = "initial"
    try:
        x = "set in try"
        return x
    finally:
        x = "changed in finally (not returned)"
        print("  finally x =", x)
print(finally_sees_value())

def exc_var_cleared():
    try:
        raise ValueError("v")
    except ValueError as e:
        pass
    try:
        return e
    except UnboundLocalError as u:
        return "UnboundLocalError: " + str(u)
print(exc_var_cleared())

def counting_loop():
    count = 0
    while count < 10:
        try:
            count += 1
            if count % 3 == 0:
                continue
            if count == 8:
                break
        finally:
            count += 0
    return count
print(counting_loop())
def exception_in_except():
    try:
        try:
            raise ValueError("one")
        except ValueError:
            raise TypeError("two")
        finally:
            print("  finally runs while TypeError propagates")
    except TypeError as e:
        return f"got {e!r} with context {e.__context__!r}"
print(exception_in_except())
