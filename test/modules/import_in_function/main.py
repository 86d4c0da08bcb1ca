def use():
    import lazy
    return lazy.NAME


def use_from():
    from tools.fmt import fmt
    return fmt(1)


def use_as():
    import tools.fmt as f
    return f.fmt(2), "tools" in dir()


print("before")
print(use())
print(use())
print(use_from(), use_as())
print("lazy" in globals(), "tools" in globals())


class Holder:
    import lazy as mod
    from tools import fmt


print(Holder.mod.NAME, Holder.fmt.fmt(3))
