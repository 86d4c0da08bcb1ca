PI = 3.14159
scale = 2


def area(r):
    return PI * r * r * scale


class Circle:
    def __init__(self, r):
        self.r = r

    def __repr__(self):
        return f"Circle({self.r})"

    def area(self):
        return area(self.r)


def set_scale(n):
    global scale
    scale = n
