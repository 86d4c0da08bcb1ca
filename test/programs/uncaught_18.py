# Uncaught IndexError in a method called from __init__ during object construction, after some output.
class Matrix:
    def __init__(self, rows):
        self.rows = rows
        self.diag = [self.at(i, i) for i in range(3)]

    def at(self, r, c):
        return self.rows[r][c]

m = Matrix([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
print("diag", m.diag)
Matrix([[1, 2], [3, 4]])
