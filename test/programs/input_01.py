# input() with no stdin data: the prompt is written to stdout, then EOFError("EOF when reading a line") is raised.
print("before input")
try:
    value = input()
except EOFError as e:
    print("EOFError:", e, repr(e), e.args)
try:
    value = input("prompt> ")
except EOFError as e:
    print()
    print("EOFError with prompt:", e)
try:
    input("a", "b")
except TypeError as e:
    print("TypeError:", e)
def ask():
    return input("nested? ")
try:
    ask()
except EOFError:
    print("\ncaught from nested call")
print("done")
