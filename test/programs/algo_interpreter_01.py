# A tiny tokenizer + recursive-descent parser + evaluator for arithmetic with variables.
def tokenize(src):
    tokens, i = [], 0
    while i < len(src):
        ch = src[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit():
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            text = src[i:j]
            tokens.append(("num", float(text) if "." in text else int(text)))
            i = j
        elif ch.isalpha():
            j = i
            while j < len(src) and src[j].isalnum():
                j += 1
            tokens.append(("name", src[i:j]))
            i = j
        elif ch in "+-*/()^=%":
            tokens.append(("op", ch))
            i += 1
        else:
            raise SyntaxError(f"bad character {ch!r} at {i}")
    return tokens
class Parser:
    def __init__(self, tokens):
        self.toks = tokens
        self.pos = 0
    def peek(self):
        return self.toks[self.pos] if self.pos < len(self.toks) else ("eof", None)
    def take(self):
        tok = self.peek()
        self.pos += 1
        return tok
    def expr(self):
        node = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            node = (self.take()[1], node, self.term())
        return node
    def term(self):
        node = self.factor()
        while self.peek() in (("op", "*"), ("op", "/"), ("op", "%")):
            node = (self.take()[1], node, self.factor())
        return node
    def factor(self):
        base = self.unary()
        if self.peek() == ("op", "^"):
            self.take()
            return ("^", base, self.factor())
        return base
    def unary(self):
        if self.peek() == ("op", "-"):
            self.take()
            return ("neg", self.unary())
        return self.atom()
    def atom(self):
        kind, val = self.take()
        if kind == "num":
            return ("num", val)
        if kind == "name":
            return ("var", val)
        if (kind, val) == ("op", "("):
            node = self.expr()
            if self.take() != ("op", ")"):
                raise SyntaxError("expected )")
            return node
        raise SyntaxError(f"unexpected {val!r}")
def evaluate(node, env):
    match node:
        case ("num", v):
            return v
        case ("var", name):
            return env[name]
        case ("neg", inner):
            return -evaluate(inner, env)
        case (op, l, r):
            a, b = evaluate(l, env), evaluate(r, env)
            return {"+": a + b, "-": a - b, "*": a * b, "%": a % b if b else None,
                    "/": a / b if b else float("inf"), "^": a ** b}[op]
env = {"x": 3, "y": 4}
for src in ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-x ^ 2", "x * x + y * y", "10 / 4", "7 % 3 + 0.5", "((((x))))", "2 ^ 100"]:
    tree = Parser(tokenize(src)).expr()
    print(f"{src:>14} = {evaluate(tree, env)}")
print(Parser(tokenize("a + b * 2")).expr())
for bad in ["1 + ", "2 $ 3", "(1 + 2", "z + 1"]:
    try:
        print(evaluate(Parser(tokenize(bad)).expr(), env))
    except (SyntaxError, KeyError) as e:
        print(type(e).__name__, e)
