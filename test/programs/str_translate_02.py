# str.translate: LookupError subclasses from __getitem__ keep the character, other errors propagate; str() decoding errors.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: "abc".translate({97: None, 98: "BB", 99: 100}))
class T:
    def __getitem__(self, k):
        if k == 98: raise IndexError
        if k == 99: raise KeyError
        return None
t(lambda: "abcd".translate(T()))
class T2:
    def __getitem__(self, k): raise ValueError("v")
t(lambda: "a".translate(T2()))
t(lambda: str("x", "utf-8")); t(lambda: str(1, "utf-8"))
