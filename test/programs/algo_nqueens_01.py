# Backtracking: N-queens counts and the first solution drawn, sudoku-like subset sum.
def queens(n):
    solutions = []
    cols, d1, d2 = set(), set(), set()
    placed = []
    def place(r):
        if r == n:
            solutions.append(list(placed))
            return
        for c in range(n):
            if c in cols or r - c in d1 or r + c in d2:
                continue
            cols.add(c); d1.add(r - c); d2.add(r + c); placed.append(c)
            place(r + 1)
            cols.remove(c); d1.remove(r - c); d2.remove(r + c); placed.pop()
    place(0)
    return solutions
for n in range(1, 8):
    print(n, len(queens(n)))
first = queens(6)[0]
for c in first:
    print("".join("Q" if i == c else "." for i in range(6)))
def subset_sum(nums, target):
    res = []
    def go(i, chosen, total):
        if total == target:
            res.append(tuple(chosen))
            return
        if i == len(nums) or total > target:
            return
        chosen.append(nums[i])
        go(i + 1, chosen, total + nums[i])
        chosen.pop()
        go(i + 1, chosen, total)
    go(0, [], 0)
    return res
print(subset_sum([3, 34, 4, 12, 5, 2], 9), subset_sum([1, 2, 3, 4, 5], 10))
