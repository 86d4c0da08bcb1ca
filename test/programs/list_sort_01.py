# sort / sorted with keys, reverse, stability.
data = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 30), ("eve", 22)]
print(sorted(data))
print(sorted(data, key=lambda p: p[1]))
print(sorted(data, key=lambda p: p[1], reverse=True))
print(sorted(data, key=lambda p: (-p[1], p[0])))
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
nums = [5, -3, 2, -8, 0, 7, -1]
nums.sort()
print(nums)
nums.sort(key=abs)
print(nums)
nums.sort(reverse=True)
print(nums)
print(sorted("hello world"), sorted({3: "a", 1: "b"}), sorted((2.5, 1, 3)), sorted([]))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError", e)
class Item:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return f"Item({self.v})"
print(sorted([Item(3), Item(1), Item(2)]), max([Item(3), Item(5), Item(2)], key=lambda i: i.v))
big = [(i * 7919) % 101 for i in range(60)]
print(sorted(big)[:10], sorted(big, reverse=True)[:5], big == sorted(big))
print(list(reversed([1, 2, 3])), [1, 2, 3][::-1])
