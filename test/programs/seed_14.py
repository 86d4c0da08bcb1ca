# Seed chapter 23.20-23.21: creating code objects with compile() and running them with exec/eval.
code = compile("x = 1\n", "<input>", "exec")

ns = {}
exec(code, ns)

print(ns["x"])

code = compile("1 + 2", "<input>", "eval")

print(eval(code))

code = compile("x = 10\n", "<input>", "exec")

globals_dict = {}
locals_dict = {}

exec(code, globals_dict, locals_dict)

print(locals_dict["x"])

code = compile("x + 1", "<input>", "eval")

print(eval(code, {"x": 41}))
print(eval(code, {"x": 1}))
