# Building strings: concatenation in loops, join, repetition, multiline literals, implicit concatenation.
parts = []
for i in range(10):
    parts.append(str(i * i))
print(",".join(parts))
s = ""
for ch in "abcdef":
    s += ch.upper() + "-"
print(s, s[:-1], s.rstrip("-"))
poem = """Roses are red,
  violets are blue,
\tsugar is sweet."""
print(poem)
print(poem.splitlines(), len(poem))
implicit = ("one " "two "
            "three")
print(implicit, 'single' "double" '''triple''')
bar = "=" * 20
print(bar, "-" * 3 + ">" , "ab" * 2 * 2)
table = [("name", "qty", "price"), ("apple", 3, 0.5), ("watermelon", 1, 3.25)]
for row in table:
    print("{:<12}{:>5}{:>8}".format(*row))
for name, qty, price in table[1:]:
    print(f"{name:.<15}{qty * price:>7.2f}")
print("\\".join(["a", "b"]), "back\\slash", 'it\'s', "tab\there", "nl\\n")
print("".join(reversed("stressed")), "".join(chr(ord(c) ^ 32) for c in "sWAP"))
long = "x" * 10000
print(len(long), long.count("x"), long[5000:5003], len(long + long), len(long.replace("x", "yy")))
