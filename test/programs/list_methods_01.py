# list: methods, mutation, aliasing.
a = [3, 1, 4, 1, 5]
a.append(9)
a.extend([2, 6])
a.insert(0, 0)
a.insert(100, 7)
a.insert(-1, 8)
print(a, len(a), a.count(1), a.index(1), a.index(1, 3))
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1)
print(a)
a.reverse()
print(a)
b = a
c = a[:]
b.append("x")
print(a is b, a is c, a == c, c)
a.clear()
print(a, b, c.copy())
try:
    [].pop()
except IndexError as e:
    print("IndexError", e)
try:
    [1].remove(2)
except ValueError as e:
    print("ValueError", e)
try:
    [1, 2].index(5)
except ValueError as e:
    print("ValueError", e)
print([1, 2] + [3], [0] * 3, [[0] * 2 for _ in range(2)], [1, 2] * 0, list("ab"), list(range(3)), list())
grid = [[0] * 3] * 2
grid[0][0] = 1
print(grid)
print([1, 2, 3] == [1, 2, 3], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [] < [0])
x = [1, 2]
x += (3, 4)
x *= 2
print(x, 3 in x, 7 not in x, len(x))
nested = [1, [2, [3, [4]]]]
print(nested, nested[1][1][1][0], repr([None, True, "s", 1.5]))
l = [1]
l.append(l)
print(l)
