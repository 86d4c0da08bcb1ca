import __main__


def describe():
    return "tool sees main named " + __main__.__name__ + " with flag " + str(__main__.FLAG)


if __name__ == "__main__":
    print("tool: run as a program")
else:
    print("tool: imported as", __name__)
