# Uncaught TypeError from calling a function with a wrong argument count, inside a list comprehension (frame "<listcomp>").
def area(width, height):
    return width * height

shapes = [(2, 3), (4, 5), (6,)]
print(area(*shapes[0]))
areas = [area(*dims) for dims in shapes]
print(areas)
