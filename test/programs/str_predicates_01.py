# str.isX predicates over ASCII, Latin-1, other scripts, digits of many kinds, and whitespace; isidentifier and keywords.
samples = ["", "a", "Z", "az09", "Ab", "AB", "ab", "Ab Cd", "Ab cd", "AB1", "ab1", " ", "\t\n\r\x0b\x0c", "\x1c\x1d\x1e\x1f",
           "\x85", "\xa0", "\u2003", "\u3000", "\u200b", "é", "ÉCOLE", "ǅ", "ǅa", "ß", "ﬁ", "Ω", "ω", "日本", "٣٤", "१२", "²", "½",
           "Ⅻ", "①", "𝟙", "\U0001F600", "x\x00", "\x7f", "tab\there", "_", "_a1", "1a", "a-b", "if", "None", "ℌ", "ÿ", "\u0301"]
preds = ["isalpha", "isalnum", "isdigit", "isdecimal", "isnumeric", "isspace", "isupper", "islower", "istitle",
         "isidentifier", "isprintable", "isascii"]
print(" ".join(p[2:6] for p in preds))
for s in samples:
    flags = "".join("T" if getattr(s, p)() else "." for p in preds)
    print(flags, ascii(s))
print([c for c in "a1_b2-c3 d" if c.isalnum()], sum(c.isupper() for c in "Hello World ABC"), "".join(filter(str.isdigit, "a1b22c333")))
print(["x", "x1", "1x", "_", "__init__", "class", "def_", "π", "a b", ""].__len__(), [w.isidentifier() for w in ["x", "x1", "1x", "_", "__init__", "class", "def_", "π", "a b", ""]])
print(b"abc".isalpha(), b"abc1".isalnum(), b"123".isdigit(), b" \t".isspace(), b"ABC".isupper(), b"Ab Cd".istitle(), b"\xe9".isalpha(), b"".isascii())
