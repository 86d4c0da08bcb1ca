REAL = "real"


def __getattr__(name):
    if name.startswith("auto_"):
        return "generated " + name
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return ["REAL", "auto_example"]
