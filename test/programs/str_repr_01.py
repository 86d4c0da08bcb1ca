# repr() of str: quote selection, escapes for control/non-printable/surrogate code points, ascii(), and repr inside containers.
samples = ["", "plain", "it's", 'say "hi"', "both ' and \"", "back\\slash", "tab\there", "nl\n", "cr\r", "nul\x00", "bell\x07",
           "esc\x1b", "del\x7f", "\x80\x9f", "nbsp\xa0", "soft\xad", "é", "ÿ", "\u0100", "\u200b", "\u200e", "\u2028", "\u3000",
           "\ufeff", "\ufffd", "\uffff", "\ud800", "\udfff", "\U0001F600", "\U000E0001", "\U0010FFFF", "日本", "\\'", "'\"'"]
for s in samples:
    print(len(s), repr(s), ascii(s))
print([s for s in samples[:6]], ("'",), {"\"": "'"}, {"\n"})
print(repr(repr("x")), repr(str(repr("'"))), str("a\nb"), f"{'q'!r}", "%r" % "x'y", "{!r}".format("tab\t"))
class S(str):
    pass
print(repr(S("sub")), repr(S("it's")), [S("in list")])
print(repr(chr(0x85)), repr(chr(0x2029)), repr(chr(0x1F)), repr(chr(0xE000)), repr(chr(0xF0000)), repr(chr(0x1D11E)))
print(ascii("abc"), ascii("é\n"), ascii(["é", "日"]), ascii({"k": "\U0001F600"}), ascii(1.5), ascii(b"\xff"))
print(repr("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f"))
print(repr("".join(chr(i) for i in range(0x10, 0x20))))
print(repr("".join(chr(i) for i in range(0x7e, 0xa2))))
