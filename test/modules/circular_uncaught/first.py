import second

def f():
    return second.g()
