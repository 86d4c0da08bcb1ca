# Uncaught AttributeError on a builtin type with a suggestion, and a NameError suggestion for a builtin name, chained.
def normalize(words):
    try:
        return [w.lowr() for w in words]
    except AttributeError:
        return lenn(words)

print(normalize([]))
normalize(["A", "b"])
