# The builtin exception hierarchy: each class's __mro__ names, isinstance/issubclass, catching by base class.
classes = [BaseException, Exception, ArithmeticError, ZeroDivisionError, OverflowError, FloatingPointError,
           LookupError, KeyError, IndexError, ValueError, UnicodeError, UnicodeDecodeError, UnicodeEncodeError,
           TypeError, AttributeError, NameError, UnboundLocalError, RuntimeError, RecursionError,
           NotImplementedError, StopIteration, StopAsyncIteration, GeneratorExit, KeyboardInterrupt, SystemExit,
           OSError, FileNotFoundError, PermissionError, TimeoutError, ConnectionError, ConnectionRefusedError,
           ImportError, ModuleNotFoundError, AssertionError, EOFError, MemoryError, SyntaxError, IndentationError,
           TabError, BufferError, Warning, UserWarning, DeprecationWarning, RuntimeWarning, BaseExceptionGroup,
           ExceptionGroup]
for c in classes:
    print(c.__name__, "->", " ".join(k.__name__ for k in c.__mro__[1:]))
print(EnvironmentError is OSError, IOError is OSError)
print(issubclass(KeyError, LookupError), issubclass(KeyboardInterrupt, Exception), issubclass(GeneratorExit, Exception))
print(isinstance(ZeroDivisionError(), ArithmeticError), isinstance(ValueError(), Exception), issubclass(bool, BaseException))
def catch(exc, handler_type):
    try:
        raise exc
    except handler_type as e:
        return f"{type(e).__name__} caught by {handler_type.__name__ if isinstance(handler_type, type) else 'tuple'}"
    except BaseException as e:
        return f"{type(e).__name__} escaped {handler_type.__name__ if isinstance(handler_type, type) else 'tuple'}"
print(catch(ZeroDivisionError("z"), ArithmeticError))
print(catch(KeyError("k"), LookupError))
print(catch(UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad"), ValueError))
print(catch(FileNotFoundError(), OSError))
print(catch(SystemExit(), Exception))
print(catch(RecursionError(), (TypeError, RuntimeError)))
print(catch(NotImplementedError(), RuntimeError))
print(catch(ModuleNotFoundError("m"), ImportError))
class AppError(Exception):
    pass
class DbError(AppError, LookupError):
    pass
print([k.__name__ for k in DbError.__mro__], catch(DbError(), LookupError), catch(DbError(), AppError))
print(OSError(2, "x").__class__.__name__, type(OSError(2, "x")).__name__)
