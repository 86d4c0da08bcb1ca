# Exception flow: bare raise inside nested handlers re-raises the one being handled, sys.exc_info() at each level, except* free, re-raise after finally.
import sys
def current():
    t, v, tb = sys.exc_info()
    return None if t is None else f"{t.__name__}({v})"
def nested_handlers():
    try:
        raise ValueError("outer")
    except ValueError:
        print("  in outer handler:", current())
        try:
            raise KeyError("inner")
        except KeyError:
            print("  in inner handler:", current())
        print("  back in outer handler:", current())
        raise
try:
    nested_handlers()
except ValueError as e:
    print("re-raised:", repr(e), "context:", repr(e.__context__))
print("outside any handler:", current())
def raise_in_finally_after_handled():
    try:
        try:
            raise TypeError("first")
        except TypeError:
            pass
        finally:
            print("  finally sees:", current())
    finally:
        pass
    return "ok"
print(raise_in_finally_after_handled())
def bare_raise_without_active():
    try:
        raise
    except RuntimeError as e:
        return f"RuntimeError: {e}"
print(bare_raise_without_active())
def handler_in_function_called_from_handler():
    return current()
try:
    raise IndexError("idx")
except IndexError:
    print("called from handler:", handler_in_function_called_from_handler())
def generator_sees():
    yield current()
try:
    raise LookupError("lk")
except LookupError:
    g = generator_sees()
    print("generator started in handler:", next(g))
g2 = generator_sees()
try:
    raise OSError("os")
except OSError:
    pass
print("generator started outside:", next(g2))
def swallow_and_return():
    for attempt in range(3):
        try:
            if attempt < 2:
                raise ConnectionError(f"attempt {attempt}")
            return f"succeeded on {attempt}"
        except ConnectionError as e:
            print("  retrying after", e)
print(swallow_and_return())
def except_order():
    for exc in [KeyError("k"), IndexError("i"), LookupError("l"), ValueError("v")]:
        try:
            raise exc
        except KeyError:
            print("  KeyError branch")
        except (IndexError, ValueError) as e:
            print("  tuple branch", type(e).__name__)
        except LookupError:
            print("  LookupError branch")
except_order()
def exception_variable_scope():
    e = "before"
    try:
        raise ValueError("x")
    except ValueError as e:
        pass
    return "e" in locals()
print("exception variable deleted after handler:", not exception_variable_scope())
try:
    try:
        raise ValueError("a")
    except ValueError as first:
        raise first
except ValueError as again:
    print("same object re-raised:", again.args, again.__context__)
