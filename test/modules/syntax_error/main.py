import sys
try:
    import unclosed
except SyntaxError as e:
    print(type(e).__name__, e)
    print(e.msg, e.filename, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)
try:
    import badindent
except SyntaxError as e:
    print(type(e).__name__, isinstance(e, IndentationError), e)
print("unclosed" in sys.modules, "badindent" in sys.modules)
