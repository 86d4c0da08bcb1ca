# an uncaught SyntaxError from exec: the traceback shows the location block, as CPython prints it
def load(src):
    namespace = {}
    exec(src, namespace)
    return namespace

print(load("answer = 42")["answer"])
load("value = [1, 2,\n  3 4]\n")
