# A small interpreter: tokenize and parse a toy language into tuples, compile it to a stack
# bytecode, and run that in a dispatch loop (string scanning, recursion, list-based stacks).
N = 10000  # bench: quick=300

SOURCE = """
count = 0; total = 0; n = 2;
while n < LIMIT {
    d = 2; prime = 1;
    while d * d <= n {
        if n % d == 0 { prime = 0; d = n; }
        d = d + 1;
    }
    if prime { count = count + 1; total = total + n * count % 97; }
    n = n + 1;
}
"""


def tokenize(src):
    toks = []
    i = 0
    while i < len(src):
        c = src[i]
        if c in " \n\t":
            i += 1
        elif c.isdigit():
            j = i
            while j < len(src) and src[j].isdigit():
                j += 1
            toks.append(("num", int(src[i:j])))
            i = j
        elif c.isalpha():
            j = i
            while j < len(src) and (src[j].isalpha() or src[j] == "_"):
                j += 1
            word = src[i:j]
            toks.append(("kw" if word in ("while", "if") else "name", word))
            i = j
        else:
            two = src[i:i + 2]
            if two in ("<=", "==", "!=", ">="):
                toks.append(("op", two))
                i += 2
            else:
                toks.append(("op", c))
                i += 1
    toks.append(("end", None))
    return toks


class Parser:
    PREC = {"==": 1, "!=": 1, "<": 2, "<=": 2, ">": 2, ">=": 2, "+": 3, "-": 3, "*": 4, "%": 4}

    def __init__(self, toks):
        self.toks = toks
        self.pos = 0

    def peek(self):
        return self.toks[self.pos]

    def take(self, value=None):
        tok = self.toks[self.pos]
        if value is not None and tok[1] != value:
            raise SyntaxError("expected %s, got %s" % (value, tok[1]))
        self.pos += 1
        return tok

    def block(self):
        stmts = []
        while self.peek()[0] != "end" and self.peek()[1] != "}":
            stmts.append(self.statement())
        return stmts

    def statement(self):
        kind, value = self.peek()
        if kind == "kw":
            self.take()
            cond = self.expr(0)
            self.take("{")
            body = self.block()
            self.take("}")
            return (value, cond, body)
        name = self.take()[1]
        self.take("=")
        e = self.expr(0)
        self.take(";")
        return ("set", name, e)

    def expr(self, min_prec):
        left = self.atom()
        while True:
            kind, op = self.peek()
            prec = self.PREC.get(op, 0) if kind == "op" else 0
            if prec <= min_prec:
                return left
            self.take()
            left = ("bin", op, left, self.expr(prec))

    def atom(self):
        kind, value = self.take()
        if kind == "num":
            return ("num", value)
        if kind == "name":
            return ("var", value)
        e = self.expr(0)
        self.take(")")
        return e


def compile_block(stmts, code):
    for s in stmts:
        if s[0] == "set":
            compile_expr(s[2], code)
            code.append(("store", s[1]))
        elif s[0] == "if":
            compile_expr(s[1], code)
            jump = len(code)
            code.append(None)
            compile_block(s[2], code)
            code[jump] = ("jump_if_false", len(code))
        else:
            top = len(code)
            compile_expr(s[1], code)
            jump = len(code)
            code.append(None)
            compile_block(s[2], code)
            code.append(("jump", top))
            code[jump] = ("jump_if_false", len(code))
    return code


def compile_expr(e, code):
    if e[0] == "num":
        code.append(("push", e[1]))
    elif e[0] == "var":
        code.append(("load", e[1]))
    else:
        compile_expr(e[2], code)
        compile_expr(e[3], code)
        code.append(("bin", e[1]))


def run(code, env):
    stack = []
    pc = 0
    end = len(code)
    while pc < end:
        op, arg = code[pc]
        pc += 1
        if op == "load":
            stack.append(env[arg])
        elif op == "push":
            stack.append(arg)
        elif op == "store":
            env[arg] = stack.pop()
        elif op == "bin":
            b = stack.pop()
            a = stack.pop()
            if arg == "+":
                stack.append(a + b)
            elif arg == "-":
                stack.append(a - b)
            elif arg == "*":
                stack.append(a * b)
            elif arg == "%":
                stack.append(a % b)
            elif arg == "<":
                stack.append(1 if a < b else 0)
            elif arg == "<=":
                stack.append(1 if a <= b else 0)
            elif arg == "==":
                stack.append(1 if a == b else 0)
            else:
                raise ValueError("unknown operator " + arg)
        elif op == "jump_if_false":
            if not stack.pop():
                pc = arg
        else:
            pc = arg
    return env


parses = 0
for _ in range(20):
    tree = Parser(tokenize(SOURCE)).block()
    parses += len(tree)
code = compile_block(tree, [])
env = run(code, {"LIMIT": N})
print("parsed %d statements, %d instructions" % (parses, len(code)))
print("primes below %d: %d, checksum %d" % (N, env["count"], env["total"]))
