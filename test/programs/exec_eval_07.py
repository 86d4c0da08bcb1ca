# an uncaught error inside exec'd code: "<string>" frames (no source line), and the NameError
# suggestion taken from the exec'd code's own globals
ns = {"counter": 3}
exec("def step(n):\n    return n / (counter - 3)\n", ns)
def run():
    return ns["step"](1)
try:
    run()
except ZeroDivisionError as e:
    print("caught", e)
eval("countr + 1", ns)
