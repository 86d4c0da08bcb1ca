# Case conversion, padding, predicates.
for s in ["hello World", "ALL CAPS", "o'neil's dog", "ß straße", "mIxEd 123 case", ""]:
    print(repr(s), s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold(), sep=" | ")
print("[" + "ab".center(7) + "]", "[" + "ab".center(8, "*") + "]", "[" + "ab".ljust(5, "-") + "]", "[" + "ab".rjust(5) + "]")
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2), "a\tbc\td".expandtabs(), "a\tb".expandtabs(4))
tests = ["abc", "ABC", "123", "a1", " ", "", "Abc Def", "٣", "½", "x_y", "if", "\t\n", "ǅ"]
for t in tests:
    print(repr(t), t.isalpha(), t.isdigit(), t.isalnum(), t.isupper(), t.islower(), t.isspace(),
          t.istitle(), t.isdecimal(), t.isnumeric(), t.isidentifier(), t.isprintable(), t.isascii())
print("abc" < "abd", "abc" < "ab", "B" < "a", "" < "a", "é" > "z", max("hello"), min("hello"), sorted("banana"))
print("ab" * 3, 3 * "xy", "a" + "b", "-" * 0, "abc" * -1)
print(ord("a"), ord("€"), chr(97), chr(8364), chr(0x1F600) == "\U0001F600", len("\U0001F600"))
