# split / rsplit / join / strip family.
s = "  the quick  brown\tfox\njumps  "
print(s.split())
print(s.split(" "))
print(s.split(None, 2), s.rsplit(None, 2))
print("a,b,,c,".split(","), "a,b,,c,".split(",", 1), "a,b,,c,".rsplit(",", 2))
print("".split(), "".split(","), "   ".split(), "abc".split("abc"))
print("a::b::c".split("::"), "x".join(["1", "2", "3"]), "".join([]), ", ".join("abc"))
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "abcHELLOcba".strip("abc"), "www.example.com".lstrip("cmowz."), "mississippi".rstrip("ips"))
print("one\ntwo\r\nthree\rfour".splitlines(), "a\n\nb\n".splitlines(), "a\nb\n".splitlines(True))
print("k=v=w".partition("="), "k=v=w".rpartition("="), "kvw".partition("="), "kvw".rpartition("="))
try:
    "abc".split("")
except ValueError as e:
    print("ValueError", e)
try:
    ",".join(["a", 1])
except TypeError as e:
    print("TypeError", e)
words = "the cat sat on the mat the end".split()
print(sorted(set(words), key=words.index), words.count("the"))
print("-".join(reversed("a b c".split())), " ".join(w.capitalize() for w in words))
print("1 2  3".split(" ", 2), "tab\tsep\tvalues".split("\t"), "a b".split(maxsplit=0))
