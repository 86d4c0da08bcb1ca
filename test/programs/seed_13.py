# Seed chapter 23.4-23.6: module, expression and interactive code objects from compile().
src = """
x = 1
y = 2
print(x + y)
"""

code = compile(src, "example.py", "exec")

print(code.co_name)
print(code.co_filename)
print(code.co_consts)
print(code.co_names)
print(code.co_varnames)
exec(code)

code = compile("1 + 2", "<input>", "eval")
result = eval(code)

print(result)

compile("x = 1", "<input>", "exec")
compile("1 + 2", "<input>", "eval")

code = compile("1 + 2", "<stdin>", "single")
exec(code)
