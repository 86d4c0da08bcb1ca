"""The helper module."""
print("helper: executing as", __name__)
counter = 0


def bump():
    global counter
    counter += 1
    return counter


VALUE = [1, 2, 3]
