# find / index / count / replace / startswith / endswith.
s = "hello world, hello python"
print(s.find("hello"), s.find("hello", 1), s.rfind("hello"), s.find("xyz"), s.find(""), s.rfind(""))
print(s.index("world"), s.rindex("o"), s.count("l"), s.count("hello"), s.count(""), s.count("l", 5, 15))
print(s.replace("hello", "bye"), s.replace("hello", "bye", 1), s.replace("", "-", 3), "aaa".replace("a", "bb"))
print(s.startswith("hello"), s.startswith("world", 6), s.startswith(("x", "he")), s.endswith("python"), s.endswith(("a", "b")))
print(s.endswith("hello", 0, 5), s.startswith(""), "".startswith(""), s.find("o", -5), s.find("o", 5, 6))
print("abc" in s, "world" in s, "" in s, "lo w" in s)
try:
    s.index("zzz")
except ValueError as e:
    print("ValueError", e)
try:
    s.rindex("zzz")
except ValueError as e:
    print("ValueError", e)
print("banana".find("na", 3), "banana".rfind("na", 0, 4), "banana".count("ana"), "banana".replace("ana", "ANA"))
print("%d occurrences" % "a-b-c-d".count("-"), "a-b-c-d".replace("-", ""), "x".replace("x", ""))
print("Hello".removeprefix("He"), "Hello".removesuffix("lo"), "Hello".removeprefix("xx"), "Hello".removesuffix(""))
