# str.encode with the spellings of an encoding name CPython's codec lookup normalizes
names = ["utf-8", "UTF8", "utf_8", " utf8 ", "u8", "utf", "cp65001", "ascii", "US-ASCII", "us.ascii",
         "us", "646", "ANSI_X3.4-1968", "latin-1", "Latin_1", "latin1", "L1", "iso8859", "iso-8859-1",
         "ISO8859_1", "8859", "cp819", "iso.8859.1", "utf 8", "utf--8", "latin", "ibm819", "csascii",
         "unknown-codec", "", "utf-8-", "-utf-8"]
for name in names:
    for text in ["abc", "\xe9t\xe9"]:
        try:
            print(repr(name), repr(text), text.encode(name))
        except (LookupError, UnicodeEncodeError) as e:
            print(repr(name), repr(text), type(e).__name__, e)
for name in ["iso8859", "us.ascii", "UTF-8"]:
    print(repr(name), b"caf\xc3\xa9".decode(name, "replace"))
