# Non-ASCII and astral code points: len/index/slice by code point, case mapping that changes length, encode/decode, ord/chr, sorting.
s = "naïve café 日本語 \U0001F600\U0001F680 𝔘𝔫𝔦"
print(len(s), s[6], s[11:14], s[-5:], s[::-1], list(s[15:17]))
print([hex(ord(c)) for c in s[15:]], [len(c.encode()) for c in "aé日\U0001F600"], len(s.encode("utf-8")), sum(2 if ord(c) > 0xFFFF else 1 for c in s))
print(s.upper(), s.title(), s.casefold(), s.swapcase())
for w in ["ß", "ﬁ", "ǰ", "İ", "ŉ", "ΐ", "Σ", "ΌΣ", "ΣΑΣ", "ǅ", "ﬃ", "ᾳ"]:
    print(w, len(w), w.upper(), len(w.upper()), w.lower(), len(w.lower()), w.title(), w.casefold(), w.capitalize(), w.swapcase())
print(chr(0), chr(127) == "\x7f", chr(0x10FFFF) == "\U0010ffff", ord("\U0010ffff"), chr(0xD800) == "\ud800", len(chr(0xD800)))
for bad in [-1, 0x110000, 2 ** 40]:
    try:
        chr(bad)
    except (ValueError, OverflowError) as e:
        print(bad, type(e).__name__ + ":", e)
for bad in ["", "ab", "\U0001F600\U0001F600"]:
    try:
        ord(bad)
    except TypeError as e:
        print(repr(bad), "TypeError:", e)
print(sorted(["é", "e", "z", "É", "日", "\U0001F600", "a", "Z", "ä"]), "é" < "f", "\uffff" < "\U00010000")
b = s.encode()
print(b[:12], b.decode() == s, b[6:8].decode(), "日本".encode("utf-8").hex(), "\U0001F600".encode("utf-8").hex())
for enc in ["utf-8", "latin-1", "ascii", "UTF8", "latin1"]:
    try:
        print(enc, "é€".encode(enc))
    except UnicodeEncodeError as e:
        print(enc, "UnicodeEncodeError:", e)
print("é€".encode("ascii", "replace"), "é€".encode("ascii", "ignore"), "é€".encode("ascii", "xmlcharrefreplace"), "é€".encode("ascii", "backslashreplace"))
print(b"caf\xc3\xa9".decode(), b"\xff\xfeabc".decode("utf-8", "replace"), b"\xffabc".decode("utf-8", "ignore"), b"\xe9".decode("latin-1"))
for data in [b"\xff", b"\xc3", b"\xed\xa0\x80", b"a\x80b", b"\xf0\x9f\x98"]:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        print(data, "UnicodeDecodeError:", e)
print("a\u0301" == "á", len("a\u0301"), "\u00e1".encode(), "x\u0301y".upper(), "ĳ".upper(), "Ǆ".lower(), "ǆ".title())
print("日本語".find("語"), "日本語".index("本"), "日本語日本".count("日本"), "日本語".replace("本", "ほん"), "\U0001F600x".find("x"))
print("🙂".center(5, "*"), "日本".ljust(4, "・"), "é".zfill(3), "x".join("日本"), "\U0001F600" * 3, " ".join(reversed("αβγ")))
