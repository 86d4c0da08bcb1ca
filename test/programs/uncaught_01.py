# Ends with an uncaught ValueError raised a few frames deep: traceback on stderr, exit status 1.
def parse(text):
    return [int(part) for part in text.split(",")]

def total(text):
    numbers = parse(text)
    return sum(numbers)

print(total("1,2,3"))
print("about to fail")
print(total("4,five,6"))
print("never printed")
