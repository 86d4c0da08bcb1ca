# Seed chapter 23.20: compile() of an AST (needs the ast module).
import ast

tree = ast.parse("x = 1\n")
code = compile(tree, "<ast>", "exec")

ns = {}
exec(code, ns)
print(ns["x"], code.co_filename, code.co_names)
