# The rest of the builtin exception tree: OSError subclasses, warnings, Unicode errors, group types; catching by base and by tuple.
tree = [ArithmeticError, FloatingPointError, OverflowError, ZeroDivisionError, AssertionError, AttributeError, BufferError, EOFError,
        ImportError, ModuleNotFoundError, LookupError, IndexError, KeyError, MemoryError, NameError, UnboundLocalError, OSError,
        BlockingIOError, ChildProcessError, ConnectionError, BrokenPipeError, ConnectionAbortedError, ConnectionRefusedError,
        ConnectionResetError, FileExistsError, FileNotFoundError, InterruptedError, IsADirectoryError, NotADirectoryError,
        PermissionError, ProcessLookupError, TimeoutError, ReferenceError, RuntimeError, NotImplementedError, RecursionError,
        StopAsyncIteration, StopIteration, SyntaxError, IndentationError, TabError, SystemError, TypeError, ValueError,
        UnicodeError, UnicodeDecodeError, UnicodeEncodeError, UnicodeTranslateError, Warning, BytesWarning, DeprecationWarning,
        EncodingWarning, FutureWarning, ImportWarning, PendingDeprecationWarning, ResourceWarning, RuntimeWarning, SyntaxWarning,
        UnicodeWarning, UserWarning, GeneratorExit, KeyboardInterrupt, SystemExit, BaseExceptionGroup, ExceptionGroup]
for cls in tree:
    print(f"{cls.__name__:26} base={cls.__base__.__name__:18} bases={[b.__name__ for b in cls.__bases__]}")
print(len(tree), all(issubclass(c, BaseException) for c in tree))
print(sorted(c.__name__ for c in tree if not issubclass(c, Exception)))
def classify(exc):
    try:
        raise exc
    except (FileNotFoundError, PermissionError) as e:
        return f"{type(e).__name__}: file problem"
    except OSError as e:
        return f"{type(e).__name__}: other OS problem"
    except (KeyError, IndexError) as e:
        return f"{type(e).__name__}: lookup"
    except ArithmeticError as e:
        return f"{type(e).__name__}: arithmetic"
    except Warning as e:
        return f"{type(e).__name__}: warning raised as exception"
    except Exception as e:
        return f"{type(e).__name__}: generic"
    except BaseException as e:
        return f"{type(e).__name__}: base only"
for exc in [FileNotFoundError("f"), IsADirectoryError(), BrokenPipeError(), KeyError(1), IndexError(), OverflowError(), FloatingPointError(),
            UserWarning("w"), DeprecationWarning(), UnicodeTranslateError("x", 0, 1, "r"), RecursionError(), KeyboardInterrupt(), GeneratorExit()]:
    print(classify(exc))
print(OSError(2, "x").__class__.__name__, OSError(13, "x").__class__.__name__, OSError(17, "x").__class__.__name__,
      OSError(32, "x").__class__.__name__, OSError(110, "x").__class__.__name__, OSError(999, "x").__class__.__name__)
print(IOError is OSError, EnvironmentError is OSError, issubclass(TimeoutError, OSError), issubclass(ModuleNotFoundError, ImportError))
print(str(UnicodeTranslateError("abc", 1, 2, "bad")), repr(BlockingIOError(11, "again", 3)), BlockingIOError(11, "again", 3).characters_written)
print(SyntaxError("msg", ("f.py", 3, 5, "bad code", 3, 8)).lineno, SyntaxError("msg", ("f.py", 3, 5, "bad code", 3, 8)).text, str(SyntaxError("plain")))
print(issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, Exception), ExceptionGroup.__mro__[1].__name__)
